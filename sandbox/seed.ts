import { createHash } from 'node:crypto';
import { formatBytes } from '../src/util/progress';
import type { SandboxEtcdClient } from './etcd-client';
import { type Field, mapEntries, storedObject } from './k8s-proto';

/**
 * Seed data shaped like a small real cluster's etcd, deterministic from a seed string: built-ins as protobuf
 * in kube-apiserver's envelope, custom resources as JSON, some secrets encrypted-at-rest (k8s:enc:aescbc),
 * apiserver bookkeeping keys, a few non-Kubernetes keys, and history: updates, deletes, a compaction, and
 * writes after it. `fill` adds bulk objects with realistic compressibility.
 */

export interface SeedSummary {
  /** Live keys per resource as the snapshot classifier names them ('pods', 'services/specs', 'example.com/widgets'...). */
  byResource: Record<string, number>;
  /** Live keys outside /registry (compact_rev_key and the non-Kubernetes keys). */
  nonKubernetesKeys: number;
  totalKeys: number;
  encryptedSecrets: number;
  compactRevision: string;
  revision: string;
  fillBytes: number;
}

/** A small deterministic PRNG (xorshift128+ seeded from SHA-256) so the same seed gives the same data. */
export class Random {
  private s0: bigint;
  private s1: bigint;

  constructor(seed: string) {
    const h = createHash('sha256').update(seed).digest();
    this.s0 = h.readBigUInt64LE(0) || 1n;
    this.s1 = h.readBigUInt64LE(8) || 2n;
  }

  private next(): bigint {
    const mask = (1n << 64n) - 1n;
    let x = this.s0;
    const y = this.s1;
    this.s0 = y;
    x = (x ^ (x << 23n)) & mask;
    this.s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return (this.s1 + y) & mask;
  }

  int(max: number): number {
    return Number(this.next() % BigInt(max));
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i += 8) {
      const v = this.next();
      for (let j = 0; j < 8 && i + j < n; j++) out[i + j] = Number((v >> BigInt(j * 8)) & 0xffn);
    }
    return out;
  }

  hex(n: number): string {
    return this.bytes(Math.ceil(n / 2))
      .toString('hex')
      .slice(0, n);
  }

  uid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'team-a',
  'team-b',
  'monitoring',
];
const APPS: Record<string, string[]> = {
  'team-a': ['web', 'api', 'cache'],
  'team-b': ['worker', 'scheduler'],
  monitoring: ['prometheus', 'grafana'],
  default: ['hello'],
};
const EPOCH = 1_735_689_600; // 2025-01-01T00:00:00Z

type Entry = [string, Buffer];

class Builder {
  readonly entries: Entry[] = [];
  private clock = EPOCH;

  constructor(readonly rnd: Random) {}

  meta(name: string, namespace?: string, labels?: Record<string, string>) {
    this.clock += 1 + this.rnd.int(600);
    return {
      name,
      ...(namespace ? { namespace } : {}),
      uid: this.rnd.uid(),
      creationTimestamp: this.clock,
      ...(labels ? { labels } : {}),
    };
  }

  add(key: string, value: Buffer): void {
    this.entries.push([key, value]);
  }

  builtin(
    resource: string,
    apiVersion: string,
    kind: string,
    name: string,
    namespace: string | undefined,
    rest: Field[] = [],
    labels?: Record<string, string>,
  ) {
    const key = `/registry/${resource}/${namespace ? `${namespace}/` : ''}${name}`;
    this.add(key, storedObject(apiVersion, kind, this.meta(name, namespace, labels), rest));
    return key;
  }
}

function podSpec(image: string, node: string): Field[] {
  return [
    [
      2,
      [
        [
          2,
          [
            [1, 'main'],
            [2, image],
            [10, 'File'],
          ],
        ],
        [10, node],
        [11, 'default'],
      ],
    ],
  ];
}

