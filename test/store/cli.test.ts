import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { DirStore } from '../../src/store/dir-store';
import { k8sLikeSnapshot } from '../envelope/k8s-like-data';
import { withEnv } from '../support/github/local-github';
import { draftFor, newKeys } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('etcd-backup list and prune on a folder store', () => {
  let root: string;
  const names: string[] = [];
  const DAY = 86_400_000;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cli-store-'));
    const { recipient } = await newKeys();
    const store = new DirStore(root);
    for (const daysAgo of [40, 20, 3, 1, 0]) {
      const draft = draftFor('prod', new Date(Date.now() - daysAgo * DAY), 1000 - daysAgo, recipient);
      await store.put(draft.name, k8sLikeSnapshot(5000), draft);
      names.unshift(draft.name);
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists newest first as a table, and as JSON', async () => {
    const table = await run('list', '--store', `dir:${root}`);
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(
      /^NAME\s+TIME \(UTC\)\s+CLUSTER\s+REVISION\s+SIZE\s+NODE FILES\s+ENCRYPTED FOR$/,
    );
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(names);
    const json = JSON.parse((await run('list', '--store', `dir:${root}`, '--json')).out);
    expect(json.backups.map((b: { name: string }) => b.name)).toEqual(names);
    expect(json.backups[0].encryptedFor).toMatch(/^age1/);
  });

  it('warns about damaged entries without failing the listing', async () => {
    await writeFile(join(root, 'prod-20200101T000000Z-r1.json'), 'not json');
    const result = await run('list', '--store', `dir:${root}`);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^warning: prod-20200101T000000Z-r1: .*not valid JSON/);
    await rm(join(root, 'prod-20200101T000000Z-r1.json'));
  });

  it('prunes by max age only after a dry run shows the same plan', async () => {
    const dry = await run('prune', '--store', `dir:${root}`, '--max-age', '10d', '--dry-run');
    expect(dry.out).toContain(`would delete ${names[3]}`);
    expect(dry.out).toContain('2 to delete, 3 to keep (dry run: nothing deleted)');
    expect(JSON.parse((await run('list', '--store', `dir:${root}`, '--json')).out).backups).toHaveLength(5);
    const real = await run('prune', '--store', `dir:${root}`, '--max-age', '10d', '--keep-last', '1');
    expect(real.out.split('\n')).toEqual([`deleted ${names[3]}`, `deleted ${names[4]}`, '2 deleted, 3 kept']);
    expect(
      JSON.parse((await run('list', '--store', `dir:${root}`, '--json')).out).backups.map(
        (b: { name: string }) => b.name,
      ),
    ).toEqual(names.slice(0, 3));
  });

  it('rejects bad options with one line naming the option', async () => {
    expect(await run('prune', '--store', `dir:${root}`)).toMatchObject({
      code: 2,
      err: "etcd-backup prune: input '--keep-last/--max-age': expected at least one retention rule",
    });
    expect((await run('list', '--store', 'gs://bucket')).err).toBe(
      "etcd-backup list: input '--store': expected dir:PATH, artifact, release, release:TAG or s3://BUCKET/PREFIX (got 'gs://bucket')",
    );
    expect((await run('list', '--store', 's3://Bad_Bucket/x')).err).toBe(
      "etcd-backup list: input '--store': expected s3://BUCKET/PREFIX with a bucket name of 3-63 lowercase letters, digits, dots or hyphens (got 's3://Bad_Bucket/x')",
    );
    expect((await run('prune', '--store', `dir:${root}`, '--keep-last', '0')).code).toBe(2);
    const restore = withEnv({ ACTIONS_RUNTIME_TOKEN: undefined, ACTIONS_RESULTS_URL: undefined });
    try {
      expect((await run('list', '--store', 'artifact')).err).toMatch(/needs the GitHub Actions runtime/);
    } finally {
      restore();
    }
  });
});
