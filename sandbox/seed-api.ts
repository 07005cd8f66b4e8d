import { type KubeApi, KubeApiError, type KubeList, type KubeObject } from './kube-api';

/**
 * Seed data written through a real kube-apiserver, so every stored object is one Kubernetes wrote itself:
 * namespaces with Deployments (the controller-manager makes their ReplicaSets and Pods; with no scheduler or
 * kubelet the Pods stay Pending), Services, ConfigMaps, Secrets, ServiceAccounts, RBAC, and a CRD with custom
 * resources. The same every time.
 */

export const SEED_NAMESPACES = ['shop', 'billing', 'monitoring'] as const;

export const WIDGETS_CRD = {
  group: 'example.com',
  plural: 'widgets',
  version: 'v1',
} as const;

export interface ApiSeedSummary {
  namespaces: string[];
  /** Objects per resource the seed made or, for replicasets and pods, the controller-manager made. */
  counts: Record<string, number>;
}

const DEPLOYMENTS = [
  { name: 'web', replicas: 2 },
  { name: 'worker', replicas: 1 },
] as const;

/** The paths of a resource in a namespace, as the API names them. */
export const paths = {
  namespaces: '/api/v1/namespaces',
  core: (ns: string, plural: string) => `/api/v1/namespaces/${ns}/${plural}`,
  apps: (ns: string, plural: string) => `/apis/apps/v1/namespaces/${ns}/${plural}`,
  rbac: (ns: string, plural: string) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/${plural}`,
  widgets: (ns: string) => `/apis/${WIDGETS_CRD.group}/${WIDGETS_CRD.version}/namespaces/${ns}/widgets`,
};

function deployment(ns: string, name: string, replicas: number): unknown {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: 'app',
          containers: [{ name, image: 'registry.k8s.io/pause:3.10', ports: [{ containerPort: 8080 }] }],
        },
      },
    },
  };
}

function namespaceObjects(ns: string): Array<[string, unknown]> {
  const meta = (name: string) => ({ name, namespace: ns });
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [
    [paths.core(ns, 'serviceaccounts'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('app') }],
    [
      paths.core(ns, 'configmaps'),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('app-config'),
        data: { 'app.yaml': `namespace: ${ns}\nlogLevel: info\n` },
      },
    ],
    [
      paths.core(ns, 'configmaps'),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('feature-flags'),
        data: { newCheckout: 'true', darkMode: 'false' },
      },
    ],
    [
      paths.core(ns, 'secrets'),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta('db-credentials'),
        type: 'Opaque',
        data: { username: b64(`${ns}-app`), password: b64(`not-a-real-password-${ns}`) },
      },
    ],
    [
      paths.core(ns, 'secrets'),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: meta('api-token'),
        type: 'Opaque',
        data: { token: b64(`token-${ns}`) },
      },
    ],
    ...DEPLOYMENTS.map((d): [string, unknown] => [
      paths.apps(ns, 'deployments'),
      deployment(ns, d.name, d.replicas),
    ]),
    [
      paths.core(ns, 'services'),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('web'),
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
      },
    ],
    [
      paths.rbac(ns, 'roles'),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: meta('config-reader'),
        rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }],
      },
    ],
    [
      paths.rbac(ns, 'rolebindings'),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: meta('app-reads-config'),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'config-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'app', namespace: ns }],
      },
    ],
  ];
}

const CLUSTER_OBJECTS: Array<[string, unknown]> = [
  [
    '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'widget-viewer' },
      rules: [{ apiGroups: [WIDGETS_CRD.group], resources: ['widgets'], verbs: ['get', 'list', 'watch'] }],
    },
  ],
  [
    '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'oncall-views-widgets' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'widget-viewer' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oncall' }],
    },
  ],
  [
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${WIDGETS_CRD.plural}.${WIDGETS_CRD.group}` },
      spec: {
        group: WIDGETS_CRD.group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: WIDGETS_CRD.version,
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    properties: { size: { type: 'string' }, count: { type: 'integer' } },
                  },
                },
              },
            },
          },
        ],
      },
    },
  ],
];

function kindOf(path: string): string {
  return path.split('/').pop()!;
}

/** Waits until a real condition holds, checking it every quarter second. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new KubeApiError(`${what}: not within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Creates a Namespace and waits until the API knows it. */
export async function createNamespace(api: KubeApi, name: string, labels: Record<string, string> = {}) {
  await api.create(paths.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

/** Objects of one resource in the seed's namespaces (or the given ones), the controller-made ones included. */
export async function countIn(
  api: KubeApi,
  namespaces: readonly string[],
  resource: string,
): Promise<number> {
  let n = 0;
  for (const ns of namespaces) {
    const path = ['deployments', 'replicasets'].includes(resource)
      ? paths.apps(ns, resource)
      : paths.core(ns, resource);
    n += (await api.list(path)).items.length;
  }
  return n;
}

export async function seedThroughApi(
  api: KubeApi,
  options: { log?: (line: string) => void; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ApiSeedSummary> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 120_000;
  const counts: Record<string, number> = {};
  const create = async (path: string, object: unknown) => {
    await api.create(path, object);
    counts[kindOf(path)] = (counts[kindOf(path)] ?? 0) + 1;
  };
  for (const [path, object] of CLUSTER_OBJECTS) await create(path, object);
  for (const ns of SEED_NAMESPACES) {
    await createNamespace(api, ns, { 'sandbox.etcd-backup/seed': 'true' });
    counts.namespaces = (counts.namespaces ?? 0) + 1;
    for (const [path, object] of namespaceObjects(ns)) await create(path, object);
  }
  // Custom resources only once the CRD is served.
  await until(
    'the widgets CRD to be established',
    async () => {
      const crd = await api.get<{ status?: { conditions?: Array<{ type: string; status: string }> } }>(
        `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${WIDGETS_CRD.plural}.${WIDGETS_CRD.group}`,
      );
      return (
        crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') || undefined
      );
    },
    timeoutMs,
    options.signal,
  );
  for (const ns of SEED_NAMESPACES) {
    for (const [name, size, count] of [
      ['small', 's', 1],
      ['large', 'xl', 12],
    ] as const) {
      await create(paths.widgets(ns), {
        apiVersion: `${WIDGETS_CRD.group}/${WIDGETS_CRD.version}`,
        kind: 'Widget',
        metadata: { name, namespace: ns },
        spec: { size, count },
      });
    }
  }
  log(
    'seed: objects written through the API; waiting for the controller-manager to make ReplicaSets and Pods',
  );
  const wantPods = SEED_NAMESPACES.length * DEPLOYMENTS.reduce((n, d) => n + d.replicas, 0);
  const wantReplicaSets = SEED_NAMESPACES.length * DEPLOYMENTS.length;
  await until(
    `the controller-manager to make ${wantReplicaSets} ReplicaSets and ${wantPods} Pods`,
    async () => {
      const replicaSets = await countIn(api, SEED_NAMESPACES, 'replicasets');
      const pods = await countIn(api, SEED_NAMESPACES, 'pods');
      if (replicaSets < wantReplicaSets || pods < wantPods) return undefined;
      counts.replicasets = replicaSets;
      counts.pods = pods;
      return true;
    },
    timeoutMs,
    options.signal,
  );
  return { namespaces: [...SEED_NAMESPACES], counts };
}

/** The names of the objects of a list, sorted: what a test compares before and after a restore. */
export function names(list: KubeList<KubeObject>): string[] {
  return list.items.map((i) => i.metadata.name).sort();
}
