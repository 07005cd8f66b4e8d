import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EtcdMinor } from '../../sandbox/etcd-binaries';
import {
  type Sandbox,
  type SandboxNodeInfo,
  type SandboxUser,
  sandboxSkipReason,
  startSandbox,
} from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import { main } from '../../src/cli/main';
import type { ConnectOptions } from '../../src/ssh';
import { DirStore } from '../../src/store/dir-store';
import { type Logger, silentLogger } from '../../src/util/log';

const t0 = Date.now();
const testLog: Logger = process.env.RESTORE_E2E_LOG
  ? {
      info: (m) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} ${m}\n`),
      warn: (m) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} warning: ${m}\n`),
      debug: (m) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} debug: ${m}\n`),
    }
  : silentLogger;

import { BackupRejectedError } from '../../src/restore/fetch';
import { RestoreRefusedError } from '../../src/restore/plan';
import { RestoreFailedError, type RestoreRequest, restore } from '../../src/restore/restore';
import { etcdToolsFor } from '../support/etcd-tools';

async function sshTo(
  node: SandboxNodeInfo,
  user: SandboxUser,
  sudoPassword?: string,
): Promise<ConnectOptions> {
  return {
    host: node.host,
    port: node.port,
    username: user.username,
    privateKey: await readFile(user.privateKeyPath, 'utf8'),
    hostKey: { fingerprints: [node.hostKeyFingerprint] },
    ...(sudoPassword ? { sudoPassword } : {}),
  };
}

/** One sandbox per case, a folder store, and helpers to back up, write, restore and look. */
function restoreCase(minor: EtcdMinor, members: 1 | 3, body: (ctx: Context) => void) {
  const reason = sandboxSkipReason(minor) ?? (etcdToolsFor(minor) ? undefined : `no etcd ${minor} tools`);
  describe.skipIf(reason !== undefined)(
    `restore of etcd ${minor}, ${members} member(s)${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      const ctx = new Context(minor, members);
      beforeAll(() => ctx.start(), 60_000);
      afterAll(() => ctx.stop(), 60_000);
      body(ctx);
    },
  );
}

class Context {
  sandbox!: Sandbox;
  work!: string;
  store!: DirStore;
  identity!: string;
  constructor(
    readonly minor: EtcdMinor,
    readonly members: 1 | 3,
  ) {}

  async start() {
    this.work = await mkdtemp(join(tmpdir(), 'restore-e2e-'));
    this.store = new DirStore(join(this.work, 'store'));
    this.identity = await generateIdentity();
    this.sandbox = await startSandbox({ etcd: this.minor, members: this.members });
  }

  async stop() {
    await this.sandbox?.stop();
    if (this.work) await rm(this.work, { recursive: true, force: true });
  }

  get nodes() {
    return this.sandbox.info.nodes;
  }

  async put(key: string, value: string) {
    const client = this.sandbox.etcdClientFor(this.nodes[0]!);
    try {
      return await client.put(key, value);
    } finally {
      client.close();
    }
  }

  /** Values of the keys (undefined where absent) and the revision, read from every node in turn. */
  async read(keys: string[], node = this.nodes[0]!) {
    await this.sandbox.waitForEtcd(node, 60_000);
    const client = this.sandbox.etcdClientFor(node);
    try {
      // EtcdClient.range(k) of a missing key returns the next keys (reported); so match the key exactly.
      const values = await Promise.all(
        keys.map(async (k) =>
          (await client.range(k, { limit: 1 })).kvs
            .find((kv) => kv.key.toString('utf8') === k)
            ?.value.toString('utf8'),
        ),
      );
      const status = await client.status();
      return { values, revision: Number(status.revision), clusterId: status.clusterId };
    } finally {
      client.close();
    }
  }

  /** Writes a marker, backs up, writes another marker: the restore must bring back the first only. */
  async backupBetween(tag: string) {
    const before = `/test/${tag}/before-${randomBytes(3).toString('hex')}`;
    const after = `/test/${tag}/after-${randomBytes(3).toString('hex')}`;
    await this.put(before, 'in the backup');
    const result = await backup({
      ssh: await sshTo(this.nodes[0]!, this.nodes[0]!.users.root),
      cluster: `r${this.minor.replace('.', '')}`,
      store: this.store,
      encryption: { kind: 'recipients', recipients: [await identityToRecipient(this.identity)] },
      log: testLog,
    });
    await this.put(after, 'written after the backup');
    // Move the live revision well past the snapshot's, as a busy cluster would.
    for (let i = 0; i < 20; i++) await this.put(`/test/${tag}/churn`, String(i));
    return { name: result.metadata.name, revision: result.metadata.etcd.revision, before, after };
  }

