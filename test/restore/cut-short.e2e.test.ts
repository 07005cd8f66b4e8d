import { identityToRecipient } from 'age-encryption';
import { expect, it } from 'vitest';
import { backup } from '../../src/backup/backup';
import { main } from '../../src/cli/main';
import { JOURNAL_PATH, RestoreCutShortError } from '../../src/node/journal';
import { recoverCutRestore } from '../../src/restore/recover';
import { restore } from '../../src/restore/restore';
import { startCli } from '../support/cli';
import { cliNodeArgs } from '../support/cli-node-args';
import { cliArgs } from './cli-run';
import { type Context, restoreCase, sshTo, testLog } from './sandbox-context';

/** A restore through the CLI, killed with SIGKILL (no handler runs) once it has logged `when` (and `then`). */
async function killRestoreAt(ctx: Context, name: string, when: RegExp, then?: () => Promise<unknown>) {
  const cli = startCli(await cliArgs(ctx, name), { inheritEnv: true });
  try {
    await cli.waitFor(when);
    await then?.();
    cli.child.kill('SIGKILL');
    await cli.exited;
  } finally {
    cli.kill();
  }
}

async function backupNow(ctx: Context) {
  return backup({
    ssh: await sshTo(ctx.nodes[0]!, ctx.nodes[0]!.users.root),
    cluster: 'r35',
    store: ctx.store,
    encryption: { kind: 'recipients', recipients: [await identityToRecipient(ctx.identity)] },
    log: testLog,
  });
}

async function journalOnNode(ctx: Context, node = ctx.nodes[0]!) {
  const r = await ctx.sandbox.runOnNode(node, ['cat', JOURNAL_PATH], { allowFailure: true });
  return r.code === 0 ? (JSON.parse(r.stdout) as { stamp: string; backup: string }) : undefined;
}

