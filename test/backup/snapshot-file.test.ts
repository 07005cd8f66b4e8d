import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSnapshotFile } from '../../src/backup/snapshot-file';

const dir = mkdtempSync(join(tmpdir(), 'snapshot-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function snapshotBytes(pages: number): Buffer {
  const db = randomBytes(pages * 4096);
  return Buffer.concat([db, createHash('sha256').update(db).digest()]);
}

/** The bytes in pieces of the given sizes (cycled), with a pause now and then so the writer gets ahead and waits. */
async function* pieces(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield bytes.subarray(at, at + n);
    at += n;
    if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function written(bytes: Buffer, hashIn: 'worker' | 'stream', sizes: number[], totalBytes?: number) {
  const path = join(dir, `s${files++}.db`);
  const also = new PassThrough();
  const teed: Buffer[] = [];
  also.on('data', (c: Buffer) => teed.push(c));
  const result = await writeSnapshotFile({
    source: Readable.from(pieces(bytes, sizes)),
    path,
    totalBytes,
    progress: () => {},
    label: 'test',
    also,
    hashIn,
  });
  return { result, path, teed: Buffer.concat(teed) };
}

describe('writeSnapshotFile', () => {
  for (const hashIn of ['worker', 'stream'] as const) {
    it(`writes the file 0600, tees every byte and checks etcd's trailer (SHA-256 ${hashIn === 'worker' ? 'by a worker reading the file behind the writer' : 'on the stream'})`, async () => {
      const bytes = snapshotBytes(300);
      for (const sizes of [[65_536], [1, 31, 32, 33, 4096], [bytes.length], [1_000_003]]) {
        const { result, path, teed } = await written(bytes, hashIn, sizes, bytes.length);
        expect(readFileSync(path).equals(bytes)).toBe(true);
        expect(statSync(path).mode & 0o777).toBe(0o600);
        expect(teed.equals(bytes)).toBe(true);
        expect(result).toEqual({
          path,
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          trailerOk: true,
          databaseSha256: createHash('sha256').update(bytes.subarray(0, -32)).digest('hex'),
          hashedIn: hashIn,
        });
      }
    });

    it(`finds a changed byte and a missing trailer (${hashIn})`, async () => {
      const changed = snapshotBytes(40);
      changed[70_000]! ^= 1;
      expect((await written(changed, hashIn, [8192])).result.trailerOk).toBe(false);
      const raw = randomBytes(40 * 4096);
      const { result } = await written(raw, hashIn, [5000]);
      expect(result.trailerOk).toBe(false);
      expect(result.databaseSha256).toBe(createHash('sha256').update(raw).digest('hex'));
      const tiny = randomBytes(20);
      expect((await written(tiny, hashIn, [7])).result.sha256).toBe(
        createHash('sha256').update(tiny).digest('hex'),
      );
    });
  }

  it('fails with the bytes that arrived when the stream breaks, and the worker stops', async () => {
    const path = join(dir, 'broken.db');
    const source = new PassThrough();
    const writing = writeSnapshotFile({
      source,
      path,
      totalBytes: 10 << 20,
      progress: () => {},
      label: 'test',
      hashIn: 'worker',
    });
    source.write(randomBytes(100_000));
    setTimeout(() => source.destroy(new Error('link cut')), 20);
    await expect(writing).rejects.toThrow(/snapshot stream broke after 100000 of 10485760 bytes: link cut/);
  });

  it('refuses to write over a file that is there', async () => {
    const { path } = await written(snapshotBytes(1), 'worker', [4096]);
    await expect(
      writeSnapshotFile({
        source: Readable.from([Buffer.alloc(10)]),
        path,
        totalBytes: 10,
        progress: () => {},
        label: 'test',
      }),
    ).rejects.toThrow(/EEXIST/);
  });
});
