import { hashKeyBytes, hashKeyLatin1 } from './key-hash';

type ColumnConstructor = Float64ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;
type Columns<S extends Record<string, ColumnConstructor>> = { [K in keyof S]: InstanceType<S[K]> };

const FIRST_ENTRIES = 1024;
/** Dead entries are squeezed out once there are this many and more than live ones. */
const COMPACT_AFTER = 4096;

/**
 * A map from byte-string keys to a fixed-size record (a few typed-array columns the caller names), held
 * without a JS object or string per key: key bytes packed into one growing arena, per entry an offset, a
 * length, a hash and a live flag plus the caller's columns, and an open-addressing table of entry numbers.
 * Iterates in insertion order like a Map: setting a live key keeps its place, a deleted key set again
 * goes to the end. Deleted entries stay in place (dead) until they outnumber the live ones, then are
 * squeezed out in one pass that keeps the order.
 */
export class CompactKeyMap<S extends Record<string, ColumnConstructor>> {
  private arena = Buffer.allocUnsafeSlow(1 << 16);
  private arenaUsed = 0;
  private offsets = new Float64Array(FIRST_ENTRIES);
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
  size = 0;

  constructor(private readonly columnTypes: S) {
    this.columns = {} as Columns<S>;
    for (const name of Object.keys(columnTypes) as Array<keyof S>)
      this.columns[name] = new columnTypes[name]!(FIRST_ENTRIES) as InstanceType<S[keyof S]>;
  }

  /** The entry of a key, made live: its own if live already, else a new one at the end (columns zeroed). */
  set(key: Uint8Array): number {
    const hash = hashKeyBytes(key);
    const slot = this.slotOfBytes(key, hash);
    const at = this.table[slot]!;
    if (at !== 0 && this.live[at - 1]) return at - 1;
    const entry = this.append(key, hash);
    this.table[slot] = entry + 1;
    this.size++;
    if (this.entries * 2 > this.table.length) this.rebuildTable(this.table.length * 2);
    return entry;
  }

  delete(key: Uint8Array): boolean {
    const at = this.table[this.slotOfBytes(key, hashKeyBytes(key))]!;
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

  /** Live entries in insertion order. */
  *liveEntries(): IterableIterator<number> {
    for (let entry = 0; entry < this.entries; entry++) if (this.live[entry]) yield entry;
  }

  /** The key of an entry as a latin1 string (one char per byte, byte-exact). */
  keyOf(entry: number): string {
    const offset = this.offsets[entry]!;
    return this.arena.toString('latin1', offset, offset + this.lengths[entry]!);
  }

  /** Bytes held, for measurements. */
  get bytes(): number {
    let columns = 0;
    for (const column of Object.values(this.columns) as ArrayBufferView[]) columns += column.byteLength;
    return (
      this.arena.byteLength +
      this.offsets.byteLength +
      this.lengths.byteLength +
      this.hashes.byteLength +
      this.live.byteLength +
      this.table.byteLength +
      columns
    );
  }

  /** The slot holding the key's newest entry, or the empty slot where it would go. */
  private slotOfBytes(key: Uint8Array, hash: number): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.table[slot]!;
      if (at === 0 || (this.hashes[at - 1] === hash && this.sameBytes(at - 1, key))) return slot;
    }
  }

  private sameBytes(entry: number, key: Uint8Array): boolean {
    const length = this.lengths[entry]!;
    if (length !== key.length) return false;
    const offset = this.offsets[entry]!;
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== key[i]) return false;
    return true;
  }

  private sameLatin1(entry: number, key: string): boolean {
    const length = this.lengths[entry]!;
    if (length !== key.length) return false;
    const offset = this.offsets[entry]!;
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private append(key: Uint8Array, hash: number): number {
    if (this.arenaUsed + key.length > this.arena.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.arena.length * 2, this.arenaUsed + key.length));
      this.arena.copy(bigger, 0, 0, this.arenaUsed);
      this.arena = bigger;
    }
    this.arena.set(key, this.arenaUsed);
    if (this.entries === this.offsets.length) this.resizeEntries(this.entries * 2);
    const entry = this.entries++;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = key.length;
    this.hashes[entry] = hash;
    this.live[entry] = 1;
    for (const column of Object.values(this.columns) as Array<Float64Array | Uint32Array | Uint8Array>)
      column[entry] = 0;
    this.arenaUsed += key.length;
    return entry;
  }

  private resizeEntries(capacity: number): void {
    const resize = <T extends Float64Array | Uint32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old.subarray(0, Math.min(old.length, capacity)));
      return next;
    };
    this.offsets = resize(this.offsets, new Float64Array(capacity));
    this.lengths = resize(this.lengths, new Uint32Array(capacity));
    this.hashes = resize(this.hashes, new Uint32Array(capacity));
    this.live = resize(this.live, new Uint8Array(capacity));
    for (const name of Object.keys(this.columnTypes) as Array<keyof S>) {
      const next = new this.columnTypes[name]!(capacity) as InstanceType<S[keyof S]>;
      this.columns[name] = resize(this.columns[name], next);
    }
  }

  /** Drops dead entries and their key bytes, keeping the order of the live ones; entry numbers change. */
  private compact(): void {
    const columns = Object.values(this.columns) as Array<Float64Array | Uint32Array | Uint8Array>;
    let kept = 0;
    let used = 0;
    for (let entry = 0; entry < this.entries; entry++) {
      if (!this.live[entry]) continue;
      const offset = this.offsets[entry]!;
      const length = this.lengths[entry]!;
      // Entries only move towards the front, so nothing not yet moved is overwritten.
      if (offset !== used) this.arena.copyWithin(used, offset, offset + length);
      this.offsets[kept] = used;
      this.lengths[kept] = length;
      this.hashes[kept] = this.hashes[entry]!;
      this.live[kept] = 1;
      for (const column of columns) column[kept] = column[entry]!;
      used += length;
      kept++;
    }
    this.live.fill(0, kept, this.entries);
    this.entries = kept;
    this.arenaUsed = used;
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
