import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EncryptionChoice } from '../envelope/encryption';
import { seal } from '../envelope/seal';
import type { Compression, EnvelopeDescription } from '../format';
import { SnapshotRejectedError } from './errors';

export interface Sealing {
  /** Where the acquire step tees the snapshot's bytes while they arrive. */
  input: PassThrough;
  /**
   * The seal step: waits until the sealed copy is on disk and checks it was made of the same bytes as the
   * snapshot file; returns how it was sealed.
   */
  finish(snapshotBytes: number): Promise<Omit<EnvelopeDescription, 'blob'>>;
}

/**
 * The envelope (zstd + age) works while the snapshot arrives, into a private file at `path`; it is stored
 * only once the snapshot has passed verification.
 */
export async function startSealing(
  options: { encryption: EncryptionChoice; compression?: Compression },
  path: string,
): Promise<Sealing> {
  const input = new PassThrough();
  const sealed = await seal(input, {
    encryption: options.encryption,
    compression: options.compression ?? 'zstd',
    // It reads a tee of the transfer, which hashes these same bytes already.
    hashInput: false,
  });
  const written = pipeline(sealed.blob, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
  // Awaited in finish(); until then a failure must not go unhandled (the acquire step reports it first).
  written.catch(() => {});
  sealed.snapshot.catch(() => {});
  return {
    input,
    async finish(snapshotBytes) {
      await written;
      const digest = await sealed.snapshot;
      if (digest.size !== snapshotBytes)
        throw new SnapshotRejectedError('the envelope did not receive the same bytes as the snapshot file');
      return sealed.envelope;
    },
  };
}
