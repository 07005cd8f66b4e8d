import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** etcd appends the SHA-256 of the database bytes to every snapshot it streams: 32 bytes, nothing else. */
export const TRAILER_SIZE = 32;

export type TrailerVerdict = 'ok' | 'missing' | 'mismatch';

/**
 * etcd's own test for "this file ends with the hash": 512 divides every bbolt page size, so a database
 * alone is a multiple of 512 and a database plus trailer leaves 32 over.
 */
export function hasTrailerBySize(size: number): boolean {
  return size % 512 === TRAILER_SIZE;
}

export interface StreamTrailerResult {
  /** Bytes of the database part (everything before the last 32 bytes). */
  databaseBytes: number;
  /** Hex SHA-256 of the database part. */
  sha256: string;
  /** Hex SHA-256 of every byte that passed, trailer included (what `sha256sum` of the file prints). */
  fileSha256: string;
  trailer: TrailerVerdict;
}

/**
 * A pass-through stream for a snapshot in transit (e.g. from the etcd gRPC stream to disk): hashes all but
 * the last 32 bytes and, at the end, compares them with the trailer, so a backup knows what arrived is what
 * etcd sent without reading the file again. Holds back nothing: every byte is passed on as it comes.
 */
export class SnapshotTrailerCheck extends Transform {
  private readonly hash = createHash('sha256');
  private tail = Buffer.alloc(0);
  private bytes = 0;
  private outcome: StreamTrailerResult | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (chunk.length >= TRAILER_SIZE) {
      // The held-back tail is database bytes after all; the new chunk's last 32 bytes might be the trailer.
      this.hash.update(this.tail);
      this.hash.update(chunk.subarray(0, chunk.length - TRAILER_SIZE));
      this.tail = Buffer.from(chunk.subarray(chunk.length - TRAILER_SIZE));
    } else {
      const joined = Buffer.concat([this.tail, chunk]);
      const keep = Math.min(TRAILER_SIZE, joined.length);
      this.hash.update(joined.subarray(0, joined.length - keep));
      this.tail = Buffer.from(joined.subarray(joined.length - keep));
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.outcome = this.finish();
    done();
  }

  private finish(): StreamTrailerResult {
    // One hash pass serves both digests: the database's is a copy taken before the tail goes in.
    const digest = this.hash.copy().digest();
    return trailerResult(this.bytes, digest, this.hash.copy().update(this.tail).digest(), this.tail);
  }

  /** Available once the stream has ended ('finish'/'end'). */
  get result(): StreamTrailerResult {
    if (!this.outcome) this.outcome = this.finish();
    return this.outcome;
  }
}

/**
 * The verdict on `bytes` bytes of which the last (up to 32) are `tail`: `database` is the SHA-256 of what comes
 * before the tail, `file` of everything.
 */
export function trailerResult(
  bytes: number,
  database: Buffer,
  file: Buffer,
  tail: Buffer,
): StreamTrailerResult {
  const fileSha256 = file.toString('hex');
  // No trailer: the tail is database bytes too.
  if (!hasTrailerBySize(bytes) || tail.length < TRAILER_SIZE)
    return { databaseBytes: bytes, sha256: fileSha256, fileSha256, trailer: 'missing' };
  return {
    databaseBytes: bytes - TRAILER_SIZE,
    sha256: database.toString('hex'),
    fileSha256,
    trailer: database.equals(tail) ? 'ok' : 'mismatch',
  };
}
