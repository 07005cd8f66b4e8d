import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import { ClusterUnsafeError } from '../../src/etcd/health';
import { fetchBackup } from '../../src/restore/fetch';
import { connect, RemoteLockBusyError, withRemoteLock } from '../../src/ssh';
import { DirStore } from '../../src/store/dir-store';
import { silentLogger } from '../../src/util/log';
import { etcdToolsFor } from '../support/etcd-tools';
import { keysOfRestoredSnapshot, readAll } from '../support/restored-keys';
import { generateKeyPair, type Sshd, startSshd } from '../support/sshd';

const skip = sandboxSkipReason('3.5');
const encryption = { kind: 'passphrase' as const, passphrase: 'test', scryptWorkFactor: 10 };

describe.skipIf(skip !== undefined)(
  `backup safety, methods and jump hosts (etcd 3.5, 3 members)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'backup-safety-'));
      sandbox = await startSandbox({ etcd: '3.5', members: 3 });
    });
    afterAll(async () => {
      await sandbox?.stop();
      await rm(work, { recursive: true, force: true });
    });

    async function rootSsh(index = 0) {
      const node = sandbox.node(index);
      return {
        host: node.host,
        port: node.port,
        username: 'root',
        privateKey: await readFile(node.users.root.privateKeyPath, 'utf8'),
        hostKey: { fingerprints: [node.hostKeyFingerprint] },
      };
    }

    it('reaches a node that only the bastion can name, through the bastion (a jump host)', async () => {
      const node = sandbox.node(1);
      const bastionKey = await generateKeyPair('ed25519');
      // Only the bastion knows this name, so a backup that works went through it.
      const bastion: Sshd = await startSshd({
        rootAuthorizedKeys: [bastionKey.publicKey],
        files: [{ path: '/etc/hosts', content: `127.0.0.1 localhost\n${node.ip} cp-behind-bastion\n` }],
      });
      try {
        const result = await backup({
          ssh: {
            host: 'cp-behind-bastion',
            port: 22,
            username: 'root',
            privateKey: await readFile(node.users.root.privateKeyPath, 'utf8'),
            hostKey: { fingerprints: [node.hostKeyFingerprint] },
            jump: {
              host: bastion.host,
              port: bastion.port,
              username: 'root',
              privateKey: bastionKey.privateKey,
              hostKey: { knownHosts: bastion.knownHostsLine() },
            },
          },
          cluster: 'jump',
          store: new DirStore(join(work, 'jump')),
          encryption,
          log: silentLogger,
        });
        expect(result.metadata.member?.name).toBe(node.name);
        // What came through the bastion is the whole snapshot: restored, it holds the cluster's keys at its revision.
        const live = sandbox.etcdClientFor(node);
        try {
          const expected = await readAll(live, BigInt(result.metadata.etcd.revision));
          const fetched = await fetchBackup({
            store: new DirStore(join(work, 'jump')),
            selector: { name: result.metadata.name },
            keys: { passphrases: [encryption.passphrase] },
            path: join(work, 'jump.db'),
            log: silentLogger,
          });
          expect(await keysOfRestoredSnapshot(etcdToolsFor('3.5')!, fetched.path, work)).toEqual(expected);
        } finally {
          live.close();
        }
      } finally {
        await bastion.stop();
      }
    });

    it("takes the snapshot the runbook's way too: etcdctl on the node, streamed back", async () => {
      const result = await backup({
        ssh: await rootSsh(0),
        method: 'etcdctl',
        cluster: 'runbook',
        store: new DirStore(join(work, 'runbook')),
        encryption,
        log: silentLogger,
      });
      expect(result.metadata.etcd.revision).toBeGreaterThan(0);
      expect(result.metadata.snapshot.size).toBe(result.metadata.etcd.totalSize + 32);
    });

    it('takes it inside the etcd container through crictl when the node has no etcdctl, as on kind', async () => {
      const node = sandbox.node(2);
      await sandbox.runOnNode(node, ['rm', '-f', '/usr/local/bin/etcdctl', '/usr/bin/etcdctl']);
      const lines: string[] = [];
      const result = await backup({
        ssh: await rootSsh(2),
        method: 'etcdctl',
        cluster: 'crictl',
        store: new DirStore(join(work, 'crictl')),
        encryption,
        log: { ...silentLogger, info: (m) => lines.push(m) },
      });
      expect(lines).toContain('snapshot taken by etcdctl inside the etcd container (crictl exec)');
      expect(result.metadata.snapshot.size).toBe(result.metadata.etcd.totalSize + 32);
      // Nothing left behind in the data dir the container shares with the node.
      const left = await sandbox.runOnNode(node, ['sh', '-c', 'ls /var/lib/etcd']);
      expect(left.stdout.trim()).toBe('member');
    });

    it('leaves no plaintext behind on the runner, after a stored backup and after a failed one', async () => {
      const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
      const previous = process.env.RUNNER_TEMP;
      process.env.RUNNER_TEMP = runnerTemp;
      try {
        const store = new DirStore(join(work, 'temp'));
        const first = await backup({
          ssh: await rootSsh(0),
          cluster: 'temp',
          store,
          encryption,
          log: silentLogger,
          now: () => new Date('2026-01-01T00:00:00Z'),
        });
        expect(await readdir(runnerTemp)).toEqual([]);
        // The same name again: the store refuses it after the snapshot was taken and sealed.
        await expect(
          backup({
            ssh: await rootSsh(0),
            cluster: 'temp',
            store,
            encryption,
            log: silentLogger,
            now: () => new Date('2026-01-01T00:00:00Z'),
          }),
        ).rejects.toThrow(/already has a backup named/);
        expect(await readdir(runnerTemp)).toEqual([]);
        expect(first.metadata.name).toMatch(/^temp-20260101T000000Z-r\d+$/);
      } finally {
        if (previous === undefined) delete process.env.RUNNER_TEMP;
        else process.env.RUNNER_TEMP = previous;
        await rm(runnerTemp, { recursive: true, force: true });
      }
    });

    it('never runs two backups of one cluster at once: the second finds the node lock held', async () => {
      const session = await connect(await rootSsh(0));
      try {
        await withRemoteLock(session, 'cluster-locked', async () => {
          await expect(
            backup({
              ssh: await rootSsh(0),
              cluster: 'locked',
              store: new DirStore(join(work, 'locked')),
              encryption,
              log: silentLogger,
            }),
          ).rejects.toBeInstanceOf(RemoteLockBusyError);
        });
      } finally {
        await session.close();
      }
    });

    it('refuses while an alarm is active, names it, and stores nothing; force takes the snapshot anyway', async () => {
      const client = sandbox.etcdClientFor(sandbox.node(0));
      const store = new DirStore(join(work, 'alarm'));
      try {
        const status = await client.status();
        await client.alarmActivate(status.memberId, 'NOSPACE');
        const refused = backup({
          ssh: await rootSsh(0),
          cluster: 'alarm',
          store,
          encryption,
          log: silentLogger,
        });
        await expect(refused).rejects.toBeInstanceOf(ClusterUnsafeError);
        await expect(refused).rejects.toThrow(/alarm NOSPACE is active on member/);
        expect((await store.list()).backups).toHaveLength(0);
        const forced = await backup({
          ssh: await rootSsh(0),
          cluster: 'alarm',
          force: true,
          store,
          encryption,
          log: silentLogger,
        });
        expect(forced.metadata.etcd.revision).toBeGreaterThan(0);
        await client.alarmDeactivate(status.memberId, 'NOSPACE');
      } finally {
        client.close();
      }
    });

    it('refuses without quorum (two of three members stopped), naming the members that are down', async () => {
      const [, second, third] = sandbox.info.nodes;
      const move = (node: typeof second, from: string, to: string) =>
        sandbox.runOnNode(node!, ['mv', from, to]);
      await move(second, '/etc/kubernetes/manifests/etcd.yaml', '/etc/kubernetes/etcd.yaml.held');
      await move(third, '/etc/kubernetes/manifests/etcd.yaml', '/etc/kubernetes/etcd.yaml.held');
      try {
        await new Promise((r) => setTimeout(r, 3000));
        await expect(
          backup({
            ssh: await rootSsh(0),
            cluster: 'quorum',
            store: new DirStore(join(work, 'quorum')),
            encryption,
            log: silentLogger,
            etcd: {},
          }),
        ).rejects.toThrow(/refusing to snapshot: no quorum: 1 of 3 voting members answer \(down: /);
      } finally {
        await move(second, '/etc/kubernetes/etcd.yaml.held', '/etc/kubernetes/manifests/etcd.yaml');
        await move(third, '/etc/kubernetes/etcd.yaml.held', '/etc/kubernetes/manifests/etcd.yaml');
        await sandbox.waitForEtcd(sandbox.node(0), 60_000);
      }
    });
  },
);
