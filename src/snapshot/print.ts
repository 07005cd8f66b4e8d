import { formatBytes } from '../util/progress';
import type { SnapshotDiff } from './diff';
import type { Inventory } from './inventory';
import type { SnapshotReport } from './report';
import { verdictOf } from './verdict';

/** The report as one JSON-ready object, etcd's status fields first, in etcd's order. */
export function reportJson(
  report: SnapshotReport,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const { hash, revision, totalKey, totalSize, version, ...rest } = report;
  return {
    hash,
    revision,
    totalKey,
    totalSize,
    ...(version === undefined ? {} : { version }),
    ...rest,
    ...extra,
  };
}

/** etcd before 3.6 counts every revision in the key bucket as totalKey; 3.6 counts the live keys. */
function countsRevisions(report: SnapshotReport): boolean {
  return report.etcdCompat === '3.4' || report.etcdCompat === '3.5';
}

export function formatReport(report: SnapshotReport): string {
  const lines = [`snapshot ${report.path} (${formatBytes(report.fileSize)})`];
  const compat =
    report.etcdCompatSource === 'option'
      ? `etcd ${report.etcdCompat} semantics, as asked`
      : report.etcdCompatSource === 'storage-version'
        ? `etcd ${report.etcdCompat} semantics: storage version ${report.storageVersion}`
        : 'etcd 3.4/3.5 semantics: no storage version';
  if (report.hash === null) {
    lines.push(`  status     not computed: the structure is damaged`);
  } else {
    const version = report.version === undefined ? '' : `  version ${report.version || '""'}`;
    lines.push(
      `  status     hash ${report.hash.toString(16)} (${report.hash})  revision ${report.revision}  total keys ${report.totalKey}  total size ${report.totalSize}${version}`,
      `             (${compat}; ${countsRevisions(report) ? 'total keys counts every revision kept, as etcdutl does: a drill counts only the live keys, fewer' : 'total keys counts the live keys, as a drill does'})`,
    );
  }
  if (report.compactRevision !== null) lines.push(`  compacted  at revision ${report.compactRevision}`);
  lines.push(`  sha256     ${report.sha256}`);
  const trailer = {
    ok: 'ok: the database matches the SHA-256 etcd appended',
    missing: 'missing: no integrity trailer (raw member/snap/db copy?)',
    mismatch: 'MISMATCH: the file is not what etcd sent',
  }[report.trailer];
  lines.push(`  trailer    ${trailer}`);
  if (report.pages) {
    const p = report.pages;
    const how =
      p.freelist === 'persisted'
        ? 'freelist persisted and checked'
        : 'no persisted freelist: unreached pages are free';
    lines.push(
      `  pages      ${p.total} × ${report.pageSize} bytes: ${p.reachable} in use, ${p.free} free (${how})`,
    );
  }
  const buckets = Object.entries(report.buckets);
  if (buckets.length > 0) lines.push(`  buckets    ${buckets.map(([name, n]) => `${name} ${n}`).join(', ')}`);
  const verdict = verdictOf(report);
  lines.push(
    `  verdict    ${verdict === 'intact' ? 'INTACT' : verdict === 'no-trailer' ? 'NO INTEGRITY TRAILER' : 'DAMAGED'}`,
  );
  for (const problem of report.integrity.problems)
    lines.push(`    ${problem.severity.padEnd(7)} ${problem.message}`);
  const hidden = report.integrity.problemCount - report.integrity.problems.length;
  if (hidden > 0) lines.push(`    ... and ${hidden} more`);
  return lines.join('\n');
}

function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k === '' ? '(cluster)' : k} ${n}`)
    .join(', ');
}

/** `  in team-a 5, team-b 4, default 2 (+3 namespaces)`, or nothing for cluster-scoped resources. */
function namespacesBrief(namespaces: Record<string, number>, shown = 3): string {
  const entries = Object.entries(namespaces).filter(([ns]) => ns !== '');
  if (entries.length === 0) return '';
  entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const more = entries.length > shown ? ` (+${entries.length - shown} namespaces)` : '';
  return `  in ${entries
    .slice(0, shown)
    .map(([ns, n]) => `${ns} ${n}`)
    .join(', ')}${more}`;
}

export function formatInventory(inventory: Inventory): string {
  const lines = [
    `kubernetes objects under ${inventory.prefix}/: ${inventory.kubernetesObjects} (${inventory.clusterScoped} cluster-scoped), other keys: ${inventory.otherKeys}, live keys: ${inventory.liveKeys} (the latest revision of each key, as a drill counts them)`,
  ];
  const s = inventory.secrets;
  const providers = Object.keys(s.providers).length > 0 ? ` (${counts(s.providers)})` : '';
  lines.push(`  secrets: ${s.total}: ${s.encrypted} encrypted at rest${providers}, ${s.plain} plain`);
  lines.push(`  encodings: ${counts(inventory.encodings as unknown as Record<string, number>)}`);
  lines.push(`  namespaces: ${counts(inventory.namespaces) || 'none'}`);
  // One line per resource: the biggest namespaces inline, the rest counted (--json has them all).
  const width = Math.max(8, ...inventory.resources.map((r) => r.resource.length));
  for (const r of inventory.resources) {
    const enc = r.encrypted > 0 ? `, ${r.encrypted} encrypted` : '';
    lines.push(
      `  ${r.resource.padEnd(width)} ${String(r.count).padStart(6)}  ${counts(r.kinds)}${enc}${namespacesBrief(r.namespaces)}`,
    );
    for (const name of r.names ?? []) lines.push(`  ${''.padEnd(width)}         - ${name}`);
  }
  for (const key of inventory.otherKeyNames ?? []) lines.push(`  other key: ${key}`);
  return lines.join('\n');
}

export function formatDiff(diff: SnapshotDiff, base: string, other: string): string {
  const lines = [
    `from ${base} to ${other}: ${diff.added} added, ${diff.removed} removed, ${diff.changed} changed, ${diff.unchanged} unchanged`,
  ];
  const width = Math.max(8, ...diff.groups.map((g) => g.resource.length));
  for (const g of diff.groups) {
    lines.push(
      `  ${g.resource.padEnd(width)} ${(g.namespace || '(cluster)').padEnd(20)} +${g.added} -${g.removed} ~${g.changed}`,
    );
  }
  if (diff.names) {
    for (const key of diff.names.added) lines.push(`  + ${key}`);
    for (const key of diff.names.removed) lines.push(`  - ${key}`);
    for (const key of diff.names.changed) lines.push(`  ~ ${key}`);
  }
  return lines.join('\n');
}
