import { hashKeyBytes, hashKeyLatin1 } from './key-hash';

type ColumnConstructor = Float64ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;
type Column = Float64Array | Uint32Array | Uint8Array;
type Columns<S extends Record<string, ColumnConstructor>> = { [K in keyof S]: InstanceType<S[K]> };

const FIRST_ENTRIES = 1024;
/** Dead entries are squeezed out once there are this many and more than live ones. */
const COMPACT_AFTER = 4096;
/** Key bytes are kept in segments of this size; a longer key gets a segment of its own. */
export const KEY_SEGMENT_BYTES = 1 << 20;
/** An entry's key address: segment number × this + offset in the segment (exact in a double). */
const SEGMENT_STRIDE = 2 ** 32;

/**
 * A map from byte-string keys to a fixed-size record (a few typed-array columns the caller names), held
 * without a JS object or string per key: key bytes packed into fixed-size segments, per entry an address,
 * a length, a hash and a live flag plus the caller's columns, and an open-addressing table of entry
 * numbers. Iterates in insertion order like a Map: setting a live key keeps its place, a deleted key set
 * again goes to the end. Deleted entries stay in place (dead) until they outnumber the live ones, then are
 * squeezed out in one pass that keeps the order.
 *
 * The key bytes, the bulk of it, grow one segment at a time and are never copied to a larger arena, so
 * growing never holds two copies of them; only the per-entry arrays and the table double.
 */
export class CompactKeyMap<S extends Record<string, ColumnConstructor>> {
  /** Key bytes; a null segment was freed (a long key's, or one emptied by a squeeze). */
  private segments: Array<Buffer | null> = [];
  /** Numbers of the segments shared by short keys, in packing order. */
  private shared: number[] = [];
  /** Where the next short key goes: shared[sharedIndex], at sharedUsed. */
  private sharedIndex = -1;
  private sharedUsed = 0;
  private addresses = new Float64Array(FIRST_ENTRIES);
  private lengths = new Uint32Array(FIRST_ENTRIES);
  private hashes = new Uint32Array(FIRST_ENTRIES);
  private live = new Uint8Array(FIRST_ENTRIES);
  /** Entries made so far, live or dead: the next entry number. */
  private entries = 0;
  private dead = 0;
  /** Entry number + 1 per slot, the key's newest entry (live or dead); 0 = empty. At most half full. */
  private table = new Uint32Array(FIRST_ENTRIES * 2);
  /** The caller's per-entry record; arrays are replaced as they grow, so read them after set(). */
  columns: Columns<S>;
  /** The same arrays as `columns`, as a list (no allocation per entry to visit them). */
  private columnList: Column[] = [];
  size = 0;

  constructor(
    private readonly columnTypes: S,
    private readonly segmentBytes = KEY_SEGMENT_BYTES,
  ) {
    this.columns = {} as Columns<S>;
    for (const name of Object.keys(columnTypes) as Array<keyof S>)
      this.columns[name] = new columnTypes[name]!(FIRST_ENTRIES) as InstanceType<S[keyof S]>;
    this.columnList = Object.values(this.columns) as Column[];
  }

  /** The entry of a key, made live: its own if live already, else a new one at the end (columns zeroed). */
  set(key: Uint8Array): number {
    return this.setRange(key, 0, key.length);
  }

  /** set() of the key in buf[start, end), read in place. */
  setRange(buf: Uint8Array, start: number, end: number): number {
    const hash = hashKeyBytes(buf, start, end);
    const slot = this.slotOfBytes(buf, start, end, hash);
    const at = this.table[slot]!;
    if (at !== 0 && this.live[at - 1]) return at - 1;
    const entry = this.append(buf, start, end, hash);
    this.table[slot] = entry + 1;
    this.size++;
    if (this.entries * 2 > this.table.length) this.rebuildTable(this.table.length * 2);
    return entry;
  }

  delete(key: Uint8Array): boolean {
    return this.deleteRange(key, 0, key.length);
  }

