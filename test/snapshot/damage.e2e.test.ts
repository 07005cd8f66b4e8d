import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import type { SnapshotReport } from '../../src/snapshot/report';
import { exitCodeOf } from '../../src/snapshot/verdict';
import { verifySnapshot } from '../../src/snapshot/verify';
import { runCli } from '../support/cli';
import { type Layout, pagesOf, readLayout } from './bbolt-layout';
import { anyEtcd, flip, makeSeededSnapshot, reseal, scratchDir, setMeta, TRAILER } from './craft';
import { etcdToolStatus } from './etcd-status';

const runInspect = (args: string[]) => runCli(['inspect', ...args]);

const minor = anyEtcd();
const missing = typeof minor === 'string' ? undefined : minor.missing;

/** Deterministic bytes for the "random" cases. */
function seededBytes(seed: number, length: number): Buffer {
  let s = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const errors = (r: SnapshotReport) => r.integrity.problems.filter((p) => p.severity === 'error');
const kinds = (r: SnapshotReport) => errors(r).map((p) => p.kind);

describe.skipIf(missing !== undefined)(
  `damaged copies of a real snapshot${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let original: Buffer;
    let originalPath: string;
    let originalReport: SnapshotReport;
    let layout: Layout;
    let ps: number;
    const damaged: string[] = [];

    async function check(name: string, bytes: Buffer): Promise<SnapshotReport> {
      const path = await scratch.write(name, bytes);
      return verifySnapshot(path);
    }

    async function checkDamaged(name: string, bytes: Buffer): Promise<SnapshotReport> {
      const path = await scratch.write(name, bytes);
      damaged.push(path);
      const report = await verifySnapshot(path);
      expect(report.integrity.ok).toBe(false);
      expect(exitCodeOf(report)).toBe(3);
      return report;
    }

    beforeAll(async () => {
      scratch = await scratchDir('snapshot-damage');
      originalPath = await makeSeededSnapshot(
        minor as Exclude<typeof minor, { missing: string }>,
        scratch.dir,
      );
      original = await readFile(originalPath);
      originalReport = await verifySnapshot(originalPath);
      layout = readLayout(originalPath);
      ps = layout.pageSize;
    }, 120_000);

    afterAll(async () => {
      await scratch?.remove();
    });

    it('starts from an intact snapshot with branch, leaf, overflow and free pages', () => {
      expect(originalReport.integrity.ok).toBe(true);
      expect(pagesOf(layout, 'key', 'branch').length).toBeGreaterThan(0);
      expect(pagesOf(layout, 'key', 'leaf').length).toBeGreaterThan(1);
      expect(pagesOf(layout, 'key', 'overflow').length).toBeGreaterThan(0);
      expect(layout.free.length).toBeGreaterThanOrEqual(3);
    });

    it('rejects a bit flip in a leaf value by its trailer, while the structure (like bbolt) is fine', async () => {
      const leaf = pagesOf(layout, 'key', 'leaf')[0]!;
      const last = leaf * ps + 16 + 16 * (original.readUInt16LE(leaf * ps + 10) - 1);
      const value = last + original.readUInt32LE(last + 4) + original.readUInt32LE(last + 8);
      const report = await checkDamaged('leaf-value.db', flip(original, value + 3));
      expect(kinds(report)).toEqual(['trailer-mismatch']);
      expect(report.trailer).toBe('mismatch');
      expect(report.hash).not.toBe(originalReport.hash);
    });

    it('rejects a bit flip in a leaf element even with a fresh trailer, naming the leaf page', async () => {
      const leaf = pagesOf(layout, 'key', 'leaf')[1]!;
      const report = await checkDamaged(
        'leaf-element.db',
        reseal(flip(original, leaf * ps + 16 + 8 + 3, 0x40)),
      );
      expect(report.trailer).toBe('ok');
      expect(errors(report)[0]).toMatchObject({ kind: 'page-element', page: leaf });
      expect(errors(report)[0]!.message).toContain(`page ${leaf}`);
      expect(report.hash).toBeNull();
    });

    it('rejects a leaf page whose header id no longer matches its position', async () => {
      const leaf = pagesOf(layout, 'key', 'leaf')[0]!;
      const report = await checkDamaged('leaf-id.db', reseal(flip(original, leaf * ps, 0x80)));
      expect(errors(report)[0]).toMatchObject({ kind: 'page-id-mismatch', page: leaf, offset: leaf * ps });
    });

    it('rejects a branch pointing past the database end, naming the branch page', async () => {
      const branch = pagesOf(layout, 'key', 'branch')[0]!;
      const bytes = Buffer.from(original);
      bytes.writeBigUInt64LE(0xffffffffn, branch * ps + 16 + 8);
      const report = await checkDamaged('branch-bounds.db', reseal(bytes));
      expect(errors(report)[0]).toMatchObject({ kind: 'page-out-of-bounds', page: 0xffffffff });
      expect(errors(report)[0]!.message).toContain(`branch page ${branch}`);
    });

    it('rejects a branch page whose type flag flipped', async () => {
      const branch = pagesOf(layout, 'key', 'branch')[0]!;
      const report = await checkDamaged('branch-type.db', reseal(flip(original, branch * ps + 8, 0x20)));
      expect(errors(report)[0]).toMatchObject({ kind: 'page-type', page: branch });
    });

    it('ends a crafted cycle (a branch whose child is itself) with "referenced more than once"', async () => {
      const branch = pagesOf(layout, 'key', 'branch')[0]!;
      const bytes = Buffer.from(original);
      bytes.writeBigUInt64LE(BigInt(branch), branch * ps + 16 + 8);
      const report = await checkDamaged('cycle.db', reseal(bytes));
      expect(errors(report)[0]).toMatchObject({ kind: 'page-multiple-references', page: branch });
    });

    it('rejects two branch elements pointing at the same child', async () => {
      const branch = pagesOf(layout, 'key', 'branch')[0]!;
      const bytes = Buffer.from(original);
      const firstChild = bytes.readBigUInt64LE(branch * ps + 16 + 8);
      bytes.writeBigUInt64LE(firstChild, branch * ps + 16 + 16 + 8);
      const report = await checkDamaged('shared-child.db', reseal(bytes));
      expect(kinds(report)).toContain('page-multiple-references');
    });

    it('uses the other meta page when one is damaged, and says so', async () => {
      const report = await check('meta1.db', reseal(flip(original, ps + 64)));
      expect(report.integrity.ok).toBe(true);
      expect(report.integrity.problems).toEqual([
        expect.objectContaining({ severity: 'warning', kind: 'meta-invalid', page: 1, offset: ps }),
      ]);
      expect(report.hash).toBe(originalReport.hash);
      const meta0 = await check('meta0.db', reseal(flip(original, 64)));
      expect(meta0.integrity.ok).toBe(true);
      expect(meta0.integrity.problems[0]).toMatchObject({ kind: 'meta-invalid', page: 0 });
      expect(meta0.totalKey).toBe(originalReport.totalKey);
      const unsealed = await checkDamaged('meta1-unsealed.db', flip(original, ps + 64));
      expect(kinds(unsealed)).toEqual(['trailer-mismatch']);
    });

    it('rejects a file whose two meta pages are both damaged', async () => {
      const report = await checkDamaged('metas.db', reseal(flip(flip(original, 64), ps + 64)));
      expect(errors(report)[0]!.kind).toBe('meta-invalid');
      expect(errors(report)[0]!.message).toContain('both meta pages');
      expect(report.hash).toBeNull();
    });

    it('rejects a damaged trailer while the status stays what etcd reports', async () => {
      const report = await checkDamaged('trailer.db', flip(original, original.length - 5));
      expect(kinds(report)).toEqual(['trailer-mismatch']);
      expect(errors(report)[0]!.offset).toBe(original.length - TRAILER);
      expect(report.hash).toBe(originalReport.hash);
    });

    it('catches a flip in an unreachable page by the trailer, though bbolt and etcd call the file fine', async () => {
      const free = layout.free[0]!;
      const path = await scratch.write('unreachable.db', flip(original, free * ps + 1000));
      damaged.push(path);
      const report = await verifySnapshot(path);
      expect(kinds(report)).toEqual(['trailer-mismatch']);
      expect(report.hash).toBe(originalReport.hash);
      const binaries = findEtcd(minor as Exclude<typeof minor, { missing: string }>);
      if (!('missing' in binaries)) {
        const theirs = await etcdToolStatus(binaries, path);
        expect(theirs.hash).toBe(report.hash);
      }
    });

    it('rejects truncation, naming the offset where the file ends', async () => {
      const half = Math.floor(original.length / 2);
      const report = await checkDamaged('truncated.db', original.subarray(0, half));
      expect(kinds(report)).toContain('truncated');
      expect(report.integrity.problems.find((p) => p.kind === 'truncated')!.offset).toBe(half);
      const one = await checkDamaged('truncated-1.db', original.subarray(0, original.length - 1));
      expect(kinds(one)).toContain('truncated');
    });

    it('treats a stripped trailer as a raw database: sound, but exit code 4 and a no-trailer flag', async () => {
      const raw = await check('raw.db', original.subarray(0, original.length - TRAILER));
      expect(raw.integrity.ok).toBe(true);
      expect(raw.trailer).toBe('missing');
      expect(raw.noIntegrityTrailer).toBe(true);
      expect(exitCodeOf(raw)).toBe(4);
      expect(raw.hash).toBe(originalReport.hash);
      expect(raw.sha256).toBe(originalReport.sha256);
      const padded = await check(
        'raw-padded.db',
        Buffer.concat([original.subarray(0, original.length - TRAILER), Buffer.alloc(65536)]),
      );
      expect(exitCodeOf(padded)).toBe(4);
      expect(padded.integrity.problems.map((p) => p.kind)).toEqual(['padded', 'trailer-missing']);
    });

    it('rejects extra bytes between the database and its trailer', async () => {
      const db = original.subarray(0, original.length - TRAILER);
      const report = await checkDamaged(
        'padded.db',
        Buffer.concat([db, Buffer.alloc(512), original.subarray(-TRAILER)]),
      );
      expect(kinds(report)).toContain('padded');
    });

    it('rejects an empty file and random bytes as not a snapshot', async () => {
      expect(kinds(await checkDamaged('empty.db', Buffer.alloc(0)))).toEqual(['empty-file']);
      expect(kinds(await checkDamaged('random.db', seededBytes(1, 1 << 20)))).toEqual(['not-bbolt']);
      const withTrailerSize = await checkDamaged('random-32.db', seededBytes(2, 8192 + 32));
      expect(kinds(withTrailerSize)).toEqual(['not-bbolt', 'trailer-mismatch']);
      expect(kinds(await checkDamaged('tiny.db', Buffer.from('hello')))).toEqual(['not-bbolt']);
    });

    it('survives a huge page size in valid meta pages without a hang or a giant allocation', async () => {
      let bytes = setMeta(original, 0, ps, 'pageSize', 1n << 30n);
      bytes = setMeta(bytes, 1, ps, 'pageSize', 1n << 30n);
      const report = await checkDamaged('huge-page.db', reseal(bytes));
      expect(kinds(report)).toContain('truncated');
      const absurd = await checkDamaged(
        'absurd-page.db',
        reseal(setMeta(setMeta(original, 0, ps, 'pageSize', 0xfffffff0n), 1, ps, 'pageSize', 0xfffffff0n)),
      );
      expect(kinds(absurd)[0]).toBe('meta-invalid');
      const pgid = await checkDamaged(
        'huge-pgid.db',
        reseal(setMeta(setMeta(original, 0, ps, 'pgid', 1n << 60n), 1, ps, 'pgid', 1n << 60n)),
      );
      expect(kinds(pgid)).toContain('truncated');
    });

    describe('with a persisted freelist (as bbolt writes it off Linux)', () => {
      /** Writes a freelist page listing `ids` into the first free page and points both metas at it. */
      function withFreelist(ids: number[]): Buffer {
        const at = layout.free[0]!;
        let bytes: Buffer = Buffer.from(original);
        bytes.fill(0, at * ps, (at + 1) * ps);
        bytes.writeBigUInt64LE(BigInt(at), at * ps);
        bytes.writeUInt16LE(0x10, at * ps + 8);
        bytes.writeUInt16LE(ids.length, at * ps + 10);
        for (const [i, id] of ids.entries()) bytes.writeBigUInt64LE(BigInt(id), at * ps + 16 + i * 8);
        bytes = setMeta(bytes, 0, ps, 'freelist', BigInt(at));
        bytes = setMeta(bytes, 1, ps, 'freelist', BigInt(at));
        return reseal(bytes);
      }

      it('accepts a freelist that lists exactly the unreachable pages', async () => {
        const report = await check('freelist.db', withFreelist(layout.free.slice(1)));
        expect(report.integrity).toEqual({ ok: true, problems: [], problemCount: 0 });
        expect(report.pages).toMatchObject({ freelist: 'persisted', free: layout.free.length - 1 });
        expect(report.hash).toBe(originalReport.hash);
      });

      it('rejects an unreachable page missing from the freelist', async () => {
        const lost = layout.free.at(-1)!;
        const report = await checkDamaged('freelist-lost.db', withFreelist(layout.free.slice(1, -1)));
        expect(errors(report)).toEqual([
          expect.objectContaining({ kind: 'unreachable-unfreed', page: lost }),
        ]);
      });

      it('rejects a page that is both in use and listed as free, and a page freed twice', async () => {
        const leaf = pagesOf(layout, 'key', 'leaf')[0]!;
        const used = await checkDamaged(
          'freelist-used.db',
          withFreelist([...layout.free.slice(1), leaf].sort((a, b) => a - b)),
        );
        expect(errors(used)).toEqual([expect.objectContaining({ kind: 'reachable-freed', page: leaf })]);
        const twice = await checkDamaged(
          'freelist-twice.db',
          withFreelist([...layout.free.slice(1), layout.free[1]!]),
        );
        expect(errors(twice)[0]).toMatchObject({ kind: 'freelist', page: layout.free[1] });
      });
    });

    it('the CLI exits 3 with one line naming the page or offset and never a stack trace, for every damaged copy', async () => {
      expect(damaged.length).toBeGreaterThan(15);
      for (const path of damaged) {
        const { code, stdout, stderr } = await runInspect([path, '--json']);
        expect({ path, code }).toEqual({ path, code: 3 });
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(stderr).toMatch(/page \d+|offset \d+|empty/);
        expect(stderr + stdout).not.toMatch(/\n\s+at /);
        expect(stdout.trim().split('\n')).toHaveLength(1);
        expect((JSON.parse(stdout) as { integrity: { ok: boolean } }).integrity.ok).toBe(false);
      }
    }, 120_000);
  },
);
