import { hashKeyBytes } from './key-hash';

/**
 * The number of live keys after replaying revisions in order (a put adds, a tombstone removes): etcd 3.6's
 * `totalKey`, when nothing else about the keys is wanted. An exact set, byte for byte, like a Map of the
 * keys but compact: key bytes packed into one growing arena, an open-addressing table of entry numbers, and
 * per entry an offset, a length, a hash and a live flag. About 20 bytes per distinct key plus the key
 * itself, against some 190 for a Map of strings (measured: 467k keys, 90 MB less peak RSS).
 */
export class LiveKeyCount {
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);
  private live = new Uint8Array(1024);
  private entries = 0;
  /** Entry number + 1 per slot; 0 = empty. Kept at most half full. */
  private table = new Uint32Array(2048);
  size = 0;

  apply(key: Uint8Array, tombstone: boolean): void {
    const hash = hashKeyBytes(key);
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const at = this.table[slot]!;
      if (at === 0) break;
      const entry = at - 1;
      if (this.hashes[entry] === hash && this.sameKey(entry, key)) {
        const was = this.live[entry]!;
        const now = tombstone ? 0 : 1;
        this.live[entry] = now;
        this.size += now - was;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (tombstone) return;
    const entry = this.add(key, hash);
    this.table[slot] = entry + 1;
    this.size++;
    if (this.entries * 2 > this.table.length) this.rehash();
  }

  private sameKey(entry: number, key: Uint8Array): boolean {
    const length = this.lengths[entry]!;
    if (length !== key.length) return false;
    const offset = this.offsets[entry]!;
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[offset + i] !== key[i]) return false;
    return true;
  }

  private add(key: Uint8Array, hash: number): number {
    if (this.arenaUsed + key.length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + key.length));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    this.arena.set(key, this.arenaUsed);
    if (this.entries === this.offsets.length) {
      const n = this.entries * 2;
      this.offsets = grow(this.offsets, new Float64Array(n));
      this.lengths = grow(this.lengths, new Uint32Array(n));
      this.hashes = grow(this.hashes, new Uint32Array(n));
      this.live = grow(this.live, new Uint8Array(n));
    }
    const entry = this.entries++;
    this.offsets[entry] = this.arenaUsed;
    this.lengths[entry] = key.length;
    this.hashes[entry] = hash;
    this.live[entry] = 1;
    this.arenaUsed += key.length;
    return entry;
  }

  private rehash(): void {
    const table = new Uint32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let entry = 0; entry < this.entries; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = entry + 1;
    }
    this.table = table;
  }
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
