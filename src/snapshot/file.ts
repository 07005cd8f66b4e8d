import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type ChunkHasher, hashByPosition, startChunkHasher } from './chunk-hasher';
import { SNAPSHOT_EXIT, SnapshotError } from './errors';

const BLOCK_SIZE = 1 << 20;
const MAX_BLOCKS = 8;
/** The sequential pass reads the file in chunks of this size into a ring of RING_CHUNKS of them. */
export const CHUNK_SIZE = 512 << 10;
const RING_CHUNKS = 32;
/** How far past what has been read a page may lie and still be reached by reading on sequentially. */
const LOOKAHEAD = 8 << 20;

/**
 * A snapshot file read in pieces, never as a whole, with memory flat whatever its size.
 *
 * Once `startSequential` is called, the file is read from the start in 512 KiB chunks into a 16 MiB ring,
 * and a page that lies in the ring, or a little past it, is served from there: a tree walk of an etcd
 * snapshot mostly moves forward through the file, so this is one large read per chunk instead of a read per
 * page. Pages elsewhere (behind the ring, or far ahead) are read by position through a small cache of
 * 1 MiB blocks. The SHA-256 of a large file is computed meanwhile by a worker thread reading on its own;
 * that of a small one from the ring's chunks.
 *
 * A view returned by read() is valid only until the next read(); copy to keep.
 */
export class SnapshotFile {
  readonly size: number;
  private readonly blocks = new Map<number, Buffer>();
  private ring: Ring | undefined;
  private scratch = Buffer.alloc(0);
  /** Where the sequential pass hashes, once started with cuts. */
  hashThread: ChunkHasher['thread'] | undefined;

  private constructor(
    readonly path: string,
    private fd: number,
  ) {
    this.size = fstatSync(fd).size;
  }

  static open(path: string): SnapshotFile {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const st = fstatSync(fd);
      if (!st.isFile()) throw new Error('not a regular file');
      return new SnapshotFile(path, fd);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new SnapshotError(`cannot read snapshot '${path}': ${reason}`, {
        exitCode: SNAPSHOT_EXIT.unreadable,
        hint: 'give the path of an etcd snapshot file (etcdctl snapshot save output or member/snap/db)',
        cause: error,
      });
    }
  }

  /**
   * Starts the one sequential pass. With `hashCuts` (ascending byte counts), returns the SHA-256 of the
   * file's first `cut` bytes for each cut, available once `finishSequential` has read up to the last cut.
   */
  startSequential(hashCuts: number[] = []): Promise<Buffer[]> | undefined {
    if (this.ring) throw new Error('the sequential pass has already started');
    const hashEnd = Math.min(hashCuts.at(-1) ?? 0, this.size);
    const hasher =
      hashCuts.length > 0
        ? startChunkHasher(hashCuts, hashEnd, this.fd, (cuts) =>
            hashByPosition(cuts, (target, position) => this.readInto(target, position)),
          )
        : undefined;
    this.hashThread = hasher?.thread;
    const chunks = Math.max(1, Math.min(RING_CHUNKS, Math.ceil(this.size / CHUNK_SIZE)));
    this.ring = new Ring(this.fd, this.size, chunks, hasher, this.path);
    return hasher?.digests;
  }

  /** Reads on to the last hash cut, so that the digests promised by `startSequential` arrive. */
  finishSequential(): void {
    this.ring?.finish();
  }

  /** `length` bytes at `position`, or fewer if the file ends first. May be a view valid until the next read. */
  read(position: number, length: number): Buffer {
    const end = Math.min(position + length, this.size);
    if (position >= end) return Buffer.alloc(0);
    const ring = this.ring;
    if (ring && position >= ring.start && end - position <= ring.reach) {
      if (end > ring.end && end <= ring.end + LOOKAHEAD) ring.advanceTo(end);
      if (end <= ring.end) return ring.view(position, end, this.scratchOf(end - position));
    }
    return this.readByPosition(position, end);
  }

  /**
   * Copies up to `target.length` bytes at `position` into `target` through the same caches as read(), and
   * returns how many: for small fixed-size pieces (a page header) read once per page, without a view object
   * per read.
   */
  copyInto(target: Buffer, position: number): number {
    const end = Math.min(position + target.length, this.size);
    if (position >= end) return 0;
    const ring = this.ring;
    if (ring && position >= ring.start && end - position <= ring.reach) {
      if (end > ring.end && end <= ring.end + LOOKAHEAD) ring.advanceTo(end);
      if (end <= ring.end) return ring.copyOut(position, end, target);
    }
    const first = Math.floor(position / BLOCK_SIZE);
    const last = Math.floor((end - 1) / BLOCK_SIZE);
    let done = 0;
    for (let b = first; b <= last; b++) {
      const block = this.block(b);
      const from = b === first ? position - b * BLOCK_SIZE : 0;
      const to = Math.min(block.length, end - b * BLOCK_SIZE);
      if (to <= from) break;
      block.copy(target, done, from, to);
      done += to - from;
    }
    return done;
  }

  /** Reads straight into `target` by position, bypassing every cache (for a hash pass of its own). */
  readInto(target: Buffer, position: number): number {
    return readSync(this.fd, target, 0, target.length, position);
  }

  close(): void {
    const fd = this.fd;
    this.fd = -1;
    this.blocks.clear();
    const stopping = this.ring?.abort();
    this.ring = undefined;
    if (fd < 0) return;
    // A hashing worker may be between reads of this descriptor: close it once the worker has stopped.
    if (stopping) void stopping.then(() => closeSync(fd));
    else closeSync(fd);
  }

  private scratchOf(length: number): Buffer {
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafeSlow(Math.max(length, 64 << 10));
    return this.scratch;
  }

  private readByPosition(position: number, end: number): Buffer {
    const first = Math.floor(position / BLOCK_SIZE);
    const last = Math.floor((end - 1) / BLOCK_SIZE);
    if (first === last) {
      const block = this.block(first);
      const from = position - first * BLOCK_SIZE;
      return block.subarray(from, from + (end - position));
    }
    const out = Buffer.allocUnsafe(end - position);
    let done = 0;
    for (let b = first; b <= last; b++) {
      const block = this.block(b);
      const from = b === first ? position - b * BLOCK_SIZE : 0;
      const to = Math.min(block.length, end - b * BLOCK_SIZE);
      block.copy(out, done, from, to);
      done += to - from;
    }
    return out;
  }

  private block(index: number): Buffer {
    const cached = this.blocks.get(index);
    if (cached) {
      this.blocks.delete(index);
      this.blocks.set(index, cached);
      return cached;
    }
    const start = index * BLOCK_SIZE;
    const length = Math.min(BLOCK_SIZE, this.size - start);
    // Reuse the least recently used block's memory: no garbage per block, flat memory whatever the file size.
    let buffer: Buffer | undefined;
    if (this.blocks.size >= MAX_BLOCKS) {
      const oldest = this.blocks.keys().next().value!;
      const evicted = this.blocks.get(oldest)!;
      this.blocks.delete(oldest);
      if (evicted.byteOffset === 0 && evicted.buffer.byteLength === BLOCK_SIZE)
        buffer = Buffer.from(evicted.buffer, 0, length);
    }
    buffer ??= Buffer.allocUnsafeSlow(BLOCK_SIZE).subarray(0, length);
    const done = readFully(this.fd, buffer, length, start);
    const block = done === length ? buffer : buffer.subarray(0, done);
    this.blocks.set(index, block);
    return block;
  }
}

