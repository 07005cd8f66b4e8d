import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { hashByPosition } from './chunk-hasher';
import { type StreamTrailerResult, TRAILER_SIZE, trailerResult } from './trailer';

/**
 * control[WRITTEN]: bytes the writer has finished; control[STATE]: 0 while it writes, then ENDED or STOPPED;
 * control[WAITING]: 1 while the worker waits. The writer wakes a waiting worker only every NOTIFY_BYTES, and
 * the worker looks again every WAIT_MS by itself: a wake-up is a system call, and one per write cost the
 * receiving thread 0.4 s per 600 MB in a profile.
 */
const WRITTEN = 0;
const STATE = 1;
const WAITING = 2;
const NOTIFY_BYTES = 8 << 20;
const WAIT_MS = 20;
const ENDED = 1n;
const STOPPED = 2n;

/** The worker's read size: small enough that each piece is still in its core's cache when it is hashed. */
const READ_BYTES = 512 << 10;

// Plain JS so it survives bundling. Hashes the file behind its writer: everything but the last 32 bytes
// written so far (they may be the trailer), waiting on the shared counter when it has caught up.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const control = new BigInt64Array(workerData.control);
const fd = openSync(workerData.path, 'r');
const hash = createHash('sha256');
const chunk = Buffer.allocUnsafe(${READ_BYTES});
let hashed = 0;
for (;;) {
  const state = Atomics.load(control, ${STATE});
  if (state === ${STOPPED}n) break;
  const written = Number(Atomics.load(control, ${WRITTEN}));
  const upTo = Math.max(0, written - ${TRAILER_SIZE});
  if (hashed < upTo) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, upTo - hashed), hashed);
    if (n <= 0) throw new Error('the file is shorter than its writer said');
    hash.update(chunk.subarray(0, n));
    hashed += n;
    continue;
  }
  if (state === ${ENDED}n) {
    const tail = Buffer.alloc(written - upTo);
    if (tail.length > 0 && readSync(fd, tail, 0, tail.length, upTo) !== tail.length)
      throw new Error('the file is shorter than its writer said');
    const database = hash.copy().digest();
    parentPort.postMessage({ database, file: hash.update(tail).digest(), tail });
    break;
  }
  // Set before waiting: the writer then either sees it and wakes us, or has moved WRITTEN and the wait returns.
  Atomics.store(control, ${WAITING}, 1n);
  Atomics.wait(control, ${WRITTEN}, BigInt(written), ${WAIT_MS});
  Atomics.store(control, ${WAITING}, 0n);
}
closeSync(fd);
`;

/**
 * SHA-256 of a snapshot file while it is being written, by a worker thread that reads back what the writer
 * has finished (from the page cache) on the other core, so the thread that receives the snapshot does not
 * hash it too. Gives the same result as SnapshotTrailerCheck on the stream. If the worker fails, the file is
 * hashed on this thread once it is complete.
 */
export class FollowingHasher {
  private readonly control = new BigInt64Array(new SharedArrayBuffer(24));
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly message: Promise<{ database: Uint8Array; file: Uint8Array; tail: Uint8Array } | undefined>;
  private bytes = 0;
  private notified = 0;

  /** `path` must exist already: the worker opens it to read. */
  constructor(private readonly path: string) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, control: this.control.buffer },
    });
    this.message = new Promise((resolve) => {
      this.worker.once('message', resolve);
      this.worker.once('exit', () => resolve(undefined));
      // Its failure shows as the missing message; the file is then hashed here.
      this.worker.once('error', () => resolve(undefined));
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** The writer has finished `total` bytes from the start of the file. */
  written(total: number): void {
    Atomics.store(this.control, WRITTEN, BigInt(total));
    // Between wake-ups the worker looks again every WAIT_MS by itself.
    if (total - this.notified >= NOTIFY_BYTES && Atomics.load(this.control, WAITING) === 1n) {
      this.notified = total;
      Atomics.notify(this.control, WRITTEN);
    }
    this.bytes = total;
  }

  /** The writer is done: the digests of the file's database part and of the whole file, and its trailer check. */
  async finish(): Promise<StreamTrailerResult> {
    Atomics.store(this.control, STATE, ENDED);
    Atomics.notify(this.control, WRITTEN);
    const digests = (await this.message) ?? this.hashHere();
    return trailerResult(
      this.bytes,
      Buffer.from(digests.database),
      Buffer.from(digests.file),
      Buffer.from(digests.tail),
    );
  }

  /** Stops the worker; resolves once it no longer reads the file. */
  stop(): Promise<void> {
    Atomics.store(this.control, STATE, STOPPED);
    Atomics.notify(this.control, WRITTEN);
    return this.exited;
  }

  private hashHere(): { database: Buffer; file: Buffer; tail: Buffer } {
    const fd = openSync(this.path, 'r');
    try {
      const readAt = (target: Buffer, position: number) => readSync(fd, target, 0, target.length, position);
      const databaseEnd = Math.max(0, this.bytes - TRAILER_SIZE);
      const [database, file] = hashByPosition([databaseEnd, this.bytes], readAt);
      const tail = Buffer.alloc(this.bytes - databaseEnd);
      readAt(tail, databaseEnd);
      return { database: database!, file: file!, tail };
    } finally {
      closeSync(fd);
    }
  }
}
