import { crc32cUpdate } from './crc32c';
import type { SnapshotFile } from './file';
import { PAGE_HEADER_SIZE } from './meta';
import { BUCKET_HEADER_SIZE, BUCKET_LEAF_FLAG, ELEMENT_SIZE, PAGE_FLAG, pageTypeName } from './page';
import type { ProblemSink } from './problem';

/**
 * One leaf entry: its key is page[keyStart, keyEnd), its value page[keyEnd, valueEnd). `page` is recycled
 * memory: copy to keep. Offsets rather than views, so that walking a large snapshot makes no object per
 * entry (garbage per entry would fill, and keep resident, however large a young generation V8 has grown).
 */
export type EntryVisitor = (
  page: Buffer,
  keyStart: number,
  keyEnd: number,
  valueEnd: number,
  isBucket: boolean,
  pageId: number,
) => void;

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

/** A key bound: bytes [start, end) of buf; buf undefined = no bound. */
interface Bound {
  buf: Buffer | undefined;
  start: number;
  end: number;
}

/** One page on the walk's stack; frames are reused, so a walk makes no object per page. */
interface Frame {
  id: number;
  region: Buffer;
  count: number;
  isBranch: boolean;
  index: number;
  lower: Bound;
  upper: Bound;
  /** The previous branch key, region[previousStart, previousEnd); previousStart < 0 = none yet. */
  previousStart: number;
  previousEnd: number;
}

const NO_BOUND: Bound = { buf: undefined, start: 0, end: 0 };

function newFrame(): Frame {
  return {
    id: 0,
    region: Buffer.alloc(0),
    count: 0,
    isBranch: false,
    index: 0,
    lower: { buf: undefined, start: 0, end: 0 },
    upper: { buf: undefined, start: 0, end: 0 },
    previousStart: -1,
    previousEnd: -1,
  };
}

