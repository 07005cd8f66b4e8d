import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SNAPSHOT_EXIT, SnapshotError } from './errors';

const BLOCK_SIZE = 1 << 20;
const MAX_BLOCKS = 16;

/**
 * A snapshot file read by position, never as a whole: 1 MiB blocks in a small LRU cache (16 MiB at most),
 * so a tree walk that is mostly sequential costs one read per block and memory stays flat with file size.
 * Block memory is recycled: a view returned by read() is valid only until the next read(); copy to keep.
 */
export class SnapshotFile {
  readonly size: number;
  private readonly blocks = new Map<number, Buffer>();

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

  /** `length` bytes at `position`, or fewer if the file ends first. May be a view valid until the next read. */
  read(position: number, length: number): Buffer {
    const end = Math.min(position + length, this.size);
    if (position >= end) return Buffer.alloc(0);
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

  /** The open descriptor, for a hashing worker thread that reads by position alongside the walk. */
  get descriptor(): number {
    return this.fd;
  }

  /** Reads straight into `target` without touching the cache (for the sequential SHA-256 pass). */
  readInto(target: Buffer, position: number): number {
    return readSync(this.fd, target, 0, target.length, position);
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
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buffer, done, length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    const block = done === length ? buffer : buffer.subarray(0, done);
    this.blocks.set(index, block);
    return block;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.blocks.clear();
  }
}
