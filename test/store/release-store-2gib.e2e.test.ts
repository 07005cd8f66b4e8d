import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetadataDraft } from '../../src/format';
import { BackupCatalog } from '../../src/store/catalog-store';
import { DEFAULT_PART_SIZE, ReleaseBackend } from '../../src/store/release-store';
import { randomStream } from '../envelope/k8s-like-data';
import { type LocalGitHub, startLocalGitHub } from '../support/github/local-github';
import { draftFor, newKeys, sha256Of } from './helpers';

const GiB = 1024 * 1024 * 1024;

describe('a blob over 2 GiB in release assets, with the production part size', () => {
  let github: LocalGitHub;
  beforeAll(async () => {
    github = await startLocalGitHub({ artifacts: false });
  });
  afterAll(async () => {
    await github?.stop();
  });

  it('is split at the default part size, streamed both ways with bounded memory, and comes back identical', async () => {
    const size = 2 * GiB + 64 * 1024 * 1024;
    const store = new BackupCatalog(
      new ReleaseBackend({
        token: github.token,
        owner: github.owner,
        repo: github.repo,
        apiUrl: github.url,
        tag: 'etcd-backups',
      }),
    );
    const draft: MetadataDraft = draftFor(
      'big',
      new Date('2026-11-21T12:00:00Z'),
      1,
      (await newKeys()).recipient,
    );
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    try {
      const started = Date.now();
      const stored = await store.put(draft.name, randomStream(size), draft);
      const uploaded = Date.now();
      const back = await store.get(draft.name);
      const digest = await sha256Of(back.blob);
      console.log(
        `>2 GiB release round trip: ${size} bytes, upload ${(uploaded - started) / 1000}s, ` +
          `download+verify ${(Date.now() - uploaded) / 1000}s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
      );
      expect(stored.envelope.blob.parts?.map((p: { size: number }) => p.size)).toEqual([
        DEFAULT_PART_SIZE,
        size - DEFAULT_PART_SIZE,
      ]);
      expect(digest).toEqual({ sha256: stored.envelope.blob.sha256, size });
      const assets = github.releases!.releases[0]!.assets;
      expect(assets.every((a) => a.size < 2 * GiB)).toBe(true);
      // Nothing held the blob in memory: a buffered implementation would need > 2 GiB.
      expect(peakRss).toBeLessThan(1 * GiB);
    } finally {
      clearInterval(sampler);
    }
  });
});
