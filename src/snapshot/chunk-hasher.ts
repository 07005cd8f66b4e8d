import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * Takes the file's chunks in order, as the sequential pass reads them (see file.ts), and hashes them:
 * SHA-256 of the first `cut` bytes for each of the ascending `cuts`.
 */
export interface ChunkHasher {
  /** Where the hashing runs. */
  readonly thread: 'worker' | 'main';
  /** Ring memory to read chunks into (shared with a worker), or undefined to let the reader choose. */
  readonly memory: ArrayBufferLike | undefined;
  /** Bytes the hash needs: the last cut. */
  readonly end: number;
  /** Resolves once all chunks up to `end` are produced and hashed. */
  readonly digests: Promise<Buffer[]>;
  /** Blocks until chunk `index` has been hashed, so its slot may be overwritten. */
  beforeOverwrite(index: number): void;
  /** Chunk `index` (starting at byte index × chunk size) now lies in ring slot `slot`. */
  produced(index: number, slot: number, bytes: Uint8Array): void;
  /** No more chunks will come (`count` in all). */
  allProduced(count: number): void;
  /** The verification failed elsewhere: stop, and settle `digests` as rejected. */
  abort(): void;
}

/** Below this many bytes a worker's start-up costs more than hashing on the main thread saves. */
export const WORKER_HASH_THRESHOLD = 64 << 20;

/** How long the reader waits for a hashing worker that makes no progress before hashing without it. */
const STALL_LIMIT_MS = 30_000;

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

// Control words shared with the worker.
const PRODUCED = 0;
const CONSUMED = 1;
const STATE = 2;
const LENGTHS = 4;
const ALL_PRODUCED = 1;
const ABORTED = 2;
const FAILED = 3;

// Plain JS so it survives bundling. Waits for chunks, hashes each from the shared ring, says which it has
// finished with; times out its waits now and then so an abandoned reader cannot leave it blocked forever.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { memory, control, chunkSize, slots, cuts } = workerData;
const ctrl = new Int32Array(control);
try {
  const hasher = ${CUT_HASHER}(createHash, cuts);
  let next = 0;
  for (;;) {
    const produced = Atomics.load(ctrl, ${PRODUCED});
    if (next < produced) {
      const slot = next % slots;
      hasher.update(new Uint8Array(memory, slot * chunkSize, ctrl[${LENGTHS} + slot]));
      next++;
      Atomics.store(ctrl, ${CONSUMED}, next);
      Atomics.notify(ctrl, ${CONSUMED});
      continue;
    }
    const state = Atomics.load(ctrl, ${STATE});
    if (state === ${ABORTED}) break;
    // Chunks produced just before the last one was announced are still to be hashed.
    if (state === ${ALL_PRODUCED} && next >= Atomics.load(ctrl, ${PRODUCED})) {
      parentPort.postMessage(hasher.end());
      break;
    }
    if (state === ${ALL_PRODUCED}) continue;
    Atomics.wait(ctrl, ${PRODUCED}, produced, 1000);
  }
} catch (error) {
  Atomics.store(ctrl, ${STATE}, ${FAILED});
  Atomics.notify(ctrl, ${CONSUMED});
  throw error;
}
`;

/** The hasher for a sequential pass: in a worker for large files, on this thread otherwise. */
export function startChunkHasher(
  cuts: number[],
  end: number,
  slots: number,
  chunkSize: number,
  /** Hashes the file again by position: the fallback if the worker fails part way. */
  rehash: (cuts: number[]) => Buffer[],
): ChunkHasher {
  if (end >= WORKER_HASH_THRESHOLD) {
    try {
      return new WorkerHasher(cuts, end, slots, chunkSize, rehash);
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
  readonly memory = undefined;
  private readonly hasher: CutHasher;
  private readonly result = new Deferred<Buffer[]>();
  readonly digests = this.result.promise;

  constructor(
    cuts: number[],
    readonly end: number,
  ) {
    this.hasher = makeCutHasher(cuts);
  }

  beforeOverwrite(): void {}

  produced(_index: number, _slot: number, bytes: Uint8Array): void {
    this.hasher.update(bytes);
  }

  allProduced(): void {
    this.result.settle(() => this.hasher.end());
  }

  abort(): void {
    this.result.fail(new Error('verification stopped'));
  }
}

class WorkerHasher implements ChunkHasher {
  readonly thread = 'worker';
  readonly memory: SharedArrayBuffer;
  private readonly control = new Int32Array(new SharedArrayBuffer((LENGTHS + 256) * 4));
  private readonly worker: Worker;
  private readonly result = new Deferred<Buffer[]>();
  readonly digests = this.result.promise;
  /** The worker stopped making progress: chunks are no longer given to it; `rehash` runs at the end. */
  private failed = false;
  private finished = false;

  constructor(
    private readonly cuts: number[],
    readonly end: number,
    slots: number,
    chunkSize: number,
    private readonly rehash: (cuts: number[]) => Buffer[],
  ) {
    if (slots > 256) throw new Error('too many ring slots for the control block');
    this.memory = new SharedArrayBuffer(slots * chunkSize);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        memory: this.memory,
        control: this.control.buffer,
        chunkSize,
        slots,
        cuts,
      },
    });
    this.worker.once('message', (digests: Uint8Array[]) => {
      if (this.failed) return;
      this.result.settle(() => digests.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)));
      void this.worker.terminate();
    });
    const lost = () => {
      this.failed = true;
      if (this.finished) this.result.settle(() => this.rehash(this.cuts));
    };
    this.worker.once('error', lost);
    this.worker.once('exit', lost);
  }

  beforeOverwrite(index: number): void {
    if (index < 0 || this.failed) return;
    const ctrl = this.control;
    let progressAt = Date.now();
    let seen = Atomics.load(ctrl, CONSUMED);
    while (seen <= index) {
      if (Atomics.load(ctrl, STATE) === FAILED) {
        this.giveUp();
        return;
      }
      Atomics.wait(ctrl, CONSUMED, seen, 1000);
      const now = Atomics.load(ctrl, CONSUMED);
      if (now !== seen) {
        seen = now;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > STALL_LIMIT_MS) {
        this.giveUp();
        return;
      }
    }
  }

  produced(index: number, slot: number, bytes: Uint8Array): void {
    if (this.failed) return;
    this.control[LENGTHS + slot] = bytes.length;
    Atomics.store(this.control, PRODUCED, index + 1);
    Atomics.notify(this.control, PRODUCED);
  }

  allProduced(): void {
    this.finished = true;
    if (this.failed) {
      this.result.settle(() => this.rehash(this.cuts));
      return;
    }
    Atomics.store(this.control, STATE, ALL_PRODUCED);
    Atomics.notify(this.control, PRODUCED);
  }

  abort(): void {
    this.failed = true;
    Atomics.store(this.control, STATE, ABORTED);
    Atomics.notify(this.control, PRODUCED);
    void this.worker.terminate();
    this.result.fail(new Error('verification stopped'));
  }

  private giveUp(): void {
    this.failed = true;
    Atomics.store(this.control, STATE, ABORTED);
    Atomics.notify(this.control, PRODUCED);
    void this.worker.terminate();
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
