import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvelopeError } from '../../src/envelope/errors';
import { open } from '../../src/envelope/open';
import { seal } from '../../src/envelope/seal';
import { readCatalog } from '../../src/store/catalog';
import { DirStore } from '../../src/store/dir-store';
import { StoreError } from '../../src/store/errors';
import { k8sLikeSnapshot } from '../envelope/k8s-like-data';
import { draftFor, type Keys, newKeys, roundTrip, sha256Of } from './helpers';

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as Error).message).not.toContain('\n');
  return error as StoreError;
}

describe('backups in a local folder', () => {
  let root: string;
  let keys: Keys;
  const t0 = new Date('2026-11-21T10:00:00Z');

  beforeEach(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'dir-store-')), 'backups');
    keys = await newKeys();
  });
  afterEach(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('round-trips a sealed snapshot as a 0600 blob and a readable metadata file, leaving no temp files', async () => {
    const store = new DirStore(root);
    const draft = draftFor('prod', t0, 7, keys.recipient);
    const { stored } = await roundTrip(store, () => k8sLikeSnapshot(1024 * 1024), keys, draft);
    expect((await readdir(root)).sort()).toEqual([`${draft.name}.age`, `${draft.name}.json`]);
    expect((await stat(join(root, `${draft.name}.age`))).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, `${draft.name}.json`))).mode & 0o777).toBe(0o600);
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    const onDisk = JSON.parse(await readFile(join(root, `${draft.name}.json`), 'utf8'));
    expect(onDisk).toEqual(stored);
    expect(JSON.stringify(onDisk)).not.toMatch(/AGE-SECRET-KEY|\/registry\//);
  });

  it('refuses to overwrite a backup of the same name', async () => {
    const store = new DirStore(root);
    const draft = draftFor('prod', t0, 7, keys.recipient);
    await store.put(draft.name, Readable.from([Buffer.from('blob')]), draft);
    const error = await storeError(store.put(draft.name, Readable.from([Buffer.from('other')]), draft));
    expect(error.kind).toBe('duplicate');
  });

  it('leaves nothing behind when the blob stream fails half-way', async () => {
    const store = new DirStore(root);
    const draft = draftFor('prod', t0, 7, keys.recipient);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('ssh connection dropped'));
      },
    });
    await expect(store.put(draft.name, failing, draft)).rejects.toThrow('ssh connection dropped');
    expect(await readdir(root)).toEqual([]);
  });

  it('fails the read of a truncated or altered blob instead of ending it', async () => {
    const store = new DirStore(root);
    const draft = draftFor('prod', t0, 7, keys.recipient);
    await store.put(draft.name, k8sLikeSnapshot(100_000), draft);
    const blobPath = join(root, `${draft.name}.age`);
    const original = await readFile(blobPath);

    await truncate(blobPath, original.length - 10);
    const cut = await storeError(sha256Of((await store.get(draft.name)).blob));
    expect(cut.kind).toBe('truncated');

    const altered = Buffer.from(original);
    altered[500]! ^= 0x04;
    await writeFile(blobPath, altered);
    const bad = await storeError(sha256Of((await store.get(draft.name)).blob));
    expect(bad.kind).toBe('digest-mismatch');
  });

  it('lists newest first, reports damaged metadata and orphan blobs, and forgets deleted backups', async () => {
    const store = new DirStore(root);
    const a = draftFor('prod', t0, 7, keys.recipient);
    const b = draftFor('prod', new Date(t0.getTime() + 3_600_000), 9, keys.recipient);
    await store.put(a.name, k8sLikeSnapshot(1000), a);
    await store.put(b.name, k8sLikeSnapshot(1000), b);
    await writeFile(join(root, 'prod-20261121T120000Z-r11.json'), '{"schemaVersion": 99}');
    await writeFile(join(root, 'prod-20261121T130000Z-r12.age'), 'half');
    await writeFile(join(root, 'notes.txt'), 'unrelated');
    const { entries, problems } = await readCatalog(store);
    expect(entries.map((e) => e.name)).toEqual([b.name, a.name]);
    expect(problems).toEqual([
      expect.stringMatching(/^prod-20261121T120000Z-r11: .*schema version 99 is not supported/),
      'prod-20261121T130000Z-r12: blob without metadata (incomplete backup)',
    ]);
    await store.delete(a.name);
    expect((await readCatalog(store)).entries.map((e) => e.name)).toEqual([b.name]);
    expect((await storeError(store.get(a.name))).kind).toBe('not-found');
  });

  it('gives back a stored backup that a wrong key cannot open, with the envelope naming the cause', async () => {
    const store = new DirStore(root);
    const draft = draftFor('prod', t0, 7, keys.recipient);
    const sealed = await seal(k8sLikeSnapshot(50_000), {
      encryption: { kind: 'recipients', recipients: [keys.recipient] },
    });
    await store.put(draft.name, sealed.blob, draft);
    const back = await store.get(draft.name);
    const stranger = await newKeys();
    const error = await open(back.blob, {
      keys: { identities: [stranger.identity] },
      envelope: back.metadata.envelope,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).kind).toBe('wrong-key');
  });

  it('lists an absent folder as empty', async () => {
    expect(await new DirStore(join(root, 'missing')).list()).toEqual({ backups: [], problems: [] });
  });
});
