import { crc32 } from 'node:zlib';
import { CompactKeyMap } from './compact-key-map';
import { type KubernetesValue, readKubernetesValue } from './kubernetes';
import type { KeyValue, KeyValueSpan } from './mvcc';

const DETAIL_COLUMNS = {
  modRevision: Float64Array,
  valueCrc: Uint32Array,
  valueSize: Uint32Array,
  valueKind: Uint32Array,
};
type Columns = { [K in keyof typeof DETAIL_COLUMNS]: InstanceType<(typeof DETAIL_COLUMNS)[K]> };

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
  /** Keys-only mode holds no columns at all: 20 bytes less per key, and no value is read. */
  private readonly map: CompactKeyMap<Partial<typeof DETAIL_COLUMNS>>;
  private readonly kinds: KubernetesValue[] = [];
  private readonly kindIndex = new Map<string, number>();

  constructor(private readonly detailed: boolean) {
    this.map = new CompactKeyMap<Partial<typeof DETAIL_COLUMNS>>(detailed ? DETAIL_COLUMNS : {});
  }

  apply(kv: KeyValue, tombstone: boolean): void {
    this.applyRanges(kv.key, 0, kv.key.length, kv.value, 0, kv.value.length, kv.modRevision, tombstone);
  }

  /** apply() of a KeyValue decoded in place from `buf`: keys-only mode then allocates nothing. */
  applyAt(buf: Buffer, kv: KeyValueSpan, tombstone: boolean): void {
    this.applyRanges(buf, kv.keyStart, kv.keyEnd, buf, kv.valueStart, kv.valueEnd, kv.modRevision, tombstone);
  }

  private applyRanges(
    keyBuf: Buffer,
    keyStart: number,
    keyEnd: number,
    valueBuf: Buffer,
    valueStart: number,
    valueEnd: number,
    modRevision: number,
    tombstone: boolean,
  ): void {
    if (tombstone) {
      this.map.deleteRange(keyBuf, keyStart, keyEnd);
      return;
    }
    const entry = this.map.setRange(keyBuf, keyStart, keyEnd);
    if (!this.detailed) return;
    const value = valueBuf.subarray(valueStart, valueEnd);
    const columns = this.map.columns as Columns;
    columns.modRevision[entry] = modRevision;
    columns.valueCrc[entry] = crc32(value);
    columns.valueSize[entry] = value.length;
    columns.valueKind[entry] = this.intern(readKubernetesValue(value));
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

  /**
   * The revision of a live key's newest value, looked up by the key's bytes with no string or object made:
   * undefined when the key is not live, null in keys-only mode.
   */
  modRevisionOf(key: Uint8Array): number | null | undefined {
    const entry = this.map.findRange(key, 0, key.length);
    if (entry < 0) return undefined;
    return this.detailed ? (this.map.columns as Columns).modRevision[entry]! : null;
  }

  /** Like modRevisionOf, the CRC-32 of a live key's newest value. */
  valueCrcOf(key: Uint8Array): number | null | undefined {
    const entry = this.map.findRange(key, 0, key.length);
    if (entry < 0) return undefined;
    return this.detailed ? (this.map.columns as Columns).valueCrc[entry]! : null;
  }

  *keys(): IterableIterator<string> {
    for (const entry of this.map.liveEntries()) yield this.map.keyOf(entry);
  }

  *entries(): IterableIterator<[string, LiveObject | null]> {
    for (const entry of this.map.liveEntries()) yield [this.map.keyOf(entry), this.objectAt(entry)];
  }

  /** Each live key's bytes in insertion order, as buf[start, end): no string per key. */
  forEachKey(visit: (buf: Buffer, start: number, end: number) => void): void {
    this.map.forEachLiveKey(visit);
  }

  /** Bytes held by the keys and their records (not counting the few distinct kinds), for measurements. */
  get bytes(): number {
    return this.map.bytes;
  }

  private objectAt(entry: number): LiveObject | null {
    if (!this.detailed) return null;
    const columns = this.map.columns as Columns;
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
