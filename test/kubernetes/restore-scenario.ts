import { beforeAll, expect, it } from 'vitest';
import type { KubeObject, Watch, WatchEvent } from '../../sandbox/kube-api';
import { createNamespace, paths, until } from '../../sandbox/seed-api';
import type { RealCluster } from './real-cluster';

/**
 * One restore through real Kubernetes, then what its clients see. Before the backup: the seed, a marker
 * ConfigMap, and a watch on shop's ConfigMaps. After the backup: a namespace created (with a ConfigMap), one
 * modified (a ConfigMap changed, one added), one deleted (and emptied by the namespace controller). Then the
 * backup is restored with the default revision bump onto every node: by the CLI, which stops the controllers
 * and starts them once the API servers are ready, or with --keep-controllers-running.
 */
export function restoreThroughRealKubernetes(ctx: RealCluster) {
  const s = {
    backupName: '',
    originalConfig: {} as unknown,
    lastSeenRv: '',
    controllerManagerPids: [] as string[],
    readyMs: [] as number[],
    watch: undefined as Watch | undefined,
    restoreLog: '',
    supervisorOffsets: [] as number[],
    reportedReadyMs: 0,
    leftovers: [] as string[],
  };
  const kept = ctx.controllers === 'kept running';

  beforeAll(async () => {
    const { api } = ctx;
    s.originalConfig = (await ctx.configMap('shop', 'app-config'))?.data;
    await api.create(paths.core('shop', 'configmaps'), {
      metadata: { name: 'before-backup' },
      data: { state: 'in the backup' },
    });
    // A ConfigMap whose namespace does not exist (as a controller acting on a stale cache leaves behind):
    // the restore reports it.
    const client = ctx.sandbox.etcdClientFor(ctx.nodes[0]!);
    try {
      const leftover = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'leftover',
          namespace: 'ghost',
          uid: '0d6b3e53-5d3c-4f0e-9c1e-2a4f1b7c9e11',
          creationTimestamp: '2026-01-01T00:00:00Z',
        },
      };
      await client.put('/registry/configmaps/ghost/leftover', JSON.stringify(leftover));
    } finally {
      client.close();
    }
    const list = await api.list(paths.core('shop', 'configmaps'));
    s.watch = api.watch(paths.core('shop', 'configmaps'), list.metadata.resourceVersion);
    s.controllerManagerPids = await Promise.all(
      ctx.nodes.map((n) => ctx.componentPid(n, 'kube-controller-manager')),
    );
    s.backupName = await ctx.backup();

    await createNamespace(api, 'late');
    await api.create(paths.core('late', 'configmaps'), { metadata: { name: 'note' }, data: { at: 'after' } });
    await api.mergePatch(`${paths.core('shop', 'configmaps')}/app-config`, {
      data: { 'app.yaml': 'changed' },
    });
    const added = await api.create(paths.core('shop', 'configmaps'), {
      metadata: { name: 'after-backup' },
      data: { state: 'written after the backup' },
    });
    await ctx.deleteNamespace('billing');
    // The watch is live: it saw the ConfigMap written after the backup, at that object's resourceVersion.
    const seen = await s.watch.next(
      (e) => e.type === 'ADDED' && e.object.metadata.name === 'after-backup',
      30_000,
    );
    expect(seen?.object.metadata.resourceVersion).toBe(added.metadata.resourceVersion);
    s.lastSeenRv = s.watch.events.at(-1)!.object.metadata.resourceVersion!;

    s.supervisorOffsets = ctx.nodes.map((n) => ctx.sandbox.logOffset(n));
    if (kept) {
      const report = await ctx.restoreKeepingControllers(s.backupName);
      s.reportedReadyMs = report.timingsMs.apiServersReady ?? 0;
      s.leftovers = (report.objectsInMissingNamespaces ?? []).map(
        (o) => `${o.resource} ${o.namespace}/${o.name}`,
      );
    } else {
      s.restoreLog = await ctx.restore(s.backupName);
      s.leftovers = [...s.restoreLog.matchAll(/configmaps ghost\/leftover/g)].map((m) => m[0]);
    }
    s.readyMs = await Promise.all(ctx.nodes.map((n) => ctx.sandbox.waitForApiServer(n, 120_000)));
  }, 300_000);

  it("shows the backup's objects through every API server, not the later ones; /readyz is ok and writes succeed", async () => {
    for (const node of ctx.nodes) {
      const api = ctx.sandbox.kubeApi(node);
      try {
        expect((await api.readyz()).ok).toBe(true);
        const namespaces = (await api.list(paths.namespaces)).items.map((n) => n.metadata.name);
        expect(namespaces).toEqual(expect.arrayContaining(['shop', 'billing', 'monitoring']));
        expect(namespaces).not.toContain('late');
        expect(await api.find(`${paths.core('late', 'configmaps')}/note`)).toBeUndefined();
        const shop = (await api.list(paths.core('shop', 'configmaps'))).items.map((c) => c.metadata.name);
        expect(shop).toContain('before-backup');
        expect(shop).not.toContain('after-backup');
        expect(
          (await api.get<{ data: unknown }>(`${paths.core('shop', 'configmaps')}/app-config`)).data,
        ).toEqual(s.originalConfig);
        // The deleted namespace is back with what the namespace controller had removed from it.
        const billing = (await api.list(paths.apps('billing', 'deployments'))).items.map(
          (d) => d.metadata.name,
        );
        expect(billing.sort()).toEqual(['web', 'worker']);
        expect((await api.list(paths.widgets('billing'))).items).toHaveLength(2);
        expect(await api.find(`${paths.core('billing', 'secrets')}/db-credentials`)).toBeDefined();
      } finally {
        api.close();
      }
    }
    const written = await ctx.api.create(paths.core('shop', 'configmaps'), {
      metadata: { name: 'after-restore' },
      data: { state: 'written after the restore' },
    });
    const last = ctx.sandbox.kubeApi(ctx.nodes.at(-1)!);
    try {
      const read = await until<KubeObject>(
        'the new ConfigMap to be readable through the last node',
        () => last.find(`${paths.core('shop', 'configmaps')}/after-restore`),
        30_000,
      );
      expect(read.metadata.uid).toBe(written.metadata.uid);
    } finally {
      last.close();
    }
  });

  it('reports the objects left in namespaces that no longer exist', () => {
    // With the controllers stopped nothing else is left; one kept running may have added its own.
    if (kept) expect(s.leftovers).toContain('configmaps ghost/leftover');
    else expect(s.leftovers).toEqual(['configmaps ghost/leftover']);
    if (!kept)
      expect(s.restoreLog).toMatch(
        /1 object\(s\) in namespaces that no longer exist: configmaps ghost\/leftover/,
      );
  });

  it('ends a watch resumed from its last resourceVersion with 410 Expired, not a silent stream', async () => {
    // The restore stopped the API server, which ended the watch opened before it.
    expect(s.watch!.ended).toBe(true);
    const resumed = ctx.api.watch(paths.core('shop', 'configmaps'), s.lastSeenRv);
    try {
      const first = await resumed.next(() => true, 30_000);
      expect(first, 'the resumed watch said nothing').toBeDefined();
      const expired = (e: WatchEvent) => e.type === 'ERROR' && e.object.code === 410;
      expect(first!.type === 'ERROR' ? first!.object : first).toMatchObject({ code: 410, reason: 'Expired' });
      expect(resumed.events.filter((e) => !expired(e))).toEqual([]);
    } finally {
      resumed.close();
    }
  });

  if (kept)
    it('a controller-manager that stayed up through the restore scales a ReplicaSet when its Deployment is scaled', async () => {
      await scaleWebAndWaitForReplicaSet(ctx);
      // Same processes as before the backup: the restore never restarted them.
      const now = await Promise.all(ctx.nodes.map((n) => ctx.componentPid(n, 'kube-controller-manager')));
      expect(now).toEqual(s.controllerManagerPids);
      expect(now.every(Boolean)).toBe(true);
      expect(s.reportedReadyMs).toBeGreaterThan(0);
    });

  if (!kept)
    it('stops kube-controller-manager and kube-scheduler before etcd, starts them once every /readyz is ok, and says how long that took', async () => {
      expect(s.restoreLog).toMatch(
        /kube-apiserver \/readyz ok on every node \d+\.\ds after it was started\n(.*\n)*starting kube-controller-manager and kube-scheduler/,
      );
      ctx.nodes.forEach((node, i) => {
        const events = ctx.sandbox.supervisorLog(node).slice(s.supervisorOffsets[i]).split('\n');
        const at = (pattern: RegExp) => events.findIndex((l) => pattern.test(l));
        const etcdStopped = at(/pod-stopped pod=etcd-/);
        expect(at(/pod-stopped pod=kube-controller-manager-/)).toBeGreaterThanOrEqual(0);
        expect(at(/pod-stopped pod=kube-controller-manager-/)).toBeLessThan(etcdStopped);
        expect(at(/pod-stopped pod=kube-scheduler-/)).toBeLessThan(etcdStopped);
        expect(at(/container-started pod=kube-controller-manager-/)).toBeGreaterThan(
          at(/container-started pod=kube-apiserver-/),
        );
      });
      const now = await Promise.all(ctx.nodes.map((n) => ctx.componentPid(n, 'kube-controller-manager')));
      expect(now.every(Boolean)).toBe(true);
      expect(now).not.toEqual(s.controllerManagerPids);
    });

  if (!kept)
    it('the controller-manager started after the restore scales a ReplicaSet when its Deployment is scaled', async () => {
      await scaleWebAndWaitForReplicaSet(ctx);
    });
}

/** Scales shop/web to 4 and waits (bounded) until its ReplicaSet wants 4 as well: a controller-manager acted. */
async function scaleWebAndWaitForReplicaSet(ctx: RealCluster) {
  await ctx.api.mergePatch(`${paths.apps('shop', 'deployments')}/web`, { spec: { replicas: 4 } });
  const replicaSet = await until(
    "shop/web's ReplicaSet to follow the scale-up to 4",
    async () => {
      const sets = await ctx.api.list<{
        metadata: { name: string; ownerReferences?: Array<{ name: string }> };
        spec: { replicas: number };
      }>(paths.apps('shop', 'replicasets'));
      return sets.items.find(
        (r) => r.metadata.ownerReferences?.some((o) => o.name === 'web') && r.spec.replicas === 4,
      );
    },
    // A fresh controller-manager first waits out the lease the restored data names (15 s with kubeadm's flags).
    90_000,
  );
  expect(replicaSet.spec.replicas).toBe(4);
}
