import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeKeyValue, type KeyValue } from '../../src/snapshot/mvcc';
import { forEachField } from '../../src/snapshot/protobuf';

/**
 * mvccpb.KeyValue read with the generic field reader: the definition the fast decoder must match. With
 * `wrongWireTypeIsUnknown` (Go's standard protobuf, etcd 3.7) a known field of the wrong wire type is skipped.
 */
function reference(buf: Buffer, wrongWireTypeIsUnknown = false): KeyValue | undefined {
  const kv: KeyValue = {
    key: Buffer.alloc(0),
    createRevision: 0,
    modRevision: 0,
    version: 0,
    value: Buffer.alloc(0),
  };
  const ok = forEachField(buf, (f) => {
    if (f.field === 1 || f.field === 5) {
      if (f.wireType !== 2) return wrongWireTypeIsUnknown;
      if (f.field === 1) kv.key = f.bytes!;
      else kv.value = f.bytes!;
    } else if (f.field >= 2 && f.field <= 6) {
      if (f.wireType !== 0) return wrongWireTypeIsUnknown;
      if (f.field === 2) kv.createRevision = f.varint;
      if (f.field === 3) kv.modRevision = f.varint;
      if (f.field === 4) kv.version = f.varint;
    }
    return true;
  });
  return ok ? kv : undefined;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function message(seed: number): Buffer {
  const key = Buffer.from(`/registry/pods/ns-${seed % 7}/pod-${seed}`);
  const value = randomBytes(seed % 300);
  return Buffer.from([
    0x0a,
    ...varint(key.length),
    ...key,
    0x10,
    ...varint(seed * 1000 + 1),
    0x18,
    ...varint(2 ** 40 + seed),
    0x20,
    ...varint(seed % 5),
    0x2a,
    ...varint(value.length),
    ...value,
    ...(seed % 3 === 0 ? [0x30, ...varint(seed)] : []),
    // an unknown field of each skippable wire type now and then
    ...(seed % 4 === 0 ? [0x38, 0x01, 0x41, 1, 2, 3, 4, 5, 6, 7, 8, 0x4d, 1, 2, 3, 4] : []),
  ]);
}

describe('decodeKeyValue', () => {
  it('agrees with a field-by-field decode on valid, cut, bit-flipped and random messages', () => {
    const cases: Buffer[] = [];
    for (let seed = 0; seed < 200; seed++) {
      const m = message(seed);
      cases.push(m, m.subarray(0, seed % m.length), randomBytes(seed % 40));
      const flipped = Buffer.from(m);
      flipped[seed % m.length] = flipped[seed % m.length]! ^ (1 << (seed % 8));
      cases.push(flipped);
    }
    for (const unknown of [false, true]) {
      let decoded = 0;
      for (const c of cases) {
        const got = decodeKeyValue(c, unknown);
        expect(got).toEqual(reference(c, unknown));
        if (got) decoded++;
      }
      // Both outcomes are exercised.
      expect(decoded).toBeGreaterThan(200);
      expect(decoded).toBeLessThan(cases.length);
    }
  });

  it('rejects a known field of the wrong wire type like gogo (etcd 3.6), and skips it like Go protobuf (3.7)', () => {
    // key as a varint, then a proper value: field 1 with wire type 0.
    const kv = Buffer.from([0x08, 0x05, 0x2a, 0x01, 0x78]);
    expect(decodeKeyValue(kv)).toBeUndefined();
    expect(decodeKeyValue(kv, true)).toEqual({
      key: Buffer.alloc(0),
      createRevision: 0,
      modRevision: 0,
      version: 0,
      value: Buffer.from('x'),
    });
    // mod_revision as a length-delimited field.
    expect(decodeKeyValue(Buffer.from([0x1a, 0x01, 0x07]))).toBeUndefined();
    expect(decodeKeyValue(Buffer.from([0x1a, 0x01, 0x07]), true)?.modRevision).toBe(0);
  });
});
