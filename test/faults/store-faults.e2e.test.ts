import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateIdentity } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import { type LocalGitHub, startLocalGitHub } from '../support/github/local-github';
import { runStepInProcess } from './action-step';
import { filesUnder } from './support';

/**
 * The artifact service failing for good: @actions/artifact retries (5 tries, backing off from 3 s), then the
 * step must fail with one line naming the store and the cause. This takes about 25 s of back-off, once.
 */
const tools = findEtcd('3.5');
const missing = 'missing' in tools ? tools.missing : undefined;

describe.skipIf(missing !== undefined)(
  `a workflow artifact service that keeps failing${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let github: LocalGitHub;
    let work: string;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'store-faults-'));
      github = await startLocalGitHub({ releases: false });
    });
    afterAll(async () => {
      await github?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    /** The drill action, in process, against a run of this service with no backups. */
    const drillAgainst = async (service: LocalGitHub, jobDir: string) =>
      runStepInProcess(
        'drill',
        jobDir,
        {
          store: 'artifact',
          age_identity: await generateIdentity(),
          etcd_tools: dirname((tools as { etcd: string }).etcd),
        },
        service.runnerEnv(service.run()),
      );

    it('is retried, then the drill fails with one line naming the artifact store and the 503', async () => {
      github.results!.failNext('ListArtifacts', 503, 100);
      const started = Date.now();
      const jobDir = join(work, 'drill');
      const step = await drillAgainst(github, jobDir);
      const tries = github.requests.filter((r) => r.url.endsWith('/ListArtifacts'));
      expect(tries.length).toBeGreaterThan(1);
      expect(tries.every((r) => r.status === 503)).toBe(true);
      expect(step.failed).toBe(true);
      expect(step.errors).toHaveLength(1);
      const error = step.errors[0]!;
      expect(error).not.toMatch(/%0A|%0D|\bat .*:\d+:\d+/);
      expect(error.length).toBeLessThan(600);
      expect(error).toMatch(/artifact/i);
      expect(error).toMatch(/503|unavailable|Service Unavailable/i);
      expect(step.outputs.verdict).toBe('fail');
      expect(filesUnder(join(jobDir, '_temp'))).toEqual([]);
      expect(Date.now() - started).toBeLessThan(90_000);
      console.log(`${tries.length} tries in ${((Date.now() - started) / 1000).toFixed(1)} s: ${error}`);
    }, 120_000);

    it('retries a 429 from the artifact service and goes on with the answer that follows', async () => {
      // A service of its own: the case above leaves its 503s queued.
      const fresh = await startLocalGitHub({ releases: false });
      try {
        fresh.results!.failNext('ListArtifacts', 429, 1);
        const jobDir = join(work, 'drill-429');
        const step = await drillAgainst(fresh, jobDir);
        const tries = fresh.requests.filter((r) => r.url.endsWith('/ListArtifacts'));
        expect(tries.map((r) => r.status)).toEqual([429, 200]);
        // The run has no backups: the drill now fails for that reason, not for the 429.
        expect(step.failed).toBe(true);
        expect(step.errors).toHaveLength(1);
        expect(step.errors[0]).not.toMatch(/429|too many/i);
        expect(step.errors[0]).toMatch(/no backup/i);
        expect(filesUnder(join(jobDir, '_temp'))).toEqual([]);
      } finally {
        await fresh.stop();
      }
    }, 60_000);
  },
);
