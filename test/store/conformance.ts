import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seal } from '../../src/envelope/seal';
import type { MetadataDraft } from '../../src/format';
import { fetchBackup } from '../../src/restore/fetch';
import { analyseSnapshot } from '../../src/snapshot';
import type { BlobBackend } from '../../src/store/backend';
import { StoreError } from '../../src/store/errors';
import type { BackupStore } from '../../src/store/store';
import { silentLogger } from '../../src/util/log';
import { makeSeededSnapshot } from '../snapshot/craft';
import { draftFor, type Keys, newKeys, sha256Of } from './helpers';

export interface Subject {
  /** The store as the product opens it: the catalog over the (retried) backend. */
  store: BackupStore;
  /** The backend itself, to damage what it holds the way a person or a lifecycle rule could. */
  backend: BlobBackend;
}

/** A real etcd snapshot, made once per test file, with what its metadata must say about it. */
export interface SnapshotFixture {
  path: string;
  sha256: string;
  size: number;
  revision: number;
}

export async function seededSnapshot(dir: string): Promise<SnapshotFixture> {
  const path = await makeSeededSnapshot('3.5', dir);
  const bytes = await readFile(path);
  const { report } = await analyseSnapshot(path);
  return {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    revision: report.revision ?? 0,
  };
}

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as Error).message).not.toContain('\n');
  return error as StoreError;
}

/**
 * What every backend must do under the catalog: keep and give back a real backup, refuse duplicates, and
 * report (never list, never restore) a backup whose blob is missing, truncated or altered. `restore latest`
 * is the restore path's own fetch, so skipping a damaged backup is shown where it matters.
 */
export function conformanceSuite(subject: () => Subject, snapshot: () => SnapshotFixture): void {
  let keys: Keys;
  let work: string;
  const t0 = new Date('2026-11-21T10:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  let good: MetadataDraft;

  beforeAll(async () => {
    keys = await newKeys();
    work = await mkdtemp(join(tmpdir(), 'conformance-'));
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const draftAt = (minutes: number): MetadataDraft => {
    const s = snapshot();
    return {
      ...draftFor('conf', at(minutes), s.revision, keys.recipient),
      snapshot: { sha256: s.sha256, size: s.size },
    };
  };
  const putBackup = async (draft: MetadataDraft) => {
    const sealed = await seal(createReadStream(snapshot().path), {
      encryption: { kind: 'recipients', recipients: [keys.recipient] },
    });
    return subject().store.put(draft.name, sealed.blob, draft);
  };
  const restoreLatest = async (label: string) =>
    fetchBackup({
      store: subject().store,
      selector: { latest: true },
      cluster: 'conf',
      keys: { identities: [keys.identity] },
      path: join(work, `${label}.db`),
      log: silentLogger,
    });
  const listing = () => subject().store.list();

  it('stores a real backup that restore latest fetches back and verifies', async () => {
    good = draftAt(0);
    const stored = await putBackup(good);
    expect((await listing()).backups.map((b) => b.name)).toEqual([good.name]);
    const fetched = await restoreLatest('first');
    expect(fetched.metadata).toEqual(stored);
    expect(fetched.analysis.report.revision).toBe(snapshot().revision);
  });

  it('refuses a second backup with the same name and leaves the first intact', async () => {
    const error = await storeError(putBackup(good));
    expect(error.reason).toBe('duplicate');
    const back = await subject().store.get(good.name);
    expect((await sha256Of(back.blob)).sha256).toBe(back.metadata.envelope.blob.sha256);
  });

  it('reports a newer backup whose blob is missing, and restore latest skips it', async () => {
    const broken = draftAt(10);
    await putBackup(broken);
    await subject().backend.delete(`${broken.name}.age`);
    const { backups, problems } = await listing();
    expect(backups.map((b) => b.name)).toEqual([good.name]);
    expect(problems).toEqual([`${broken.name}: blob ${broken.name}.age is missing`]);
    expect((await restoreLatest('missing')).metadata.name).toBe(good.name);
    const error = await storeError(subject().store.get(broken.name));
    expect(error.reason).toBe('incomplete');
    await subject().store.delete(broken.name);
    expect((await listing()).problems).toEqual([]);
  });

  it('reports a newer backup whose blob is truncated, and restore latest skips it', async () => {
    const broken = draftAt(20);
    const stored = await putBackup(broken);
    const key = `${broken.name}.age`;
    const whole = stored.envelope.blob.size;
    const half = await firstBytes(subject().backend, key, Math.floor(whole / 2));
    await subject().backend.delete(key);
    await subject().backend.put(key, {
      open: () => Readable.from([half]),
      size: half.length,
      replayable: true,
    });
    const { backups, problems } = await listing();
    expect(backups.map((b) => b.name)).toEqual([good.name]);
    expect(problems).toEqual([`${broken.name}: blob ${key} is truncated: ${half.length} of ${whole} bytes`]);
    expect((await restoreLatest('truncated')).metadata.name).toBe(good.name);
    // Read anyway (by name), the stream fails instead of ending.
    const read = await subject().store.get(broken.name);
    expect((await storeError(sha256Of(read.blob))).reason).toBe('truncated');
    await subject().store.delete(broken.name);
  });

  it('fails the read of a blob altered in place, whether or not the listing can tell', async () => {
    const altered = draftAt(30);
    const stored = await putBackup(altered);
    const key = `${altered.name}.age`;
    const bytes = await firstBytes(subject().backend, key, stored.envelope.blob.size);
    bytes[bytes.length - 100]! ^= 0xff;
    await subject().backend.delete(key);
    await subject().backend.put(key, {
      open: () => Readable.from([bytes]),
      size: bytes.length,
      replayable: true,
    });
    const { backups, problems } = await listing();
    if (backups.some((b) => b.name === altered.name)) expect(problems).toEqual([]);
    else
      expect(problems).toEqual([
        expect.stringMatching(new RegExp(`^${altered.name}: blob ${key} has SHA-256 `)),
      ]);
    const read = await subject().store.get(altered.name);
    expect((await storeError(sha256Of(read.blob))).reason).toBe('digest-mismatch');
    await subject().store.delete(altered.name);
  });

  it('reports a blob without metadata as an incomplete backup', async () => {
    const orphan = draftAt(40);
    const key = `${orphan.name}.age`;
    await subject().backend.put(key, {
      open: () => Readable.from([Buffer.from('half')]),
      size: 4,
      replayable: true,
    });
    expect((await listing()).problems).toEqual([`${orphan.name}: blob without metadata (incomplete backup)`]);
    await subject().backend.delete(key);
  });

  it('deletes a backup so it is neither listed nor found', async () => {
    await subject().store.delete(good.name);
    expect(await listing()).toEqual({ backups: [], problems: [] });
    expect((await storeError(subject().store.get(good.name))).reason).toBe('not-found');
  });
}

/** The first `count` bytes of a stored blob, read through the backend (no digest check). */
async function firstBytes(backend: BlobBackend, key: string, count: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await backend.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).subarray(0, count);
}
