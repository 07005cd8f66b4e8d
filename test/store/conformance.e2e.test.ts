import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import type { BlobBackend } from '../../src/store/backend';
import { BackupCatalog } from '../../src/store/catalog-store';
import { DirBackend } from '../../src/store/dir-store';
import { ReleaseBackend } from '../../src/store/release-store';
import { withRetries } from '../../src/store/retry';
import { S3Backend } from '../../src/store/s3-store';
import { type LocalGitHub, startLocalGitHub, withEnv } from '../support/github/local-github';
import { type SeaweedFs, startSeaweedFs, weedOrSkipReason } from '../support/seaweedfs';
import { conformanceSuite, type SnapshotFixture, type Subject, seededSnapshot } from './conformance';

/**
 * The same cases against every backend, each under the catalog the product uses (and the retry wrapper):
 * a folder, workflow artifacts (the real @actions/artifact against the local results service and Azurite),
 * release assets (Octokit against the local releases API) and S3 (a real SeaweedFS on loopback).
 */
const etcd = findEtcd('3.5');
const noEtcd = 'missing' in etcd ? etcd.missing : undefined;
const weed = weedOrSkipReason();
const noWeed = typeof weed === 'string' ? undefined : weed.missing;
const fastRetry = { baseDelayMs: 20, maxDelayMs: 100 };

const catalogOver = (backend: BlobBackend): Subject => ({
  backend,
  store: new BackupCatalog(withRetries(backend, fastRetry)),
});

describe.skipIf(noEtcd !== undefined)(
  `the store conformance suite${noEtcd ? ` (skipped: ${noEtcd})` : ''}`,
  () => {
    let work: string;
    let fixture: SnapshotFixture;
    let github: LocalGitHub;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'store-conformance-'));
      fixture = await seededSnapshot(work);
      github = await startLocalGitHub();
    });
    afterAll(async () => {
      await github?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    describe('on a folder', () => {
      let subject: Subject;
      beforeAll(() => {
        subject = catalogOver(new DirBackend(join(work, 'dir-store')));
      });
      conformanceSuite(
        () => subject,
        () => fixture,
      );
    });

    describe('on workflow artifacts', () => {
      let subject: Subject;
      let restoreEnv: () => void;
      beforeAll(async () => {
        // Before the toolkit is imported: it reads GITHUB_API_URL once, at import time.
        restoreEnv = withEnv({
          ...github.runnerEnv(github.run()),
          GITHUB_SERVER_URL: undefined,
          RUNNER_TEMP: work,
          GITHUB_WORKSPACE: work,
        });
        const { ArtifactBackend } = await import('../../src/store/artifact-store');
        subject = catalogOver(new ArtifactBackend({ retentionDays: 1 }));
      });
      afterAll(() => restoreEnv?.());
      conformanceSuite(
        () => subject,
        () => fixture,
      );
    });

    describe('on release assets', () => {
      let subject: Subject;
      beforeAll(() => {
        subject = catalogOver(
          new ReleaseBackend({
            token: github.token,
            owner: github.owner,
            repo: github.repo,
            apiUrl: github.url,
            tag: 'conformance',
          }),
        );
      });
      conformanceSuite(
        () => subject,
        () => fixture,
      );
    });

    describe.skipIf(noWeed !== undefined)(`on S3 (SeaweedFS)${noWeed ? ` (skipped: ${noWeed})` : ''}`, () => {
      let subject: Subject;
      let seaweed: SeaweedFs;
      beforeAll(async () => {
        seaweed = await startSeaweedFs(weed as string);
        await seaweed.createBucket('conformance');
        subject = catalogOver(
          new S3Backend({
            bucket: 'conformance',
            prefix: 'etcd/prod',
            endpoint: seaweed.endpoint,
            forcePathStyle: true,
            credentials: seaweed.credentials,
          }),
        );
      });
      afterAll(async () => {
        await seaweed?.stop();
      });
      conformanceSuite(
        () => subject,
        () => fixture,
      );
    });
  },
);
