import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/snapshot/analyze';
import { WORKER_HASH_THRESHOLD } from '../../src/snapshot/chunk-hasher';
import { CHUNK_SIZE, SnapshotFile } from '../../src/snapshot/file';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

describe('the sequential pass: page reads served from the ring, SHA-256 of every cut', () => {
  let dir: string;
  let large: Buffer;
  let largePath: string;
  let small: Buffer;
  let smallPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'seq-read-'));
    // Large enough for the worker; not a multiple of the chunk size, so the last chunk is short.
    large = randomBytes(WORKER_HASH_THRESHOLD + 5 * CHUNK_SIZE + 12_345);
    largePath = join(dir, 'large.bin');
    await writeFile(largePath, large);
    small = randomBytes(3 * CHUNK_SIZE + 77);
    smallPath = join(dir, 'small.bin');
    await writeFile(smallPath, small);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [which, thread] of [
    ['a large file, hashed in a worker thread', 'worker'],
    ['a small file, hashed on the main thread', 'main'],
  ] as const) {
    it(`gives the right bytes for reads anywhere and the SHA-256 of every cut, for ${which}`, async () => {
      const bytes = thread === 'worker' ? large : small;
      const file = SnapshotFile.open(thread === 'worker' ? largePath : smallPath);
      try {
        const cuts = [0, 4096, bytes.length - 32, bytes.length];
        const digests = file.startSequential(cuts)!;
        expect(file.hashThread).toBe(thread);
        const check = (position: number, length: number) => {
          const got = Buffer.from(file.read(position, length));
          expect(got.equals(bytes.subarray(position, position + length))).toBe(true);
        };
        // Forward page by page, across chunk boundaries, then behind the ring, far ahead, and past the end.
        for (let at = 0; at < 3 * CHUNK_SIZE; at += 4096 * 7) check(at, 4096 * 3);
        check(CHUNK_SIZE - 100, 200);
        check(2 * CHUNK_SIZE - 10, CHUNK_SIZE + 20);
        check(bytes.length - 5000, 4000);
        check(0, 64);
        check(bytes.length - 10, 100);
        expect(file.read(bytes.length + 1, 10)).toHaveLength(0);
        file.finishSequential();
        const got = await digests;
        expect(got.map((d) => d.toString('hex'))).toEqual(
          cuts.map((cut) => sha256(bytes.subarray(0, cut)).toString('hex')),
        );
      } finally {
        file.close();
      }
    });
  }

  it('stops the hashing worker and rejects its result when the file is closed part way', async () => {
    const file = SnapshotFile.open(largePath);
    const digests = file.startSequential([large.length])!;
    file.read(10 * CHUNK_SIZE, 4096);
    file.close();
    await expect(digests).rejects.toThrow('verification stopped');
  });

  it('checks the trailer of a large file hashed in the worker: intact, then one byte changed', async () => {
    const database = large.subarray(0, large.length - (large.length % 512));
    const path = join(dir, 'trailer.bin');
    await writeFile(path, Buffer.concat([database, sha256(database)]));
    const intact = (await analyzeSnapshot(path)).report;
    expect(intact.trailer).toBe('ok');
    expect(intact.sha256).toBe(sha256(database).toString('hex'));
    // Not a bbolt file, so the tree is not walked, but the whole database part is still hashed.
    expect(intact.integrity.problems.map((p) => p.kind)).toContain('not-bbolt');

    const changed = Buffer.from(database);
    changed[changed.length - 1000] = changed[changed.length - 1000]! ^ 1;
    await writeFile(path, Buffer.concat([changed, sha256(database)]));
    const report = (await analyzeSnapshot(path)).report;
    expect(report.trailer).toBe('mismatch');
    expect(report.integrity.problems.map((p) => p.kind)).toContain('trailer-mismatch');
  });
});
