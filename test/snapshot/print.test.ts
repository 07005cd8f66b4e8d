import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/snapshot/inventory';
import { formatInventory } from '../../src/snapshot/print';

const inventory: Inventory = {
  prefix: '/registry',
  liveKeys: 30,
  kubernetesObjects: 28,
  resources: [
    {
      resource: 'configmaps',
      count: 20,
      namespaces: { a: 1, b: 9, c: 4, d: 6 },
      kinds: { 'v1 ConfigMap': 20 },
      encrypted: 0,
    },
    { resource: 'namespaces', count: 8, namespaces: { '': 8 }, kinds: { 'v1 Namespace': 8 }, encrypted: 0 },
  ],
  namespaces: { a: 1, b: 9, c: 4, d: 6 },
  clusterScoped: 8,
  secrets: { total: 0, encrypted: 0, plain: 0, providers: {} },
  encodings: { protobuf: 28, json: 0, cbor: 0, encrypted: 0, other: 0 },
  otherKeys: 2,
};

describe('the inventory as inspect prints it', () => {
  it('takes one line per resource, the biggest namespaces inline and the rest counted', () => {
    const lines = formatInventory(inventory).split('\n');
    expect(lines).toHaveLength(4 + inventory.resources.length);
    expect(lines.find((l) => l.includes('configmaps'))).toMatch(
      /20 {2}v1 ConfigMap 20 {2}in b 9, d 6, c 4 \(\+1 namespaces\)$/,
    );
    expect(lines.find((l) => l.includes(' namespaces '))).toMatch(/8 {2}v1 Namespace 8$/);
  });

  it('says the live keys are counted as a drill counts them', () => {
    expect(formatInventory(inventory).split('\n')[0]).toMatch(
      /live keys: 30 \(the latest revision of each key/,
    );
  });
});