  /** delete() of the key in buf[start, end), read in place. */
  deleteRange(buf: Uint8Array, start: number, end: number): boolean {
    const at = this.table[this.slotOfBytes(buf, start, end, hashKeyBytes(buf, start, end))]!;
    if (at === 0 || !this.live[at - 1]) return false;
    this.live[at - 1] = 0;
    this.size--;
    this.dead++;
    if (this.dead >= COMPACT_AFTER && this.dead > this.size) this.compact();
    return true;
  }

  /** The live entry of a key given as a latin1 string, or -1. */
  find(key: string): number {
    const hash = hashKeyLatin1(key);
    if (hash < 0) return -1;
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.table[slot]!;
      if (at === 0) return -1;
      const entry = at - 1;
      if (this.hashes[entry] === hash && this.sameLatin1(entry, key)) return this.live[entry] ? entry : -1;
    }
  }

  /** The live entry of the key in buf[start, end), or -1; reads in place, allocates nothing. */
  findRange(buf: Uint8Array, start: number, end: number): number {
    const at = this.table[this.slotOfBytes(buf, start, end, hashKeyBytes(buf, start, end))]!;
    return at !== 0 && this.live[at - 1] ? at - 1 : -1;
  }

  /** Live entries in insertion order. */
  *liveEntries(): IterableIterator<number> {
    for (let entry = 0; entry < this.entries; entry++) if (this.live[entry]) yield entry;
  }

  /** Each live key's bytes in insertion order, as buf[start, end) (no string or view per key). */
  forEachLiveKey(visit: (buf: Buffer, start: number, end: number, entry: number) => void): void {
    for (let entry = 0; entry < this.entries; entry++) {
      if (!this.live[entry]) continue;
      const address = this.addresses[entry]!;
      const offset = address % SEGMENT_STRIDE;
      visit(
        this.segments[Math.floor(address / SEGMENT_STRIDE)]!,
        offset,
        offset + this.lengths[entry]!,
        entry,
      );
    }
  }

  /** The key of an entry as a latin1 string (one char per byte, byte-exact). */
  keyOf(entry: number): string {
    const address = this.addresses[entry]!;
    const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)]!;
    const offset = address % SEGMENT_STRIDE;
    return segment.toString('latin1', offset, offset + this.lengths[entry]!);
  }

  /** Bytes held, for measurements. */
  get bytes(): number {
    let total =
      this.addresses.byteLength +
      this.lengths.byteLength +
      this.hashes.byteLength +
      this.live.byteLength +
      this.table.byteLength;
    for (const column of this.columnList) total += column.byteLength;
    for (const segment of this.segments) total += segment?.byteLength ?? 0;
    return total;
  }

  /** The size of every key segment held, for tests of how the key bytes grow. */
  get segmentSizes(): number[] {
    return this.segments.filter((s): s is Buffer => s !== null).map((s) => s.byteLength);
  }

  /** The slot holding the key's newest entry, or the empty slot where it would go. */
  private slotOfBytes(buf: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.table[slot]!;
      if (at === 0 || (this.hashes[at - 1] === hash && this.sameBytes(at - 1, buf, start, end))) return slot;
    }
  }

  private sameBytes(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    const length = this.lengths[entry]!;
    if (length !== end - start) return false;
    const address = this.addresses[entry]!;
    const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)]!;
    const offset = address % SEGMENT_STRIDE;
    for (let i = 0; i < length; i++) if (segment[offset + i] !== buf[start + i]) return false;
    return true;
  }

  private sameLatin1(entry: number, key: string): boolean {
    const length = this.lengths[entry]!;
    if (length !== key.length) return false;
    const address = this.addresses[entry]!;
    const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)]!;
    const offset = address % SEGMENT_STRIDE;
    for (let i = 0; i < length; i++) if (segment[offset + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Where `length` key bytes go: the current shared segment, the next one, or a segment of their own. */
  private place(length: number): number {
    if (length > this.segmentBytes) return this.newSegment(length) * SEGMENT_STRIDE;
    if (this.sharedIndex < 0 || this.sharedUsed + length > this.segmentBytes) {
      this.sharedIndex++;
      this.sharedUsed = 0;
      if (this.sharedIndex === this.shared.length) this.shared.push(this.newSegment(this.segmentBytes));
    }
    const address = this.shared[this.sharedIndex]! * SEGMENT_STRIDE + this.sharedUsed;
    this.sharedUsed += length;
    return address;
  }

  /** A new segment's number, reusing the number of a freed one. */
  private newSegment(bytes: number): number {
    const segment = Buffer.allocUnsafeSlow(bytes);
    const free = this.segments.indexOf(null);
    if (free >= 0) {
      this.segments[free] = segment;
      return free;
    }
    return this.segments.push(segment) - 1;
  }

  private append(buf: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const address = this.place(length);
    const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)]!;
    const offset = address % SEGMENT_STRIDE;
    // Byte by byte for the usual short key: a subarray to copy from would be one more object per key.
    if (length <= 256) for (let i = 0; i < length; i++) segment[offset + i] = buf[start + i]!;
    else segment.set(buf.subarray(start, end), offset);
    if (this.entries === this.addresses.length) this.resizeEntries(this.entries * 2);
    const entry = this.entries++;
    this.addresses[entry] = address;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.live[entry] = 1;
    for (const column of this.columnList) column[entry] = 0;
    return entry;
  }

  private resizeEntries(capacity: number): void {
    const resize = <T extends Column>(old: T, next: T): T => {
      next.set(old.subarray(0, Math.min(old.length, capacity)));
      return next;
    };
    this.addresses = resize(this.addresses, new Float64Array(capacity));
    this.lengths = resize(this.lengths, new Uint32Array(capacity));
    this.hashes = resize(this.hashes, new Uint32Array(capacity));
    this.live = resize(this.live, new Uint8Array(capacity));
    for (const name of Object.keys(this.columnTypes) as Array<keyof S>) {
      const next = new this.columnTypes[name]!(capacity) as InstanceType<S[keyof S]>;
      this.columns[name] = resize(this.columns[name], next);
    }
    this.columnList = Object.values(this.columns) as Column[];
  }

  /**
   * Drops dead entries and their key bytes, keeping the order of the live ones; entry numbers change. Short
   * keys are packed again from the first shared segment with the same rule as append(), so a key only ever
   * moves towards the front of the segments and never onto bytes not yet moved; long keys stay where they
   * are, and the segments of dead long keys and the shared segments left empty are freed.
   */
  private compact(): void {
    const columns = this.columnList;
    let kept = 0;
    let toIndex = -1;
    let toUsed = 0;
    for (let entry = 0; entry < this.entries; entry++) {
      const address = this.addresses[entry]!;
      const number = Math.floor(address / SEGMENT_STRIDE);
      const length = this.lengths[entry]!;
      if (!this.live[entry]) {
        if (length > this.segmentBytes) this.segments[number] = null;
        continue;
      }
      let moved = address;
      if (length <= this.segmentBytes) {
        if (toIndex < 0 || toUsed + length > this.segmentBytes) {
          toIndex++;
          toUsed = 0;
        }
        moved = this.shared[toIndex]! * SEGMENT_STRIDE + toUsed;
        toUsed += length;
        if (moved !== address) {
          const from = this.segments[number]!;
          const offset = address % SEGMENT_STRIDE;
          from.copy(this.segments[this.shared[toIndex]!]!, moved % SEGMENT_STRIDE, offset, offset + length);
        }
      }
      this.addresses[kept] = moved;
      this.lengths[kept] = length;
      this.hashes[kept] = this.hashes[entry]!;
      this.live[kept] = 1;
      for (const column of columns) column[kept] = column[entry]!;
      kept++;
    }
    for (const number of this.shared.splice(toIndex + 1)) this.segments[number] = null;
    this.sharedIndex = toIndex;
    this.sharedUsed = toIndex < 0 ? 0 : toUsed;
    this.live.fill(0, kept, this.entries);
    this.entries = kept;
    this.dead = 0;
    this.rebuildTable(this.table.length);
  }

  private rebuildTable(slots: number): void {
    const table = new Uint32Array(slots);
    const mask = slots - 1;
    for (let entry = 0; entry < this.entries; entry++) {
      if (!this.live[entry]) continue;
      let slot = this.hashes[entry]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = entry + 1;
    }
    this.table = table;
  }
}
