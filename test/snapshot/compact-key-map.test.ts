import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompactKeyMap } from '../../src/snapshot/compact-key-map';
import { readKubernetesValue } from '../../src/snapshot/kubernetes';
import { LiveKeys, type LiveObject } from '../../src/snapshot/live-keys';
import type { KeyValue } from '../../src/snapshot/mvcc';
import { seededRandom } from '../support/random';

/** Keys drawn from a pool, so that the same key comes back: any byte values, some long, some empty. */
function keyPool(next: (n: number) => number, size: number): Buffer[] {
  const pool: Buffer[] = [Buffer.alloc(0), Buffer.from([0]), Buffer.from([0, 0]), Buffer.from([0xff])];
  while (pool.length < size) {
    const kind = next(10);
    if (kind < 5) pool.push(Buffer.from(`/registry/pods/ns-${next(20)}/pod-${pool.length}`, 'latin1'));
    else if (kind < 8) pool.push(Buffer.from(Array.from({ length: 1 + next(40) }, () => next(256))));
    else if (kind < 9) pool.push(Buffer.alloc(5000 + next(70_000), next(256)));
    else {
      // A key that differs from an earlier one only in its last byte.
      const base = pool[next(pool.length)]!;
      const twin = Buffer.concat([base, Buffer.from([next(256)])]);
      pool.push(twin);
    }
  }
  return pool;
}

const COLUMNS = { revision: Float64Array, crc: Uint32Array, flag: Uint8Array };

describe('CompactKeyMap', () => {
  /** Random sets, overwrites and deletes on `map`, checked against a Map all along. */
  function replayAgainstMap(map: CompactKeyMap<typeof COLUMNS>, seed: number): void {
    const next = seededRandom(seed);
    const pool = keyPool(next, 3000);
    const reference = new Map<string, [number, number, number]>();
    const check = () => {
      expect(map.size).toBe(reference.size);
      const seen: Array<[string, [number, number, number]]> = [];
      for (const entry of map.liveEntries()) {
        const c = map.columns;
        seen.push([map.keyOf(entry), [c.revision[entry]!, c.crc[entry]!, c.flag[entry]!]]);
      }
      expect(seen).toEqual([...reference.entries()]);
      for (const key of pool) {
        const name = key.toString('latin1');
        const entry = map.find(name);
        if (reference.has(name)) expect(map.keyOf(entry)).toBe(name);
        else expect(entry).toBe(-1);
      }
    };
    // Phases: mostly sets (growth), then mostly deletes (squeezing out dead entries), then mixed.
    for (const [steps, deleteOdds] of [
      [20_000, 0.2],
      [30_000, 0.8],
      [30_000, 0.5],
    ] as const) {
      for (let i = 0; i < steps; i++) {
        const key = pool[next(pool.length)]!;
        const name = key.toString('latin1');
        if (next(1000) < deleteOdds * 1000) {
          expect(map.delete(key)).toBe(reference.delete(name));
        } else {
          const record: [number, number, number] = [
            next(2 ** 30) * 4096 + next(4096),
            next(2 ** 32),
            next(256),
          ];
          const entry = map.set(key);
          map.columns.revision[entry] = record[0];
          map.columns.crc[entry] = record[1];
          map.columns.flag[entry] = record[2];
          reference.set(name, record);
        }
        if (i % 7919 === 0) check();
      }
      check();
    }
  }

  it('holds the same keys, records and order as a Map through random sets, overwrites and deletes', () => {
    replayAgainstMap(new CompactKeyMap(COLUMNS), 0x5eed);
  });

  it('packs keys into fixed-size segments, gives a longer key a segment of its own, and repacks them when squeezing', () => {
    // 4 KiB segments, so that the pool's 5-75 kB keys each need their own and short keys fill many.
    const map = new CompactKeyMap(COLUMNS, 4096);
    replayAgainstMap(map, 0xb17e);
    const sizes = map.segmentSizes;
    expect(sizes.filter((n) => n === 4096).length).toBeGreaterThan(1);
    expect(sizes.some((n) => n > 4096)).toBe(true);
  });

  it('grows its key bytes one segment at a time, never into a copy twice the size', () => {
    const map = new CompactKeyMap({}, 1024);
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      map.set(Buffer.from(`/registry/secrets/ns-${i % 7}/secret-${i}`));
      for (const n of map.segmentSizes) seen.add(n);
    }
    // Every segment ever held was 1 KiB: the keys (about 600 kB) were never moved into a larger block.
    expect([...seen]).toEqual([1024]);
    expect(map.segmentSizes.length).toBeLessThan(700);
  });

  it('tells apart keys that share a prefix, the empty key, and strings that are no byte key', () => {
    const map = new CompactKeyMap({});
    for (const k of ['', 'a', 'ab', 'abc', 'ab']) map.set(Buffer.from(k, 'latin1'));
    expect(map.size).toBe(4);
    expect(map.find('')).toBeGreaterThanOrEqual(0);
    expect(map.find('abcd')).toBe(-1);
    expect(map.find('a\u0100')).toBe(-1);
    expect(map.delete(Buffer.from('ab'))).toBe(true);
    expect(map.delete(Buffer.from('ab'))).toBe(false);
    expect(map.delete(Buffer.from('zz'))).toBe(false);
    expect([...map.liveEntries()].map((e) => map.keyOf(e))).toEqual(['', 'a', 'abc']);
    map.set(Buffer.from('ab'));
    map.set(Buffer.from(''));
    expect([...map.liveEntries()].map((e) => map.keyOf(e))).toEqual(['', 'a', 'abc', 'ab']);
  });

  it('squeezes out deleted keys, keeping the order of the rest, so that churn does not grow it', () => {
    const map = new CompactKeyMap({ n: Uint32Array });
    const key = (i: number) => Buffer.from(`/registry/events/default/e-${i}`);
    for (let i = 0; i < 10_000; i++) map.columns.n[map.set(key(i))] = i;
    const full = map.bytes;
    for (let round = 1; round <= 5; round++) {
      for (let i = 0; i < 9000; i++) map.delete(key((round - 1) * 10_000 + i));
      for (let i = 0; i < 9000; i++) map.columns.n[map.set(key(round * 10_000 + i))] = round * 10_000 + i;
    }
    expect(map.bytes).toBe(full);
    // Left: the last 1000 of the first 10 000, then the 9000 set in the last round, in that order.
    const expected = [
      ...Array.from({ length: 1000 }, (_, i) => 9000 + i),
      ...Array.from({ length: 9000 }, (_, i) => 50_000 + i),
    ];
    expect([...map.liveEntries()].map((e) => map.columns.n[e]!)).toEqual(expected);
    expect(map.size).toBe(10_000);
    expect(map.find(key(4).toString('latin1'))).toBe(-1);
    expect(map.keyOf(map.find(key(9500).toString('latin1')))).toBe(key(9500).toString('latin1'));
  });

  it('keeps a few dozen bytes per key besides the key itself', () => {
    const map = new CompactKeyMap({ a: Float64Array, b: Uint32Array, c: Uint32Array, d: Uint32Array });
    let keyBytes = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const key = Buffer.from(`/registry/configmaps/ns-${i % 50}/cm-${i}`);
      keyBytes += key.length;
      map.set(key);
    }
    // Arrays grow by doubling, so at worst twice the exact need (~53 bytes a key here).
    expect((map.bytes - 2 * keyBytes) / n).toBeLessThan(120);
  });
});

