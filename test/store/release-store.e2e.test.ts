import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../src/store/catalog';
import { BackupCatalog } from '../../src/store/catalog-store';
import { StoreError } from '../../src/store/errors';
import { ReleaseBackend, type ReleaseStoreOptions } from '../../src/store/release-store';
import { prune } from '../../src/store/retention';
import { withRetries } from '../../src/store/retry';
import { k8sLikeSnapshot, randomStream } from '../envelope/k8s-like-data';
import { type LocalGitHub, startLocalGitHub } from '../support/github/local-github';
import { draftFor, type Keys, newKeys, roundTrip, sha256Of } from './helpers';

const MiB = 1024 * 1024;
const t0 = new Date('2026-11-21T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as Error).message).not.toContain('\n');
  return error as StoreError;
}

describe('backups as release assets, through the real @actions/github against a local releases API', () => {
  let github: LocalGitHub;
  let keys: Keys;
  const storeWith = (options: Partial<ReleaseStoreOptions> = {}) =>
    new BackupCatalog(
      withRetries(
        new ReleaseBackend({
          token: github.token,
          owner: github.owner,
          repo: github.repo,
          apiUrl: github.url,
          tag: 'etcd-backups',
          ...options,
        }),
        { baseDelayMs: 20, maxDelayMs: 100 },
      ),
    );

  beforeAll(async () => {
    github = await startLocalGitHub({ artifacts: false });
    keys = await newKeys();
  });
  afterAll(async () => {
    await github?.stop();
  });

  it('round-trips a 1 MiB sealed snapshot into a rolling pre-release, metadata uploaded last', async () => {
    const draft = draftFor('prod', t0, 10, keys.recipient);
    const { stored } = await roundTrip(storeWith(), () => k8sLikeSnapshot(MiB), keys, draft);
    const release = github.releases!.releases.find((r) => r.tag === 'etcd-backups')!;
    expect(release.prerelease).toBe(true);
    expect(release.assets.map((a) => a.name)).toEqual([`${draft.name}.age`, `${draft.name}.json`]);
    expect(release.assets[0]!.sha256).toBe(stored.envelope.blob.sha256);
    expect(stored.envelope.blob.parts).toBeUndefined();
  });

  it('round-trips a 100 MiB sealed snapshot, streaming the upload with an exact Content-Length', async () => {
    const draft = draftFor('prod', minutes(1), 20, keys.recipient);
    const { stored } = await roundTrip(storeWith(), () => randomStream(100 * MiB), keys, draft);
    const upload = github.requests.find(
      (r) => r.method === 'POST' && r.url.includes(`name=${draft.name}.age`),
    )!;
    expect(Number(upload.headers.contentLength)).toBe(stored.envelope.blob.size);
    expect(upload.headers.contentType).toBe('application/octet-stream');
  });

  it('splits a blob larger than the part size into parts the metadata lists, and joins them back', async () => {
    const draft = draftFor('prod', minutes(2), 30, keys.recipient);
    const { stored } = await roundTrip(
      storeWith({ partSize: 4 * MiB }),
      () => randomStream(10 * MiB),
      keys,
      draft,
    );
    const parts = stored.envelope.blob.parts!;
    expect(parts.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(parts.map((p) => p.size)).toEqual([4 * MiB, 4 * MiB, stored.envelope.blob.size - 8 * MiB]);
    const release = github.releases!.releases.find((r) => r.tag === 'etcd-backups')!;
    const names = release.assets.filter((a) => a.name.startsWith(draft.name)).map((a) => a.name);
    expect(names).toEqual([0, 1, 2].map((i) => `${draft.name}.age.part00${i}`).concat(`${draft.name}.json`));
    // A reader with the default part size still finds the parts: the metadata, not the reader, says how.
    const back = await storeWith().get(draft.name);
    expect((await sha256Of(back.blob)).sha256).toBe(stored.envelope.blob.sha256);
  });

  it('fails the download of a part whose bytes were replaced, and returns nothing as good', async () => {
    const name = draftFor('prod', minutes(2), 30, keys.recipient).name;
    const asset = github
      .releases!.releases.flatMap((r) => r.assets)
      .find((a) => a.name === `${name}.age.part001`)!;
    const original = await readFile(asset.path!);
    const altered = Buffer.from(original);
    altered[12345]! ^= 0x01;
    await writeFile(asset.path!, altered);
    try {
      const back = await storeWith().get(name);
      const error = await storeError(sha256Of(back.blob));
      expect(error.reason).toBe('digest-mismatch');
      expect(error.message).toContain(`release:etcd-backups/${name}.age.part001`);
    } finally {
      await writeFile(asset.path!, original);
    }
  });

  it('refuses a second backup with the same name', async () => {
    const draft = draftFor('prod', t0, 10, keys.recipient);
    const error = await storeError(storeWith().put(draft.name, k8sLikeSnapshot(100), draft));
    expect(error.reason).toBe('duplicate');
  });

  it('retries 502, 429 with retry-after and an exhausted rate limit, then succeeds', async () => {
    const releases = github.releases!;
    releases.failNext({ match: /^POST .*\/releases\/\d+\/assets$/, status: 502 });
    releases.failNext({ match: /^GET .*\/releases\/tags\//, status: 429, headers: { 'retry-after': '1' } });
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    releases.failNext({
      match: /^GET .*\/releases\/\d+\/assets$/,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest' },
    });
    const draft = draftFor('prod', minutes(3), 40, keys.recipient);
    const started = Date.now();
    await roundTrip(storeWith(), () => k8sLikeSnapshot(1000), keys, draft);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const statuses = github.requests.map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining([502, 429, 403]));
    expect(releases.faults.every((f) => f.times === 0)).toBe(true);
  });

  it('fails at once, naming the reset time, when the rate limit resets too far ahead', async () => {
    github.releases!.failNext({
      match: /^GET .*\/releases\/tags\//,
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      },
      body: { message: 'API rate limit exceeded' },
    });
    const error = await storeError(storeWith().list());
    expect(error.reason).toBe('rate-limited');
    expect(error.message).toMatch(/rate limit resets only at \d{4}-/);
  });

  it('gives up on a service that keeps failing, with a one-line error', async () => {
    github.releases!.failNext({ match: /^GET .*\/releases\/tags\//, status: 503, times: 5 });
    const error = await storeError(storeWith().list());
    expect(error.reason).toBe('unavailable');
  });

  it('refuses, with prune advice, a backup that would pass 1000 assets in the release', async () => {
    const store = storeWith({ tag: 'full-bucket' });
    const first = draftFor('edge', t0, 1, keys.recipient);
    await store.put(first.name, k8sLikeSnapshot(100), first);
    const release = github.releases!.releases.find((r) => r.tag === 'full-bucket')!;
    github.releases!.seedAssets(release, 997);
    const next = draftFor('edge', minutes(1), 2, keys.recipient);
    const error = await storeError(store.put(next.name, k8sLikeSnapshot(100), next));
    expect(error.reason).toBe('limit');
    expect(error.message).toBe(
      "release:full-bucket has 999 assets; this backup needs 2 more, over GitHub's limit of 1000 per release",
    );
    expect(error.hint).toContain('etcd-backup prune --store release:full-bucket --keep-last');
    expect(release.assets.length).toBe(999);
  });

  it('refuses immutable releases and draft-only tags with a way out', async () => {
    const immutable = storeWith({ tag: 'locked' });
    const first = draftFor('edge', t0, 1, keys.recipient);
    await immutable.put(first.name, k8sLikeSnapshot(100), first);
    github.releases!.releases.find((r) => r.tag === 'locked')!.immutable = true;
    const next = draftFor('edge', minutes(1), 2, keys.recipient);
    const locked = await storeError(immutable.put(next.name, k8sLikeSnapshot(100), next));
    expect(locked.message).toBe('release locked is immutable: assets can no longer be added or removed');

    const drafted = storeWith({ tag: 'drafted' });
    await drafted.put(first.name, k8sLikeSnapshot(100), first);
    github.releases!.releases.find((r) => r.tag === 'drafted')!.draft = true;
    const hidden = await storeError(drafted.put(next.name, k8sLikeSnapshot(100), next));
    expect(hidden.message).toBe('release drafted exists as a draft, which cannot be found by its tag');
  });

  it('names a refused token as a permission problem', async () => {
    const error = await storeError(storeWith({ token: 'wrong' }).list());
    expect(error.reason).toBe('permission');
  });

  it('keeps one release per backup when no release tag is given, and deletes release and tag together', async () => {
    const store = storeWith({ tag: undefined });
    const a = draftFor('stage', t0, 5, keys.recipient);
    const b = draftFor('stage', minutes(5), 6, keys.recipient);
    await roundTrip(store, () => k8sLikeSnapshot(2000), keys, a);
    await roundTrip(store, () => k8sLikeSnapshot(2000), keys, b);
    expect(github.releases!.tags.has(`etcd-backup-${a.name}`)).toBe(true);
    expect((await readCatalog(store)).entries.map((e) => e.name)).toEqual([b.name, a.name]);
    await store.delete(a.name);
    expect(github.releases!.tags.has(`etcd-backup-${a.name}`)).toBe(false);
    expect((await readCatalog(store)).entries.map((e) => e.name)).toEqual([b.name]);
    expect((await storeError(store.get(a.name))).reason).toBe('not-found');
  });

  it('prunes by keep-last after checking the newest backup reads back intact', async () => {
    const store = storeWith();
    const before = (await readCatalog(store)).entries.filter((e) => e.cluster === 'prod');
    expect(before.length).toBe(4);
    const result = await prune(store, { keepLast: 2 });
    expect(result.delete.map((b) => b.name)).toEqual(before.slice(2).map((e) => e.name));
    expect((await readCatalog(store)).entries.filter((e) => e.cluster === 'prod').map((e) => e.name)).toEqual(
      before.slice(0, 2).map((e) => e.name),
    );
  });

  it('served only JSON that matches GitHub’s OpenAPI description', () => {
    expect(github.violations()).toEqual([]);
  });
});
