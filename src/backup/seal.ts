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
  finish(snapshotBytes: number, packedBytes?: number): Promise<Omit<EnvelopeDescription, 'blob'>>;
}

/**
 * The envelope (zstd + age) works while the snapshot arrives, into a private file at `path`; it is stored
 * only once the snapshot has passed verification.
 */
export async function startSealing(
  options: { encryption: EncryptionChoice; compression?: Compression },
  path: string,
  input: { alreadyZstd: boolean } = { alreadyZstd: false },
): Promise<Sealing> {
  const tee = new PassThrough();
  const sealed = await seal(tee, {
    encryption: options.encryption,
    compression: options.compression ?? 'zstd',
    // It reads a tee of the transfer, which hashes these same bytes already.
    hashInput: false,
    alreadyCompressed: input.alreadyZstd,
  });
  const written = pipeline(sealed.blob, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
  // Awaited in finish(); until then a failure must not go unhandled (the acquire step reports it first).
  written.catch(() => {});
  sealed.snapshot.catch(() => {});
  return {
    input: tee,
    async finish(snapshotBytes, packedBytes) {
      await written;
      const digest = await sealed.snapshot;
      // Packed on the node, the envelope got the very bytes the runner unpacked into the snapshot file.
      const expected = input.alreadyZstd ? packedBytes : snapshotBytes;
      if (digest.size !== expected)
        throw new SnapshotRejectedError('the envelope did not receive the same bytes as the snapshot file');
      return sealed.envelope;
    },
  };
}
