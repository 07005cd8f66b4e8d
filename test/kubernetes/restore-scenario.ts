import { beforeAll, expect, it } from 'vitest';
import type { KubeObject, Watch, WatchEvent } from '../../sandbox/kube-api';
import { createNamespace, paths, until } from '../../sandbox/seed-api';
import type { RealCluster } from './real-cluster';

/**
 * One restore through real Kubernetes, then what its clients see. Before the backup: the seed, a marker
 * ConfigMap, and a watch on shop's ConfigMaps. After the backup: a namespace created (with a ConfigMap), one
 * modified (a ConfigMap changed, one added), one deleted (and emptied by the namespace controller). Then the
 * CLI restores the backup with its default revision bump onto every node, while the controller-managers keep
 * running.
 */
export function restoreThroughRealKubernetes(ctx: RealCluster) {
  const s = {
    backupName: '',
    originalConfig: {} as unknown,
    lastSeenRv: '',
    controllerManagerPids: [] as string[],
    readyMs: [] as number[],
    watch: undefined as Watch | undefined,
  };

  beforeAll(async () => {
    const { api } = ctx;
    s.originalConfig = (await ctx.configMap('shop', 'app-config'))?.data;
    await api.create(paths.core('shop', 'configmaps'), {
      metadata: { name: 'before-backup' },
      data: { state: 'in the backup' },
    });
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

    await ctx.restore(s.backupName);
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

  it('a controller-manager that stayed up through the restore scales a ReplicaSet when its Deployment is scaled', async () => {
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
      60_000,
    );
    expect(replicaSet.spec.replicas).toBe(4);
    // Same processes as before the backup: the restore never restarted them.
    const now = await Promise.all(ctx.nodes.map((n) => ctx.componentPid(n, 'kube-controller-manager')));
    expect(now).toEqual(s.controllerManagerPids);
    expect(now.every(Boolean)).toBe(true);
  });
}