function readFully(fd: number, target: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, target, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The last `count` chunks read, chunk k in slot k % count; every chunk goes to the hasher in order, if it wants them. */
class Ring {
  private readonly slots: Buffer[] = [];
  private readonly lengths: number[] = [];
  /** Index of the next chunk to read. */
  private next = 0;
  /** Bytes [0, end) have been read; the last `count` chunks of them are in the ring. */
  end = 0;
  private hasher: ChunkHasher | undefined;

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly count: number,
    hasher: ChunkHasher | undefined,
    private readonly path: string,
  ) {
    const memory = Buffer.allocUnsafeSlow(count * CHUNK_SIZE);
    for (let i = 0; i < count; i++) this.slots.push(memory.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE));
    this.hasher = hasher;
  }

  /** The first byte still in the ring. */
  get start(): number {
    return Math.max(0, this.next - this.count) * CHUNK_SIZE;
  }

  /** The longest piece the ring can always serve after reading on to its end. */
  get reach(): number {
    return (this.count - 1) * CHUNK_SIZE;
  }

  advanceTo(target: number): void {
    const feed = this.hasher?.wantsChunks ? this.hasher : undefined;
    while (this.end < target && this.end < this.size) {
      const index = this.next;
      const slot = index % this.count;
      const length = Math.min(CHUNK_SIZE, this.size - index * CHUNK_SIZE);
      const got = readFully(this.fd, this.slots[slot]!, length, index * CHUNK_SIZE);
      if (got < length) {
        throw new SnapshotError(`cannot read snapshot '${this.path}': it shrank while being read`, {
          exitCode: SNAPSHOT_EXIT.unreadable,
          hint: 'verify a copy that nothing else is writing to',
        });
      }
      this.lengths[slot] = length;
      this.next++;
      this.end += length;
      feed?.produced(this.slots[slot]!.subarray(0, length));
    }
  }

  view(position: number, end: number, scratch: Buffer): Buffer {
    const first = Math.floor(position / CHUNK_SIZE);
    const last = Math.floor((end - 1) / CHUNK_SIZE);
    const from = position - first * CHUNK_SIZE;
    if (first === last) return this.slots[first % this.count]!.subarray(from, from + (end - position));
    let done = 0;
    for (let k = first; k <= last; k++) {
      const slot = this.slots[k % this.count]!;
      const a = k === first ? from : 0;
      const b = Math.min(this.lengths[k % this.count]!, end - k * CHUNK_SIZE);
      slot.copy(scratch, done, a, b);
      done += b - a;
    }
    return scratch.subarray(0, done);
  }

  /** Copies bytes [position, end), all within the ring, into the start of `target`. */
  copyOut(position: number, end: number, target: Buffer): number {
    let done = 0;
    for (let k = Math.floor(position / CHUNK_SIZE); k * CHUNK_SIZE < end; k++) {
      const slot = this.slots[k % this.count]!;
      const a = Math.max(position - k * CHUNK_SIZE, 0);
      const b = Math.min(this.lengths[k % this.count]!, end - k * CHUNK_SIZE);
      // By hand for a page header's few bytes: Buffer#copy validates its arguments into garbage per call.
      for (let i = a; i < b; i++) target[done++] = slot[i]!;
    }
    return done;
  }

  finish(): void {
    const hasher = this.hasher;
    if (!hasher) return;
    if (hasher.wantsChunks) this.advanceTo(hasher.end);
    hasher.allProduced();
  }

  abort(): Promise<void> | undefined {
    const hasher = this.hasher;
    this.hasher = undefined;
    return hasher?.abort();
  }
}
