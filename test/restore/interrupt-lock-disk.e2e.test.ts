import { mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RestoreRefusedError } from '../../src/restore/plan';
import { RestoreFailedError, restore } from '../../src/restore/restore';
import { connect, withRemoteLock } from '../../src/ssh';
import { startCli } from '../support/cli';
import { cliArgs } from './cli-run';
import { restoreCase, sshTo } from './sandbox-context';

restoreCase('3.5', 1, (ctx) => {
  it('rolls back when the disk holding the manifests fills up after the first stop: the old cluster serves, nothing lost', async () => {
    const b = await ctx.backupBetween('fullafter');
    const node = ctx.nodes[0]!;
    // /etc/kubernetes on a small filesystem of its own (same files), which fills up once etcd is stopped:
    // the new-dir restore then cannot write the rewritten etcd.yaml. (A full data-dir filesystem does not
    // stop etcd 3.5 from starting: its WAL is preallocated.)
    await ctx.sh(
      node,
      'mkdir -p /srv/k8s && mount -t tmpfs -o size=8m tmpfs /srv/k8s && cp -a /etc/kubernetes/. /srv/k8s/ && mount --bind /srv/k8s /etc/kubernetes',
    );
    try {
      const offset = ctx.sandbox.logOffset(node);
      const error = await restore(
        await ctx.request(b.name, {
          mode: 'new-dir',
          newDataDir: '/var/lib/etcd-after-full',
          onStep: async (step) => {
            if (step === 'stopped')
              await ctx.sh(
                node,
                'dd if=/dev/zero of=/etc/kubernetes/filler bs=64k 2>/dev/null; df -k /etc/kubernetes',
              );
          },
        }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreFailedError);
      expect((error as RestoreFailedError).rolledBack).toBe(true);
      expect((error as Error).message).toMatch(
        /^restore failed and was rolled back: cannot write \/etc\/kubernetes\/etcd-restore-\d{8}T\d{6}Z\/\.etcd\.yaml\.new on .*No space left on device/,
      );
      expect((await ctx.read([b.before, b.after])).values).toEqual([
        'in the backup',
        'written after the backup',
      ]);
      const log = ctx.sandbox.supervisorLog(node).slice(offset);
      expect(log).toMatch(/pod-stopped pod=etcd[\s\S]*pod-started pod=etcd/);
      const manifest = (await ctx.sh(node, 'cat /etc/kubernetes/manifests/etcd.yaml')).stdout;
      expect(manifest).toContain('- --data-dir=/var/lib/etcd');
      expect(manifest).not.toContain('etcd-after-full');
      expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
        expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
      );
      // The restored dir is kept (a restore deletes nothing); no staging or snapshot copy is left.
      expect(await ctx.ls(node, '/var/lib/etcd-after-full')).toEqual(['member']);
      expect((await ctx.sh(node, "ls -A /var/lib | grep '^\\.etcd' || true")).stdout).toBe('');
      await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, {
        after: offset,
        timeoutMs: 20_000,
      });
    } finally {
      await ctx.sh(
        node,
        'rm -f /etc/kubernetes/filler; umount -l /etc/kubernetes; umount -l /srv/k8s; rm -rf /var/lib/etcd-after-full',
      );
    }
    await ctx.read([]);
  }, 120_000);

  it('refuses before stopping anything when the node has no room for the restored data dir', async () => {
    const b = await ctx.backupBetween('quota');
    const node = ctx.nodes[0]!;
    await ctx.sh(node, 'mkdir -p /srv/tiny && mount -t tmpfs -o size=1m tmpfs /srv/tiny');
    try {
      const offset = ctx.sandbox.logOffset(node);
      const error = await restore(
        await ctx.request(b.name, { mode: 'new-dir', newDataDir: '/srv/tiny/etcd' }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreRefusedError);
      expect((error as Error).message).toMatch(
        /^not enough free space for the restored data dir on root@\S+: 1(\.0)? MiB free next to \/srv\/tiny\/etcd, \d+(\.\d)? MiB needed$/,
      );
      expect((error as RestoreRefusedError).hint).toMatch(/free space on that filesystem/);
      expect((error as RestoreRefusedError).exitCode).toBe(6);
      expect(ctx.sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-stopped/);
      expect(await ctx.ls(node, '/srv/tiny')).toEqual([]);
      expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
    } finally {
      await ctx.sh(node, 'umount /srv/tiny');
    }
  }, 60_000);

  it('rolls back through the CLI when SIGTERM arrives after the data swap, and leaves no plaintext on the runner', async () => {
    const b = await ctx.backupBetween('sigterm');
    const node = ctx.nodes[0]!;
    const runnerTemp = await mkdtemp(join(ctx.work, 'runner-temp-'));
    const offset = ctx.sandbox.logOffset(node);
    const cli = startCli(await cliArgs(ctx, b.name), { env: { RUNNER_TEMP: runnerTemp }, inheritEnv: true });
    try {
      await cli.waitFor(/starting etcd on every node/);
      const signalled = Date.now();
      cli.child.kill('SIGTERM');
      const code = await cli.exited;
      // GitHub sends SIGKILL about 10 s after a cancel's first signal; how long the rollback takes here is
      // printed for that comparison, not asserted (no timed tests).
      process.stderr.write(`rollback after SIGTERM at the swap: ${Date.now() - signalled} ms to exit\n`);
      expect(cli.stderr).toContain('SIGTERM received: stopping the restore');
      expect(cli.stderr).toMatch(/restore failed and was rolled back: interrupted by SIGTERM/);
      expect(code).toBe(7);
    } finally {
      cli.kill();
    }
    expect((await ctx.read([b.before, b.after])).values).toEqual([
      'in the backup',
      'written after the backup',
    ]);
    expect(ctx.sandbox.supervisorLog(node).slice(offset)).toMatch(/pod-stopped pod=etcd/);
    const varLib = await ctx.ls(node, '/var/lib');
    // The restored dir that was swapped in is kept aside; the old one is back in place; no staging left.
    expect(varLib.filter((n) => n.startsWith('etcd.failed-restore-'))).toHaveLength(1);
    expect(varLib.filter((n) => n.startsWith('.etcd'))).toEqual([]);
    expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
      expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
    );
    expect(await readdir(runnerTemp)).toEqual([]);
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, {
      after: offset,
      timeoutMs: 20_000,
    });
  }, 120_000);

  it('rolls back through the CLI when SIGINT arrives after kube-apiserver was stopped', async () => {
    const b = await ctx.backupBetween('sigint');
    const node = ctx.nodes[0]!;
    const runnerTemp = await mkdtemp(join(ctx.work, 'runner-temp-'));
    const varLibBefore = await ctx.ls(node, '/var/lib');
    const offset = ctx.sandbox.logOffset(node);
    const cli = startCli(await cliArgs(ctx, b.name), { env: { RUNNER_TEMP: runnerTemp }, inheritEnv: true });
    try {
      // Once kube-apiserver is down (the first stop), while etcd is being stopped.
      await cli.waitFor(/stopping kube-apiserver on every node, then etcd/);
      await ctx.sandbox.waitForLog(node, /pod-stopped pod=kube-apiserver/, {
        after: offset,
        timeoutMs: 30_000,
      });
      cli.child.kill('SIGINT');
      const code = await cli.exited;
      expect(cli.stderr).toMatch(/restore failed and was rolled back: .*interrupted by SIGINT/);
      expect(code).toBe(7);
    } finally {
      cli.kill();
    }
    expect((await ctx.read([b.before, b.after])).values).toEqual([
      'in the backup',
      'written after the backup',
    ]);
    // Interrupted before the data was touched: /var/lib is as it was (the staged copy, ours, is removed).
    expect(await ctx.ls(node, '/var/lib')).toEqual(varLibBefore);
    expect(await readdir(runnerTemp)).toEqual([]);
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, {
      after: offset,
      timeoutMs: 20_000,
    });
  }, 90_000);

  it('stops through the CLI on SIGTERM right after the plan, before anything is stopped or left on the node', async () => {
    const b = await ctx.backupBetween('sigplan');
    const node = ctx.nodes[0]!;
    const runnerTemp = await mkdtemp(join(ctx.work, 'runner-temp-'));
    const varLibBefore = await ctx.ls(node, '/var/lib');
    const offset = ctx.sandbox.logOffset(node);
    const cli = startCli(await cliArgs(ctx, b.name), { env: { RUNNER_TEMP: runnerTemp }, inheritEnv: true });
    try {
      await cli.waitFor(/restore plan: /);
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(7);
      expect(cli.stderr).toMatch(
        /etcd-backup restore: restore interrupted by SIGTERM before anything on the cluster was changed/,
      );
    } finally {
      cli.kill();
    }
    expect(ctx.sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-stopped/);
    expect(await ctx.ls(node, '/var/lib')).toEqual(varLibBefore);
    expect(await readdir(runnerTemp)).toEqual([]);
  }, 60_000);

  it('waits a bounded time for the node lock a backup holds, then refuses without touching anything', async () => {
    const b = await ctx.backupBetween('locked');
    const node = ctx.nodes[0]!;
    const offset = ctx.sandbox.logOffset(node);
    const session = await connect(await sshTo(node, node.users.root));
    try {
      await withRemoteLock(
        session,
        'cluster-r35',
        async () => {
          const started = Date.now();
          const cli = startCli([...(await cliArgs(ctx, b.name)), '--lock-wait', '3s'], { inheritEnv: true });
          try {
            const code = await cli.exited;
            const took = Date.now() - started;
            expect(code).toBe(6);
            expect(cli.stderr).toMatch(
              /etcd-backup restore: ssh root@\S+: lock 'cluster-r35' is held by another run \(scheduled backup of r35, test\), still after waiting 3s; nothing was changed \(a backup or restore of this cluster is running/,
            );
            expect(cli.stderr).toMatch(/waiting up to 3s for it/);
            expect(took).toBeGreaterThanOrEqual(3_000);

            // Released while a restore waits: that restore goes on (a dry run here).
            const waiting = startCli([...(await cliArgs(ctx, b.name)), '--lock-wait', '1m', '--dry-run'], {
              inheritEnv: true,
            });
            try {
              await waiting.waitFor(/waiting up to 60s for it/);
              return waiting;
            } catch (error) {
              waiting.kill();
              throw error;
            }
          } finally {
            cli.kill();
          }
        },
        { holder: 'scheduled backup of r35, test' },
      ).then(async (waiting) => {
        try {
          expect(await waiting.exited).toBe(0);
          expect(waiting.stdout).toMatch(/^DRY RUN /);
        } finally {
          waiting.kill();
        }
      });
    } finally {
      await session.close();
    }
    expect(ctx.sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-stopped/);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 90_000);
});
