import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { newJobDir, ROOT, runStep } from '../actions/runner';
import { type LocalGitHub, startLocalGitHub } from '../support/github/local-github';

const reason = sandboxSkipReason('3.5');

describe.skipIf(reason !== undefined)(
  `the backup and restore actions keep and rebuild a node's control-plane files${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let github: LocalGitHub;
    let work: string;
    let ssh: Record<string, string>;

    beforeAll(async () => {
      if (!existsSync(join(ROOT, 'dist/backup/index.js'))) {
        execFileSync('npm', ['run', 'bundle'], { cwd: ROOT, stdio: 'inherit' });
      }
      work = await mkdtemp(join(tmpdir(), 'pki-actions-'));
      [sandbox, github] = await Promise.all([startSandbox({ etcd: '3.5' }), startLocalGitHub()]);
      const node = sandbox.node(0);
      ssh = {
        host: node.host,
        port: String(node.port),
        username: 'root',
        key: readFileSync(node.users.root.privateKeyPath, 'utf8'),
        fingerprint: node.hostKeyFingerprint,
      };
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await github?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('the backup lists the files in its output and summary; restore with rebuild: true brings the wiped node back', async () => {
      const identity = await generateIdentity();
      const store = `dir:${join(work, 'store')}`;
      const context = () => {
        const run = github.run();
        return { token: github.token, repository: github.repository, env: github.runnerEnv(run) };
      };
      const backedUp = await runStep('backup', 'main', {
        jobDir: newJobDir(work, 'backup'),
        github: context(),
        inputs: { ...ssh, store, cluster: 'act', age_recipients: await identityToRecipient(identity) },
      });
      expect(backedUp.errors, backedUp.stdout).toEqual([]);
      const metadata = JSON.parse(backedUp.outputs.metadata!);
      const count = metadata.controlPlane.nodes[0].files.length;
      expect(Number(backedUp.outputs.control_plane_files)).toBe(count);
      expect(count).toBeGreaterThan(20);
      expect(backedUp.summary).toContain('Control-plane files (sealed with the snapshot)');
      expect(backedUp.summary).toContain('/etc/kubernetes/pki/ca.key');

      const node = sandbox.node(0);
      const after = sandbox.logOffset(node);
      await sandbox.runOnNode(node, ['rm', '-rf', '/etc/kubernetes', '/var/lib/etcd']);
      await sandbox.waitForLog(node, /pod-stopped .*etcd/, { after });

      const rebuilt = await runStep('restore', 'main', {
        jobDir: newJobDir(work, 'rebuild'),
        github: context(),
        inputs: { ...ssh, store, backup: backedUp.outputs.name!, age_identity: identity, rebuild: 'true' },
      });
      expect(rebuilt.errors, rebuilt.stdout).toEqual([]);
      expect(rebuilt.outputs.verdict).toBe('rebuilt');
      expect(rebuilt.outputs.members).toBe(node.name);
      expect(rebuilt.summary).toContain(`Rebuilt ${node.name} from ${backedUp.outputs.name}`);
      expect(rebuilt.masked).toContain(identity);
      await sandbox.waitForEtcd(node);
    });
  },
);
