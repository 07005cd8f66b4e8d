import { PassThrough, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createZstdCompress, constants as zlib } from 'node:zlib';
import type { Compression, EnvelopeDescription } from '../backup/metadata';
import { type Digest, DigestStream } from './digest';
import { describeEncryption, type EncryptionChoice, makeEncrypter } from './encryption';
import { EnvelopeError } from './errors';
import { nodeToWeb, webToNode } from './web';

export interface SealOptions {
  encryption: EncryptionChoice;
  compression?: Compression;
  /** zstd level; 3 (zstd's default) keeps the envelope cheaper than the network it feeds. */
  zstdLevel?: number;
  /** When the snapshot was already verified on disk, its digest; a changed file then fails the seal. */
  expectedSnapshot?: Digest;
}

export interface SealedSnapshot {
  /** The bytes to store: `zstd` then `age`, both standard formats (`age -d | zstd -d` opens them by hand). */
  blob: Readable;
  envelope: Omit<EnvelopeDescription, 'blob'>;
  /** The plaintext snapshot's digest; resolves once `blob` has been read to its end. */
  snapshot: Promise<Digest>;
}

/** Streams a snapshot through zstd and age. Memory stays bounded: every stage is a stream with backpressure. */
export async function seal(snapshot: Readable, options: SealOptions): Promise<SealedSnapshot> {
  const compression = options.compression ?? 'zstd';
  const expected = options.expectedSnapshot;
  const plain = new DigestStream((d) =>
    expected && (d.sha256 !== expected.sha256 || d.size !== expected.size)
      ? new EnvelopeError(
          'snapshot-mismatch',
          `the snapshot changed between verification and sealing (sha256 ${d.sha256.slice(0, 12)}…, expected ${expected.sha256.slice(0, 12)}…)`,
          { hint: 'take the backup again; something else wrote to the snapshot file' },
        )
      : undefined,
  );
  const compressed = new PassThrough();
  const stages: NodeJS.ReadWriteStream[] = [plain];
  if (compression === 'zstd') {
    stages.push(createZstdCompress({ params: { [zlib.ZSTD_c_compressionLevel]: options.zstdLevel ?? 3 } }));
  }
  const upstream = pipeline(snapshot, ...(stages as [NodeJS.ReadWriteStream]), compressed);
  const snapshotDigest = finished(plain).then(() => plain.digest);
  // Both are observed through `blob`; these handlers only keep an early failure from being "unhandled".
  upstream.catch(() => {});
  snapshotDigest.catch(() => {});

  let blob: Readable = compressed;
  if (options.encryption.kind !== 'none') {
    blob = webToNode(await makeEncrypter(options.encryption).encrypt(nodeToWeb(compressed)));
  }
  // A failure anywhere upstream must fail the blob reader too, never end it cleanly.
  upstream.catch((error: unknown) => blob.destroy(error as Error));
  return {
    blob,
    envelope: { compression, encryption: describeEncryption(options.encryption) },
    snapshot: snapshotDigest,
  };
}
