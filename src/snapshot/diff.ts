import { analyzeSnapshot, type VerifyOptions } from './analyze';
import { damaged } from './inventory';
import { classifyKey, REGISTRY_PREFIX } from './kubernetes';
import type { LiveKeys, LiveObject } from './live-keys';
import type { SnapshotReport } from './report';

export interface DiffOptions {
  prefix?: string;
  /** List the keys that differ. Off by default: object names stay on the machine. */
  names?: boolean;
}

/** Changes from snapshot A (the base) to snapshot B in one resource type and namespace. */
export interface DiffGroup {
  /** Resource type as in the inventory; `(other)` for keys outside the prefix. */
  resource: string;
  /** Namespace; "" for cluster-scoped objects and other keys. */
  namespace: string;
  added: number;
  removed: number;
  changed: number;
}

export interface SnapshotDiff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  groups: DiffGroup[];
  /** Full etcd keys, only with the names option. */
  names?: { added: string[]; removed: string[]; changed: string[] };
}

export const OTHER_KEYS = '(other)';

function sameValue(a: LiveObject | null, b: LiveObject | null): boolean {
  if (!a || !b) return a === b;
  return a.valueCrc === b.valueCrc && a.valueSize === b.valueSize;
}

/** Compares the live keys of two snapshots: a key is changed when its value differs (CRC-32 and size). */
export function diffLiveKeys(a: LiveKeys, b: LiveKeys, options: DiffOptions = {}): SnapshotDiff {
  const prefix = options.prefix ?? REGISTRY_PREFIX;
  const diff: SnapshotDiff = { added: 0, removed: 0, changed: 0, unchanged: 0, groups: [] };
  if (options.names) diff.names = { added: [], removed: [], changed: [] };
  const groups = new Map<string, DiffGroup>();
  const note = (rawKey: string, change: 'added' | 'removed' | 'changed') => {
    const key = Buffer.from(rawKey, 'latin1').toString('utf8');
    const k8s = classifyKey(key, prefix);
    const resource = k8s?.resource ?? OTHER_KEYS;
    const namespace = k8s?.namespace ?? '';
    const id = `${resource}\0${namespace}`;
    let group = groups.get(id);
    if (!group) {
      group = { resource, namespace, added: 0, removed: 0, changed: 0 };
      groups.set(id, group);
    }
    group[change]++;
    diff[change]++;
    diff.names?.[change].push(key);
  };
  for (const [key, before] of a.entries()) {
    const after = b.get(key);
    if (after === undefined) note(key, 'removed');
    else if (!sameValue(before, after)) note(key, 'changed');
    else diff.unchanged++;
  }
  for (const key of b.keys()) if (!a.has(key)) note(key, 'added');
  diff.groups = [...groups.values()].sort((x, y) =>
    x.resource === y.resource ? (x.namespace < y.namespace ? -1 : 1) : x.resource < y.resource ? -1 : 1,
  );
  if (diff.names) for (const list of Object.values(diff.names)) list.sort();
  return diff;
}

/**
 * What differs between two snapshots, by resource type and namespace: the basis for restore checks and
 * drills. Both are verified first; throws SnapshotError if either tree is damaged.
 */
export async function diffSnapshots(
  base: string,
  other: string,
  options: DiffOptions & Pick<VerifyOptions, 'etcdCompat'> = {},
): Promise<{ base: SnapshotReport; other: SnapshotReport; diff: SnapshotDiff }> {
  const verify = { etcdCompat: options.etcdCompat, liveKeys: 'detailed' } as const;
  const a = await analyzeSnapshot(base, verify);
  if (!a.liveKeys) throw damaged(a.report, 'compare the keys');
  const b = await analyzeSnapshot(other, verify);
  if (!b.liveKeys) throw damaged(b.report, 'compare the keys');
  return { base: a.report, other: b.report, diff: diffLiveKeys(a.liveKeys, b.liveKeys, options) };
}