describe('LiveKeys', () => {
  function kv(key: Buffer, modRevision: number, value: Buffer): KeyValue {
    return { key, createRevision: modRevision, modRevision, version: 1, value };
  }

  it('answers get, has, keys and entries like a Map of the replayed keys', () => {
    const next = seededRandom(42);
    const pool = keyPool(next, 2000);
    const values = [
      Buffer.from('{"apiVersion":"v1","kind":"ConfigMap"}'),
      Buffer.from('k8s:enc:aescbc:v1:key1:xxxx'),
      Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0x02, 0x76, 0x31]),
      Buffer.from('plain'),
      Buffer.alloc(0),
    ];
    const live = new LiveKeys(true);
    const keysOnly = new LiveKeys(false);
    const reference = new Map<string, LiveObject>();
    for (let revision = 1; revision <= 40_000; revision++) {
      const key = pool[next(pool.length)]!;
      const name = key.toString('latin1');
      const tombstone = next(3) === 0;
      const value = tombstone ? Buffer.alloc(0) : values[next(values.length)]!;
      live.apply(kv(key, revision, value), tombstone);
      keysOnly.apply(kv(key, revision, value), tombstone);
      if (tombstone) reference.delete(name);
      else
        reference.set(name, {
          modRevision: revision,
          valueCrc: crc32(value),
          valueSize: value.length,
          value: readKubernetesValue(value),
        });
    }
    expect(live.size).toBe(reference.size);
    expect([...live.entries()]).toEqual([...reference.entries()]);
    expect([...live.keys()]).toEqual([...reference.keys()]);
    expect([...keysOnly.entries()]).toEqual([...reference.keys()].map((k) => [k, null]));
    for (const key of pool) {
      const name = key.toString('latin1');
      expect(live.has(name)).toBe(reference.has(name));
      expect(live.get(name)).toEqual(reference.get(name));
      expect(keysOnly.get(name)).toBe(reference.has(name) ? null : undefined);
      // The lookups by bytes that make no string or object agree with get().
      expect(live.modRevisionOf(key)).toBe(reference.get(name)?.modRevision);
      expect(live.valueCrcOf(key)).toBe(reference.get(name)?.valueCrc);
      expect(keysOnly.modRevisionOf(key)).toBe(reference.has(name) ? null : undefined);
    }
  });
});
