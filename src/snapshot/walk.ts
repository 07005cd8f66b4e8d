import { crc32cUpdate } from './crc32c';
import type { SnapshotFile } from './file';
import { PAGE_HEADER_SIZE } from './meta';
import { BUCKET_HEADER_SIZE, BUCKET_LEAF_FLAG, ELEMENT_SIZE, PAGE_FLAG, pageTypeName } from './page';
import type { ProblemSink } from './problem';

/** One leaf entry. `key` and `value` are views into recycled page memory: copy them to keep them. */
export type EntryVisitor = (key: Buffer, value: Buffer, isBucket: boolean, page: number) => void;

/** Where a bucket's tree lives: a root page, or a leaf page embedded in the parent's value (inline). */
export type BucketRoot = { page: number } | { inline: Buffer; ownerPage: number };

/**
 * etcd's status hash, carried through a walk: a running CRC-32C (unfinished state) over every leaf entry's
 * key and, unless the entry is a nested bucket, its value, in key order.
 */
export interface StatusHash {
  state: number;
}

/** The largest page region (page plus overflow pages) the walker will read in one piece. */
export const MAX_REGION_BYTES = 256 << 20;

interface Frame {
  id: number;
  region: Buffer;
  count: number;
  isBranch: boolean;
  index: number;
  lower: Buffer | undefined;
  upper: Buffer | undefined;
  previous: Buffer | undefined;
}

/**
 * A u64 page id as a number, without a BigInt per page: exact below 2^53, MAX_SAFE_INTEGER above (which
 * is past any database's end, so it is reported as out of bounds and never equals a real page id).
 */
function readPgid(buf: Buffer, at: number): number {
  const high = buf.readUInt32LE(at + 4);
  return high >= 0x200000 ? Number.MAX_SAFE_INTEGER : high * 0x100000000 + buf.readUInt32LE(at);
}

/**
 * Walks bbolt B+trees in key order with an explicit stack, checking every page it reaches like bbolt's
 * tx.Check (bounds, type, id, multiple references, key order) and remembering which pages were reached.
 * A page is entered at most once, so a corrupt tree that points back at itself ends instead of looping.
 */
export class TreeWalker {
  /** 1 = reached from a tree (or a meta/freelist page); indexes beyond the file are never reached. */
  readonly reachable: Uint8Array;

  constructor(
    private readonly file: SnapshotFile,
    readonly pageSize: number,
    /** Pages [0, pgid) form the database; both numbers already bounded by the caller. */
    readonly pgid: number,
    private readonly report: ProblemSink,
    /** Called with the bytes of every page region read, for progress reporting. */
    private readonly onRead: ((bytes: number) => void) | undefined = undefined,
  ) {
    this.reachable = new Uint8Array(Math.min(pgid, Math.ceil(file.size / pageSize)));
  }

  /**
   * Marks [id, id+overflow] reached, stopping at the first page that already was and returning it (or -1).
   * Every page is set at most once, so a crafted file that refers to the same pages over and over costs
   * time in proportion to its size, not to the number of references times the overflow length.
   */
  mark(id: number, overflow: number): number {
    const end = Math.min(id + overflow, this.reachable.length - 1);
    for (let p = id; p <= end; p++) {
      if (this.reachable[p]) return p;
      this.reachable[p] = 1;
    }
    return -1;
  }

