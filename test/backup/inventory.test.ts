import { describe, expect, it } from 'vitest';
import { summarizeInventory } from '../../src/backup/inventory';
import type { Inventory as MetadataInventory } from '../../src/format';
import { buildInventory, countTable } from '../../src/snapshot/inventory';
import { LiveKeys } from '../../src/snapshot/live-keys';
import { seededRandom } from '../support/random';

/** The summary as it was made before: from buildInventory's strings, one per key. */
function summaryThroughStrings(live: LiveKeys): MetadataInventory {
  const inventory = buildInventory(live);
  const byType = countTable();
  for (const resource of inventory.resources) byType[resource.resource] = resource.count;
  const byNamespace = Object.assign(countTable(), inventory.namespaces);
  if (inventory.clusterScoped > 0) byNamespace[''] = inventory.clusterScoped;
  return { byType, byNamespace };
}

function put(live: LiveKeys, key: Buffer, revision: number, tombstone = false): void {
  live.apply(
    { key, createRevision: revision, modRevision: revision, version: 1, value: Buffer.alloc(0) },
    tombstone,
  );
}

describe('summarizeInventory', () => {
  it('counts by type and namespace exactly as buildInventory does, in the same key order', () => {
    const next = seededRandom(0x1e57);
    const parts = [
      'pods',
      'services',
      'specs',
      'endpoints',
      'minions',
      'apps.example.com',
      'widgets',
      '',
      'kube-system',
      '12',
      'ns-\u00e9',
      'a.b',
      'controllers',
    ];
    const weird = [Buffer.from([0xe2, 0x2f, 0x61]), Buffer.from([0xff, 0xfe]), Buffer.from([0xc3, 0xa9])];
    const live = new LiveKeys(false);
    const keys: Buffer[] = [];
    for (let i = 0; i < 6000; i++) {
      const pieces: Buffer[] = [Buffer.from(next(10) === 0 ? '/other' : '/registry')];
      const n = next(6);
      for (let p = 0; p < n; p++) {
        const part =
          next(8) === 0 ? weird[next(weird.length)]! : Buffer.from(parts[next(parts.length)]!, 'utf8');
        pieces.push(Buffer.from('/'), part);
      }
      if (next(2) === 0) pieces.push(Buffer.from(`/obj-${next(50)}`));
      keys.push(Buffer.concat(pieces));
    }
    keys.push(Buffer.from('/registry'), Buffer.from('/registry/'), Buffer.from('/registr'), Buffer.from(''));
    let revision = 0;
    for (const key of keys) put(live, key, ++revision, next(7) === 0);
    for (let i = 0; i < 500; i++) put(live, keys[next(keys.length)]!, ++revision, next(3) === 0);

    const expected = summaryThroughStrings(live);
    const got = summarizeInventory(live);
    // Same keys in the same order, same counts: the metadata serialises these objects as they are.
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(Object.keys(expected.byType).length).toBeGreaterThan(10);
    expect(Object.keys(expected.byNamespace).length).toBeGreaterThan(5);
  });

  it('counts a kubeadm-like set of keys', () => {
    const live = new LiveKeys(false);
    const keys = [
      '/registry/pods/kube-system/etcd-node',
      '/registry/pods/default/web',
      '/registry/namespaces/default',
      '/registry/services/specs/default/kubernetes',
      '/registry/services/endpoints/default/kubernetes',
      '/registry/apiextensions.k8s.io/customresourcedefinitions/widgets.example.com',
      '/registry/example.com/widgets/default/w1',
      'compact_rev_key',
    ];
    for (const [i, k] of keys.entries()) put(live, Buffer.from(k), i + 1);
    expect(summarizeInventory(live)).toEqual({
      byType: {
        'apiextensions.k8s.io/customresourcedefinitions': 1,
        endpoints: 1,
        'example.com/widgets': 1,
        namespaces: 1,
        pods: 2,
        services: 1,
      },
      byNamespace: { 'kube-system': 1, default: 4, '': 2 },
    });
  });

  it('counts names that are also the names of object properties like any other name', () => {
    const live = new LiveKeys(false);
    const keys = [
      '/registry/pods/constructor/a',
      '/registry/pods/constructor/b',
      '/registry/pods/__proto__/c',
      '/registry/toString/x',
      '/registry/example.com/hasOwnProperty/valueOf/y',
    ];
    for (const [i, k] of keys.entries()) put(live, Buffer.from(k), i + 1);
    const expected = {
      byType: JSON.parse('{"example.com/hasOwnProperty": 1, "pods": 3, "toString": 1}'),
      byNamespace: JSON.parse('{"constructor": 2, "__proto__": 1, "valueOf": 1, "": 1}'),
    };
    expect(JSON.stringify(summarizeInventory(live))).toBe(JSON.stringify(expected));
    expect(JSON.stringify(summaryThroughStrings(live))).toBe(JSON.stringify(expected));
    const inventory = buildInventory(live);
    expect(inventory.resources.find((r) => r.resource === 'pods')?.namespaces.constructor).toBe(2);
  });
});
