import type { SshSession } from '../ssh/session';
import { type EtcdTools, minorOf, supportsBumpRevision } from './etcd-tools';

/** A `snapshot restore` tool found on a node (absolute path, as root sees it) and the version it reports. */
export interface NodeTool {
  path: string;
  kind: EtcdTools['restoreToolKind'];
  version: string;
}

/** Where etcd's tools usually are when they are not on root's PATH (release tarballs, distro packages). */
const USUAL_DIRS = ['/usr/local/bin', '/usr/bin', '/opt/bin', '/opt/etcd', '/opt/etcd/bin'];

/*
 * Every etcdutl and etcdctl on root's PATH and in the usual folders, each with the first line of
 * `<tool> version`. The script is constant text; the folders come in as arguments.
 */
const PROBE = [
  'for name in etcdutl etcdctl; do',
  '  for p in "$(command -v "$name" 2>/dev/null)" "$@"; do',
  '    case $p in /*) ;; *) continue ;; esac',
  '    [ -d "$p" ] && p="$p/$name"',
  '    [ -f "$p" ] && [ -x "$p" ] || continue',
  '    v=$(ETCDCTL_API=3 "$p" version 2>/dev/null | head -n 1)',
  '    printf "%s\\t%s\\t%s\\n" "$name" "$p" "$v"',
  '  done',
  'done',
  'exit 0',
].join('\n');

/** All the restore tools on the node, with the versions they report (unparsable ones are left out). */
export async function probeNodeTools(session: SshSession): Promise<NodeTool[]> {
  const r = await session.exec(['sh', '-c', PROBE, 'sh', ...USUAL_DIRS], { sudo: true, check: true });
  const seen = new Set<string>();
  const tools: NodeTool[] = [];
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const [kind, path, versionLine] = line.split('\t');
    if ((kind !== 'etcdutl' && kind !== 'etcdctl') || !path || seen.has(path)) continue;
    seen.add(path);
    const version = new RegExp(`^${kind} version: v?(\\d+\\.\\d+\\.\\d+)`).exec(versionLine ?? '')?.[1];
    if (version) tools.push({ path, kind, version });
  }
  return tools;
}

/**
 * The node tool that can restore a snapshot of `snapshotVersion`: etcdutl of the same major.minor, or on
 * 3.4 etcdctl (3.5's etcdctl still has a deprecated `snapshot restore` without --bump-revision, so it is not
 * used). With a bump, the tool must support --bump-revision. Returns the tool, or why none fits.
 */
export function matchingNodeTool(
  tools: NodeTool[],
  snapshotVersion: string,
  needsBump: boolean,
): { tool: NodeTool } | { why: string } {
  const minor = minorOf(snapshotVersion);
  const fits = tools.filter((t) => minorOf(t.version) === minor && (t.kind === 'etcdutl' || minor === '3.4'));
  const usable = fits.filter((t) => !needsBump || supportsBumpRevision(t.version));
  const best = usable.find((t) => t.kind === 'etcdutl') ?? usable[0];
  if (best) return { tool: best };
  if (fits.length > 0) return { why: `${fits[0]!.kind} ${fits[0]!.version} there cannot bump the revision` };
  if (tools.length > 0)
    return {
      why: `it has ${tools.map((t) => `${t.kind} ${t.version}`).join(', ')}, not etcdutl ${minor}.x${minor === '3.4' ? ' or etcdctl 3.4.x' : ''}`,
    };
  return { why: 'it has no etcdutl or etcdctl on root PATH or in /usr/local/bin, /usr/bin, /opt' };
}
