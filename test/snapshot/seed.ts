import { SandboxEtcdClient } from '../../sandbox/etcd-client';
import type { LocalEtcd } from '../support/local-etcd';
import { encryptedObject, jsonObject, protobufObject } from './k8s-values';

/** What the test wrote, key by key, so inventory and diff can be checked against it. */
export interface ModelObject {
  resource: string;
  namespace: string;
  /** `apiVersion kind`, or '(encrypted)'. */
  kind: string;
  provider?: string;
}

export class Model {
  readonly objects = new Map<string, ModelObject | null>();

  constructor(readonly client: SandboxEtcdClient) {}

  async put(key: string, value: Buffer, object: ModelObject | null): Promise<void> {
    await this.client.put(key, value);
    this.objects.set(key, object);
  }

  async putMany(entries: Array<[string, Buffer, ModelObject | null]>): Promise<void> {
    for (let i = 0; i < entries.length; i += 100) {
      const batch = entries.slice(i, i + 100);
      await this.client.putMany(batch.map(([k, v]) => [k, v]));
      for (const [k, , o] of batch) this.objects.set(k, o);
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.deleteRange(key);
    this.objects.delete(key);
  }
}

type Scope = { apiVersion: string; kind: string; resource: string; prefix: string };

const POD: Scope = { apiVersion: 'v1', kind: 'Pod', resource: 'pods', prefix: '/registry/pods' };
const DEPLOYMENT: Scope = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  resource: 'deployments',
  prefix: '/registry/deployments',
};
const CONFIGMAP: Scope = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  resource: 'configmaps',
  prefix: '/registry/configmaps',
};
const SECRET: Scope = { apiVersion: 'v1', kind: 'Secret', resource: 'secrets', prefix: '/registry/secrets' };

export function protobufEntry(
  s: Scope,
  namespace: string | undefined,
  name: string,
  payload = 64,
): [string, Buffer, ModelObject] {
  const key = namespace ? `${s.prefix}/${namespace}/${name}` : `${s.prefix}/${name}`;
  return [
    key,
    protobufObject(s.apiVersion, s.kind, namespace, name, payload),
    { resource: s.resource, namespace: namespace ?? '', kind: `${s.apiVersion} ${s.kind}` },
  ];
}

export function jsonEntry(
  s: Scope,
  namespace: string | undefined,
  name: string,
  padding = 0,
): [string, Buffer, ModelObject] {
  const key = namespace ? `${s.prefix}/${namespace}/${name}` : `${s.prefix}/${name}`;
  return [
    key,
    jsonObject(s.apiVersion, s.kind, namespace, name, padding),
    { resource: s.resource, namespace: namespace ?? '', kind: `${s.apiVersion} ${s.kind}` },
  ];
}

export const SCOPES = {
  pod: POD,
  deployment: DEPLOYMENT,
  configmap: CONFIGMAP,
  secret: SECRET,
  node: { apiVersion: 'v1', kind: 'Node', resource: 'nodes', prefix: '/registry/minions' },
  namespace: { apiVersion: 'v1', kind: 'Namespace', resource: 'namespaces', prefix: '/registry/namespaces' },
  service: { apiVersion: 'v1', kind: 'Service', resource: 'services', prefix: '/registry/services/specs' },
  endpoints: {
    apiVersion: 'v1',
    kind: 'Endpoints',
    resource: 'endpoints',
    prefix: '/registry/services/endpoints',
  },
  rc: {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    resource: 'replicationcontrollers',
    prefix: '/registry/controllers',
  },
  ingress: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    resource: 'ingresses',
    prefix: '/registry/ingress',
  },
  lease: {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    resource: 'leases',
    prefix: '/registry/leases',
  },
  crd: {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    resource: 'apiextensions.k8s.io/customresourcedefinitions',
    prefix: '/registry/apiextensions.k8s.io/customresourcedefinitions',
  },
  apiservice: {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    resource: 'apiregistration.k8s.io/apiservices',
    prefix: '/registry/apiregistration.k8s.io/apiservices',
  },
  widget: {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    resource: 'example.com/widgets',
    prefix: '/registry/example.com/widgets',
  },
} as const;

const range = (n: number, f: (i: number) => [string, Buffer, ModelObject | null]) =>
  Array.from({ length: n }, (_, i) => f(i));

/**
 * Writes a small Kubernetes-shaped cluster: built-ins in protobuf, CRDs and custom resources in JSON,
 * encrypted and plain Secrets, history (updates, deletes, a compaction, a defrag), auth users and roles,
 * a lease, and 150 configmaps of ~22 KB (values spanning overflow pages; the DB ends up above 3 MB).
 */
