import { spawn } from 'node:child_process';
import type { Logger } from '../util/log';
import { EtcdToolError, type EtcdTools, supportsBumpRevision } from './etcd-tools';

export interface SnapshotRestoreOptions {
  snapshotPath: string;
  /** Must not exist yet (etcd refuses a non-empty one). */
  dataDir: string;
  name: string;
  /** This member's peer URL(s), comma-separated, as in the manifest's --initial-advertise-peer-urls. */
  initialAdvertisePeerUrls: string;
  /** The same string for every member: name=peerURL,... */
  initialCluster: string;
  /** Fresh per restore, so the restored members can never join the old cluster by mistake. */
  initialClusterToken: string;
  /** Revisions to jump forward (with --mark-compacted) so watchers relist instead of going back in time. */
  bumpRevision?: number;
  /** For raw member/snap/db copies, which carry no SHA-256 trailer. */
  skipHashCheck?: boolean;
  log: Logger;
}

/** The `snapshot restore` argv after the program, the same on the runner and on a node. */
export function snapshotRestoreArgs(
  tool: { kind: EtcdTools['restoreToolKind']; version: string },
  options: Omit<SnapshotRestoreOptions, 'log'>,
): string[] {
  const args = [
    'snapshot',
    'restore',
    options.snapshotPath,
    `--data-dir=${options.dataDir}`,
    `--name=${options.name}`,
    `--initial-advertise-peer-urls=${options.initialAdvertisePeerUrls}`,
    `--initial-cluster=${options.initialCluster}`,
    `--initial-cluster-token=${options.initialClusterToken}`,
  ];
  if (options.skipHashCheck) args.push('--skip-hash-check=true');
  const bump = options.bumpRevision ?? 0;
  if (bump > 0) {
    if (!supportsBumpRevision(tool.version)) {
      throw new EtcdToolError(`${tool.kind} ${tool.version} cannot bump the revision`, {
        hint: 'use etcd 3.4.27+, 3.5.10+ or 3.6 tools, or set the revision bump to 0 (watch caches may then go back in time)',
      });
    }
    args.push(`--bump-revision=${bump}`, '--mark-compacted');
  }
  return args;
}

/**
 * Runs `etcdutl snapshot restore` (`etcdctl snapshot restore` on 3.4) and keeps its output in the log. The tool
 * checks the snapshot's SHA-256 trailer itself before writing anything.
 */
export async function restoreSnapshot(
  tools: EtcdTools,
  options: SnapshotRestoreOptions & { signal?: AbortSignal },
): Promise<void> {
  const args = snapshotRestoreArgs({ kind: tools.restoreToolKind, version: tools.version }, options);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(tools.restoreTool, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ETCDCTL_API: '3' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let text = '';
    const keep = (d: Buffer) => {
      text = (text + d.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) =>
      reject(new EtcdToolError(`cannot run ${tools.restoreTool}: ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(text);
      else {
        const last = text.trim().split('\n').filter(Boolean).pop() ?? '';
        reject(
          new EtcdToolError(`${tools.restoreToolKind} snapshot restore failed (exit ${code}): ${last}`, {
            hint: 'nothing was changed on the cluster; the tool output is in the log above',
          }),
        );
      }
    });
  });
  for (const line of output.trim().split('\n'))
    if (line) options.log.debug(`${tools.restoreToolKind}: ${line}`);
}
