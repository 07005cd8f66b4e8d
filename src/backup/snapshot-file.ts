import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EtcdBackupError } from '../errors';
import { SnapshotTrailerCheck } from '../snapshot';
import { ProgressMeter, type ProgressSink } from '../util/progress';
import { Tee } from '../util/tee';

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
}

/**
 * Writes a snapshot stream to a new 0600 file with progress, checking its length and etcd's SHA-256 trailer on
 * the way, so what arrived is known to be what etcd sent without reading the file again.
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
}): Promise<WrittenSnapshot> {
  const meter = new ProgressMeter(options.label, options.progress, options.totalBytes);
  if (options.totalBytes === undefined && options.estimatedBytes) meter.setEstimate(options.estimatedBytes);
  const trailer = new SnapshotTrailerCheck();
  try {
    const file = createWriteStream(options.path, { mode: 0o600, flags: 'wx' });
    if (options.also) await pipeline(options.source, meter, trailer, new Tee(options.also), file);
    else await pipeline(options.source, meter, trailer, file);
  } catch (error) {
    options.onError?.();
    options.also?.destroy(error as Error);
    const of = options.totalBytes === undefined ? '' : ` of ${options.totalBytes}`;
    throw new SnapshotTransferError(
      `snapshot stream broke after ${meter.transferred}${of} bytes: ${(error as Error).message}`,
      error,
    );
  }
  if (options.totalBytes !== undefined && meter.transferred !== options.totalBytes) {
    throw new SnapshotTransferError(
      `snapshot stream ended early: ${meter.transferred} of ${options.totalBytes} bytes arrived`,
    );
  }
  return {
    path: options.path,
    bytes: meter.transferred,
    sha256: trailer.result.fileSha256,
    trailerOk: trailer.result.trailer === 'ok',
    databaseSha256: trailer.result.sha256,
  };
}
