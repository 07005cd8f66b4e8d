import { analyzeSnapshot, type VerifyOptions } from './analyze';
import { SnapshotError } from './errors';
import {
  classifyKey,
  type KubernetesKey,
  type KubernetesValue,
  REGISTRY_PREFIX,
  type ValueEncoding,
} from './kubernetes';
import type { LiveKeys } from './live-keys';
import type { SnapshotReport } from './report';

export interface InventoryOptions {
  /** kube-apiserver's --etcd-prefix; default /registry. */
  prefix?: string;
  /** Include object names (namespace/name) and the other keys. Off by default: names stay on the machine. */
  names?: boolean;
}

export interface ResourceCount {
  /** `pods`, `deployments`, `apiextensions.k8s.io/customresourcedefinitions`, `example.com/widgets`, ... */
  resource: string;
  count: number;
  /** Namespaced objects per namespace; cluster-scoped objects are counted under "". */
  namespaces: Record<string, number>;
  /** `apiVersion kind` read from the stored value, e.g. `v1 Pod`; `(encrypted)` when it cannot be read. */
  kinds: Record<string, number>;
  /** Values encrypted at rest (k8s:enc:...). */
  encrypted: number;
  /** `namespace/name` or `name`, only with the names option. */
  names?: string[];
}

export interface Inventory {
  prefix: string;
  /** Live user keys in the snapshot (what etcd 3.6 and later count as totalKey). */
  liveKeys: number;
  /** Live keys under the prefix. */
  kubernetesObjects: number;
  resources: ResourceCount[];
  /** Namespaced Kubernetes objects per namespace. */
  namespaces: Record<string, number>;
  clusterScoped: number;
  secrets: { total: number; encrypted: number; plain: number; providers: Record<string, number> };
  encodings: Record<ValueEncoding, number>;
  /** Live keys outside the prefix (e.g. compact_rev_key, other applications). */
  otherKeys: number;
  otherKeyNames?: string[];
}

/** A table of counts keyed by names read from the snapshot: no prototype, so 'constructor' is just a name. */
export function countTable(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/** Counts live keys by resource type and namespace, from a replay made with liveKeys: 'detailed'. */
export function buildInventory(live: LiveKeys, options: InventoryOptions = {}): Inventory {
  const prefix = options.prefix ?? REGISTRY_PREFIX;
  const inventory = emptyInventory(prefix, live.size);
  const resources = new Map<string, ResourceCount>();
  const otherNames: string[] = [];
  for (const [rawKey, object] of live.entries()) {
    const key = Buffer.from(rawKey, 'latin1').toString('utf8');
    const k8s = classifyKey(key, prefix);
    if (!k8s) {
      inventory.otherKeys++;
      if (options.names) otherNames.push(key);
      continue;
    }
    inventory.kubernetesObjects++;
    const entry = resourceEntry(resources, k8s.resource, options.names);
    countObject(inventory, entry, k8s, key);
    if (object) countValue(inventory, entry, k8s.resource, object.value);
  }
  inventory.resources = [...resources.values()].sort((a, b) => (a.resource < b.resource ? -1 : 1));
  for (const r of inventory.resources) r.names?.sort();
  if (options.names) inventory.otherKeyNames = otherNames.sort();
  return inventory;
}

function emptyInventory(prefix: string, liveKeys: number): Inventory {
  return {
    prefix,
    liveKeys,
    kubernetesObjects: 0,
    resources: [],
    namespaces: countTable(),
    clusterScoped: 0,
    secrets: { total: 0, encrypted: 0, plain: 0, providers: countTable() },
    encodings: { protobuf: 0, json: 0, cbor: 0, encrypted: 0, other: 0 },
    otherKeys: 0,
  };
}

/** The resource's counts, made on its first object. */
function resourceEntry(
  resources: Map<string, ResourceCount>,
  resource: string,
  names: boolean | undefined,
): ResourceCount {
  let entry = resources.get(resource);
  if (!entry) {
    entry = { resource, count: 0, namespaces: countTable(), kinds: countTable(), encrypted: 0 };
    if (names) entry.names = [];
    resources.set(resource, entry);
  }
  return entry;
}

/** Counts one Kubernetes object by its key: its resource, its namespace (or cluster scope), its name. */
function countObject(inventory: Inventory, entry: ResourceCount, k8s: KubernetesKey, key: string): void {
  entry.count++;
  bump(entry.namespaces, k8s.namespace ?? '');
  if (k8s.namespace === undefined) inventory.clusterScoped++;
  else bump(inventory.namespaces, k8s.namespace);
  entry.names?.push(k8s.namespace === undefined ? (k8s.name ?? key) : `${k8s.namespace}/${k8s.name}`);
}

/** Counts one object's stored value: its encoding, its kind, and for a secret whether it is encrypted. */
function countValue(
  inventory: Inventory,
  entry: ResourceCount,
  resource: string,
  value: KubernetesValue,
): void {
  inventory.encodings[value.encoding]++;
  if (value.encoding === 'encrypted') entry.encrypted++;
  bump(entry.kinds, kindOf(value));
  if (resource !== 'secrets') return;
  inventory.secrets.total++;
  if (value.encoding === 'encrypted') {
    inventory.secrets.encrypted++;
    bump(inventory.secrets.providers, value.provider ?? 'unknown');
  } else {
    inventory.secrets.plain++;
  }
}

/** `apiVersion kind` as read from the value; `(encrypted)`, or `(encoding)` when it names no kind. */
function kindOf(value: KubernetesValue): string {
  if (value.encoding === 'encrypted') return '(encrypted)';
  return value.kind ? `${value.apiVersion ?? '?'} ${value.kind}` : `(${value.encoding})`;
}

/** Verifies a snapshot and counts what Kubernetes keeps in it. Throws SnapshotError if the tree is damaged. */
export async function inventorySnapshot(
  path: string,
  options: InventoryOptions & Pick<VerifyOptions, 'etcdCompat'> = {},
): Promise<{ report: SnapshotReport; inventory: Inventory }> {
  const { report, liveKeys } = await analyzeSnapshot(path, {
    etcdCompat: options.etcdCompat,
    liveKeys: 'detailed',
  });
  if (!liveKeys) throw damaged(report, 'count its keys');
  return { report, inventory: buildInventory(liveKeys, options) };
}

export function damaged(report: SnapshotReport, what: string): SnapshotError {
  const first = report.integrity.problems.find((p) => p.severity === 'error');
  return new SnapshotError(
    `cannot ${what} in '${report.path}': ${first?.message ?? 'the snapshot is damaged'}`,
    {
      hint: 'run `etcd-backup inspect` on it for every problem found; use another backup',
    },
  );
}
