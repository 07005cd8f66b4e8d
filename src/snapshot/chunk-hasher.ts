import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of a snapshot file's first `cut` bytes for each of the ascending `cuts`, computed alongside the
 * tree walk: either from the chunks of the walk's sequential pass (see file.ts), or by a worker thread that
 * reads the file itself.
 */
export interface ChunkHasher {
  /** Where the hashing runs. */
  readonly thread: 'worker' | 'main';
  /** Whether the sequential pass should hand its chunks over, and read on to `end` when it finishes. */
  readonly wantsChunks: boolean;
  /** Bytes the hash needs from the sequential pass: the last cut. */
  readonly end: number;
  /** Resolves once every cut is hashed. */
  readonly digests: Promise<Buffer[]>;
  /** The next chunk of the file, in order from byte 0. */
  produced(bytes: Uint8Array): void;
  /** No more chunks will come. */
  allProduced(): void;
  /** The verification failed elsewhere: stop, settle `digests` as rejected; resolves once nothing reads the file. */
  abort(): Promise<void>;
}

/** Below this many bytes a worker's start-up costs more than hashing on the main thread saves. */
export const WORKER_HASH_THRESHOLD = 64 << 20;

/**
 * A SHA-256 fed piecewise that takes a digest each time the byte count passes a cut. Shared by the
 * main-thread hasher and (as source text) the worker, so both split chunks at cuts the same way.
 */
const CUT_HASHER = `(function (createHash, cuts) {
  const hash = createHash('sha256');
  const digests = [];
  let done = 0;
  let cut = 0;
  const take = () => {
    while (cut < cuts.length && done >= cuts[cut]) { digests.push(hash.copy().digest()); cut++; }
  };
  take();
  return {
    digests,
    update(bytes) {
      let at = 0;
      while (at < bytes.length && cut < cuts.length) {
        const n = Math.min(bytes.length - at, cuts[cut] - done);
        hash.update(bytes.subarray(at, at + n));
        at += n;
        done += n;
        take();
      }
    },
    // A file shorter than a cut: that digest covers what there was.
    end() { while (cut < cuts.length) { digests.push(hash.copy().digest()); cut++; } return digests; },
  };
})`;

interface CutHasher {
  digests: Buffer[];
  update(bytes: Uint8Array): void;
  end(): Buffer[];
}

const cutHasherFactory = new Function(`return ${CUT_HASHER}`)() as (
  h: typeof createHash,
  c: number[],
) => CutHasher;

function makeCutHasher(cuts: number[]): CutHasher {
  return cutHasherFactory(createHash, cuts);
}

/** The worker's read size: small enough that each piece is still in this core's cache when it is hashed. */
const WORKER_READ = 512 << 10;

// Plain JS so it survives bundling. Reads the already-open descriptor by position (no shared offset) into
// one small buffer and hashes it; stops between reads once told to.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { fd, cuts, stop } = workerData;
const stopped = new Int32Array(stop);
const hasher = ${CUT_HASHER}(createHash, cuts);
const end = cuts[cuts.length - 1];
const chunk = Buffer.allocUnsafe(${WORKER_READ});
let done = 0;
while (done < end && Atomics.load(stopped, 0) === 0) {
  const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - done), done);
  if (n <= 0) break;
  hasher.update(chunk.subarray(0, n));
  done += n;
}
if (Atomics.load(stopped, 0) === 0) parentPort.postMessage(hasher.end());
`;

/**
 * The hasher for a file's SHA-256 prefixes: for large files a worker thread that reads the file by itself
 * (on the other core, alongside the walk: hashing data another core has just written into shared memory
 * measured a third slower than reading it again here), for small ones the sequential pass's own chunks.
 */
export function startChunkHasher(
  cuts: number[],
  end: number,
  fd: number,
  /** Hashes the file by position on this thread: the fallback if the worker fails. */
  rehash: (cuts: number[]) => Buffer[],
): ChunkHasher {
  if (end >= WORKER_HASH_THRESHOLD) {
    try {
      return new WorkerHasher(cuts, fd, rehash);
    } catch {
      // no worker threads here: same result on one core
    }
  }
  return new InlineHasher(cuts, end);
}

class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (error: Error) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
  settled = false;

  settle(outcome: () => T): void {
    if (this.settled) return;
    this.settled = true;
    try {
      this.resolve(outcome());
    } catch (error) {
      this.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}

class InlineHasher implements ChunkHasher {
  readonly thread = 'main';
  private readonly hasher: CutHasher;
  private readonly result = new Deferred<Buffer[]>();
  readonly digests = this.result.promise;

  constructor(
    cuts: number[],
    readonly end: number,
  ) {
    this.hasher = makeCutHasher(cuts);
  }

  get wantsChunks(): boolean {
    return !this.result.settled;
  }

  produced(bytes: Uint8Array): void {
    this.hasher.update(bytes);
  }

  allProduced(): void {
    this.result.settle(() => this.hasher.end());
  }

  abort(): Promise<void> {
    this.result.fail(new Error('verification stopped'));
    return Promise.resolve();
  }
}

class WorkerHasher implements ChunkHasher {
  readonly thread = 'worker';
  readonly end = 0;
  readonly wantsChunks = false;
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly result = new Deferred<Buffer[]>();
  readonly digests = this.result.promise;
  private lost = false;
  private finished = false;

  constructor(
    private readonly cuts: number[],
    fd: number,
    private readonly rehash: (cuts: number[]) => Buffer[],
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { fd, cuts, stop: this.stop.buffer },
    });
    this.worker.once('message', (digests: Uint8Array[]) => {
      this.result.settle(() => digests.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)));
    });
    const lost = () => {
      this.lost = true;
      if (this.finished) this.result.settle(() => this.rehash(this.cuts));
    };
    this.worker.once('error', lost);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(lost);
  }

  produced(): void {}

  allProduced(): void {
    this.finished = true;
    if (this.lost) this.result.settle(() => this.rehash(this.cuts));
  }

  /** Tells the worker to stop reading; resolves once it has (then the descriptor may be closed). */
  abort(): Promise<void> {
    Atomics.store(this.stop, 0, 1);
    this.result.fail(new Error('verification stopped'));
    return this.exited;
  }
}

/** SHA-256 prefixes by a positional pass of its own (4 MiB reads): the fallback when a worker fails. */
export function hashByPosition(
  cuts: number[],
  readAt: (target: Buffer, position: number) => number,
): Buffer[] {
  const hasher = makeCutHasher(cuts);
  const end = cuts.at(-1) ?? 0;
  const chunk = Buffer.allocUnsafe(Math.min(4 << 20, Math.max(end, 1)));
  let done = 0;
  while (done < end) {
    const n = readAt(chunk.subarray(0, Math.min(chunk.length, end - done)), done);
    if (n <= 0) break;
    hasher.update(chunk.subarray(0, n));
    done += n;
  }
  return hasher.end();
}
