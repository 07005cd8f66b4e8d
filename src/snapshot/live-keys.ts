import { crc32 } from 'node:zlib';
import { type KubernetesValue, readKubernetesValue } from './kubernetes';
import type { KeyValue } from './mvcc';

/** What is remembered of a live key's newest value: enough for inventory and diff, not the value itself. */
export interface LiveObject {
  modRevision: number;
  /** CRC-32 (zlib's, native) of the value: tells a changed value from an unchanged one between two snapshots. */
  valueCrc: number;
  valueSize: number;
  value: KubernetesValue;
}

/**
 * The live user keys of bucket `key`, rebuilt by replaying revisions in order (a put adds, a tombstone
 * removes), like etcd 3.6's `snapshot status`. Keys are held as latin1 strings (byte-exact); memory grows
 * with the number of live keys, as in etcd itself, but values are never kept: in detailed mode each key
 * has a slot in a few typed arrays (revision, CRC, size, and an index into a table of distinct
 * encoding/apiVersion/kind combinations), about a hundred bytes per key in all.
 */
export class LiveKeys {
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private used = 0;
  private modRevision = new Float64Array(0);
  private valueCrc = new Uint32Array(0);
  private valueSize = new Uint32Array(0);
  private valueKind = new Uint32Array(0);
  private readonly kinds: KubernetesValue[] = [];
  private readonly kindIndex = new Map<string, number>();

  constructor(private readonly detailed: boolean) {}

  apply(kv: KeyValue, tombstone: boolean): void {
    const key = kv.key.toString('latin1');
    if (tombstone) {
      const slot = this.slots.get(key);
      if (slot !== undefined) {
        this.slots.delete(key);
        if (this.detailed) this.freeSlots.push(slot);
      }
      return;
    }
    if (!this.detailed) {
      this.slots.set(key, 0);
      return;
    }
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.newSlot();
      this.slots.set(key, slot);
    }
    this.modRevision[slot] = kv.modRevision;
    this.valueCrc[slot] = crc32(kv.value);
    this.valueSize[slot] = kv.value.length;
    this.valueKind[slot] = this.intern(readKubernetesValue(kv.value));
  }

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The remembered value of a live key; null when not kept (keys-only mode), undefined when not live. */
  get(key: string): LiveObject | null | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    if (!this.detailed) return null;
    return {
      modRevision: this.modRevision[slot]!,
      valueCrc: this.valueCrc[slot]!,
      valueSize: this.valueSize[slot]!,
      value: this.kinds[this.valueKind[slot]!]!,
    };
  }

  keys(): IterableIterator<string> {
    return this.slots.keys();
  }

  *entries(): IterableIterator<[string, LiveObject | null]> {
    for (const key of this.slots.keys()) yield [key, this.get(key)!];
  }

  private newSlot(): number {
    if (this.used === this.modRevision.length) {
      const capacity = Math.max(1024, this.used * 2);
      const grow = <T extends Float64Array | Uint32Array>(old: T, make: (n: number) => T): T => {
        const next = make(capacity);
        next.set(old);
        return next;
      };
      this.modRevision = grow(this.modRevision, (n) => new Float64Array(n));
      this.valueCrc = grow(this.valueCrc, (n) => new Uint32Array(n));
      this.valueSize = grow(this.valueSize, (n) => new Uint32Array(n));
      this.valueKind = grow(this.valueKind, (n) => new Uint32Array(n));
    }
    return this.used++;
  }

  private intern(value: KubernetesValue): number {
    const id = `${value.encoding}\0${value.apiVersion ?? ''}\0${value.kind ?? ''}\0${value.provider ?? ''}`;
    let index = this.kindIndex.get(id);
    if (index === undefined) {
      index = this.kinds.length;
      this.kinds.push(value);
      this.kindIndex.set(id, index);
    }
    return index;
  }
}
