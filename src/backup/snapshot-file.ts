import { createWriteStream, openSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EtcdBackupError } from '../errors';
import { SnapshotTrailerCheck } from '../snapshot';
import { WORKER_HASH_THRESHOLD } from '../snapshot/chunk-hasher';
import { FollowingHasher } from '../snapshot/follow-hasher';
import { ProgressMeter, type ProgressSink } from '../util/progress';
import { Tee } from '../util/tee';
import { ReportingFileSink } from './snapshot-sink';

export class SnapshotTransferError extends EtcdBackupError {
  constructor(message: string, cause?: unknown) {
    super(message, {
      hint: 'nothing was stored; check the node and the link, then run the backup again',
      cause,
    });
  }
}

export interface WrittenSnapshot {
  path: string;
  /** File size: the database plus the 32-byte trailer. */
  bytes: number;
  /** SHA-256 of the whole file, trailer included (what `sha256sum` of the .db file prints). */
  sha256: string;
  /** Whether the trailer etcd appended matches the database bytes that arrived. */
  trailerOk: boolean;
  /** SHA-256 of the database part (what the trailer holds), as it streamed in. */
  databaseSha256: string;
  /** Where the SHA-256 ran: a worker reading the file behind the writer, or the stream as it passed. */
  hashedIn: 'worker' | 'stream';
}

/**
 * Writes a snapshot stream to a new 0600 file with progress, checking its length and etcd's SHA-256 trailer on
 * the way, so what arrived is known to be what etcd sent without reading the file again. A large snapshot is
 * hashed by a worker thread that reads the file just behind the writer (follow-hasher.ts), so the thread
 * receiving it does not hash too; a small one (below WORKER_HASH_THRESHOLD, or of unknown size) as it streams.
 */
export async function writeSnapshotFile(options: {
  source: Readable;
  path: string;
  totalBytes: number | undefined;
  /** A guess at the size for the progress ETA when `totalBytes` is not known; nothing is checked against it. */
  estimatedBytes?: number;
  progress: ProgressSink;
  label: string;
  onError?: () => void;
  /** Also feed every byte to this stream (the envelope, which so works while the snapshot arrives). */
  also?: Writable;
  /** Where the SHA-256 runs; default: by the expected size. */
  hashIn?: 'worker' | 'stream';
}): Promise<WrittenSnapshot> {
  const meter = new ProgressMeter(options.label, options.progress, options.totalBytes);
  if (options.totalBytes === undefined && options.estimatedBytes) meter.setEstimate(options.estimatedBytes);
  const expected = options.totalBytes ?? options.estimatedBytes ?? 0;
  const hashIn = options.hashIn ?? (expected >= WORKER_HASH_THRESHOLD ? 'worker' : 'stream');
  let hasher: FollowingHasher | undefined;
  let trailer: SnapshotTrailerCheck | undefined;
  try {
    const fd = openSync(options.path, 'wx', 0o600);
    hasher = hashIn === 'worker' ? startFollowingHasher(options.path) : undefined;
    trailer = hasher ? undefined : new SnapshotTrailerCheck();
    const file = hasher
      ? new ReportingFileSink(fd, (total) => hasher!.written(total))
      : createWriteStream(options.path, { fd });
    const checks = trailer ? [trailer] : [];
    const tee = options.also ? [new Tee(options.also)] : [];
    await pipeline([options.source, meter, ...checks, ...tee, file]);
  } catch (error) {
    await hasher?.stop();
    options.onError?.();
    options.also?.destroy(error as Error);
    const of = options.totalBytes === undefined ? '' : ` of ${options.totalBytes}`;
    throw new SnapshotTransferError(
      `snapshot stream broke after ${meter.transferred}${of} bytes: ${(error as Error).message}`,
      error,
    );
  }
  const checked = trailer?.result ?? (await hasher!.finish());
  if (options.totalBytes !== undefined && meter.transferred !== options.totalBytes) {
    throw new SnapshotTransferError(
      `snapshot stream ended early: ${meter.transferred} of ${options.totalBytes} bytes arrived`,
    );
  }
  return {
    path: options.path,
    bytes: meter.transferred,
    sha256: checked.fileSha256,
    trailerOk: checked.trailer === 'ok',
    databaseSha256: checked.sha256,
    hashedIn: hasher ? 'worker' : 'stream',
  };
}

/** The worker hasher, or none where worker threads cannot start (the stream is then hashed as it passes). */
function startFollowingHasher(path: string): FollowingHasher | undefined {
  try {
    return new FollowingHasher(path);
  } catch {
    return undefined;
  }
}
