import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxNodeInfo, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { DirStore } from '../../src/store/dir-store';
import { newJobDir, runStep, type StepResult } from '../actions/runner';
import {
  type CliRun,
  eventually,
  expectNodeClean,
  expectOneLineFailure,
  expectServing,
  filesUnder,
  nodeSnapshotLeftovers,
  runCli,
  waitFor,
} from './support';

const skip = sandboxSkipReason('3.5');

/**
 * Faults on the link and in etcd, driven through the CLI as a user runs it, against one 3-member sandbox.
 * Each case checks the one-line error, that the runner's temp dir and the node are clean afterwards, that the
 * cluster still serves, and that nothing half-made was stored.
 */
describe.skipIf(skip !== undefined)(
  `faults on the link and in etcd, through the CLI (etcd 3.5, 3 members)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    let recipient: string;
    let caseCount = 0;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'cli-faults-'));
      recipient = await identityToRecipient(await generateIdentity());
      // A few MiB of data, so a throttled snapshot takes seconds and a tiny temp dir cannot hold it.
      sandbox = await startSandbox({ etcd: '3.5', members: 3, fill: 4 * 1024 * 1024 });
    });
    afterAll(async () => {
      await sandbox?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    /** Snapshot files already on the node before each case, so a case sees only its own. */
    let nodeBefore: string[] = [];
    beforeEach(async () => {
      nodeBefore = await nodeSnapshotLeftovers(sandbox, sandbox.node(0));
    });

    /** A fresh runner temp dir and store for one case. */
    function newCase(name: string) {
      const dir = join(work, `${++caseCount}-${name}`);
      const runnerTemp = join(dir, 'runner-temp');
      mkdirSync(runnerTemp, { recursive: true });
      return { runnerTemp, storeDir: join(dir, 'store') };
    }

    function backupArgs(node: SandboxNodeInfo, storeDir: string, extra: string[] = []): string[] {
      return [
        'backup',
        '--host',
        node.host,
        '--port',
        String(node.port),
        '--key',
        node.users.root.privateKeyPath,
        '--fingerprint',
        node.hostKeyFingerprint,
        '--store',
        `dir:${storeDir}`,
        '--recipient',
        recipient,
        '--cluster',
        'faults',
        ...extra,
      ];
    }

    async function storedNames(storeDir: string): Promise<string[]> {
      return (await new DirStore(storeDir).list()).backups.map((b) => b.name);
    }

    async function leaderAndFollower(): Promise<{ leader: string; follower: string }> {
      const client = sandbox.etcdClientFor(sandbox.node(0));
      try {
        const status = await client.status();
        const members = await client.memberList();
        const leader = members.find((m) => m.id === status.leader)!;
        const follower = members.find((m) => m.id !== status.leader)!;
        return { leader: leader.name, follower: follower.name };
      } finally {
        client.close();
      }
    }

    it('backs up over a very slow link, showing progress with rate and ETA while the snapshot crawls in', async () => {
      const node = sandbox.node(0);
      const { runnerTemp, storeDir } = newCase('slow');
      await sandbox.setLink(node, { bytesPerSecond: 512 * 1024 });
      let result: CliRun;
      try {
        // The raw stream over gRPC: packed on the node, this small snapshot would cross in one progress line.
        result = await runCli(backupArgs(node, storeDir, ['--method', 'grpc']), {
          env: { RUNNER_TEMP: runnerTemp },
        });
      } finally {
        await sandbox.setLink(node, {});
      }
      expect(result.code, result.stderr).toBe(0);
      expect(await storedNames(storeDir)).toEqual([result.stdout.trim()]);
      const progress = result.stderr.split('\n').filter((l) => /^snapshot.*: .* at .*\/s/.test(l));
      expect(progress.length, result.stderr).toBeGreaterThan(1);
      expect(
        progress.some((l) => /ETA \d/.test(l)),
        result.stderr,
      ).toBe(true);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    it('gives up on a link too slow for the SSH handshake after the connect timeout, with one line saying so', async () => {
      const node = sandbox.node(0);
      const { runnerTemp, storeDir } = newCase('slow-handshake');
      await sandbox.setLink(node, { bytesPerSecond: 500 });
      let result: CliRun;
      try {
        result = await runCli(backupArgs(node, storeDir, ['--connect-timeout', '2s']), {
          env: { RUNNER_TEMP: runnerTemp },
        });
      } finally {
        await sandbox.setLink(node, {});
      }
      expectOneLineFailure(result, 'backup', /timed? ?out|timeout/i);
      expect(await storedNames(storeDir)).toEqual([]);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    it('fails with one line naming the bastion when the jump host is down', async () => {
      // Node 2 is the bastion, reaching node 1 over the sandbox bridge; its SSH link is then taken down.
      const [target, bastion] = [sandbox.node(0), sandbox.node(1)];
      const { runnerTemp, storeDir } = newCase('jump-down');
      const throughBastion = [
        ...backupArgs({ ...target, host: target.ip, port: 22 }, storeDir),
        '--jump',
        `root@${bastion.host}:${bastion.port}`,
        '--jump-fingerprint',
        bastion.hostKeyFingerprint,
      ];
      // The route works while the bastion is up, so the failure below is the bastion's.
      const up = await runCli(throughBastion, { env: { RUNNER_TEMP: runnerTemp } });
      expect(up.code, up.stderr).toBe(0);
      const stored = await storedNames(storeDir);
      await sandbox.setLink(bastion, { down: true });
      let result: CliRun;
      try {
        result = await runCli(throughBastion, { env: { RUNNER_TEMP: runnerTemp } });
      } finally {
        await sandbox.setLink(bastion, {});
      }
      expectOneLineFailure(
        result,
        'backup',
        new RegExp(
          `^etcd-backup backup: ssh root@${bastion.host}:22: cannot connect .*\\(the jump host for root@${target.ip}:22\\) \\(check that the jump host is up`,
        ),
      );
      expect(await storedNames(storeDir)).toEqual(stored);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, target, nodeBefore);
    });

    it('snapshots a named member that is not the leader, and records who led', async () => {
      const { leader, follower } = await leaderAndFollower();
      const node = sandbox.node(0);
      const { runnerTemp, storeDir } = newCase('follower');
      const result = await runCli(backupArgs(node, storeDir, ['--member', follower, '--json']), {
        env: { RUNNER_TEMP: runnerTemp },
      });
      expect(result.code, result.stderr).toBe(0);
      const metadata = JSON.parse(result.stdout) as { member: { name: string }; etcd: { leader: string } };
      expect(metadata.member.name).toBe(follower);
      expect(metadata.etcd.leader).toBe(leader);
      expect(metadata.member.name).not.toBe(metadata.etcd.leader);
      expect(filesUnder(runnerTemp)).toEqual([]);
    });

    it('refuses a member name that is not in the cluster with one line listing the members', async () => {
      const node = sandbox.node(0);
      const { runnerTemp, storeDir } = newCase('no-such-member');
      const result = await runCli(backupArgs(node, storeDir, ['--member', 'no-such-member']), {
        env: { RUNNER_TEMP: runnerTemp },
      });
      const line = expectOneLineFailure(result, 'backup', /member 'no-such-member' is not in the cluster/);
      for (const n of sandbox.info.nodes) expect(line).toContain(n.name);
      expect(await storedNames(storeDir)).toEqual([]);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    describe('with etcd down on the third node', () => {
      const held = '/etc/kubernetes/etcd.yaml.held';
      beforeAll(async () => {
        const node = sandbox.node(2);
        const after = sandbox.logOffset(node);
        await sandbox.runOnNode(node, ['mv', '/etc/kubernetes/manifests/etcd.yaml', held]);
        await sandbox.waitForLog(node, /pod-stopped .*etcd/, { after });
      });
      afterAll(async () => {
        const node = sandbox.node(2);
        await sandbox.runOnNode(node, ['mv', held, '/etc/kubernetes/manifests/etcd.yaml']);
        await sandbox.waitForEtcd(node, 60_000);
      });

      it('fails on that node with one line saying its etcd does not answer', async () => {
        const node = sandbox.node(2);
        // The manifest is gone with the pod; point discovery at the held copy as an operator would.
        const { runnerTemp, storeDir } = newCase('etcd-down-local');
        const result = await runCli(backupArgs(node, storeDir, ['--etcd-manifest', held]), {
          env: { RUNNER_TEMP: runnerTemp },
        });
        expectOneLineFailure(
          result,
          'backup',
          /etcd does not answer at https:\/\/127\.0\.0\.1:2379 on root@.*\(Connection refused\).*etcd pod/,
        );
        expect(await storedNames(storeDir)).toEqual([]);
        expect(filesUnder(runnerTemp)).toEqual([]);
        await expectNodeClean(sandbox, node, nodeBefore);
      });

      it('refuses to snapshot that member from a healthy node, naming it, while the cluster keeps serving', async () => {
        const node = sandbox.node(0);
        const down = sandbox.node(2).name;
        const { runnerTemp, storeDir } = newCase('etcd-down-member');
        const result = await runCli(backupArgs(node, storeDir, ['--member', down]), {
          env: { RUNNER_TEMP: runnerTemp },
        });
        expectOneLineFailure(result, 'backup', new RegExp(`member ${down} does not answer.*may be down`));
        expect(await storedNames(storeDir)).toEqual([]);
        expect(filesUnder(runnerTemp)).toEqual([]);
        await expectNodeClean(sandbox, node, nodeBefore);
        await expectServing(sandbox, node);
      });

      it('still backs up the node’s own member while one of three is down (quorum holds)', async () => {
        const node = sandbox.node(0);
        const { runnerTemp, storeDir } = newCase('etcd-down-quorum');
        const result = await runCli(backupArgs(node, storeDir), { env: { RUNNER_TEMP: runnerTemp } });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toContain(`warning: member ${sandbox.node(2).name} does not answer`);
        expect(await storedNames(storeDir)).toHaveLength(1);
      });
    });

    /** Starts a throttled backup, cuts every SSH connection once the snapshot is arriving, and returns the run. */
    async function backupCutMidStream(method: 'grpc' | 'etcdctl', packing: 'auto' | 'none' = 'auto') {
      const node = sandbox.node(0);
      const { runnerTemp, storeDir } = newCase(`cut-${method}-${packing}`);
      const extra = packing === 'auto' ? [] : ['--node-compression', packing];
      await sandbox.setLink(node, { bytesPerSecond: 512 * 1024 });
      let onNodeWhileSending: string[] = [];
      try {
        const result = await runCli(backupArgs(node, storeDir, ['--method', method, ...extra]), {
          env: { RUNNER_TEMP: runnerTemp },
          whileRunning: async () => {
            await waitFor('the snapshot to start arriving', () =>
              filesUnder(runnerTemp).some((f) => f.endsWith('snapshot.db') && statSync(f).size > 0),
            );
            // The save of this small snapshot ends long before the throttled send does.
            await eventually(async () => {
              onNodeWhileSending = (await nodeSnapshotLeftovers(sandbox, node)).filter(
                (f) => !nodeBefore.includes(f),
              );
              expect(onNodeWhileSending).toEqual([]);
            }, 8_000).catch(() => {});
            await sandbox.cutConnections(node);
          },
        });
        return { node, result, runnerTemp, storeDir, onNodeWhileSending };
      } finally {
        await sandbox.setLink(node, {});
      }
    }

    for (const [method, packing] of [
      ['grpc', 'auto'],
      ['etcdctl', 'auto'],
      ['etcdctl', 'none'],
    ] as const) {
      it(`fails a snapshot stream cut mid-transfer (${method}${method === 'etcdctl' ? `, ${packing === 'auto' ? 'zstd' : 'unpacked'} on the node` : ''}) with one line, stores nothing and leaves nothing on the runner`, async () => {
        const { node, result, runnerTemp, storeDir, onNodeWhileSending } = await backupCutMidStream(
          method,
          packing,
        );
        // Once the save has ended, the plaintext being sent has no name on the node's disk: nothing is left
        // for a trap to remove.
        expect(onNodeWhileSending).toEqual([]);
        expectOneLineFailure(
          result,
          'backup',
          /stream broke|connection lost|lost the connection|closed|reset/i,
        );
        expect(await storedNames(storeDir)).toEqual([]);
        expect(filesUnder(runnerTemp)).toEqual([]);
        // The node notices the dead connection and its backup lock is freed; the cluster keeps serving.
        await eventually(() => expectNodeClean(sandbox, node, nodeBefore));
        await expectServing(sandbox, node);
      });
    }

    // The node's own shell removes etcdctl's snapshot file when cat ends: a cleanup command sent from here
    // after the transfer would never arrive over a cut connection.
    const expectNoSnapshotOnNode = async (node: SandboxNodeInfo) => {
      const added = () =>
        nodeSnapshotLeftovers(sandbox, node).then((all) => all.filter((f) => !nodeBefore.includes(f)));
      try {
        await eventually(async () => expect(await added()).toEqual([]), 5_000);
      } finally {
        // Remove what a bug left, so the other cases start clean.
        for (const dir of await added()) await sandbox.runOnNode(node, ['rm', '-rf', '--', dir]);
      }
    };

    it('removes the etcdctl snapshot file from the node when the stream is cut', async () => {
      const { node } = await backupCutMidStream('etcdctl');
      await expectNoSnapshotOnNode(node);
    });

    /** Backs up with etcdctl and zstd on the node through a slow link, and kills the CLI once the snapshot arrives. */
    async function packedBackupKilled() {
      const node = sandbox.node(0);
      const { runnerTemp, storeDir } = newCase('runner-killed-zstd');
      await sandbox.setLink(node, { bytesPerSecond: 256 * 1024 });
      try {
        const result = await runCli(
          backupArgs(node, storeDir, ['--method', 'etcdctl', '--node-compression', 'zstd']),
          {
            env: { RUNNER_TEMP: runnerTemp },
            whileRunning: async (child) => {
              await waitFor('the snapshot to start arriving', () =>
                filesUnder(runnerTemp).some((f) => f.endsWith('snapshot.db') && statSync(f).size > 0),
              );
              child.kill('SIGKILL');
            },
          },
        );
        return { node, result, runnerTemp, storeDir };
      } finally {
        await sandbox.setLink(node, {});
      }
    }

    it('leaves no snapshot on the node when the runner is killed (SIGKILL) while zstd packs it there', async () => {
      const { node, result } = await packedBackupKilled();
      expect(result.signal).toBe('SIGKILL');
      await expectNoSnapshotOnNode(node);
      await eventually(() => expectNodeClean(sandbox, node, nodeBefore));
    });

    /** etcdctl on the node made slow (a shim sleeps 30 s first): a case acts while it saves, and the save must stop then, not when it
     * would have ended (a shell that only cleaned up on its next write would pass a shorter sleep). */
    async function withSlowSave<T>(node: SandboxNodeInfo, work: () => Promise<T>): Promise<T> {
      const bin = '/usr/local/bin/etcdctl';
      await sandbox.runOnNode(node, [
        'sh',
        '-c',
        'mv "$1" "$1.real" && printf \'#!/bin/sh\\nsleep 30\\nexec "%s.real" "$@"\\n\' "$1" > "$1" && chmod 755 "$1"',
        'sh',
        bin,
      ]);
      try {
        return await work();
      } finally {
        await sandbox.runOnNode(node, ['mv', '-f', `${bin}.real`, bin]);
      }
    }

    // The node's one command saves and sends; the runner holds its stdin open, and the end of it stops the save.
    for (const how of ['killed (SIGKILL)', 'cut off'] as const) {
      it(`leaves no snapshot on the node when the runner is ${how} while etcdctl saves it there`, async () => {
        const node = sandbox.node(0);
        const { runnerTemp, storeDir } = newCase(`save-${how.split(' ')[0]}`);
        const saving = async () =>
          (await nodeSnapshotLeftovers(sandbox, node)).filter((f) => !nodeBefore.includes(f));
        const result = await withSlowSave(node, () =>
          runCli(backupArgs(node, storeDir, ['--method', 'etcdctl']), {
            env: { RUNNER_TEMP: runnerTemp },
            whileRunning: async (child) => {
              await eventually(async () => expect(await saving()).not.toEqual([]), 30_000);
              if (how === 'cut off') await sandbox.cutConnections(node);
              else child.kill('SIGKILL');
            },
          }),
        );
        if (how === 'cut off')
          expectOneLineFailure(result, 'backup', /connection lost|lost the connection|closed|reset/i);
        else expect(result.signal).toBe('SIGKILL');
        expect(await storedNames(storeDir)).toEqual([]);
        await expectNoSnapshotOnNode(node);
        await eventually(() => expectNodeClean(sandbox, node, nodeBefore));
        await expectServing(sandbox, node);
      });
    }

    // SIGINT is Ctrl-C at a terminal; SIGTERM is what a CI system or a service manager sends.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      it(`leaves no plaintext behind when the CLI is interrupted by ${signal} mid-snapshot, and frees the node lock`, async () => {
        const node = sandbox.node(0);
        const { runnerTemp, storeDir } = newCase(signal);
        await sandbox.setLink(node, { bytesPerSecond: 256 * 1024 });
        let result: CliRun;
        try {
          result = await runCli(backupArgs(node, storeDir), {
            env: { RUNNER_TEMP: runnerTemp },
            whileRunning: async (child) => {
              await waitFor('the snapshot to start arriving', () =>
                filesUnder(runnerTemp).some((f) => f.endsWith('snapshot.db') && statSync(f).size > 0),
              );
              child.kill(signal);
            },
          });
        } finally {
          await sandbox.setLink(node, {});
        }
        expect(result.signal, result.stderr).toBe(signal);
        expect(filesUnder(runnerTemp)).toEqual([]);
        expect(await storedNames(storeDir)).toEqual([]);
        await eventually(() => expectNodeClean(sandbox, node, nodeBefore));
      });
    }

    it('the backup action stopped by SIGINT mid-snapshot leaves no plaintext, and its post step removes the rest', async () => {
      const node = sandbox.node(0);
      const jobDir = newJobDir(work, 'action-sigint');
      const github = { token: 'ghs_unused', repository: 'octo/cluster', env: {} };
      await sandbox.setLink(node, { bytesPerSecond: 256 * 1024 });
      let step: StepResult;
      try {
        step = await runStep('backup', 'main', {
          jobDir,
          github,
          inputs: {
            host: node.host,
            port: String(node.port),
            key: readFileSync(node.users.root.privateKeyPath, 'utf8'),
            fingerprint: node.hostKeyFingerprint,
            store: `dir:${join(jobDir, 'store')}`,
            age_recipients: recipient,
          },
          whileRunning: async (child) => {
            await waitFor('the snapshot to start arriving', () =>
              filesUnder(join(jobDir, '_temp')).some(
                (f) => f.endsWith('snapshot.db') && statSync(f).size > 0,
              ),
            );
            child.kill('SIGINT');
          },
        });
      } finally {
        await sandbox.setLink(node, {});
      }
      expect(step.signal, step.stdout + step.stderr).toBe('SIGINT');
      // The core removed its private dir (the plaintext) on the way out; only the empty work dir is left.
      expect(filesUnder(join(jobDir, '_temp'))).toEqual([]);
      const recorded = JSON.parse(step.state.work_dirs!) as string[];
      const post = await runStep('backup', 'post', { jobDir, github, state: step.state });
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain(`removed ${recorded[0]}`);
      expect(existsSync(recorded[0]!)).toBe(false);
      await eventually(() => expectNodeClean(sandbox, node, nodeBefore));
    });

    it('fails with one line naming the full runner temp dir when it has no room for the snapshot', async () => {
      const node = sandbox.node(0);
      const { storeDir } = newCase('runner-full');
      const tiny = join(work, 'tiny-runner-temp');
      mkdirSync(tiny, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0700', 'tmpfs', tiny]);
      try {
        const result = await runCli(backupArgs(node, storeDir), { env: { RUNNER_TEMP: tiny } });
        const line = expectOneLineFailure(result, 'backup', /no space left|ENOSPC/i);
        expect(line).toContain(`no space left on the runner in ${tiny}`);
        expect(await storedNames(storeDir)).toEqual([]);
        expect(filesUnder(tiny)).toEqual([]);
      } finally {
        execFileSync('umount', [tiny]);
      }
      await expectNodeClean(sandbox, node, nodeBefore);
    });
  },
);