function setBound(bound: Bound, buf: Buffer | undefined, start: number, end: number): void {
  bound.buf = buf;
  bound.start = start;
  bound.end = end;
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
  /** Each page's header is copied here to be checked before its region is read. */
  private readonly header = Buffer.alloc(PAGE_HEADER_SIZE);

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

  /**
   * Visits every entry of a bucket's tree in key order; feeds `hash`, if given, like etcd's status. The
   * iterative descent stays in one frame: it runs once per page of a multi-GB file.
   */
  walk(root: BucketRoot, label: string, visit: EntryVisitor, hash?: StatusHash): void {
    if ('inline' in root) {
      this.walkInline(root.inline, root.ownerPage, label, visit, hash);
      return;
    }
    const frames: Frame[] = [];
    let depth = 0;
    const frameAt = (d: number): Frame => {
      if (d === frames.length) frames.push(newFrame());
      return frames[d]!;
    };
    if (this.load(root.page, -1, label, NO_BOUND, NO_BOUND, frameAt(0))) depth = 1;
    while (depth > 0) {
      const frame = frames[depth - 1]!;
      if (!frame.isBranch) {
        this.visitLeaf(frame.region, frame.count, frame.id, label, visit, frame.lower, frame.upper, hash);
        depth--;
        continue;
      }
      if (frame.index >= frame.count) {
        depth--;
        continue;
      }
      const i = frame.index++;
      if (!this.branchElementFits(frame, i, label, false)) {
        frame.index = frame.count;
        continue;
      }
      const next = frameAt(depth);
      const child = this.enterBranchElement(frame, i, label, next);
      if (this.load(child, frame.id, label, next.lower, next.upper, next)) depth++;
    }
  }

  /**
   * Checks branch element i's key (which fits the page) for order, and sets `next`'s bounds for the child
   * it points to: the child's keys lie in [this key, the next key), or up to this page's own upper bound at
   * the end. Returns the child's page id.
   */
  private enterBranchElement(frame: Frame, i: number, label: string, next: Frame): number {
    const r = frame.region;
    const at = PAGE_HEADER_SIZE + i * ELEMENT_SIZE;
    const keyStart = at + r.readUInt32LE(at);
    const keyEnd = keyStart + r.readUInt32LE(at + 4);
    this.checkOrder(
      frame.id,
      false,
      at,
      i,
      r,
      keyStart,
      keyEnd,
      frame.previousStart,
      frame.previousEnd,
      frame.lower,
      frame.upper,
      label,
    );
    frame.previousStart = keyStart;
    frame.previousEnd = keyEnd;
    setBound(next.lower, r, keyStart, keyEnd);
    const nextAt = at + ELEMENT_SIZE;
    if (i + 1 < frame.count && this.branchElementFits(frame, i + 1, label, true)) {
      const nextStart = nextAt + r.readUInt32LE(nextAt);
      setBound(next.upper, r, nextStart, nextStart + r.readUInt32LE(nextAt + 4));
    } else {
      setBound(next.upper, frame.upper.buf, frame.upper.start, frame.upper.end);
    }
    return readPgid(r, at + 8);
  }

  /**
   * Reads and checks one page referenced from `parent` (-1 = from a bucket header or the meta) into `frame`:
   * one check per field of the page header, in the format's order, each with its own message.
   */
  private load(id: number, parent: number, label: string, lower: Bound, upper: Bound, frame: Frame): boolean {
    const offset = id * this.pageSize;
    if (!this.pageInFile(id, offset, parent, label)) return false;
    const header = this.header;
    this.file.copyInto(header, offset);
    const overflow = header.readUInt32LE(12);
    if (!this.markReached(id, offset, overflow, parent, label) || !this.headerMatches(id, offset, label)) {
      return false;
    }
    const flags = header.readUInt16LE(8);
    const count = header.readUInt16LE(10);
    const region = this.readRegion(id, offset, overflow);
    if (!region) return false;
    if (PAGE_HEADER_SIZE + count * ELEMENT_SIZE > region.length) {
      this.report({
        severity: 'error',
        kind: 'page-element',
        page: id,
        offset: offset + 10,
        message: `page ${id}: element count ${count} does not fit in the page`,
      });
      return false;
    }
    const isBranch = flags === PAGE_FLAG.branch;
    // A branch stays on the stack while its children are read, so it gets its own copy of the page; a leaf
    // is consumed before the next read.
    frame.id = id;
    frame.region = isBranch ? Buffer.from(region) : region;
    frame.count = count;
    frame.isBranch = isBranch;
    frame.index = 0;
    if (lower !== frame.lower) setBound(frame.lower, lower.buf, lower.start, lower.end);
    if (upper !== frame.upper) setBound(frame.upper, upper.buf, upper.start, upper.end);
    frame.previousStart = frame.previousEnd = -1;
    return true;
  }

  /** Whether page id (at `offset`) is a page of the database, and its header lies within the file. */
  private pageInFile(id: number, offset: number, parent: number, label: string): boolean {
    if (!Number.isSafeInteger(id) || id < 2 || id >= this.pgid) {
      const why = id < 2 ? 'a meta page' : `past the database end (pgid ${this.pgid})`;
      this.report({
        severity: 'error',
        kind: 'page-out-of-bounds',
        page: id,
        message: `page ${id}: referenced by ${referrer(parent, label)} but is ${why}`,
      });
      return false;
    }
    if (id >= this.reachable.length || offset + PAGE_HEADER_SIZE > this.file.size) {
      this.report({
        severity: 'error',
        kind: 'page-beyond-file',
        page: id,
        offset,
        message: `page ${id} at offset ${offset}: referenced by ${referrer(parent, label)} but lies beyond the end of the file`,
      });
      return false;
    }
    return true;
  }

  /** Marks the page and its overflow pages reached; false if they pass the database end or one was before. */
  private markReached(id: number, offset: number, overflow: number, parent: number, label: string): boolean {
    if (id + overflow >= this.pgid) {
      this.report({
        severity: 'error',
        kind: 'page-out-of-bounds',
        page: id,
        offset: offset + 12,
        message: `page ${id}: overflow ${overflow} runs past the database end (pgid ${this.pgid})`,
      });
      this.mark(id, 0);
      return false;
    }
    const twice = this.mark(id, overflow);
    if (twice >= 0) {
      this.report({
        severity: 'error',
        kind: 'page-multiple-references',
        page: twice,
        offset: twice * this.pageSize,
        message: `page ${twice}: referenced more than once (again by ${referrer(parent, label)}, in bucket ${label})`,
      });
      return false;
    }
    return true;
  }

  /** Whether the header just read names this page and a branch or leaf type. */
  private headerMatches(id: number, offset: number, label: string): boolean {
    const header = this.header;
    if (readPgid(header, 0) !== id) {
      this.report({
        severity: 'error',
        kind: 'page-id-mismatch',
        page: id,
        offset,
        message: `page ${id} at offset ${offset}: header says page ${header.readBigUInt64LE(0)}`,
      });
      return false;
    }
    const flags = header.readUInt16LE(8);
    if (flags !== PAGE_FLAG.branch && flags !== PAGE_FLAG.leaf) {
      this.report({
        severity: 'error',
        kind: 'page-type',
        page: id,
        offset: offset + 8,
        message: `page ${id} at offset ${offset}: invalid type ${pageTypeName(flags)} in bucket ${label} (expected branch or leaf)`,
      });
      return false;
    }
    return true;
  }

  /** The page and its overflow pages, read in one piece; undefined if too large or cut off by the file. */
  private readRegion(id: number, offset: number, overflow: number): Buffer | undefined {
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
    return region;
  }

  /** Whether branch element i's key lies within the page (and is not empty); reported unless quiet. */
  private branchElementFits(frame: Frame, i: number, label: string, quiet: boolean): boolean {
    const at = PAGE_HEADER_SIZE + i * ELEMENT_SIZE;
    const r = frame.region;
    const pos = r.readUInt32LE(at);
    const ksize = r.readUInt32LE(at + 4);
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
      return false;
    }
    return true;
  }

  /** Checks and visits a leaf's entries, feeding `hash` if given; its loop runs for every entry of a walk. */
  private visitLeaf(
    region: Buffer,
    count: number,
    page: number,
    label: string,
    visit: EntryVisitor,
    lower: Bound,
    upper: Bound,
    hash: StatusHash | undefined,
    /** An inline bucket's embedded page, which has no place of its own in the file. */
    inline = false,
  ): void {
    let previousStart = -1;
    let previousEnd = -1;
    // The hashed bytes not yet fed to `hash`: see continueSpan.
    let spanStart = 0;
    let spanEnd = 0;
    for (let i = 0; i < count; i++) {
      const at = PAGE_HEADER_SIZE + i * ELEMENT_SIZE;
      const flags = region.readUInt32LE(at);
      const pos = region.readUInt32LE(at + 4);
      const ksize = region.readUInt32LE(at + 8);
      const vsize = region.readUInt32LE(at + 12);
      const start = at + pos;
      if (ksize === 0 || start + ksize + vsize > region.length) {
        this.reportLeafElementOutside(page, inline, at, i, label, region);
        break;
      }
      const isBucket = (flags & BUCKET_LEAF_FLAG) !== 0;
      if (hash) {
        spanStart = continueSpan(hash, region, spanStart, spanEnd, start);
        // A nested bucket's header is not hashed, only its name.
        spanEnd = isBucket ? start + ksize : start + ksize + vsize;
      }
      const keyEnd = start + ksize;
      this.checkOrder(
        page,
        inline,
        at,
        i,
        region,
        start,
        keyEnd,
        previousStart,
        previousEnd,
        lower,
        upper,
        label,
      );
      previousStart = start;
      previousEnd = keyEnd;
      visit(region, start, keyEnd, keyEnd + vsize, isBucket, page);
    }
    if (hash && spanEnd > spanStart) hash.state = crc32cUpdate(hash.state, region, spanStart, spanEnd);
  }

  /** Reports leaf element i, which has an empty key or lies (in part) outside the page. */
  private reportLeafElementOutside(
    page: number,
    inline: boolean,
    at: number,
    i: number,
    label: string,
    region: Buffer,
  ): void {
    const pos = region.readUInt32LE(at + 4);
    const ksize = region.readUInt32LE(at + 8);
    const vsize = region.readUInt32LE(at + 12);
    this.report({
      severity: 'error',
      kind: 'page-element',
      page,
      offset: inline ? undefined : page * this.pageSize + at,
      message: `page ${page}: leaf element ${i} in bucket ${label} (key ${ksize} bytes, value ${vsize} bytes at ${pos}) lies outside the page`,
    });
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
      NO_BOUND,
      NO_BOUND,
      hash,
      true,
    );
  }

  /** Checks key r[start, end) against the key before it in the same page (r too) and the page's bounds. */
  private checkOrder(
    page: number,
    /** Inside an inline bucket, whose elements have no file offset. */
    inline: boolean,
    /** Where the element lies in its page. */
    at: number,
    index: number,
    r: Buffer,
    start: number,
    end: number,
    previousStart: number,
    previousEnd: number,
    lower: Bound,
    upper: Bound,
    label: string,
  ): void {
    let why: string | undefined;
    if (previousStart >= 0 && compareRanges(r, previousStart, previousEnd, r, start, end) >= 0)
      why = 'not greater than the key before it';
    else if (lower.buf && compareRanges(r, start, end, lower.buf, lower.start, lower.end) < 0)
      why = "below its parent branch's key";
    else if (upper.buf && compareRanges(r, start, end, upper.buf, upper.start, upper.end) >= 0)
      why = "not below the parent branch's next key";
    if (why) {
      const offset = inline ? undefined : page * this.pageSize + at;
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

/** What a page is referenced by, for messages: -1 = a bucket header or the meta. */
function referrer(parent: number, label: string): string {
  return parent < 0 ? `the root of bucket ${label}` : `branch page ${parent}`;
}

/**
 * A leaf's status hash is fed in spans: bbolt writes each entry's key and value right after the previous
 * entry's, so a leaf's hashed bytes are usually one contiguous span, one CRC call instead of two per entry.
 * Hashes region[spanStart, spanEnd) unless the entry at `start` continues it; returns where the span starts.
 */
function continueSpan(
  hash: StatusHash,
  region: Buffer,
  spanStart: number,
  spanEnd: number,
  start: number,
): number {
  if (start === spanEnd) return spanStart;
  if (spanEnd > spanStart) hash.state = crc32cUpdate(hash.state, region, spanStart, spanEnd);
  return start;
}

/**
 * Orders a[aStart, aEnd) against b[bStart, bEnd) like Buffer.compare, by hand: keys are short, and
 * Buffer#compare with offsets makes garbage per call (argument validation), once per entry of a walk.
 */
export function compareRanges(
  a: Buffer,
  aStart: number,
  aEnd: number,
  b: Buffer,
  bStart: number,
  bEnd: number,
): number {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const n = Math.min(aLength, bLength);
  for (let i = 0; i < n; i++) {
    const x = a[aStart + i]!;
    const y = b[bStart + i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return aLength === bLength ? 0 : aLength < bLength ? -1 : 1;
}