restoreCase('3.5', 1, (ctx) => {
  it('a restore killed after the swap is refused by the next backup and restore, and --recover puts the old data back', async () => {
    const b = await ctx.backupBetween('cut');
    const node = ctx.nodes[0]!;
    await killRestoreAt(ctx, b.name, /starting etcd on every node/);
    const journal = await journalOnNode(ctx);
    expect(journal?.backup).toBe(b.name);

    // Neither a backup nor another restore goes ahead; each says what happened and what to run.
    const refusedBackup = await backupNow(ctx).catch((e: unknown) => e);
    expect(refusedBackup).toBeInstanceOf(RestoreCutShortError);
    expect((refusedBackup as RestoreCutShortError).exitCode).toBe(4);
    expect((refusedBackup as Error).message).toMatch(
      new RegExp(
        `^a restore of ${b.name} started \\S+ did not finish on root@\\S+ \\(${JOURNAL_PATH} is still there\\)$`,
      ),
    );
    expect((refusedBackup as RestoreCutShortError).hint).toMatch(/restore --recover.*recover: true/);
    const offset = ctx.sandbox.logOffset(node);
    const refusedRestore = await restore(await ctx.request(b.name)).catch((e: unknown) => e);
    expect(refusedRestore).toBeInstanceOf(RestoreCutShortError);
    expect((refusedRestore as RestoreCutShortError).exitCode).toBe(6);
    expect(ctx.sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-stopped/);

    const { nodes } = await ctx.request(b.name);
    const report = await recoverCutRestore({
      nodes,
      log: testLog,
      timeouts: { stopMs: 30_000, startMs: 30_000 },
    });
    expect(report).toEqual({ backup: b.name, recovered: [expect.stringMatching(/^root@/)] });
    // The old data serves again, the restored data is kept aside, nothing of ours is left.
    expect((await ctx.read([b.before, b.after])).values).toEqual([
      'in the backup',
      'written after the backup',
    ]);
    expect(await journalOnNode(ctx)).toBeUndefined();
    const varLib = await ctx.ls(node, '/var/lib');
    expect(varLib).toContain(`etcd.failed-restore-${journal!.stamp}`);
    expect(varLib.filter((n) => n.startsWith('.etcd') || n.includes('before-restore'))).toEqual([]);
    expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
      expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
    );
    expect((await ctx.ls(node, '/etc/kubernetes')).filter((n) => n.startsWith('etcd-restore-'))).toEqual([]);
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, {
      after: offset,
      timeoutMs: 20_000,
    });

    // Backups work again; a second recovery finds nothing to do.
    expect((await backupNow(ctx)).metadata.name).toMatch(/^r35-/);
    expect(await recoverCutRestore({ nodes, log: testLog })).toEqual({ backup: undefined, recovered: [] });
  }, 180_000);

  it('a restore killed after kube-apiserver was stopped is put back by `restore --recover` through the CLI', async () => {
    const b = await ctx.backupBetween('cutearly');
    const node = ctx.nodes[0]!;
    const varLibBefore = await ctx.ls(node, '/var/lib');
    const offset = ctx.sandbox.logOffset(node);
    await killRestoreAt(ctx, b.name, /stopping kube-apiserver on every node, then etcd/, () =>
      ctx.sandbox.waitForLog(node, /pod-stopped pod=kube-apiserver/, { after: offset, timeoutMs: 30_000 }),
    );
    expect((await journalOnNode(ctx))?.backup).toBe(b.name);

    const code = await main(['restore', '--recover', ...cliNodeArgs(node)]);
    expect(code).toBe(0);
    expect(await journalOnNode(ctx)).toBeUndefined();
    expect((await ctx.read([b.before, b.after])).values).toEqual([
      'in the backup',
      'written after the backup',
    ]);
    // Killed before the data was touched: /var/lib is as it was (the staged copy is removed).
    expect(await ctx.ls(node, '/var/lib')).toEqual(varLibBefore);
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, {
      after: offset,
      timeoutMs: 20_000,
    });
  }, 180_000);

  it('a recovery started while a restore still runs waits for its lock, then finds nothing to roll back', async () => {
    const b = await ctx.backupBetween('notcut');
    let recovery: Promise<unknown> | undefined;
    const { nodes } = await ctx.request(b.name);
    const report = await restore(
      await ctx.request(b.name, {
        onStep: async (step) => {
          if (step !== 'stopped') return;
          // The journal is there and the restore holds the node lock: the recovery reads one, waits for the other.
          expect(await journalOnNode(ctx)).toBeDefined();
          recovery = recoverCutRestore({ nodes, log: testLog, lockWaitSeconds: 60 });
          await new Promise((r) => setTimeout(r, 1_500));
        },
      }),
    );
    expect(report.keys).toMatchObject({ missing: 0, unexpected: 0, changed: 0 });
    expect(await recovery).toEqual({ backup: undefined, recovered: [] });
    // The restore stands: the data is the backup's.
    expect((await ctx.read([b.before, b.after])).values).toEqual(['in the backup', undefined]);
    expect(await journalOnNode(ctx)).toBeUndefined();
  }, 120_000);

  it('refuses to guess at a journal it cannot read, and says how to check the node by hand', async () => {
    const node = ctx.nodes[0]!;
    await ctx.sh(node, `echo '{"version": 7}' > ${JOURNAL_PATH}`);
    try {
      const error = await backupNow(ctx).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^${JOURNAL_PATH} on root@\\S+ is not a restore journal this version can read \\('.*version.*7`,
        ),
      );
      expect((error as RestoreCutShortError).hint).toMatch(/before-restore-<time>.*then remove the file/);
    } finally {
      await ctx.sh(node, `rm -f ${JOURNAL_PATH}`);
    }
    expect((await backupNow(ctx)).metadata.name).toMatch(/^r35-/);
  }, 60_000);
});

restoreCase('3.5', 3, (ctx) => {
  it('an HA restore killed after the swap is rolled back on every member by one recovery', async () => {
    const b = await ctx.backupBetween('cutha');
    await killRestoreAt(ctx, b.name, /starting etcd on every node/);
    const journals = await Promise.all(ctx.nodes.map((n) => journalOnNode(ctx, n)));
    expect(new Set(journals.map((j) => j?.stamp)).size).toBe(1);
    expect(journals[0]?.backup).toBe(b.name);

    const { nodes } = await ctx.request(b.name);
    const report = await recoverCutRestore({
      nodes,
      log: testLog,
      timeouts: { stopMs: 30_000, startMs: 60_000 },
    });
    expect(report.backup).toBe(b.name);
    expect(report.recovered).toHaveLength(3);
    for (const node of ctx.nodes) {
      expect((await ctx.read([b.before, b.after], node)).values).toEqual([
        'in the backup',
        'written after the backup',
      ]);
      expect(await journalOnNode(ctx, node)).toBeUndefined();
    }
  }, 240_000);
});
