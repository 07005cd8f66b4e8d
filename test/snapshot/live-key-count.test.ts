import { describe, expect, it } from 'vitest';
import { LiveKeyCount } from '../../src/snapshot/live-key-count';

describe('LiveKeyCount', () => {
  it('counts like a set of byte strings through puts, repeated puts and tombstones, across table growth', () => {
    const count = new LiveKeyCount();
    const reference = new Set<string>();
    let s = 12345;
    const next = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s;
    };
    for (let i = 0; i < 60_000; i++) {
      const n = next() % 20_000;
      // Keys of varied length, some differing only in their last byte or a byte above 0x7f.
      const key = Buffer.from(`/registry/pods/ns-${n % 13}/pod-${n}`, 'latin1');
      if (n % 5 === 0) key[key.length - 1] = 0x80 + (n % 100);
      const tombstone = next() % 3 === 0;
      count.apply(key, tombstone);
      const name = key.toString('latin1');
      if (tombstone) reference.delete(name);
      else reference.add(name);
      if (i % 5000 === 0) expect(count.size).toBe(reference.size);
    }
    expect(count.size).toBe(reference.size);
    expect(reference.size).toBeGreaterThan(5000);
  });

  it('treats keys that share a prefix, and the empty key, as distinct', () => {
    const count = new LiveKeyCount();
    for (const k of ['', 'a', 'ab', 'abc', 'ab']) count.apply(Buffer.from(k), false);
    expect(count.size).toBe(4);
    count.apply(Buffer.from('ab'), true);
    count.apply(Buffer.from('ab'), true);
    count.apply(Buffer.from('zz'), true);
    expect(count.size).toBe(3);
  });
});
