import { expect, it } from 'vitest';
import '../../src/options/restore'; // registers the options' names, as the CLI does, so messages name the flags
import { main } from '../../src/cli/main';
import { drill } from '../../src/drill/drill';
import { RestoreRefusedError } from '../../src/restore/plan';
import { RestoreFailedError, restore } from '../../src/restore/restore';
import { silentLogger } from '../../src/util/log';
import { etcdToolsFor } from '../support/etcd-tools';
import { restoreCase } from './sandbox-context';

// etcd 3.7 with kubeadm 1.37's shape: the members joined as learners, their manifests name only the members
// before them and say --initial-cluster-state=existing.
restoreCase('3.7', 3, (ctx) => {
  it('restores all three members as a sudo user with a password: one cluster, new id, keys as in the backup', async () => {
    const b = await ctx.backupBetween('ha');
    const beforeId = (await ctx.read([])).clusterId;
    const report = await restore(await ctx.request(b.name, { restartControllers: true }, 'sudoPassword'));
    expect(report.restoredOn).toBe('node');
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
    // The drill of the same backup, with the runner's etcd 3.7 tools, reads back every key of the snapshot.
    const drilled = await drill({
      store: ctx.store,
      selector: { name: b.name },
      keys: { identities: [ctx.identity] },
      tools: etcdToolsFor('3.7')!,
      log: silentLogger,
    });
    expect(drilled).toMatchObject({ verdict: 'pass', missing: 0, unexpected: 0, changed: 0 });
    expect(drilled.restoredKeys).toBe(drilled.expectedKeys);
    expect(drilled.toolsVersion.startsWith('3.7.')).toBe(true);
  }, 180_000);

  it('rolls every member back when one of them will not start on its restored data', async () => {
    const b = await ctx.backupBetween('ha-fail');
    const third = ctx.nodes[2]!;
    const error = await restore(
      await ctx.request(b.name, {
        // The success case above restores on the nodes (auto); this one ships data dirs from the runner.
        restoreOn: 'runner',
        onStep: async (step) => {
          if (step === 'swapped') await ctx.sh(third, 'truncate -s 4096 /var/lib/etcd/member/snap/db');
        },
        timeouts: { stopMs: 30_000, startMs: 15_000 },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreFailedError);
    expect((error as RestoreFailedError).rolledBack).toBe(true);
    for (const node of ctx.nodes) {
      expect((await ctx.read([b.before, b.after], node)).values).toEqual([
        'in the backup',
        'written after the backup',
      ]);
      expect(await ctx.ls(node, '/etc/kubernetes/manifests')).toEqual(
        expect.arrayContaining(['etcd.yaml', 'kube-apiserver.yaml']),
      );
    }
  }, 150_000);

  it('refuses while a kube-apiserver on a node it was not given runs against the cluster, and goes on when forced', async () => {
    const b = await ctx.backupBetween('foreign-api');
    // What a fourth control-plane node's kube-apiserver keeps in etcd while it runs (the default lease reconciler).
    const lease = '/registry/masterleases/198.51.100.7';
    const client = ctx.sandbox.etcdClientFor(ctx.nodes[0]!);
    try {
      await client.put(lease, 'an Endpoints object');
      const error = await restore(await ctx.request(b.name, { dryRun: true })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreRefusedError);
      expect((error as Error).message).toMatch(
        /kube-apiserver runs on 198\.51\.100\.7 \(its master lease is in etcd\), which no given node is/,
      );
      expect((error as RestoreRefusedError).hint).toMatch(/--force goes on anyway/);
      const forced = await restore(await ctx.request(b.name, { dryRun: true, force: true }));
      expect(forced.warnings).toContainEqual(
        expect.stringMatching(/^forced: kube-apiserver runs on 198\.51\.100\.7/),
      );
    } finally {
      await client.deleteRange(lease).catch(() => {});
      client.close();
    }
  }, 90_000);

  it('refuses to restore only some of the members of a running cluster', async () => {
    const b = await ctx.backupBetween('partial');
    const request = await ctx.request(b.name);
    const error = await restore({ ...request, nodes: request.nodes.slice(0, 2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/members no given node covers/);
  }, 60_000);
});

for (const minor of ['3.6', '3.7'] as const) {
  restoreCase(minor, 1, (ctx) => {
    it(`restores on the node with its etcdutl ${minor}, then on the runner: keys as in the backup each time`, async () => {
      for (const restoreOn of ['node', 'runner'] as const) {
        const b = await ctx.backupBetween(`on-${restoreOn}`);
        const report = await restore(await ctx.request(b.name, { restoreOn }));
        expect(report.restoredOn).toBe(restoreOn);
        expect(report.keys).toMatchObject({ missing: 0, unexpected: 0, changed: 0 });
        const after = await ctx.read([b.before, b.after]);
        expect(after.values).toEqual(['in the backup', undefined]);
        expect(after.revision).toBeGreaterThanOrEqual(b.revision + report.bump);
        const status = ctx.sandbox.etcdClientFor(ctx.nodes[0]!);
        try {
          expect((await status.status()).version.startsWith(`${minor}.`)).toBe(true);
        } finally {
          status.close();
        }
      }
    }, 150_000);
  });
}

restoreCase('3.4', 1, (ctx) => {
  it('says clearly that Debian etcdctl 3.4.23 cannot bump the revision, before touching anything', async () => {
    const b = await ctx.backupBetween('nobump');
    const error = await restore(await ctx.request(b.name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/etcdctl 3\.4\.23 cannot bump the revision/);
    expect((error as RestoreRefusedError).hint).toMatch(/--bump-revision 0/);
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
  }, 60_000);

  it('with --bump-revision 0, names every client to restart and restores only once that is confirmed', async () => {
    const b = await ctx.backupBetween('cli');
    const tools = etcdToolsFor('3.4')!;
    const args = [
      ...(await ctx.cliRestoreArgs()),
      '--etcd-tools',
      tools.etcd.replace(/\/etcd$/, ''),
      '--bump-revision',
      '0',
    ];
    const unconfirmed = await restore(await ctx.request(b.name, { bumpRevision: 0 })).catch(
      (e: unknown) => e,
    );
    expect(unconfirmed).toBeInstanceOf(RestoreRefusedError);
    expect((unconfirmed as Error).message).toMatch(
      /no revision bump: .*kube-apiserver on .*; kube-controller-manager and kube-scheduler .*; the kubelet on every node/,
    );
    expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
    const code = await main([...args, '--confirm-no-bump', b.name]);
    expect(code).toBe(0);
    const after = await ctx.read([b.before, b.after]);
    expect(after.values).toEqual(['in the backup', undefined]);
    expect(after.revision).toBe(b.revision);
  }, 120_000);
});
