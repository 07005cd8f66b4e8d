import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/options/backup'; // registers the options' names, as the CLI does, so messages name the flags
import { type EtcdBinaries, type EtcdMinor, findEtcd } from '../../sandbox/etcd-binaries';
import { type Sandbox, type SandboxNodeInfo, type SandboxUser, startSandbox } from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import { fetchBackup } from '../../src/restore/fetch';
import { DirStore } from '../../src/store/dir-store';
import { type Logger, silentLogger } from '../../src/util/log';
import { etcdToolStatus } from '../snapshot/etcd-status';
import { etcdToolsFor } from '../support/etcd-tools';
import { keysOfRestoredSnapshot, readAll } from '../support/restored-keys';

const notRoot = process.getuid?.() !== 0;

async function sshTo(node: SandboxNodeInfo, user: SandboxUser, extra: { sudoPassword?: string } = {}) {
  return {
    host: node.host,
    port: node.port,
    username: user.username,
    privateKey: await readFile(user.privateKeyPath, 'utf8'),
    hostKey: { fingerprints: [node.hostKeyFingerprint] },
    ...extra,
  };
}

function backupCase(minor: EtcdMinor, members: 1 | 3) {
  const missing = 'missing' in findEtcd(minor) ? (findEtcd(minor) as { missing: string }).missing : undefined;
  const skip = notRoot ? 'needs root for the sandbox' : missing;
  describe.skipIf(skip !== undefined)(
    `backup of etcd ${minor}, ${members} member(s)${skip ? ` (skipped: ${skip})` : ''}`,
    () => {
      let sandbox: Sandbox;
      let work: string;
      const identity = generateIdentity();

      beforeAll(async () => {
        work = await mkdtemp(join(tmpdir(), 'backup-e2e-'));
        sandbox = await startSandbox({ etcd: minor, members });
      });
      afterAll(async () => {
        await sandbox?.stop();
        await rm(work, { recursive: true, force: true });
      });

      async function backupAndCheck(options: {
        node: SandboxNodeInfo;
        user: SandboxUser;
        sudoPassword?: string;
        member?: string;
        method?: 'grpc' | 'etcdctl' | 'auto';
        nodeCompression?: 'auto' | 'zstd' | 'gzip' | 'none';
        log?: Logger;
      }) {
        const store = new DirStore(join(work, 'store'));
        const live = sandbox.etcdClientFor(options.node);
        const marker = `${options.user.username}-${randomBytes(4).toString('hex')}`;
        try {
          await live.put(`/test/before-${marker}`, 'present at snapshot time');
          const result = await backup({
            ssh: await sshTo(
              options.node,
              options.user,
              options.sudoPassword ? { sudoPassword: options.sudoPassword } : {},
            ),
            cluster: `c${minor.replace('.', '')}`,
            store,
            encryption: { kind: 'recipients', recipients: [await identityToRecipient(await identity)] },
            log: options.log ?? silentLogger,
            ...(options.member ? { member: options.member } : {}),
            ...(options.method ? { method: options.method } : {}),
            ...(options.nodeCompression ? { nodeCompression: options.nodeCompression } : {}),
          });
          await live.put(`/test/after-${marker}`, 'written after the snapshot');
          const revision = BigInt(result.metadata.etcd.revision);
          const expected = await readAll(live, revision);
          const fetched = await fetchBackup({
            store,
            selector: { name: result.metadata.name },
            keys: { identities: [await identity] },
            path: join(work, `${result.metadata.name}.db`),
            log: silentLogger,
          });
          const restored = await keysOfRestoredSnapshot(etcdToolsFor(minor)!, fetched.path, work);
          expect(restored.size).toBeGreaterThan(100);
          expect(restored).toEqual(expected);
          expect(restored.has(`/test/before-${marker}`)).toBe(true);
          expect(restored.has(`/test/after-${marker}`)).toBe(false);
          return { ...result, snapshotPath: fetched.path };
        } finally {
          live.close();
        }
      }

      it('backs up as root over the gRPC tunnel; the restored snapshot holds exactly the keys at its revision', async () => {
        const node = sandbox.node(0);
        const result = await backupAndCheck({ node, user: node.users.root });
        expect(result.metadata.etcd.version.startsWith(minor)).toBe(true);
        // The status recorded with the backup is the one the etcd tool of that version computes.
        const { hash, revision, totalKey } = await etcdToolStatus(
          findEtcd(minor) as EtcdBinaries,
          result.snapshotPath,
        );
        expect(result.metadata.etcd).toMatchObject({ hash, revision, totalKey });
        expect(result.metadata.envelope.encryption.kind).toBe('age-recipients');
        expect(result.metadata.inventory?.byType.pods).toBeGreaterThan(0);
        expect(result.metadata.name).toMatch(
          new RegExp(`^c${minor.replace('.', '')}-\\d{8}T\\d{6}Z-r${result.metadata.etcd.revision}$`),
        );
      });

      it("takes the snapshot the runbook's way, etcdctl snapshot save on the node, with the same result", async () => {
        const node = sandbox.node(members - 1);
        const lines: string[] = [];
        const log = { ...silentLogger, info: (line: string) => lines.push(line) };
        const result = await backupAndCheck({ node, user: node.users.sudo, method: 'etcdctl', log });
        // etcdctl of every version writes "<file>.part" and renames it: the node follows it as it is written.
        expect(lines).toContain('snapshot taken by etcdctl on the node, sent while it was saved');
        expect(result.metadata.etcd.version.startsWith(minor)).toBe(true);
      });

      if (members === 1) {
        it('saves first and then sends, with the size first, on a node whose tail cannot follow a process (busybox)', async () => {
          const node = sandbox.node(0);
          const sh = (script: string) => sandbox.runOnNode(node, ['sh', '-c', script]);
          const tail = (await sh('command -v tail')).stdout.trim();
          expect(tail).toMatch(/^\//);
          // Only in the node's own mount namespace: a tail that refuses --pid, as busybox's does.
          await sh(
            `f=$(mktemp) && printf '#!/bin/sh\\necho "tail: unrecognized option" >&2\\nexit 1\\n' >"$f" && chmod 0755 "$f" && mount --bind "$f" ${tail} && rm -f "$f"`,
          );
          try {
            expect((await sh('tail --pid=1 -c 0 /dev/null; echo $?')).stdout.trim()).toBe('1');
            const lines: string[] = [];
            const log = { ...silentLogger, info: (line: string) => lines.push(line) };
            await backupAndCheck({ node, user: node.users.sudo, method: 'etcdctl', log });
            expect(lines).toContain('snapshot taken by etcdctl on the node');
          } finally {
            await sh(`umount ${tail}`);
          }
        });
      }

      for (const packing of members === 1 ? (['zstd', 'gzip'] as const) : (['zstd'] as const)) {
        it(`packs the etcdctl snapshot with ${packing} on the node, and the runner unpacks exactly what etcd wrote`, async () => {
          const node = sandbox.node(0);
          const lines: string[] = [];
          const log = { ...silentLogger, info: (line: string) => lines.push(line) };
          await backupAndCheck({
            node,
            user: node.users.sudo,
            method: 'etcdctl',
            nodeCompression: packing,
            log,
          });
          expect(lines).toContain(
            `snapshot by etcdctl + ${packing} on the node: asked for (--method etcdctl); ${packing} on the node (--node-compression ${packing})`,
          );
        });
      }

      it('chooses etcdctl with zstd on the node by itself (--method auto) when the node has both, or gRPC for another member', async () => {
        const node = sandbox.node(0);
        const lines: string[] = [];
        const log = { ...silentLogger, info: (line: string) => lines.push(line) };
        await backupAndCheck({ node, user: node.users.root, method: 'auto', log });
        expect(lines).toContain(
          'snapshot by etcdctl + zstd on the node: auto: the node has etcdctl and zstd, so the snapshot crosses the link packed (zstd -3 on the node)',
        );
        if (members === 3) {
          lines.length = 0;
          const other = sandbox.node(1).name;
          await backupAndCheck({ node, user: node.users.root, method: 'auto', member: other, log });
          expect(lines).toContain(
            `snapshot by grpc: auto: member ${other} is not the node's own, and etcdctl on the node reaches only its own`,
          );
        }
      });

      it('backs up as a non-root user with passwordless sudo', async () => {
        const node = sandbox.node(0);
        await backupAndCheck({ node, user: node.users.sudo });
      });

      it('backs up as a non-root user whose sudo asks for a password', async () => {
        const node = sandbox.node(0);
        await backupAndCheck({
          node,
          user: node.users.sudoPassword,
          sudoPassword: node.users.sudoPassword.password,
        });
      });

      if (members === 3) {
        it('snapshots the named member, here one that is not the node logged in to', async () => {
          const node = sandbox.node(0);
          const other = sandbox.node(2).name;
          const result = await backupAndCheck({ node, user: node.users.root, member: other });
          expect(result.metadata.member?.name).toBe(other);
          expect(result.health.members).toHaveLength(3);
          expect(result.health.hasQuorum).toBe(true);
        });
      }
    },
  );
}

// 3.5 is what most other end-to-end tests back up (restore, drill, faults, actions), so it is not repeated here.
backupCase('3.4', 1);
backupCase('3.6', 1);
backupCase('3.7', 1);
backupCase('3.7', 3);
