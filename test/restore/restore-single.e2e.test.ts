import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EtcdBackupError } from '../../src/errors';
import { RestoreRefusedError } from '../../src/restore/plan';
import { RestoreFailedError, restore } from '../../src/restore/restore';
import { connect, RemoteLockBusyError, withRemoteLock } from '../../src/ssh';
import { DirStore } from '../../src/store/dir-store';
import { etcdToolsFor } from '../support/etcd-tools';
import { restoreCase, sshTo } from './sandbox-context';

restoreCase('3.5', 1, (ctx) => {
  it('restores as root: keys from before the backup are back, later ones gone, the revision jumped by the bump', async () => {
    const b = await ctx.backupBetween('swap');
    const live = await ctx.read([]);
    let lockError: unknown;
    const report = await restore(
      await ctx.request(b.name, {
        onStep: async (step) => {
          if (step !== 'planned') return;
          // A backup of the same cluster now would find the node lock taken.
          const session = await connect(await sshTo(ctx.nodes[0]!, ctx.nodes[0]!.users.root));
          try {
            await withRemoteLock(session, 'cluster-r35', async () => {}).catch((e: unknown) => {
              lockError = e;
            });
          } finally {
            await session.close();
          }
        },
      }),
    );
    expect(lockError).toBeInstanceOf(RemoteLockBusyError);
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
    expect(report.members[0]!.oldManifestKeptAt).toMatch(
      /^\/etc\/kubernetes\/etcd-restore-\d{8}T\d{6}Z\/etcd\.yaml$/,
    );
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
          // The runner's copy of the data dir fills the disk (on-node.e2e.test.ts has the node's own restore).
          restoreOn: 'runner',
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
    // Refused by the store's SHA-256 check or by age's authentication, before any node is touched.
    expect(error).toBeInstanceOf(EtcdBackupError);
    expect(error).not.toBeInstanceOf(RestoreFailedError);
    expect((error as Error).message).toMatch(new RegExp(b.name));
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 60_000);

  it('refuses a backup whose snapshot is not what its metadata says, after staging it but before stopping anything, and removes the staging', async () => {
    const b = await ctx.backupBetween('lying');
    // The same blob, digests intact, under metadata that promises the next revision (and a name to match):
    // the fetch passes, only the page walk can tell.
    const revision = Number(/-r(\d+)$/.exec(b.name)![1]);
    const lyingName = b.name.replace(/-r\d+$/, `-r${revision + 1}`);
    const lyingDir = join(ctx.work, 'lying');
    await mkdir(lyingDir);
    for (const file of (await readdir(join(ctx.work, 'store'))).filter((f) => f.startsWith(b.name))) {
      const to = join(lyingDir, file.replace(b.name, lyingName));
      if (!file.endsWith('.json')) await copyFile(join(ctx.work, 'store', file), to);
      else {
        const meta = JSON.parse(
          (await readFile(join(ctx.work, 'store', file), 'utf8')).replaceAll(b.name, lyingName),
        );
        meta.etcd.revision = revision + 1;
        await writeFile(to, JSON.stringify(meta));
      }
    }
    const steps: string[] = [];
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), debug: () => {} };
    const error = await restore({
      ...(await ctx.request(lyingName, { onStep: async (step) => void steps.push(step), log })),
      store: new DirStore(lyingDir),
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/holds revision \d+ but its metadata says \d+/);
    expect(error).not.toBeInstanceOf(RestoreFailedError);
    // It was planned and staged (the verify step ran alongside), and went no further.
    expect(steps).toEqual(['planned']);
    expect(lines.join('\n')).toMatch(/snapshot to \S+, /);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
    const node = ctx.nodes[0]!;
    expect((await ctx.sh(node, 'ls -A /var/lib | grep -E "^\\.etcd.*\\.restore-" || true')).stdout).toBe('');
    expect((await ctx.sh(node, 'ls /var/lib/etcd-backup-restore.json 2>/dev/null || true')).stdout).toBe('');
  }, 60_000);

  it('refuses a backup of another etcd minor version', async () => {
    const b = await ctx.backupBetween('skew');
    const error = await restore(
      await ctx.request(b.name, { restoreOn: 'runner', tools: etcdToolsFor('3.6') ?? etcdToolsFor('3.4')! }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/etcd versions differ/);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 60_000);
});
