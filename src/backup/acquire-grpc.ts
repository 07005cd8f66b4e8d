import { Readable, type Writable } from 'node:stream';
import type { EtcdClient } from '../etcd/client';
import { coalesced } from '../util/coalesce';
import type { ProgressSink } from '../util/progress';
import { type WrittenSnapshot, writeSnapshotFile } from './snapshot-file';

export interface AcquiredSnapshot extends WrittenSnapshot {
  /** 3.6+: storage version the server reported with the snapshot. */
  serverVersion: string;
  durationMs: number;
  /** The bytes that crossed the link when the node packed the snapshot and the envelope took them as they were. */
  packedBytes?: number;
}

/**
 * Streams Maintenance.Snapshot from one member to a file, through whatever address reaches it (an SSH tunnel in
 * practice). The file is created 0600 and holds the snapshot exactly as `etcdctl snapshot save` would write it.
 */
export async function acquireViaGrpc(
  member: EtcdClient,
  options: { path: string; progress: ProgressSink; label?: string; also?: Writable },
): Promise<AcquiredSnapshot> {
  const started = Date.now();
  const stream = await member.openSnapshot();
  const written = await writeSnapshotFile({
    // etcd sends 32 KiB messages; zstd and the file writes get them joined (each chunk is a hand-off to another thread).
    source: coalesced(Readable.from(stream.chunks)),
    path: options.path,
    totalBytes: stream.totalBytes,
    progress: options.progress,
    label: options.label ?? 'snapshot',
    onError: () => stream.cancel(),
    ...(options.also ? { also: options.also } : {}),
  });
  return { ...written, serverVersion: stream.version, durationMs: Date.now() - started };
}
