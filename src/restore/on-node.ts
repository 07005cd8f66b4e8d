import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import { PassThrough } from 'node:stream';
import { firstLine, SshCommandError } from '../ssh/errors';
import type { SshSession } from '../ssh/session';
import type { Logger } from '../util/log';
import { EtcdToolError } from './etcd-tools';
import { NodeActionError } from './node-ops';
import type { NodeTool } from './node-tools';
import { type SnapshotRestoreOptions, snapshotRestoreArgs } from './snapshot-restore';
import { LocalSendError, sendPacked, wireCodecs } from './wire';

const RECEIVE = [
  'dir=$1',
  'umask 077',
  'mkdir -m 0700 -- "$dir" || exit 70',
  // $2 is one of our fixed unpack commands (wire.ts), split into words on purpose.
  'if $2 >"$dir/snapshot.db"; then exit 0; fi',
  'rm -rf -- "$dir"',
  'exit 71',
].join('\n');

/** Only dirs named like our own staging (`.<name>.restore-<stamp>[.snapshot]`) are ever removed. */
export const OUR_STAGING = /\/\.[^/]+\.restore-\d{8}T\d{6}Z(\.snapshot)?$/;

export async function removeOurDir(session: SshSession, dir: string): Promise<void> {
  if (!OUR_STAGING.test(dir)) return;
  await session.exec(['rm', '-rf', '--', dir], { sudo: true, check: true });
}

/**
 * Copies the verified snapshot into `dir` (made here, 0700; the file 0600, root's), packed on the wire with
 * zstd or gzip (wire.ts).
 * Returns the bytes sent. A failed copy removes `dir`.
 */
export async function shipSnapshot(
  session: SshSession,
  snapshot: { path: string; packedPath?: string },
  dir: string,
  log: Logger,
): Promise<number> {
  const codec = (await wireCodecs(session)).file;
  // The stored zstd stream goes as it is when the node can unpack it: nothing to pack on the runner.
  const asStored = snapshot.packedPath !== undefined && codec.name === 'zstd';
  const localPath = asStored ? snapshot.packedPath! : snapshot.path;
  try {
    return await sendPacked(session, {
      source: createReadStream(localPath, { highWaterMark: 1 << 20 }),
      pack: asStored ? new PassThrough() : codec.pack(),
      argv: ['sh', '-c', RECEIVE, 'sh', dir, codec.unpack],
      label: `snapshot to ${session.target}, ${asStored ? 'zstd-packed as stored' : `packed with ${codec.name}`}`,
      log,
    });
  } catch (error) {
    if (error instanceof LocalSendError) {
      // The node's command has ended on the cut input; a cut that still unpacked cleanly leaves a file.
      await removeOurDir(session, dir).catch(() => {});
      throw new NodeActionError(
        `cannot read ${localPath} to send it to ${session.target}: ${error.message}`,
        { hint: 'nothing was changed on the cluster', cause: error.failure },
      );
    }
    if (error instanceof SshCommandError) {
      throw new NodeActionError(
        `cannot copy the snapshot into ${dir} on ${session.target}: ${firstLine(error.stderr) || `exit ${error.remoteExitCode}`}`,
        {
          hint: /space/i.test(error.stderr)
            ? 'free space on the node (the snapshot and the restored data dir need room next to the old one), then run again'
            : 'nothing was changed on the cluster; check the node',
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * Runs the node's own `snapshot restore` on the shipped snapshot into `options.dataDir` (which must not exist),
 * then gives the restored dir the data dir's owner and mode 0700. The tool's output goes to the log. A failed
 * restore removes its partial output.
 */
export async function restoreOnNode(
  session: SshSession,
  tool: NodeTool,
  owner: string,
  options: SnapshotRestoreOptions,
): Promise<void> {
  const args = snapshotRestoreArgs(tool, options);
  const r = await session.exec(['env', 'ETCDCTL_API=3', tool.path, ...args], { sudo: true });
  const output = `${r.stdout.toString('utf8')}\n${r.stderr}`.trim();
  for (const line of output.split('\n'))
    if (line.trim()) options.log.debug(`${session.target} ${tool.kind}: ${line}`);
  if (r.exitCode !== 0) {
    await removeOurDir(session, options.dataDir).catch(() => {});
    const last = output.split('\n').filter(Boolean).pop() ?? '';
    throw new EtcdToolError(
      `${tool.kind} snapshot restore failed on ${session.target} (exit ${r.exitCode ?? r.signal}): ${last}`,
      {
        hint: /space/i.test(output)
          ? 'free space on the node next to the data dir, or restore on the runner (--restore-on runner)'
          : 'nothing was changed on the cluster; the tool output is in the log above',
      },
    );
  }
  const own = await session.exec(
    ['sh', '-c', 'chown -R -- "$2" "$1" && chmod 0700 -- "$1"', 'sh', options.dataDir, owner],
    { sudo: true },
  );
  if (own.exitCode !== 0) {
    await removeOurDir(session, options.dataDir).catch(() => {});
    throw new NodeActionError(
      `cannot give ${options.dataDir} on ${session.target} to ${owner}: ${firstLine(own.stderr)}`,
    );
  }
}

/** The snapshot's place on the node: a private dir next to the staging dir, removed as soon as it is used. */
export function snapshotDirFor(staging: string): string {
  return `${staging}.snapshot`;
}

export function shippedSnapshotPath(dir: string): string {
  return posix.join(dir, 'snapshot.db');
}
