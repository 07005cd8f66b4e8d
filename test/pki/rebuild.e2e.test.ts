import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Sandbox, type SandboxNodeInfo, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import { main } from '../../src/cli/main';
import type { BackupMetadata } from '../../src/format';
import { RebuildFailedError, rebuildNodes } from '../../src/pki/rebuild';
import { RebuildRefusedError } from '../../src/pki/rebuild-errors';
import { DirStore } from '../../src/store/dir-store';
import { silentLogger } from '../../src/util/log';
import { sshTo } from '../restore/sandbox-context';

const reason = sandboxSkipReason('3.5');

/** `mode owner:group sha256` of every regular file under the folders, as the node sees them. */
async function listing(sandbox: Sandbox, node: SandboxNodeInfo, dirs: string[]): Promise<string[]> {
  const script =
    'for d; do [ -d "$d" ] && find "$d" -type f -exec sh -c \'for f; do echo "$(stat -c "%a %U:%G" "$f") $(sha256sum "$f")"; done\' sh {} +; done; exit 0';
  const out = await sandbox.runOnNode(node, ['sh', '-c', script, 'sh', ...dirs]);
  return out.stdout.trim().split('\n').filter(Boolean).sort();
}

/** What the backup says the node held: the same shape as `listing`. */
function listed(metadata: BackupMetadata, node: string, under: string[]): string[] {
  const files = metadata.controlPlane!.nodes.find((n) => n.node === node)!.files;
  return files
    .filter((f) => under.some((d) => f.path.startsWith(`${d}/`)))
    .map((f) => `${Number.parseInt(f.mode, 8).toString(8)} ${f.owner}:${f.group} ${f.sha256}  ${f.path}`)
    .sort();
}

/** The disaster: the node loses /etc/kubernetes and /var/lib/etcd; the kubelet (supervisor) stops the pods. */
async function wipe(sandbox: Sandbox, node: SandboxNodeInfo): Promise<void> {
  const after = sandbox.logOffset(node);
  await sandbox.runOnNode(node, ['rm', '-rf', '/etc/kubernetes', '/var/lib/etcd']);
  await sandbox.waitForLog(node, /pod-stopped .*etcd/, { after });
}

const DIRS = ['/etc/kubernetes', '/var/lib/etcd'];

describe.skipIf(reason !== undefined)(
  `rebuild a lost node, 1 member${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    let store: DirStore;
    let metadata: BackupMetadata;
    const identity = generateIdentity();
    const node = () => sandbox.info.nodes[0]!;
    const rebuild = async () =>
      rebuildNodes({
        store,
        selector: { name: metadata.name },
        keys: { identities: [await identity] },
        nodes: [await sshTo(node(), node().users.sudo)],
        log: silentLogger,
        startTimeoutMs: 60_000,
      });

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'pki-rebuild-'));
      store = new DirStore(join(work, 'store'));
      sandbox = await startSandbox({ etcd: '3.5', members: 1 });
      const client = sandbox.etcdClientFor(node());
      await client.put('/registry/configmaps/default/before-the-disaster', 'kept');
      client.close();
      ({ metadata } = await backup({
        ssh: await sshTo(node(), node().users.root),
        cluster: 'rebuild',
        store,
        encryption: { kind: 'recipients', recipients: [await identityToRecipient(await identity)] },
        log: silentLogger,
      }));
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await rm(work, { recursive: true, force: true });
    });

    it('refuses a node that is not the one the backup was taken from, and changes nothing', async () => {
      const before = await listing(sandbox, node(), DIRS);
      await sandbox.runOnNode(node(), ['hostname', 'impostor']);
      try {
        await expect(rebuild()).rejects.toThrow(RebuildRefusedError);
        await expect(rebuild()).rejects.toThrow(
          `node impostor is not in the backup: it holds the control-plane files of ${node().name}`,
        );
      } finally {
        await sandbox.runOnNode(node(), ['hostname', node().name]);
      }
      expect(await listing(sandbox, node(), DIRS)).toEqual(before);
    });

    it('rolls back when the rebuild fails halfway (the snapshot restore fails after the PKI is back)', async () => {
      await wipe(sandbox, node());
      const tool = '/usr/local/bin/etcdutl';
      await sandbox.runOnNode(node(), ['mv', tool, `${tool}.real`]);
      const failing = `#!/bin/sh\n[ "$1" = version ] && exec ${tool}.real version\necho "injected: no space left on device" >&2\nexit 1\n`;
      await sandbox.runOnNode(node(), ['sh', '-c', 'cat > "$1" && chmod 0755 "$1"', 'sh', tool], {
        input: failing,
      });
      try {
        const error = await rebuild().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RebuildFailedError);
        expect((error as RebuildFailedError).message).toMatch(
          /injected: no space left on device.*every node was put back as it was/,
        );
        expect((error as RebuildFailedError).exitCode).toBe(7);
      } finally {
        await sandbox.runOnNode(node(), ['mv', `${tool}.real`, tool]);
      }
      expect(await listing(sandbox, node(), DIRS)).toEqual([]);
      const etcdDir = await sandbox.runOnNode(node(), ['ls', '-d', '/var/lib/etcd'], { allowFailure: true });
      expect(etcdDir.code).not.toBe(0);
    });

    it('puts back PKI, manifests and kubeconfigs with their modes and owners, restores etcd and starts the control plane', async () => {
      const report = await rebuild();
      expect(report).toMatchObject({ backup: metadata.name, mode: 'restore' });
      const wanted = listed(metadata, node().name, ['/etc/kubernetes']);
      const got = await listing(sandbox, node(), ['/etc/kubernetes']);
      expect(got).toEqual(wanted);
      await sandbox.waitForEtcd(node());
      const client = sandbox.etcdClientFor(node());
      try {
        const kept = await client.range('/registry/configmaps/default/before-the-disaster');
        expect(kept.kvs[0]?.value.toString()).toBe('kept');
        // The certificates the host uses were issued by the CA before the disaster: it is the same CA.
      } finally {
        client.close();
      }
      const apiserver = await sandbox.runOnNode(node(), ['pgrep', '-f', '^kube-apiserver '], {
        allowFailure: true,
      });
      expect(apiserver.code).toBe(0);
    });
  },
);

