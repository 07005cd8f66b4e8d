import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { SnapshotFile } from './file';

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

const CHUNK = 4 << 20;

/**
 * SHA-256 of the file's first `cuts[i]` bytes for each (ascending) cut, in one sequential pass of 4 MiB reads
 * outside the page cache: the trailer covers everything before it, the reported sha256 only the database.
 */
export function sha256Prefixes(file: SnapshotFile, cuts: number[]): Buffer[] {
  const hash = createHash('sha256');
  const digests: Buffer[] = [];
  const end = cuts.at(-1) ?? 0;
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(end, 1)));
  let done = 0;
  let next = 0;
  while (next < cuts.length) {
    const cut = cuts[next]!;
    if (done >= cut) {
      digests.push(hash.copy().digest());
      next++;
      continue;
    }
    const want = Math.min(chunk.length, cut - done);
    const n = file.readInto(chunk.subarray(0, want), done);
    if (n <= 0) {
      done = cut;
      continue;
    }
    hash.update(chunk.subarray(0, n));
    done += n;
  }
  return digests;
}

// The same pass in a worker thread, so hashing overlaps the tree walk on another core. Plain JS source so it
// survives bundling; it reads the already-open descriptor by position (no shared file offset).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { fd, cuts } = workerData;
const hash = createHash('sha256');
const chunk = Buffer.allocUnsafe(${CHUNK});
const digests = [];
let done = 0;
for (const cut of cuts) {
  while (done < cut) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, cut - done), done);
    if (n <= 0) { done = cut; break; }
    hash.update(chunk.subarray(0, n));
    done += n;
  }
  digests.push(hash.copy().digest());
}
parentPort.postMessage(digests);
`;

/** Files above this size are hashed in a worker thread; below it a worker's start-up costs more than it saves. */
export const WORKER_HASH_THRESHOLD = 64 << 20;

export async function sha256PrefixesInWorker(file: SnapshotFile, cuts: number[]): Promise<Buffer[]> {
  const { Worker } = await import('node:worker_threads');
  return new Promise<Buffer[]>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd: file.descriptor, cuts } });
    worker.once('message', (digests: Uint8Array[]) => {
      resolve(digests.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hash worker exited with code ${code}`)));
  });
}

/** Hashes in a worker for large files (falling back to this thread if no worker can run), inline otherwise. */
export async function hashPrefixes(file: SnapshotFile, cuts: number[]): Promise<Buffer[]> {
  if ((cuts.at(-1) ?? 0) >= WORKER_HASH_THRESHOLD) {
    try {
      return await sha256PrefixesInWorker(file, cuts);
    } catch {
      // fall through: same result, one core
    }
  }
  return sha256Prefixes(file, cuts);
}

export interface StreamTrailerResult {
  /** Bytes of the database part (everything before the last 32 bytes). */
  databaseBytes: number;
  /** Hex SHA-256 of the database part. */
  sha256: string;
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
    const databaseBytes = this.bytes - this.tail.length;
    const digest = this.hash.copy().digest();
    if (!hasTrailerBySize(this.bytes) || this.tail.length < TRAILER_SIZE) {
      // No trailer: the tail is database bytes too.
      const whole = this.hash.copy().update(this.tail).digest('hex');
      return { databaseBytes: this.bytes, sha256: whole, trailer: 'missing' };
    }
    return {
      databaseBytes,
      sha256: digest.toString('hex'),
      trailer: digest.equals(this.tail) ? 'ok' : 'mismatch',
    };
  }

  /** Available once the stream has ended ('finish'/'end'). */
  get result(): StreamTrailerResult {
    if (!this.outcome) this.outcome = this.finish();
    return this.outcome;
  }
}