function buildSeed(
  rnd: Random,
  nodeName: string,
  apiServerAddress: string,
): { b: Builder; podKeys: string[]; secretKeys: string[]; encrypted: number } {
  const b = new Builder(rnd);
  const podKeys: string[] = [];
  const secretKeys: string[] = [];
  let encrypted = 0;
  for (const ns of NAMESPACES) {
    b.builtin(
      'namespaces',
      'v1',
      'Namespace',
      ns,
      undefined,
      [
        [2, [[1, 'kubernetes']]],
        [3, [[1, 'Active']]],
      ],
      {
        'kubernetes.io/metadata.name': ns,
      },
    );
    b.builtin(
      'configmaps',
      'v1',
      'ConfigMap',
      'kube-root-ca.crt',
      ns,
      mapEntries(2, { 'ca.crt': `-----BEGIN CERTIFICATE-----\n${rnd.hex(64)}\n-----END CERTIFICATE-----\n` }),
    );
    b.builtin('serviceaccounts', 'v1', 'ServiceAccount', 'default', ns);
  }
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    podKeys.push(
      b.builtin(
        'pods',
        'v1',
        'Pod',
        `${c}-${nodeName}`,
        'kube-system',
        podSpec(`registry.k8s.io/${c}`, nodeName),
        { component: c, tier: 'control-plane' },
      ),
    );
  }
  for (const cm of [
    'coredns',
    'kubeadm-config',
    'kubelet-config',
    'kube-proxy',
    'extension-apiserver-authentication',
  ]) {
    b.builtin(
      'configmaps',
      'v1',
      'ConfigMap',
      cm,
      'kube-system',
      mapEntries(2, { config: `# ${cm}\n${rnd.hex(48)}\n` }),
    );
  }
  b.builtin('deployments', 'apps/v1', 'Deployment', 'coredns', 'kube-system', [[2, [[1, 2]]]], {
    'k8s-app': 'kube-dns',
  });
  for (let i = 0; i < 2; i++) {
    podKeys.push(
      b.builtin(
        'pods',
        'v1',
        'Pod',
        `coredns-5d78c9869d-${rnd.hex(5)}`,
        'kube-system',
        podSpec('registry.k8s.io/coredns/coredns:v1.11.3', nodeName),
        { 'k8s-app': 'kube-dns' },
      ),
    );
  }
  b.builtin('services/specs', 'v1', 'Service', 'kubernetes', 'default', [
    [
      2,
      [
        [3, '10.96.0.1'],
        [4, 'ClusterIP'],
      ],
    ],
  ]);
  b.builtin('services/endpoints', 'v1', 'Endpoints', 'kubernetes', 'default');
  b.builtin('services/specs', 'v1', 'Service', 'kube-dns', 'kube-system', [
    [
      2,
      [
        [3, '10.96.0.10'],
        [4, 'ClusterIP'],
      ],
    ],
  ]);
  b.builtin('services/endpoints', 'v1', 'Endpoints', 'kube-dns', 'kube-system');
  for (const [ns, apps] of Object.entries(APPS)) {
    for (const app of apps) {
      const labels = { app };
      b.builtin('deployments', 'apps/v1', 'Deployment', app, ns, [[2, [[1, 3]]]], labels);
      b.builtin('replicasets', 'apps/v1', 'ReplicaSet', `${app}-${rnd.hex(10)}`, ns, [], labels);
      for (let i = 0; i < 3; i++) {
        podKeys.push(
          b.builtin(
            'pods',
            'v1',
            'Pod',
            `${app}-${rnd.hex(10)}-${rnd.hex(5)}`,
            ns,
            podSpec(`ghcr.io/example/${app}:1.${i}`, nodeName),
            labels,
          ),
        );
      }
      b.builtin(
        'services/specs',
        'v1',
        'Service',
        app,
        ns,
        [
          [
            2,
            [
              [3, `10.96.${rnd.int(250)}.${1 + rnd.int(250)}`],
              [4, 'ClusterIP'],
            ],
          ],
        ],
        labels,
      );
      b.builtin('services/endpoints', 'v1', 'Endpoints', app, ns, [], labels);
      b.builtin(
        'configmaps',
        'v1',
        'ConfigMap',
        `${app}-config`,
        ns,
        mapEntries(2, { 'app.yaml': `name: ${app}\nreplicas: 3\n` }),
        labels,
      );
      // Half the app secrets are encrypted at rest, as with an EncryptionConfiguration using aescbc.
      for (const kind of ['tls', 'credentials']) {
        const name = `${app}-${kind}`;
        const key = `/registry/secrets/${ns}/${name}`;
        if (kind === 'credentials') {
          b.add(key, Buffer.concat([Buffer.from('k8s:enc:aescbc:v1:key1:'), rnd.bytes(64 + rnd.int(400))]));
          encrypted++;
        } else {
          b.builtin('secrets', 'v1', 'Secret', name, ns, [
            ...mapEntries(2, { 'tls.crt': rnd.bytes(48), 'tls.key': rnd.bytes(32) }),
            [3, 'kubernetes.io/tls'],
          ]);
        }
        secretKeys.push(key);
      }
    }
  }
  for (const ns of NAMESPACES) {
    b.add(
      `/registry/secrets/${ns}/default-token-${rnd.hex(5)}`,
      Buffer.concat([Buffer.from('k8s:enc:aescbc:v1:key1:'), rnd.bytes(96)]),
    );
    encrypted++;
  }
  const crds = [
    { group: 'example.com', plural: 'widgets', kind: 'Widget' },
    { group: 'cert-manager.io', plural: 'certificates', kind: 'Certificate' },
  ];
  for (const crd of crds) {
    const name = `${crd.plural}.${crd.group}`;
    b.add(
      `/registry/apiextensions.k8s.io/customresourcedefinitions/${name}`,
      Buffer.from(
        `${JSON.stringify({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: b.meta(name), spec: { group: crd.group, names: { plural: crd.plural, kind: crd.kind }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] } })}\n`,
      ),
    );
    for (const ns of ['team-a', 'team-b']) {
      for (let i = 0; i < 3; i++) {
        const crName = `${crd.kind.toLowerCase()}-${i}`;
        b.add(
          `/registry/${crd.group}/${crd.plural}/${ns}/${crName}`,
          Buffer.from(
            `${JSON.stringify({ apiVersion: `${crd.group}/v1`, kind: crd.kind, metadata: b.meta(crName, ns), spec: { size: rnd.int(10) } })}\n`,
          ),
        );
      }
    }
  }
  b.add(
    '/registry/apiregistration.k8s.io/apiservices/v1.apps',
    Buffer.from(
      `${JSON.stringify({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: b.meta('v1.apps'), spec: { group: 'apps', version: 'v1' } })}\n`,
    ),
  );
  b.builtin('leases', 'coordination.k8s.io/v1', 'Lease', nodeName, 'kube-node-lease', [
    [
      2,
      [
        [1, nodeName],
        [2, 40],
      ],
    ],
  ]);
  for (const l of ['kube-controller-manager', 'kube-scheduler']) {
    b.builtin('leases', 'coordination.k8s.io/v1', 'Lease', l, 'kube-system', [
      [
        2,
        [
          [1, `${nodeName}_${rnd.uid()}`],
          [2, 15],
        ],
      ],
    ]);
  }
  b.builtin('minions', 'v1', 'Node', nodeName, undefined, [], {
    'node-role.kubernetes.io/control-plane': '',
  });
  b.builtin('clusterroles', 'rbac.authorization.k8s.io/v1', 'ClusterRole', 'cluster-admin', undefined);
  b.builtin(
    'clusterrolebindings',
    'rbac.authorization.k8s.io/v1',
    'ClusterRoleBinding',
    'kubeadm:cluster-admins',
    undefined,
  );
  b.builtin('priorityclasses', 'scheduling.k8s.io/v1', 'PriorityClass', 'system-node-critical', undefined);
  b.add(
    `/registry/masterleases/${apiServerAddress}`,
    storedObject('v1', 'Endpoints', b.meta(apiServerAddress)),
  );
  b.add('/registry/ranges/serviceips', storedObject('v1', 'RangeAllocation', b.meta('')));
  b.add('/registry/ranges/servicenodeports', storedObject('v1', 'RangeAllocation', b.meta('')));
  return { b, podKeys, secretKeys, encrypted };
}