describe.skipIf(reason !== undefined)(
  `rebuild one node of three${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    const identity = generateIdentity();

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'pki-rebuild3-'));
      sandbox = await startSandbox({ etcd: '3.5', members: 3 });
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await rm(work, { recursive: true, force: true });
    });

    it('rejoins the lost member to the two that run, with its own certificates back', async () => {
      const store = new DirStore(join(work, 'store'));
      const lost = sandbox.info.nodes[2]!;
      const { metadata } = await backup({
        ssh: await sshTo(lost, lost.users.root),
        cluster: 'rebuild3',
        store,
        encryption: { kind: 'recipients', recipients: [await identityToRecipient(await identity)] },
        log: silentLogger,
      });
      await wipe(sandbox, lost);
      const survivor = sandbox.etcdClientFor(sandbox.info.nodes[0]!);
      try {
        await survivor.put(
          '/registry/configmaps/default/after-the-backup',
          'written while the node was down',
        );
        const report = await rebuildNodes({
          store,
          selector: { name: metadata.name },
          keys: { identities: [await identity] },
          nodes: [await sshTo(lost, lost.users.sudo)],
          log: silentLogger,
          startTimeoutMs: 60_000,
        });
        expect(report.mode).toBe('rejoin');
        expect(await listing(sandbox, lost, ['/etc/kubernetes/pki'])).toEqual(
          listed(metadata, lost.name, ['/etc/kubernetes/pki']),
        );
        await sandbox.waitForEtcd(lost);
        const rejoined = sandbox.etcdClientFor(lost);
        try {
          const synced = await rejoined.range('/registry/configmaps/default/after-the-backup');
          expect(synced.kvs[0]?.value.toString()).toBe('written while the node was down');
        } finally {
          rejoined.close();
        }
        const members = await survivor.memberList();
        expect(members.map((m) => m.name).sort()).toEqual(sandbox.info.nodes.map((n) => n.name).sort());
      } finally {
        survivor.close();
      }
    });
  },
);

/** Runs the CLI in this process; returns its exit code and what it printed on stdout. */
async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    return { code: await main(argv), out: out.join('\n') };
  } finally {
    log.mockRestore();
  }
}

describe.skipIf(reason !== undefined)(
  `rebuild all three nodes with the CLI${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'pki-rebuild-all-'));
      sandbox = await startSandbox({ etcd: '3.5', members: 3 });
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await rm(work, { recursive: true, force: true });
    });

    it('keeps every node’s files in one backup (--files-from) and brings the whole control plane back (--rebuild)', async () => {
      const [first, ...others] = sandbox.info.nodes;
      const identity = await generateIdentity();
      const identityFile = join(work, 'backup.agekey');
      await writeFile(identityFile, `${identity}\n`, { mode: 0o600 });
      const store = `dir:${join(work, 'store')}`;
      const pins = sandbox.info.nodes.flatMap((n) => ['--fingerprint', n.hostKeyFingerprint]);
      const login = ['--user', 'root', '--key', first!.users.root.privateKeyPath, ...pins];
      const client = sandbox.etcdClientFor(first!);
      await client.put('/registry/secrets/default/before-the-disaster', 'kept');
      client.close();

      const backedUp = await cli(
        'backup',
        '--host',
        first!.host,
        '--port',
        String(first!.port),
        ...login,
        '--store',
        store,
        '--cluster',
        'all3',
        '--recipient',
        await identityToRecipient(identity),
        '--json',
        ...others.flatMap((n) => ['--files-from', `${n.host}:${n.port}`]),
      );
      expect(backedUp.code).toBe(0);
      const metadata = JSON.parse(backedUp.out) as BackupMetadata;
      expect(metadata.controlPlane!.nodes.map((n) => n.node).sort()).toEqual(
        sandbox.info.nodes.map((n) => n.name).sort(),
      );

      await Promise.all(sandbox.info.nodes.map((n) => wipe(sandbox, n)));
      const rebuilt = await cli(
        'restore',
        '--rebuild',
        ...sandbox.info.nodes.flatMap((n) => ['--host', `${n.host}:${n.port}`]),
        ...login,
        '--store',
        store,
        '--identity',
        identityFile,
        metadata.name,
      );
      expect(rebuilt.code).toBe(0);
      expect(rebuilt.out).toMatch(/^REBUILT .* \(etcd restored from the snapshot\)$/);
      for (const node of sandbox.info.nodes) {
        expect(await listing(sandbox, node, ['/etc/kubernetes'])).toEqual(
          listed(metadata, node.name, ['/etc/kubernetes']),
        );
        await sandbox.waitForEtcd(node);
      }
      const after = sandbox.etcdClientFor(others[1]!);
      try {
        expect(
          (await after.range('/registry/secrets/default/before-the-disaster')).kvs[0]?.value.toString(),
        ).toBe('kept');
        expect((await after.memberList()).length).toBe(3);
      } finally {
        after.close();
      }
    });
  },
);