export async function seedCluster(etcd: LocalEtcd): Promise<Model> {
  const client = SandboxEtcdClient.connect({ address: etcd.address });
  const model = new Model(client);
  const s = SCOPES;
  await model.putMany([
    ...['default', 'kube-system', 'team-a'].map((ns) => protobufEntry(s.namespace, undefined, ns)),
    ...range(40, (i) => protobufEntry(s.pod, 'default', `web-${i}`)),
    ...range(30, (i) => protobufEntry(s.pod, 'kube-system', `sys-${i}`)),
    ...range(30, (i) => protobufEntry(s.pod, 'team-a', `job-${i}`)),
    ...range(10, (i) => protobufEntry(s.deployment, 'default', `web-${i}`)),
    ...range(5, (i) => protobufEntry(s.deployment, 'team-a', `api-${i}`)),
    ...range(3, (i) => protobufEntry(s.node, undefined, `node-${i}`)),
    ...range(3, (i) => protobufEntry(s.service, 'default', `svc-${i}`)),
    ...range(3, (i) => protobufEntry(s.endpoints, 'default', `svc-${i}`)),
    protobufEntry(s.rc, 'default', 'legacy'),
    protobufEntry(s.ingress, 'default', 'front'),
    ...range(5, (i) => protobufEntry(s.secret, 'default', `plain-${i}`)),
    jsonEntry(s.crd, undefined, 'widgets.example.com'),
    jsonEntry(s.apiservice, undefined, 'v1.apps'),
    ...range(5, (i) => jsonEntry(s.widget, 'team-a', `w-${i}`)),
  ]);
  const encrypted: Array<[string, 'aescbc' | 'secretbox' | 'kms']> = [
    ['kube-system', 'aescbc'],
    ['kube-system', 'aescbc'],
    ['kube-system', 'aescbc'],
    ['team-a', 'secretbox'],
    ['team-a', 'kms'],
  ];
  for (const [i, [ns, provider]] of encrypted.entries()) {
    await model.put(`/registry/secrets/${ns}/sealed-${i}`, encryptedObject(provider), {
      resource: 'secrets',
      namespace: ns,
      kind: '(encrypted)',
      provider,
    });
  }
  // Big values in small transactions: each ~22 KB value spans 6 pages.
  for (let i = 0; i < 150; i += 10) {
    await model.putMany(range(10, (j) => jsonEntry(s.configmap, 'bulk', `blob-${i + j}`, 22_000)));
  }
  await model.put('/app/config', Buffer.from('not kubernetes'), null);
  await model.put('compact_rev_key', Buffer.from('0'), null);

  // History: rewrite some pods, delete others, then compact half of it away and defragment.
  for (let i = 0; i < 10; i++) {
    const [k, v, o] = protobufEntry(s.pod, 'default', `web-${i}`, 80);
    await model.put(k, v, o);
  }
  for (let i = 0; i < 5; i++) await model.delete(`/registry/pods/team-a/job-${i}`);
  const { revision } = await client.put('compact_rev_key', '1');
  await client.compact(revision - 3n);
  for (let i = 10; i < 15; i++) {
    const [k, v, o] = protobufEntry(s.pod, 'default', `web-${i}`, 90);
    await model.put(k, v, o);
  }
  await model.delete('/registry/pods/team-a/job-5');
  await client.defragment();

  const lease = await client.leaseGrant(3600);
  const [lk, lv, lo] = protobufEntry(s.lease, 'kube-node-lease', 'node-0');
  await client.put(lk, lv, { lease });
  model.objects.set(lk, lo);

  await etcd.etcdctl(['user', 'add', 'alice', '--new-user-password=not-a-secret', '--interactive=false']);
  await etcd.etcdctl(['role', 'add', 'reader']);
  await etcd.etcdctl(['role', 'grant-permission', 'reader', 'read', '/registry/', '--prefix=true']);
  await etcd.etcdctl(['user', 'grant-role', 'alice', 'reader']);
  return model;
}

/** etcd 3.6 writes meta/storageVersion a few seconds after start; snapshot status reads it from there. */
export async function waitForStorageVersion(client: SandboxEtcdClient, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await client.status();
    if (status.storageVersion || Date.now() > deadline) return status.storageVersion;
    await new Promise((r) => setTimeout(r, 250));
  }
}