/** The resource name a snapshot inventory gives a key (see the research notes' classifier). */
export function resourceOf(key: string): string | undefined {
  if (!key.startsWith('/registry/')) return undefined;
  const parts = key.slice('/registry/'.length).split('/');
  if (parts[0]!.includes('.') || parts[0] === 'services') return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

async function putAll(client: SandboxEtcdClient, entries: Entry[], batch = 64): Promise<void> {
  for (let i = 0; i < entries.length; i += batch) await client.putMany(entries.slice(i, i + batch));
}

export async function seedCluster(
  client: SandboxEtcdClient,
  options: {
    seed: string;
    fill?: number;
    nodeName?: string;
    /** The first node's address: its (stand-in) API server's master lease names it, as a real one's would. */
    apiServerAddress?: string;
    /**
     * A real kube-apiserver reads this etcd: write only the fill, as JSON objects it can decode (the seed proper
     * then goes through the API, see seed-api.ts).
     */
    apiReadable?: boolean;
    log?: (line: string) => void;
    signal?: AbortSignal;
  },
): Promise<SeedSummary> {
  if (options.apiReadable) return fillOnly(client, options);
  const rnd = new Random(options.seed);
  const nodeName = options.nodeName ?? `${options.seed}-control-plane`;
  const {
    b,
    podKeys,
    secretKeys,
    encrypted: encryptedBase,
  } = buildSeed(rnd, nodeName, options.apiServerAddress ?? '198.18.0.1');
  let encrypted = encryptedBase;
  const live = new Map<string, Buffer>();
  await putAll(client, b.entries);
  for (const [k, v] of b.entries) live.set(k, v);
  // History like a running cluster's: pods and leases get rewritten, some pods and a secret get deleted.
  for (let round = 0; round < 3; round++) {
    const updates: Entry[] = podKeys.map((k) => [
      k,
      Buffer.concat([live.get(k)!, Buffer.from([0x1a, 0x02, 0x0a, round])]),
    ]);
    for (const k of [...live.keys()].filter((k) => k.startsWith('/registry/leases/'))) {
      updates.push([k, live.get(k)!]);
    }
    await putAll(client, updates);
  }
  const deleted = podKeys.filter((_, i) => i % 5 === 4);
  deleted.push(secretKeys[0]!);
  if (live.get(secretKeys[0]!)?.subarray(0, 8).toString() === 'k8s:enc:') encrypted--;
  for (const k of deleted) {
    await client.deleteRange(k);
    live.delete(k);
  }
  const extras: Entry[] = [
    ['/sandbox/seed', Buffer.from(options.seed)],
    ['/app/config/feature-flags', Buffer.from('{"newCheckout":true,"darkMode":false}')],
    ['leader-election/lock', Buffer.from(rnd.uid())],
  ];
  await putAll(client, extras);
  // kube-apiserver records the revision it compacted to in compact_rev_key, then compacts.
  const before = await client.range('compact_rev_key', { countOnly: true });
  const compactRevision = before.revision;
  await client.put('compact_rev_key', String(compactRevision));
  await client.compact(compactRevision, true);
  // A few writes after the compaction, so the snapshot holds history past it.
  const after: Entry[] = [];
  for (const k of podKeys.filter((k) => live.has(k)).slice(0, 5))
    after.push([k, Buffer.concat([live.get(k)!, Buffer.from([0x1a, 0x02, 0x0a, 9])])]);
  await putAll(client, after);
  const byResource: Record<string, number> = {};
  for (const k of live.keys()) {
    const r = resourceOf(k);
    if (r) byResource[r] = (byResource[r] ?? 0) + 1;
  }
  const nonKubernetesKeys = extras.length + 1;
  let fillBytes = 0;
  if (options.fill) {
    const filled = await fill(client, rnd, options.fill, options.log ?? (() => {}), options.signal);
    fillBytes = filled.bytes;
    for (const [r, n] of Object.entries(filled.counts)) byResource[r] = (byResource[r] ?? 0) + n;
  }
  const status = await client.range('/', { countOnly: true });
  const totalKeys = Object.values(byResource).reduce((a, n) => a + n, 0) + nonKubernetesKeys;
  return {
    byResource,
    nonKubernetesKeys,
    totalKeys,
    encryptedSecrets: encrypted,
    compactRevision: String(compactRevision),
    revision: String(status.revision),
    fillBytes,
  };
}

async function fillOnly(
  client: SandboxEtcdClient,
  options: { seed: string; fill?: number; log?: (line: string) => void; signal?: AbortSignal },
): Promise<SeedSummary> {
  const filled = await fill(
    client,
    new Random(options.seed),
    options.fill ?? 0,
    options.log ?? (() => {}),
    options.signal,
    'json',
  );
  const status = await client.range('/', { countOnly: true });
  return {
    byResource: filled.counts,
    nonKubernetesKeys: 0,
    totalKeys: Object.values(filled.counts).reduce((a, n) => a + n, 0),
    encryptedSecrets: 0,
    compactRevision: '0',
    revision: String(status.revision),
    fillBytes: filled.bytes,
  };
}

/** A stored object as JSON, which kube-apiserver's storage decoder accepts as well as its protobuf. */
function jsonObject(
  kind: string,
  meta: { name: string; namespace?: string; uid: string; created: number },
  rest: object,
) {
  const metadata = {
    name: meta.name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    uid: meta.uid,
    creationTimestamp: new Date(meta.created * 1000).toISOString().replace('.000Z', 'Z'),
  };
  return Buffer.from(JSON.stringify({ apiVersion: 'v1', kind, metadata, ...rest }));
}

/**
 * Bulk data for big databases: configmap-, secret- and event-like objects whose values repeat structure (keys,
 * comments, field names) around short random tokens, which compresses about as well as real cluster data.
 */
async function fill(
  client: SandboxEtcdClient,
  rnd: Random,
  bytes: number,
  log: (line: string) => void,
  signal: AbortSignal | undefined,
  encoding: 'protobuf' | 'json' = 'protobuf',
): Promise<{ bytes: number; counts: Record<string, number> }> {
  const json = encoding === 'json';
  const pool = rnd.bytes(1 << 20).toString('hex');
  const token = (n: number) => {
    const at = rnd.int(pool.length - n);
    return pool.slice(at, at + n);
  };
  const counts: Record<string, number> = {};
  let written = 0;
  let seq = 0;
  let lastLog = Date.now();
  const makeEntry = (): Entry => {
    const i = seq++;
    const ns = `bulk-${i % 16}`;
    const kind = i % 4;
    const lines: string[] = [];
    const target = 4096 + rnd.int(12288);
    let size = 0;
    for (let l = 0; size < target; l++) {
      const line = `  setting.${['server', 'client', 'cache', 'queue'][l % 4]}.option-${l} = ${token(28)}  # tuned by ops, see runbook section ${l % 17}\n`;
      lines.push(line);
      size += line.length;
    }
    const body = lines.join('');
    let key: string;
    let value: Buffer;
    if (kind === 0 || kind === 1) {
      key = `/registry/configmaps/${ns}/config-${i}`;
      const meta = { name: `config-${i}`, namespace: ns, uid: rnd.uid(), created: EPOCH + i };
      value = json
        ? jsonObject('ConfigMap', meta, { data: { 'settings.conf': body } })
        : storedObject(
            'v1',
            'ConfigMap',
            { name: meta.name, namespace: ns, uid: meta.uid, creationTimestamp: meta.created },
            mapEntries(2, { 'settings.conf': body }),
          );
    } else if (kind === 2) {
      key = `/registry/secrets/${ns}/secret-${i}`;
      const meta = { name: `secret-${i}`, namespace: ns, uid: rnd.uid(), created: EPOCH + i };
      value = json
        ? jsonObject('Secret', meta, { type: 'Opaque', data: { data: Buffer.from(body).toString('base64') } })
        : storedObject(
            'v1',
            'Secret',
            { name: meta.name, namespace: ns, uid: meta.uid, creationTimestamp: meta.created },
            mapEntries(2, { data: Buffer.from(body) }),
          );
    } else {
      key = `/registry/events/${ns}/pod-${i}.${token(16)}`;
      const meta = { name: key.split('/').pop()!, namespace: ns, uid: rnd.uid(), created: EPOCH + i };
      const event = {
        involvedObject: { kind: 'Pod', namespace: ns, name: `pod-${i}` },
        reason: 'Pulled',
        message: body.slice(0, 2048),
        type: 'Normal',
      };
      value = json
        ? jsonObject('Event', meta, event)
        : storedObject(
            'v1',
            'Event',
            { name: meta.name, namespace: ns, uid: meta.uid, creationTimestamp: meta.created },
            [[3, `Pulled: ${body.slice(0, 2048)}`]],
          );
    }
    const r = resourceOf(key)!;
    counts[r] = (counts[r] ?? 0) + 1;
    return [key, value];
  };
  const namespaces: Entry[] = [];
  for (let n = 0; n < 16; n++) {
    const meta = { name: `bulk-${n}`, uid: rnd.uid(), created: EPOCH };
    namespaces.push([
      `/registry/namespaces/bulk-${n}`,
      json
        ? jsonObject('Namespace', meta, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
        : storedObject('v1', 'Namespace', { name: meta.name, uid: meta.uid, creationTimestamp: EPOCH }),
    ]);
  }
  counts.namespaces = namespaces.length;
  await client.putMany(namespaces);
  // etcd's default request limit is 1.5 MiB: batches stay under 1 MiB; a few in flight keep it busy.
  const inFlight = new Set<Promise<unknown>>();
  let failure: unknown;
  while (written < bytes && !signal?.aborted) {
    const batch: Entry[] = [];
    let batchBytes = 0;
    while (batchBytes < 900_000 && batch.length < 100 && written + batchBytes < bytes) {
      const e = makeEntry();
      batch.push(e);
      batchBytes += e[0].length + e[1].length;
    }
    written += batchBytes;
    const p: Promise<unknown> = client
      .putMany(batch)
      .catch((e: unknown) => {
        failure ??= e;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 4) await Promise.race(inFlight);
    if (failure) break;
    if (Date.now() - lastLog > 3000) {
      lastLog = Date.now();
      log(`fill: ${formatBytes(written)} of ${formatBytes(bytes)}`);
    }
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  signal?.throwIfAborted();
  return { bytes: written, counts };
}
