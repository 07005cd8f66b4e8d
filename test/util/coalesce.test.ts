import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { Coalesce, coalesced } from '../../src/util/coalesce';

async function chunksOut(pieces: Buffer[], bytes: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => out.push(c));
  await pipeline(Readable.from(pieces), new Coalesce(bytes), sink);
  return out;
}

describe('Coalesce', () => {
  it('joins small chunks into chunks of at least the size asked, keeping every byte in order', async () => {
    const data = randomBytes(100_000);
    const pieces = Array.from({ length: 100 }, (_, i) => data.subarray(i * 1000, (i + 1) * 1000));
    const out = await chunksOut(pieces, 32_768);
    expect(Buffer.concat(out).equals(data)).toBe(true);
    expect(out.slice(0, -1).every((c) => c.length >= 32_768)).toBe(true);
    expect(out).toHaveLength(4);
  });

  it('passes a chunk that is big enough on as it is, after what was held back', async () => {
    const small = randomBytes(10);
    const big = randomBytes(5000);
    const out = await chunksOut([small, big, small], 4096);
    expect(out.map((c) => c.length)).toEqual([10, 5000, 10]);
    expect(out[1]).toBe(big);
  });

  it('passes an error of its source on', async () => {
    const source = new PassThrough();
    const joined = coalesced(source, 1024);
    const failed = new Promise((resolve) => joined.on('error', resolve));
    source.destroy(new Error('cut'));
    await expect(failed).resolves.toMatchObject({ message: 'cut' });
  });
});
