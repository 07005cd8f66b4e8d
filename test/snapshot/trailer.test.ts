import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { hasTrailerBySize, SnapshotTrailerCheck } from '../../src/snapshot/trailer';

async function streamThrough(chunks: Buffer[]): Promise<{ check: SnapshotTrailerCheck; passed: Buffer }> {
  const check = new SnapshotTrailerCheck();
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    check,
    new Writable({
      write(chunk: Buffer, _e, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return { check, passed: Buffer.concat(out) };
}

function snapshotBytes(pages: number): Buffer {
  const db = randomBytes(pages * 4096);
  return Buffer.concat([db, createHash('sha256').update(db).digest()]);
}

/** Splits into chunks of varied sizes, including ones smaller than the 32-byte trailer. */
function chop(bytes: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return chunks;
}

describe('SnapshotTrailerCheck on a stream', () => {
  it('passes every byte through and confirms the trailer, whatever the chunking', async () => {
    const bytes = snapshotBytes(5);
    for (const sizes of [[32 * 1024], [1, 7, 31, 32, 33], [bytes.length], [20_000, 5]]) {
      const { check, passed } = await streamThrough(chop(bytes, sizes));
      expect(passed.equals(bytes)).toBe(true);
      expect(check.result).toEqual({
        databaseBytes: bytes.length - 32,
        sha256: createHash('sha256').update(bytes.subarray(0, -32)).digest('hex'),
        fileSha256: createHash('sha256').update(bytes).digest('hex'),
        trailer: 'ok',
      });
    }
  });

  it('reports a mismatch when one byte of the database changed in transit', async () => {
    const bytes = snapshotBytes(3);
    bytes[5000] = bytes[5000]! ^ 4;
    const { check } = await streamThrough(chop(bytes, [4096]));
    expect(check.result.trailer).toBe('mismatch');
  });

  it('reports a missing trailer for a raw database and hashes all of it', async () => {
    const raw = randomBytes(8192);
    const { check } = await streamThrough(chop(raw, [1000]));
    expect(check.result).toEqual({
      databaseBytes: 8192,
      sha256: createHash('sha256').update(raw).digest('hex'),
      fileSha256: createHash('sha256').update(raw).digest('hex'),
      trailer: 'missing',
    });
  });

  it('uses etcd\'s size rule for "has a trailer": 32 more than a multiple of 512', () => {
    expect(hasTrailerBySize(4096 * 3 + 32)).toBe(true);
    expect(hasTrailerBySize(4096 * 3)).toBe(false);
    expect(hasTrailerBySize(31)).toBe(false);
  });
});
