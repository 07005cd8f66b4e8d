/** FNV-1a, 32 bits, mixed at the end so that the low bits (a table index) depend on every byte. */
export function hashKeyBytes(key: Uint8Array, start = 0, end = key.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ key[i]!, 0x01000193);
  return finish(h);
}

/**
 * The same hash over a latin1 string (one char per byte, as `Buffer.toString('latin1')` makes), without
 * encoding it first. -1 when a char is above 0xff: no byte key reads back as that string.
 */
export function hashKeyLatin1(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 0xff) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return finish(h);
}

function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
