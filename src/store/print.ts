import { formatBytes } from '../util/progress';
import type { CatalogEntry } from './catalog';

/** The human table of `etcd-backup list`: newest first, one backup per line. */
export function formatCatalog(entries: CatalogEntry[]): string {
  if (entries.length === 0) return 'no backups';
  const rows = [
    ['NAME', 'TIME (UTC)', 'CLUSTER', 'REVISION', 'SIZE', 'NODE FILES', 'ENCRYPTED FOR'],
    ...entries.map((e) => [
      e.name,
      e.time.replace(/\.\d+Z$/, 'Z'),
      e.cluster,
      String(e.revision),
      formatBytes(e.size),
      nodeFiles(e),
      e.encryptedFor,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

/** `24 (node-1)`, or `-` when the backup holds the snapshot only. */
function nodeFiles(entry: CatalogEntry): string {
  const nodes = Object.entries(entry.controlPlaneFiles);
  return nodes.length === 0 ? '-' : nodes.map(([node, count]) => `${count} (${node})`).join(', ');
}