  async request(
    name: string,
    extra: Partial<RestoreRequest> = {},
    user: keyof SandboxNodeInfo['users'] = 'root',
  ) {
    const nodes = await Promise.all(
      this.nodes.map((n) =>
        sshTo(n, n.users[user], user === 'sudoPassword' ? n.users.sudoPassword.password : undefined),
      ),
    );
    return {
      store: this.store,
      selector: { name },
      keys: { identities: [this.identity] },
      nodes,
      tools: etcdToolsFor(this.minor)!,
      log: testLog,
      timeouts: { stopMs: 30_000, startMs: 30_000 },
      ...extra,
    } satisfies RestoreRequest;
  }

  async ls(node: SandboxNodeInfo, dir: string) {
    const r = await this.sandbox.runOnNode(node, ['ls', '-1A', dir], { allowFailure: true });
    return r.stdout.split('\n').filter(Boolean);
  }

  async sh(node: SandboxNodeInfo, script: string) {
    return this.sandbox.runOnNode(node, ['sh', '-c', script]);
  }
}

restoreCase('3.5', 1, (ctx) => {
  it('restores as root: keys from before the backup are back, later ones gone, the revision jumped by the bump', async () => {
    const b = await ctx.backupBetween('swap');
    const live = await ctx.read([]);
    const report = await restore(await ctx.request(b.name));
    expect(report.bump).toBe(1_000_000_000);
    const after = await ctx.read([b.before, b.after]);
    expect(after.values).toEqual(['in the backup', undefined]);
    expect(after.revision).toBeGreaterThanOrEqual(b.revision + 1_000_000_000);
    expect(after.revision).toBeGreaterThan(live.revision);
    expect(report.keys).toMatchObject({ missing: 0, unexpected: 0, changed: 0 });
    expect(report.keys!.restored).toBeGreaterThan(100);
    const node = ctx.nodes[0]!;
    // The old data dir is kept with the time in its name; the holding folder is gone; etcd.yaml is back.
    const kept = (await ctx.ls(node, '/var/lib')).filter((n) => n.startsWith('etcd.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(await ctx.ls(node, `/var/lib/${kept[0]}/member`)).toContain('snap');
    expect((await ctx.ls(node, '/etc/kubernetes')).filter((n) => n.startsWith('etcd-restore-'))).toEqual([]);
    expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
      expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
    );
    expect((await ctx.sh(node, 'stat -c "%a %U" /var/lib/etcd')).stdout.trim()).toBe('700 root');
    expect((await ctx.sh(node, 'ls -A /var/lib | grep -c "^\\.etcd\\.restore-" || true')).stdout.trim()).toBe(
      '0',
    );
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, { timeoutMs: 20_000 });
  }, 120_000);

  it('stops after printing the plan with a dry run, and changes nothing', async () => {
    const b = await ctx.backupBetween('dry');
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), debug: () => {} };
    const offset = ctx.sandbox.logOffset(ctx.nodes[0]!);
    const report = await restore(await ctx.request(b.name, { dryRun: true, log }));
    expect(report.dryRun).toBe(true);
    expect(lines.join('\n')).toMatch(/restore plan: .*\n.*mode swap; revision bump 1000000000/);
    expect(lines.join('\n')).toContain(`swap: old data kept as /var/lib/etcd.before-restore-`);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
    expect(ctx.sandbox.supervisorLog(ctx.nodes[0]!).slice(offset)).not.toMatch(/pod-stopped/);
  }, 60_000);

  it('restores in new-dir mode as a sudo user: etcd.yaml points at the new dir, the old dir is untouched', async () => {
    const b = await ctx.backupBetween('newdir');
    const node = ctx.nodes[0]!;
    const oldDir = (await ctx.sh(node, 'readlink -f /var/lib/etcd')).stdout.trim();
    const report = await restore(
      await ctx.request(b.name, { mode: 'new-dir', newDataDir: '/var/lib/etcd-from-backup' }, 'sudo'),
    );
    expect(report.members[0]!.dataDir).toBe('/var/lib/etcd-from-backup');
    expect((await ctx.read([b.before, b.after])).values).toEqual(['in the backup', undefined]);
    const manifest = (await ctx.sh(node, 'cat /etc/kubernetes/manifests/etcd.yaml')).stdout;
    expect(manifest).toContain('- --data-dir=/var/lib/etcd-from-backup');
    expect(manifest).toContain('path: /var/lib/etcd-from-backup');
    const held = (await ctx.ls(node, '/etc/kubernetes')).filter((n) => n.startsWith('etcd-restore-'));
    expect(held).toHaveLength(1);
    expect(await ctx.ls(node, `/etc/kubernetes/${held[0]}`)).toEqual(['etcd.yaml']);
    expect(await ctx.ls(node, `${oldDir}/member`)).toContain('wal');
    // Put the kubeadm layout back for the next tests, and wait until etcd runs from it.
    const offset = ctx.sandbox.logOffset(node);
    await ctx.sh(
      node,
      `mv /etc/kubernetes/${held[0]}/etcd.yaml /etc/kubernetes/manifests/etcd.yaml && rmdir /etc/kubernetes/${held[0]}`,
    );
    await ctx.sandbox.waitForLog(node, /pod-started pod=etcd/, { after: offset });
    await ctx.read([]);
  }, 120_000);

  it('rolls back when etcd will not start on the restored data: the old cluster serves, nothing lost', async () => {
    const b = await ctx.backupBetween('nostart');
    const node = ctx.nodes[0]!;
    const failedBefore = (await ctx.ls(node, '/var/lib')).filter((n) => n.startsWith('etcd.failed-restore-'));
    const request = await ctx.request(b.name, {
      onStep: async (step) => {
        // A restored dir etcd cannot open: its bbolt file cut short.
        if (step === 'swapped') await ctx.sh(node, 'truncate -s 4096 /var/lib/etcd/member/snap/db');
      },
      timeouts: { stopMs: 30_000, startMs: 15_000 },
    });
    const error = await restore(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreFailedError);
    expect((error as RestoreFailedError).rolledBack).toBe(true);
    expect((error as Error).message).toMatch(/did not come back with a leader/);
    expect((await ctx.read([b.before, b.after])).values).toEqual([
      'in the backup',
      'written after the backup',
    ]);
    const kept = await ctx.ls(node, '/var/lib');
    // The restored dir that would not start is kept for a look, next to the old one back in place.
    expect(kept.filter((n) => n.startsWith('etcd.failed-restore-'))).toHaveLength(failedBefore.length + 1);
    expect(
      kept.filter((n) => n.startsWith('etcd.before-restore-') || n.startsWith('.etcd.restore-')),
    ).toHaveLength(kept.filter((n) => n.startsWith('etcd.before-restore-')).length);
    expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
      expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
    );
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, { timeoutMs: 20_000 });
  }, 120_000);

  it('rolls back when the SSH connection drops mid-swap, connecting again to do it', async () => {
    const b = await ctx.backupBetween('cut');
    const node = ctx.nodes[0]!;
    const varLibBefore = await ctx.ls(node, '/var/lib');
    const error = await restore(
      await ctx.request(b.name, {
        onStep: async (step) => {
          if (step === 'stopped') await ctx.sandbox.cutConnections(node);
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreFailedError);
    expect((error as RestoreFailedError).rolledBack).toBe(true);
    expect((await ctx.read([b.before, b.after])).values).toEqual([
      'in the backup',
      'written after the backup',
    ]);
    expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
      expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
    );
    // Cut before the data was touched: nothing new in /var/lib (the staging copy is removed, it was ours).
    expect(await ctx.ls(node, '/var/lib')).toEqual(varLibBefore);
  }, 120_000);

  it('refuses a disk too small before touching anything, and cleans up when the disk fills during the copy', async () => {
    const b = await ctx.backupBetween('disk');
    const node = ctx.nodes[0]!;
    await ctx.sh(
      node,
      'mkdir -p /srv/tiny /srv/small && mount -t tmpfs -o size=1m tmpfs /srv/tiny && mount -t tmpfs -o size=96m tmpfs /srv/small',
    );
    try {
      const refused = await restore(
        await ctx.request(b.name, { mode: 'new-dir', newDataDir: '/srv/tiny/etcd' }),
      ).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RestoreRefusedError);
      expect((refused as Error).message).toMatch(/not enough free space .* next to \/srv\/tiny\/etcd/);

      const full = await restore(
        await ctx.request(b.name, {
          mode: 'new-dir',
          newDataDir: '/srv/small/etcd',
          onStep: async (step) => {
            if (step === 'planned') await ctx.sh(node, 'fallocate -l 90m /srv/small/filler');
          },
        }),
      ).catch((e: unknown) => e);
      expect((full as Error).message).toMatch(/cannot unpack .*\/srv\/small\/\.etcd\.restore-/);
      expect(await ctx.ls(node, '/srv/small')).toEqual(['filler']);
      expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
    } finally {
      await ctx.sh(node, 'umount /srv/tiny /srv/small');
    }
  }, 120_000);

  it('refuses a damaged backup before connecting to any node', async () => {
    const b = await ctx.backupBetween('damaged');
    const damagedDir = join(ctx.work, 'damaged');
    await mkdir(damagedDir);
    for (const file of (await readdir(join(ctx.work, 'store'))).filter((f) => f.startsWith(b.name))) {
      await copyFile(join(ctx.work, 'store', file), join(damagedDir, file));
    }
    const blob = (await readdir(damagedDir)).find((f) => !f.endsWith('.json'))!;
    const bytes = await readFile(join(damagedDir, blob));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(join(damagedDir, blob), bytes);
    const error = await restore({ ...(await ctx.request(b.name)), store: new DirStore(damagedDir) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RestoreFailedError);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 60_000);

  it('refuses a backup of another etcd minor version', async () => {
    const b = await ctx.backupBetween('skew');
    const error = await restore(
      await ctx.request(b.name, { tools: etcdToolsFor('3.6') ?? etcdToolsFor('3.4')! }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/etcd versions differ/);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 60_000);
});

restoreCase('3.6', 3, (ctx) => {
  it('restores all three members as a sudo user with a password: one cluster, new id, keys as in the backup', async () => {
    const b = await ctx.backupBetween('ha');
    const beforeId = (await ctx.read([])).clusterId;
    const report = await restore(await ctx.request(b.name, { restartControllers: true }, 'sudoPassword'));
    expect(report.members.map((m) => m.name).sort()).toEqual(ctx.nodes.map((n) => n.name).sort());
    for (const node of ctx.nodes) {
      const seen = await ctx.read([b.before, b.after], node);
      expect(seen.values).toEqual(['in the backup', undefined]);
      expect(seen.revision).toBeGreaterThanOrEqual(b.revision + report.bump);
      expect(seen.clusterId).not.toBe(beforeId);
    }
    const client = ctx.sandbox.etcdClientFor(ctx.nodes[1]!);
    try {
      expect((await client.memberList()).map((m) => m.name).sort()).toEqual(
        ctx.nodes.map((n) => n.name).sort(),
      );
    } finally {
      client.close();
    }
    await ctx.sandbox.waitForLog(ctx.nodes[2]!, /pod-stopped pod=kube-scheduler/, { timeoutMs: 5_000 });
  }, 180_000);

  it('refuses to restore only some of the members of a running cluster', async () => {
    const b = await ctx.backupBetween('partial');
    const request = await ctx.request(b.name);
    const error = await restore({ ...request, nodes: request.nodes.slice(0, 2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/members no given node covers/);
  }, 60_000);
});

restoreCase('3.4', 1, (ctx) => {
  it('says clearly that Debian etcdctl 3.4.23 cannot bump the revision, before touching anything', async () => {
    const b = await ctx.backupBetween('nobump');
    const error = await restore(await ctx.request(b.name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/etcdctl 3\.4\.23 cannot bump the revision/);
    expect((error as RestoreRefusedError).hint).toMatch(/--bump-revision 0/);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 60_000);

  it('restores through the CLI with --bump-revision 0 as asked', async () => {
    const b = await ctx.backupBetween('cli');
    const node = ctx.nodes[0]!;
    const identityFile = join(ctx.work, 'identity.txt');
    await writeFile(identityFile, `${ctx.identity}\n`, { mode: 0o600 });
    const tools = etcdToolsFor('3.4')!;
    const code = await main([
      'restore',
      '--store',
      `dir:${join(ctx.work, 'store')}`,
      '--identity',
      identityFile,
      '--host',
      `${node.host}:${node.port}`,
      '--key',
      node.users.root.privateKeyPath,
      '--fingerprint',
      node.hostKeyFingerprint,
      '--etcd-tools',
      tools.etcd.replace(/\/etcd$/, ''),
      '--bump-revision',
      '0',
      b.name,
    ]);
    expect(code).toBe(0);
    const after = await ctx.read([b.before, b.after]);
    expect(after.values).toEqual(['in the backup', undefined]);
    expect(after.revision).toBe(b.revision);
  }, 120_000);
});

// Referenced so a refactor that drops the class from fetch.ts fails here too.
void BackupRejectedError;
