import { crc32 } from 'node:zlib';
import { CompactKeyMap } from './compact-key-map';
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
 * removes), like etcd 3.6's `snapshot status`. Values are never kept: in detailed mode each key has a
 * record of its newest value's revision, CRC, size and an index into a table of distinct
 * encoding/apiVersion/kind combinations. Keys and records live in a CompactKeyMap (no JS object or string
 * per key: about 50 bytes per key besides the key's bytes, against some 190 for a Map of strings); keys are
 * read back as latin1 strings (byte-exact) and objects made only when asked for, in insertion order.
 */
export class LiveKeys {
  private readonly map = new CompactKeyMap({
    modRevision: Float64Array,
    valueCrc: Uint32Array,
    valueSize: Uint32Array,
    valueKind: Uint32Array,
  });
  private readonly kinds: KubernetesValue[] = [];
  private readonly kindIndex = new Map<string, number>();

  constructor(private readonly detailed: boolean) {}

  apply(kv: KeyValue, tombstone: boolean): void {
    if (tombstone) {
      this.map.delete(kv.key);
      return;
    }
    const entry = this.map.set(kv.key);
    if (!this.detailed) return;
    const columns = this.map.columns;
    columns.modRevision[entry] = kv.modRevision;
    columns.valueCrc[entry] = crc32(kv.value);
    columns.valueSize[entry] = kv.value.length;
    columns.valueKind[entry] = this.intern(readKubernetesValue(kv.value));
  }

  get size(): number {
    return this.map.size;
  }

  has(key: string): boolean {
    return this.map.find(key) >= 0;
  }

  /** The remembered value of a live key; null when not kept (keys-only mode), undefined when not live. */
  get(key: string): LiveObject | null | undefined {
    const entry = this.map.find(key);
    if (entry < 0) return undefined;
    return this.objectAt(entry);
  }

  *keys(): IterableIterator<string> {
    for (const entry of this.map.liveEntries()) yield this.map.keyOf(entry);
  }

  *entries(): IterableIterator<[string, LiveObject | null]> {
    for (const entry of this.map.liveEntries()) yield [this.map.keyOf(entry), this.objectAt(entry)];
  }

  /** Bytes held by the keys and their records (not counting the few distinct kinds), for measurements. */
  get bytes(): number {
    return this.map.bytes;
  }

  private objectAt(entry: number): LiveObject | null {
    if (!this.detailed) return null;
    const columns = this.map.columns;
    return {
      modRevision: columns.modRevision[entry]!,
      valueCrc: columns.valueCrc[entry]!,
      valueSize: columns.valueSize[entry]!,
      value: this.kinds[columns.valueKind[entry]!]!,
    };
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
