import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  crc32c,
  crc32cFinal,
  crc32cImplementation,
  crc32cInit,
  crc32cUpdate,
  crc32cUpdateJs,
} from '../../src/snapshot/crc32c';

/** Bit-at-a-time CRC-32C straight from the definition, to check the table-driven one against. */
function bitwise(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const implementations = [
  ['the default implementation', crc32cUpdate],
  ['the JavaScript fallback', crc32cUpdateJs],
] as const;

describe('crc32c', () => {
  it('uses the native implementation on linux-x64, where the prebuilt binary is installed', () => {
    if (process.platform === 'linux' && process.arch === 'x64' && process.env.ETCD_BACKUP_CRC32C !== 'js')
      expect(crc32cImplementation).toBe('native');
  });

  it('gives the Castagnoli check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  for (const [name, update] of implementations) {
    it(`${name} agrees with the bit-at-a-time definition for lengths up to 300 bytes and at odd offsets`, () => {
      for (let n = 0; n <= 300; n++) {
        const data = randomBytes(n + 7);
        expect(crc32cFinal(update(crc32cInit, data, 3, n + 3))).toBe(bitwise(data.subarray(3, n + 3)));
      }
    });

    it(`${name} continues one running value across calls, as etcd hashes names, keys and values in sequence`, () => {
      const parts = [randomBytes(5), randomBytes(4096), randomBytes(1), randomBytes(77), randomBytes(300)];
      let state = crc32cInit;
      for (const part of parts) state = update(state, part);
      expect(crc32cFinal(state)).toBe(bitwise(Buffer.concat(parts)));
      // Alternating between the two implementations mid-stream gives the same value.
      state = crc32cInit;
      parts.forEach((part, i) => {
        state = (i % 2 ? crc32cUpdateJs : crc32cUpdate)(state, part);
      });
      expect(crc32cFinal(state)).toBe(bitwise(Buffer.concat(parts)));
    });
  }
});
