import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32c, crc32cFinal, crc32cInit, crc32cUpdate } from '../../src/snapshot/crc32c';

/** Bit-at-a-time CRC-32C straight from the definition, to check the table-driven one against. */
function bitwise(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('gives the Castagnoli check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with the bit-at-a-time definition for every length up to 100 bytes and at odd offsets', () => {
    for (let n = 0; n <= 100; n++) {
      const data = randomBytes(n + 3);
      expect(crc32cFinal(crc32cUpdate(crc32cInit, data, 3))).toBe(bitwise(data.subarray(3)));
    }
  });

  it('continues one running value across calls, as etcd hashes names, keys and values in sequence', () => {
    const parts = [randomBytes(5), randomBytes(4096), randomBytes(1), randomBytes(77)];
    let state = crc32cInit;
    for (const part of parts) state = crc32cUpdate(state, part);
    expect(crc32cFinal(state)).toBe(bitwise(Buffer.concat(parts)));
  });
});