  /** Visits every entry of a bucket's tree in key order; feeds `hash`, if given, like etcd's status. */
  walk(root: BucketRoot, label: string, visit: EntryVisitor, hash?: StatusHash): void {
    if ('inline' in root) {
      this.walkInline(root.inline, root.ownerPage, label, visit, hash);
      return;
    }
    const stack: Frame[] = [];
    const first = this.load(root.page, -1, label, undefined, undefined);
    if (first) stack.push(first);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (!frame.isBranch) {
        this.visitLeaf(frame.region, frame.count, frame.id, label, visit, frame.lower, frame.upper, hash);
        stack.pop();
        continue;
      }
      if (frame.index >= frame.count) {
        stack.pop();
        continue;
      }
      const i = frame.index++;
      const element = this.branchElement(frame, i, label);
      if (!element) {
        frame.index = frame.count;
        continue;
      }
      const at = frame.id * this.pageSize + PAGE_HEADER_SIZE + i * ELEMENT_SIZE;
      this.checkOrder(frame.id, at, i, element.key, frame.previous, frame.lower, frame.upper, label);
      frame.previous = element.key;
      const next = i + 1 < frame.count ? this.branchElement(frame, i + 1, label, true)?.key : undefined;
      const child = this.load(element.child, frame.id, label, element.key, next ?? frame.upper);
      if (child) stack.push(child);
    }
  }

  /** Reads and checks one page referenced from `parent` (-1 = from a bucket header or the meta). */
  private load(
    id: number,
    parent: number,
    label: string,
    lower: Buffer | undefined,
    upper: Buffer | undefined,
  ): Frame | undefined {
    const from = parent < 0 ? `the root of bucket ${label}` : `branch page ${parent}`;
    if (!Number.isSafeInteger(id) || id < 2 || id >= this.pgid) {
      const why = id < 2 ? 'a meta page' : `past the database end (pgid ${this.pgid})`;
      this.report({
        severity: 'error',
        kind: 'page-out-of-bounds',
        page: id,
        message: `page ${id}: referenced by ${from} but is ${why}`,
      });
      return undefined;
    }
    const offset = id * this.pageSize;
    if (id >= this.reachable.length || offset + PAGE_HEADER_SIZE > this.file.size) {
      this.report({
        severity: 'error',
        kind: 'page-beyond-file',
        page: id,
        offset,
        message: `page ${id} at offset ${offset}: referenced by ${from} but lies beyond the end of the file`,
      });
      return undefined;
    }
    const header = this.file.read(offset, PAGE_HEADER_SIZE);
    const storedId = readPgid(header, 0);
    const flags = header.readUInt16LE(8);
    const count = header.readUInt16LE(10);
    const overflow = header.readUInt32LE(12);
    const last = id + overflow;
    if (last >= this.pgid) {
      this.report({
        severity: 'error',
        kind: 'page-out-of-bounds',
        page: id,
        offset: offset + 12,
        message: `page ${id}: overflow ${overflow} runs past the database end (pgid ${this.pgid})`,
      });
      this.mark(id, 0);
      return undefined;
    }
    const twice = this.mark(id, overflow);
    if (twice >= 0) {
      this.report({
        severity: 'error',
        kind: 'page-multiple-references',
        page: twice,
        offset: twice * this.pageSize,
        message: `page ${twice}: referenced more than once (again by ${from}, in bucket ${label})`,
      });
      return undefined;
    }
    if (storedId !== id) {
      this.report({
        severity: 'error',
        kind: 'page-id-mismatch',
        page: id,
        offset,
        message: `page ${id} at offset ${offset}: header says page ${header.readBigUInt64LE(0)}`,
      });
      return undefined;
    }
    if (flags !== PAGE_FLAG.branch && flags !== PAGE_FLAG.leaf) {
      this.report({
        severity: 'error',
        kind: 'page-type',
        page: id,
        offset: offset + 8,
        message: `page ${id} at offset ${offset}: invalid type ${pageTypeName(flags)} in bucket ${label} (expected branch or leaf)`,
      });
      return undefined;
    }
    const regionBytes = (overflow + 1) * this.pageSize;
    if (regionBytes > MAX_REGION_BYTES) {
      this.report({
        severity: 'error',
        kind: 'too-large',
        page: id,
        offset,
        message: `page ${id}: ${overflow} overflow pages (${regionBytes} bytes) exceed the reader's limit of ${MAX_REGION_BYTES}`,
      });
      return undefined;
    }
    const region = this.file.read(offset, regionBytes);
    this.onRead?.(regionBytes);
    if (region.length < regionBytes) {
      this.report({
        severity: 'error',
        kind: 'page-beyond-file',
        page: id,
        offset,
        message: `page ${id} at offset ${offset}: its ${overflow + 1} pages run past the end of the file`,
      });
      return undefined;
    }
    if (PAGE_HEADER_SIZE + count * ELEMENT_SIZE > regionBytes) {
      this.report({
        severity: 'error',
        kind: 'page-element',
        page: id,
        offset: offset + 10,
        message: `page ${id}: element count ${count} does not fit in the page`,
      });
      return undefined;
    }
    const isBranch = flags === PAGE_FLAG.branch;
    // A branch stays on the stack while its children are read, so it gets its own copy of the page; a leaf
    // is consumed before the next read.
    const own = isBranch ? Buffer.from(region) : region;
    return { id, region: own, count, isBranch, index: 0, lower, upper, previous: undefined };
  }

  private branchElement(
    frame: Frame,
    i: number,
    label: string,
    quiet = false,
  ): { key: Buffer; child: number } | undefined {
    const at = PAGE_HEADER_SIZE + i * ELEMENT_SIZE;
    const r = frame.region;
    const pos = r.readUInt32LE(at);
    const ksize = r.readUInt32LE(at + 4);
    const child = readPgid(r, at + 8);
    const start = at + pos;
    if (start + ksize > r.length || ksize === 0) {
      if (!quiet) {
        this.report({
          severity: 'error',
          kind: 'page-element',
          page: frame.id,
          offset: frame.id * this.pageSize + at,
          message: `page ${frame.id}: branch element ${i} in bucket ${label} has a key of ${ksize} bytes at ${pos} outside the page`,
        });
      }
      return undefined;
    }
    return { key: r.subarray(start, start + ksize), child };
  }

  private visitLeaf(
    region: Buffer,
    count: number,
    page: number,
    label: string,
    visit: EntryVisitor,
    lower: Buffer | undefined,
    upper: Buffer | undefined,
    hash: StatusHash | undefined,
    /** Where the page starts in the file; null for an inline bucket's embedded page. */
    fileOffset: number | null = page * this.pageSize,
  ): void {
    let previous: Buffer | undefined;
    // bbolt writes each entry's key and value right after the previous entry's, so the hashed bytes of a
    // leaf are usually one contiguous span: one CRC call per span instead of two per entry.
    let spanStart = 0;
    let spanEnd = 0;
    const flush = () => {
      if (hash && spanEnd > spanStart) hash.state = crc32cUpdate(hash.state, region, spanStart, spanEnd);
      spanStart = spanEnd = 0;
    };
    for (let i = 0; i < count; i++) {
      const at = PAGE_HEADER_SIZE + i * ELEMENT_SIZE;
      const flags = region.readUInt32LE(at);
      const pos = region.readUInt32LE(at + 4);
      const ksize = region.readUInt32LE(at + 8);
      const vsize = region.readUInt32LE(at + 12);
      const start = at + pos;
      if (ksize === 0 || start + ksize + vsize > region.length) {
        this.report({
          severity: 'error',
          kind: 'page-element',
          page,
          offset: fileOffset === null ? undefined : fileOffset + at,
          message: `page ${page}: leaf element ${i} in bucket ${label} (key ${ksize} bytes, value ${vsize} bytes at ${pos}) lies outside the page`,
        });
        flush();
        return;
      }
      const isBucket = (flags & BUCKET_LEAF_FLAG) !== 0;
      if (hash) {
        // A nested bucket's header is not hashed, only its name.
        const hashedEnd = isBucket ? start + ksize : start + ksize + vsize;
        if (start !== spanEnd) {
          flush();
          spanStart = start;
        }
        spanEnd = hashedEnd;
      }
      const key = region.subarray(start, start + ksize);
      this.checkOrder(
        page,
        fileOffset === null ? undefined : fileOffset + at,
        i,
        key,
        previous,
        lower,
        upper,
        label,
      );
      previous = key;
      visit(key, region.subarray(start + ksize, start + ksize + vsize), isBucket, page);
    }
    flush();
  }

  private walkInline(
    value: Buffer,
    ownerPage: number,
    label: string,
    visit: EntryVisitor,
    hash: StatusHash | undefined,
  ): void {
    const embedded = value.subarray(BUCKET_HEADER_SIZE);
    if (embedded.length < PAGE_HEADER_SIZE) {
      this.report({
        severity: 'error',
        kind: 'bucket',
        page: ownerPage,
        message: `page ${ownerPage}: inline bucket ${label} is ${value.length} bytes, too short for its page header`,
      });
      return;
    }
    const flags = embedded.readUInt16LE(8);
    const count = embedded.readUInt16LE(10);
    if (flags !== PAGE_FLAG.leaf) {
      this.report({
        severity: 'error',
        kind: 'page-type',
        page: ownerPage,
        message: `page ${ownerPage}: inline bucket ${label} has page type ${pageTypeName(flags)} (expected leaf)`,
      });
      return;
    }
    if (PAGE_HEADER_SIZE + count * ELEMENT_SIZE > embedded.length) {
      this.report({
        severity: 'error',
        kind: 'page-element',
        page: ownerPage,
        message: `page ${ownerPage}: inline bucket ${label} claims ${count} elements but holds ${embedded.length} bytes`,
      });
      return;
    }
    this.visitLeaf(
      embedded,
      count,
      ownerPage,
      `${label} (inline in page ${ownerPage})`,
      visit,
      undefined,
      undefined,
      hash,
      null,
    );
  }

  private checkOrder(
    page: number,
    /** File offset of the element; undefined inside an inline bucket. */
    offset: number | undefined,
    index: number,
    key: Buffer,
    previous: Buffer | undefined,
    lower: Buffer | undefined,
    upper: Buffer | undefined,
    label: string,
  ): void {
    let why: string | undefined;
    if (previous && Buffer.compare(previous, key) >= 0) why = 'not greater than the key before it';
    else if (lower && Buffer.compare(key, lower) < 0) why = "below its parent branch's key";
    else if (upper && Buffer.compare(key, upper) >= 0) why = "not below the parent branch's next key";
    if (why) {
      this.report({
        severity: 'error',
        kind: 'key-order',
        page,
        offset,
        message: `page ${page}: key ${index}${offset === undefined ? '' : ` (element at offset ${offset})`} in bucket ${label} is out of order (${why})`,
      });
    }
  }
}
