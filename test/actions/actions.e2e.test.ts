import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { type LocalGitHub, startLocalGitHub } from '../support/github/local-github';
import type { WorkflowRun } from '../support/github/results-service';
import { declaredOutputs, type GitHubContext, newJobDir, ROOT, runStep, type StepResult } from './runner';

const skip = sandboxSkipReason('3.5');
const tools = findEtcd('3.5');

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === name)
    .map((e) => join(e.parentPath, e.name));
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip !== undefined)(
  `the actions as the runner runs them: dist on Node 24, INPUT_* env, command files, post step, local artifact service${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let github: LocalGitHub;
    let work: string;
    let identity: string;
    let recipient: string;
    let sshInputs: Record<string, string>;
    let backupRun: WorkflowRun;
    let backupStep: StepResult;

    async function putKey(key: string, value: string) {
      const client = sandbox.etcdClientFor(sandbox.node(0));
      try {
        await client.put(key, value);
      } finally {
        client.close();
      }
    }

    async function readKey(key: string): Promise<string | undefined> {
      await sandbox.waitForEtcd(sandbox.node(0), 60_000);
      const client = sandbox.etcdClientFor(sandbox.node(0));
      try {
        const { kvs } = await client.range(key, { limit: 1 });
        return kvs.find((kv) => kv.key.toString('utf8') === key)?.value.toString('utf8');
      } finally {
        client.close();
      }
    }

    function context(run: WorkflowRun): GitHubContext {
      return { token: github.token, repository: github.repository, env: github.runnerEnv(run) };
    }

    beforeAll(async () => {
      if (!existsSync(join(ROOT, 'dist/backup/index.js'))) {
        execFileSync('npm', ['run', 'bundle'], { cwd: ROOT, stdio: 'inherit' });
      }
      work = await mkdtemp(join(tmpdir(), 'actions-e2e-'));
      identity = await generateIdentity();
      recipient = await identityToRecipient(identity);
      [sandbox, github] = await Promise.all([startSandbox({ etcd: '3.5' }), startLocalGitHub()]);
      const node = sandbox.node(0);
      sshInputs = {
        host: node.host,
        port: String(node.port),
        username: 'root',
        key: readFileSync(node.users.root.privateKeyPath, 'utf8'),
        fingerprint: node.hostKeyFingerprint,
      };
    });
    afterAll(async () => {
      await sandbox?.stop();
      await github?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('backs up into a workflow artifact, sets every output, writes the summary, masks the key and leaves nothing on the runner', async () => {
      backupRun = github.run();
      const jobDir = newJobDir(work, 'backup-job');
      await putKey('/test/actions-e2e/before-backup', 'kept');
      backupStep = await runStep('backup', 'main', {
        jobDir,
        github: context(backupRun),
        inputs: { ...sshInputs, cluster: 'prod', age_recipients: recipient, retention_days: '7' },
      });
      expect(backupStep.errors, backupStep.stdout + backupStep.stderr).toEqual([]);
      expect(backupStep.exitCode, backupStep.stdout + backupStep.stderr).toBe(0);
      expect(backupStep.exitCode).toBe(0);
      await putKey('/test/actions-e2e/after-backup', 'undone by the restore');

      const o = backupStep.outputs;
      expect(o.name).toMatch(new RegExp(`^prod-\\d{8}T\\d{6}Z-r${o.revision}$`));
      expect(Number(o.revision)).toBeGreaterThan(0);
      expect(Number(o.total_keys)).toBeGreaterThan(100);
      expect(Number(o.snapshot_size)).toBeGreaterThan(Number(o.stored_size));
      expect(o.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(o.encryption).toBe('age-recipients');
      expect(o.etcd_version).toMatch(/^3\.5\./);
      expect(o.member).toBe(sandbox.node(0).name);
      expect(o.location).toBe('artifact');
      expect(Object.keys(o).sort()).toEqual(declaredOutputs('backup'));

      // The outputs describe what the artifact service really holds.
      const blob = github.results!.artifacts.find((a) => a.name === `${o.name}.age`);
      expect(blob).toBeDefined();
      expect(o.artifact_id).toBe(String(blob!.id));
      expect(blob!.digest).toBe(`sha256:${o.stored_sha256}`);
      expect(blob!.size).toBe(Number(o.stored_size));
      expect(blob!.run.runId).toBe(backupRun.runId);
      expect(blob!.expiresAt).toBeDefined();
      expect(o.artifact_url).toBe(
        `https://github.com/${github.repository}/actions/runs/${backupRun.runId}/artifacts/${blob!.id}`,
      );
      const metadata = JSON.parse(o.metadata!) as {
        name: string;
        inventory: { byType: Record<string, number> };
      };
      expect(metadata.name).toBe(o.name);

      // The summary's table and the inventory by type.
      const s = backupStep.summary;
      expect(s).toContain(`etcd backup ${o.name}`);
      for (const row of [
        'Cluster',
        'Member',
        'etcd version',
        'Revision',
        'Keys (as etcdutl counts them)',
        'Size (raw snapshot)',
        'Size (stored)',
        'Duration',
        'Throughput',
      ]) {
        expect(s).toContain(`<td>${row}</td>`);
      }
      expect(s).toContain(`<tr><td>Revision</td><td>${o.revision}</td></tr>`);
      expect(s).toContain(`<tr><td>Member</td><td>${o.member}</td></tr>`);
      expect(s).toContain('Kubernetes objects by type');
      expect(s).toContain(`<tr><td>pods</td><td>${metadata.inventory.byType.pods}</td></tr>`);

      // Every line of the private key was masked before anything could print it.
      const keyLines = sshInputs
        .key!.split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      for (const line of keyLines) expect(backupStep.masked).toContain(line);

      // The work dir was recorded before the snapshot was taken, and the main step removed it itself.
      const recorded = JSON.parse(backupStep.state.work_dirs!) as string[];
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.startsWith(join(jobDir, '_temp'))).toBe(true);
      expect(existsSync(recorded[0]!)).toBe(false);
      const post = await runStep('backup', 'post', {
        jobDir,
        github: context(backupRun),
        state: backupStep.state,
      });
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain('nothing left on the runner to clean up');
      expect(findFiles(jobDir, 'snapshot.db')).toEqual([]);
      expect(github.violations()).toEqual([]);
    });

    it.skipIf('missing' in tools)(
      `drills that backup in a second run, found through run_id, and reports the comparison${'missing' in tools ? ` (skipped: ${tools.missing})` : ''}`,
      async () => {
        expect(backupStep?.exitCode).toBe(0);
        const drillRun = github.run();
        const jobDir = newJobDir(work, 'drill-job');
        const step = await runStep('drill', 'main', {
          jobDir,
          github: context(drillRun),
          inputs: {
            run_id: String(backupRun.runId),
            backup: backupStep.outputs.name!,
            age_identity: identity,
            etcd_tools: dirname((tools as { etcd: string }).etcd),
          },
        });
        expect(step.errors).toEqual([]);
        expect(step.exitCode).toBe(0);
        const o = step.outputs;
        expect(o.verdict).toBe('pass');
        expect(Object.keys(o).sort()).toEqual(declaredOutputs('drill'));
        expect(o.backup).toBe(backupStep.outputs.name);
        expect(o.revision).toBe(backupStep.outputs.revision);
        expect(o.restored_revision).toBe(backupStep.outputs.revision);
        expect(o.restored_keys).toBe(o.expected_keys);
        expect(Number(o.expected_keys)).toBeGreaterThan(100);
        expect([o.missing_keys, o.unexpected_keys, o.changed_values]).toEqual(['0', '0', '0']);
        expect(o.reasons).toBe('');
        expect(step.masked).toContain(identity);

        expect(step.summary).toContain(`DR drill of ${o.backup}: PASS`);
        expect(step.summary).toContain(
          `<tr><td>Revision</td><td>${o.revision}</td><td>${o.restored_revision}</td><td>✅</td></tr>`,
        );
        expect(step.summary).toContain(
          `<tr><td>Keys</td><td>${o.expected_keys}</td><td>${o.restored_keys}</td><td>✅</td></tr>`,
        );
        expect(step.summary).toContain('Kubernetes objects by type');

        // Read from the other run through the REST routes (findBy), not the current run's results service.
        expect(
          github.requests.some((r) => r.url.includes(`/actions/runs/${backupRun.runId}/artifacts`)),
        ).toBe(true);
        const recorded = JSON.parse(step.state.work_dirs!) as string[];
        expect(existsSync(recorded[0]!)).toBe(false);
        const post = await runStep('drill', 'post', { jobDir, github: context(drillRun), state: step.state });
        expect(post.exitCode).toBe(0);
        expect(github.violations()).toEqual([]);
      },
    );

    it('backs up twice into a rolling release with keep_last 1: the asset URL is an output and the older backup is pruned', async () => {
      const inputs = {
        ...sshInputs,
        cluster: 'rolling',
        age_recipients: recipient,
        store: 'release:etcd-backups',
      };
      const first = await runStep('backup', 'main', {
        jobDir: newJobDir(work, 'release-1'),
        github: context(github.run()),
        inputs,
      });
      expect(first.errors, first.stdout).toEqual([]);
      await putKey('/test/actions-e2e/between-releases', 'a new revision, so a new name');
      const second = await runStep('backup', 'main', {
        jobDir: newJobDir(work, 'release-2'),
        github: context(github.run()),
        inputs: { ...inputs, keep_last: '1' },
      });
      expect(second.errors, second.stdout).toEqual([]);
      expect(second.outputs.location).toBe('release:etcd-backups');
      expect(second.outputs.pruned).toBe(first.outputs.name);

      const release = github.releases!.releases.find((r) => r.tag === 'etcd-backups');
      const assets = release!.assets.map((a) => a.name).sort();
      expect(assets).toEqual([`${second.outputs.name}.age`, `${second.outputs.name}.json`]);
      const blob = release!.assets.find((a) => a.name === `${second.outputs.name}.age`)!;
      expect(second.outputs.asset_url).toBe(`${github.url}/_local/assets/${blob.id}`);
      expect(second.outputs.artifact_id).toBe('');
      expect(second.summary).toContain('Retention');
      expect(second.summary).toContain(`deleted ${first.outputs.name}`);
      expect(github.violations()).toEqual([]);
    });

    it('a drill that cannot open the backup fails the step loudly: verdict fail, the reason, and the summary says so', async () => {
      const other = await generateIdentity();
      const step = await runStep('drill', 'main', {
        jobDir: newJobDir(work, 'drill-wrong-key'),
        github: context(github.run()),
        inputs: {
          store: 'release:etcd-backups',
          age_identity: other,
          etcd_tools: 'missing' in tools ? '/nonexistent' : dirname(tools.etcd),
        },
      });
      expect(step.exitCode).toBe(1);
      expect(step.errors).toHaveLength(1);
      expect(step.outputs.verdict).toBe('fail');
      expect(step.outputs.reasons).toBe(step.errors[0]!.replace(/%0A/g, '\n'));
      expect(step.summary).toContain('❌ etcd DR drill failed');
      expect(step.masked).toContain(other);
    });

    it('the restore action with recover: true needs only the nodes, and says when there is nothing to recover', async () => {
      const step = await runStep('restore', 'main', {
        jobDir: newJobDir(work, 'restore-recover'),
        github: context(github.run()),
        inputs: { ...sshInputs, recover: 'true' },
      });
      expect(step.exitCode, step.errors.join('\n')).toBe(0);
      expect(step.outputs.verdict).toBe('nothing-to-recover');
      expect(step.outputs.backup).toBe('');
      expect(step.summary).toContain('No unfinished restore on these nodes: nothing to recover.');
    });

    it('a restore that cannot open the backup fails before touching the node: verdict failed and the summary says so', async () => {
      const step = await runStep('restore', 'main', {
        jobDir: newJobDir(work, 'restore-wrong-key'),
        github: context(github.run()),
        inputs: {
          ...sshInputs,
          store: 'release:etcd-backups',
          age_identity: await generateIdentity(),
          etcd_tools: 'missing' in tools ? '/nonexistent' : dirname(tools.etcd),
        },
      });
      expect(step.exitCode).toBe(1);
      expect(step.errors).toHaveLength(1);
      expect(step.outputs.verdict).toBe('failed');
      expect(step.summary).toContain('❌ etcd restore failed');
      expect(await readKey('/test/actions-e2e/after-backup')).toBe('undone by the restore');
    });

    // SIGKILL: the runner gave up waiting, nothing in the step could react. SIGTERM: a cancelled job; the
    // core removes its own private dirs on the way out, and the post step removes the rest.
    for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
      it(`the post step removes what a backup stopped by ${signal} mid-snapshot left on the runner`, async () => {
        const run = github.run();
        const jobDir = newJobDir(work, `cancelled-${signal}`);
        const node = sandbox.node(0);
        let snapshotFile = '';
        // Slow the SSH link so the snapshot is still arriving when the job is stopped.
        await sandbox.setLink(node, { bytesPerSecond: 256 * 1024 });
        try {
          const step = await runStep('backup', 'main', {
            jobDir,
            github: context(run),
            inputs: { ...sshInputs, cluster: 'cancelled', age_recipients: recipient },
            whileRunning: async (child) => {
              snapshotFile = await waitFor('the snapshot to start arriving', () => {
                const found = findFiles(join(jobDir, '_temp'), 'snapshot.db');
                return found.length && statSync(found[0]!).size > 0 ? found[0] : undefined;
              });
              child.kill(signal);
            },
          });
          expect(step.signal).toBe(signal);
          const recorded = JSON.parse(step.state.work_dirs!) as string[];
          expect(snapshotFile.startsWith(`${recorded[0]}/`)).toBe(true);
          expect(existsSync(recorded[0]!)).toBe(true);
          if (signal === 'SIGKILL') expect(existsSync(snapshotFile)).toBe(true);

          const post = await runStep('backup', 'post', { jobDir, github: context(run), state: step.state });
          expect(post.exitCode).toBe(0);
          expect(post.stdout).toContain(`removed ${recorded[0]}`);
          expect(existsSync(recorded[0]!)).toBe(false);
          expect(findFiles(jobDir, 'snapshot.db')).toEqual([]);
        } finally {
          await sandbox.setLink(node, {});
        }
      });
    }

    it('fails the step with one line naming the input when an input is wrong, before connecting anywhere', async () => {
      const run = github.run();
      const jobDir = newJobDir(work, 'bad-input-job');
      const cases: Array<[Record<string, string>, string]> = [
        [{ port: 'twenty-two' }, "input 'port': expected a port number from 1 to 65535 (got 'twenty-two')"],
        [
          { age_recipients: '' },
          "input 'age_recipients': expected age public keys (age1…), or encryption_passphrase, or encryption: none",
        ],
        [{ method: 'rsync' }, "input 'method': expected 'grpc' or 'etcdctl' or 'auto' (got 'rsync')"],
        [{ fingerprint: '' }, "input 'fingerprint': expected the node's SSH host key fingerprint"],
        [
          { store: 'gs://bucket' },
          "input 'store': expected dir:PATH, artifact, release, release:TAG or s3://BUCKET/PREFIX",
        ],
        [{ max_age: 'a month' }, "input 'max_age': expected a duration like 30d, 12h or 2w"],
        [{ force: 'yes' }, "input 'force': expected 'true' or 'false' (got 'yes')"],
      ];
      for (const [inputs, message] of cases) {
        const step = await runStep('backup', 'main', {
          jobDir,
          github: context(run),
          inputs: { ...sshInputs, age_recipients: recipient, ...inputs },
        });
        expect(step.exitCode).toBe(1);
        expect(step.errors).toHaveLength(1);
        expect(step.errors[0]).toContain(message);
        expect(step.state.work_dirs).toBeUndefined();
      }
      const post = await runStep('backup', 'post', { jobDir, github: context(run), state: {} });
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain('nothing left on the runner to clean up');
    });

    it.skipIf('missing' in tools)(
      `restores that backup onto the node in a third run, and the cluster is back at the backup's keys${'missing' in tools ? ` (skipped: ${tools.missing})` : ''}`,
      async () => {
        expect(backupStep?.exitCode).toBe(0);
        const run = github.run();
        const jobDir = newJobDir(work, 'restore-job');
        const step = await runStep('restore', 'main', {
          jobDir,
          github: context(run),
          inputs: {
            ...sshInputs,
            run_id: String(backupRun.runId),
            backup: backupStep.outputs.name!,
            age_identity: identity,
            etcd_tools: dirname((tools as { etcd: string }).etcd),
          },
          timeoutMs: 240_000,
        });
        expect(step.errors, step.stdout + step.stderr).toEqual([]);
        expect(step.exitCode).toBe(0);
        const o = step.outputs;
        expect(o.verdict).toBe('restored');
        expect(Object.keys(o).sort()).toEqual(declaredOutputs('restore'));
        expect(o.backup).toBe(backupStep.outputs.name);
        expect(o.members).toBe(sandbox.node(0).name);
        expect(o.snapshot_revision).toBe(backupStep.outputs.revision);
        expect(Number(o.restored_revision)).toBe(Number(o.snapshot_revision) + Number(o.bump));
        expect(Number(o.bump)).toBeGreaterThan(0);
        expect(o.restored_keys).toBe(o.expected_keys);
        expect(o.old_data_dirs).not.toBe('');
        expect(step.summary).toContain(`Restored ${o.backup}`);
        expect(step.summary).toMatch(
          new RegExp(
            `<tr><td>snapshot restore ran on</td><td>the ${o.restored_on === 'node' ? 'nodes' : 'runner'}: [^<]+; [\\d.]+ [KMG]?i?B shipped</td></tr>`,
          ),
        );
        expect(step.summary).toContain(
          `<tr><td>Keys</td><td>${o.expected_keys}</td><td>${o.restored_keys}</td><td>✅</td></tr>`,
        );

        expect(await readKey('/test/actions-e2e/before-backup')).toBe('kept');
        expect(await readKey('/test/actions-e2e/after-backup')).toBeUndefined();
        const recorded = JSON.parse(step.state.work_dirs!) as string[];
        expect(existsSync(recorded[0]!)).toBe(false);
        const post = await runStep('restore', 'post', { jobDir, github: context(run), state: step.state });
        expect(post.exitCode).toBe(0);
      },
    );
  },
);
