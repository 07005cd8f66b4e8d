import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArtifactBackend as ArtifactBackendType } from '../../src/store/artifact-store';
import { readCatalog } from '../../src/store/catalog';
import { BackupCatalog } from '../../src/store/catalog-store';
import { StoreError } from '../../src/store/errors';
import { k8sLikeSnapshot, randomStream } from '../envelope/k8s-like-data';
import { type LocalGitHub, startLocalGitHub, withEnv } from '../support/github/local-github';
import type { WorkflowRun } from '../support/github/results-service';
import { draftFor, type Keys, newKeys, roundTrip, sha256Of } from './helpers';

const MiB = 1024 * 1024;

function azuriteBlob(github: LocalGitHub, blobName: string) {
  const credential = new StorageSharedKeyCredential(github.azurite!.account, github.azurite!.accountKey);
  return new BlobServiceClient(github.azurite!.blobEndpoint, credential)
    .getContainerClient('actions-results')
    .getBlockBlobClient(blobName);
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

describe('backups as workflow artifacts, through the real @actions/artifact against a local results service and Azurite', () => {
  let github: LocalGitHub;
  let firstRun: WorkflowRun;
  let restoreEnv: () => void;
  let temp: string;
  let ArtifactBackend: typeof ArtifactBackendType;
  let store: BackupCatalog;
  let keys: Keys;
  const t0 = new Date('2026-11-21T10:00:00Z');
  const names: string[] = [];

  beforeAll(async () => {
    github = await startLocalGitHub({ releases: false });
    firstRun = github.run();
    temp = await mkdtemp(join(tmpdir(), 'artifact-store-test-'));
    // Before the toolkit is imported: it reads GITHUB_API_URL once, at import time.
    restoreEnv = withEnv({
      ...github.runnerEnv(firstRun),
      GITHUB_SERVER_URL: undefined,
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: temp,
    });
    ({ ArtifactBackend } = await import('../../src/store/artifact-store'));
    store = new BackupCatalog(new ArtifactBackend({ retentionDays: 7 }));
    keys = await newKeys();
  });

  afterAll(async () => {
    restoreEnv?.();
    await github?.stop();
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('round-trips a 1 MiB sealed snapshot as two un-zipped artifacts with the retention asked for', async () => {
    const draft = draftFor('prod', t0, 100, keys.recipient);
    names.push(draft.name);
    const { stored } = await roundTrip(store, () => k8sLikeSnapshot(MiB), keys, draft);
    const artifacts = github.results!.artifacts.filter((a) => a.name.startsWith(draft.name));
    expect(artifacts.map((a) => a.name).sort()).toEqual([`${draft.name}.age`, `${draft.name}.json`]);
    const blob = artifacts.find((a) => a.name.endsWith('.age'))!;
    expect(blob.mimeType).not.toBe('application/zip');
    expect(blob.digest).toBe(`sha256:${stored.envelope.blob.sha256}`);
    expect(blob.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
  });

  it('round-trips a 100 MiB sealed snapshot', async () => {
    const draft = draftFor('prod', new Date(t0.getTime() + 60_000), 200, keys.recipient);
    names.push(draft.name);
    const { stored } = await roundTrip(store, () => randomStream(100 * MiB), keys, draft);
    expect(stored.envelope.blob.size).toBeGreaterThan(100 * MiB);
    // The client uploads 8 MiB blocks and commits them by block list; Azurite holds them in that order.
    const target = github.results!.artifacts.find((a) => a.name === `${draft.name}.age`)!;
    const { committedBlocks } = await azuriteBlob(github, target.blobName).getBlockList('committed');
    expect(committedBlocks?.length).toBe(Math.ceil(stored.envelope.blob.size / (8 * MiB)));
  });

  it('refuses a second backup with the same name in the same run, saying why', async () => {
    const draft = draftFor('prod', t0, 100, keys.recipient);
    const error = await storeError(store.put(draft.name, k8sLikeSnapshot(1000), draft));
    expect(error.reason).toBe('duplicate');
    expect(error.message).toBe(`artifact already has a backup named ${draft.name}`);
  });

  it('lists its backups newest first with who they are encrypted for', async () => {
    const { entries, problems } = await readCatalog(store);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual([...names].reverse());
    expect(entries[0]!.encryptedFor).toMatch(/^age1/);
  });

  describe('from another workflow run (findBy)', () => {
    let other: BackupCatalog;
    let back: () => void;

    beforeAll(() => {
      back = withEnv(github.runnerEnv(github.run()));
      other = new BackupCatalog(
        new ArtifactBackend({
          findBy: {
            token: github.token,
            workflowRunId: firstRun.runId,
            repositoryOwner: github.owner,
            repositoryName: github.repo,
          },
        }),
      );
    });
    afterAll(() => back());

    it('lists and downloads the first run’s backups through the REST API', async () => {
      const { entries } = await readCatalog(other);
      expect(entries.map((e) => e.name)).toEqual([...names].reverse());
      const got = await other.get(names[0]!);
      expect(await sha256Of(got.blob)).toEqual({
        sha256: got.metadata.envelope.blob.sha256,
        size: got.metadata.envelope.blob.size,
      });
      expect(github.requests.some((r) => r.url.endsWith('/zip') && r.status === 302)).toBe(true);
    });

    it('refuses to upload into another run', async () => {
      const draft = draftFor('prod', t0, 1, keys.recipient);
      expect((await storeError(other.put(draft.name, k8sLikeSnapshot(10), draft))).reason).toBe(
        'bad-location',
      );
    });

    it('reports an expired artifact clearly', async () => {
      github.results!.expire(`${names[0]}.age`);
      const error = await storeError(other.get(names[0]!));
      expect(error.reason).toBe('expired');
      expect(error.message).toMatch(/has expired/);
      github.results!.artifacts.forEach((a) => {
        a.expired = false;
      });
    });
  });

  it('fails the download, not just warns, when the stored bytes were replaced', async () => {
    const target = github.results!.artifacts.find((a) => a.name === `${names[0]}.age`)!;
    const blob = azuriteBlob(github, target.blobName);
    const original = await blob.downloadToBuffer();
    const altered = Buffer.from(original);
    altered[altered.length - 100]! ^= 0xff;
    await blob.uploadData(altered);
    const got = await store.get(names[0]!);
    const error = await storeError(sha256Of(got.blob));
    expect(error.reason).toBe('digest-mismatch');
    await blob.uploadData(original);
  });

  it('retries a results service that answers 503, then succeeds', async () => {
    github.results!.failNext('CreateArtifact', 503, 1);
    const draft = draftFor('prod', new Date(t0.getTime() + 120_000), 300, keys.recipient);
    names.push(draft.name);
    await roundTrip(store, () => k8sLikeSnapshot(1000), keys, draft);
    const creates = github.requests.filter((r) => r.url.endsWith('/CreateArtifact'));
    expect(creates.map((r) => r.status).slice(-3)).toEqual([503, 200, 200]);
  });

  it('deletes a backup so it is neither listed nor found', async () => {
    await store.delete(names[0]!);
    const { entries } = await readCatalog(store);
    expect(entries.map((e) => e.name)).not.toContain(names[0]);
    expect((await storeError(store.get(names[0]!))).reason).toBe('not-found');
  });

  it('served only JSON that matches GitHub’s OpenAPI description', () => {
    expect(github.violations()).toEqual([]);
  });
});
