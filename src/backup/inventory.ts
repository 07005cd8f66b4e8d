import type { Inventory as MetadataInventory } from '../format';
import { CompactKeyMap } from '../snapshot/compact-key-map';
import { countTable } from '../snapshot/inventory';
import { REGISTRY_PREFIX, resourceName } from '../snapshot/kubernetes';
import type { LiveKeys } from '../snapshot/live-keys';

const SLASH = 0x2f;
const DOT = 0x2e;
const PREFIX = Buffer.from(`${REGISTRY_PREFIX}/`, 'latin1');
const SERVICES = Buffer.from('services', 'latin1');
const NAMESPACED = 1;
const CLUSTER_SCOPED = 0;

/**
 * The counts the metadata keeps (by type and namespace, never names) from a snapshot's live keys: what
 * `buildInventory` counts (resources and namespaces as classifyKey tells them), read from the key bytes in
 * place. Keys are grouped by (resource, namespace) first, so no string is made per key: with hundreds of
 * thousands of keys, strings per key would be garbage enough to fill V8's whole young generation.
 *
 * Splitting bytes at '/' and decoding the parts equals decoding the key and splitting it: UTF-8 never uses
 * 0x2f inside a character, and a decoder never folds an ASCII byte into a replacement character.
 */
export function summarizeInventory(live: LiveKeys): MetadataInventory {
  // Group key: a namespaced flag byte, the resource part's bytes, and for namespaced keys '/' + namespace.
  const groups = new CompactKeyMap({ count: Float64Array });
  let scratch = Buffer.allocUnsafe(256);
  live.forEachKey((buf, start, end) => {
    if (end - start < PREFIX.length || !equalsBytes(buf, start, start + PREFIX.length, PREFIX)) return;
    const rest = start + PREFIX.length;
    const first = indexOfSlash(buf, rest, end);
    const grouped = first >= 0 && (hasDot(buf, rest, first) || equalsBytes(buf, rest, first, SERVICES));
    // The resource is one part, or two for grouped types (`apps.example.com/widgets`, `services/specs`).
    let resourceEnd: number;
    if (grouped) {
      const second = indexOfSlash(buf, first + 1, end);
      resourceEnd = second < 0 ? end : second;
    } else {
      resourceEnd = first < 0 ? end : first;
    }
    // What follows the resource: one part (a name: cluster-scoped), two (namespace and name), or other.
    let namespaceEnd = -1;
    if (resourceEnd < end) {
      const afterNamespace = indexOfSlash(buf, resourceEnd + 1, end);
      if (afterNamespace >= 0 && indexOfSlash(buf, afterNamespace + 1, end) < 0)
        namespaceEnd = afterNamespace;
    }
    const length = 1 + (namespaceEnd >= 0 ? namespaceEnd : resourceEnd) - rest;
    if (scratch.length < length) scratch = Buffer.allocUnsafe(length * 2);
    scratch[0] = namespaceEnd >= 0 ? NAMESPACED : CLUSTER_SCOPED;
    buf.copy(scratch, 1, rest, namespaceEnd >= 0 ? namespaceEnd : resourceEnd);
    groups.columns.count[groups.setRange(scratch, 0, length)]! += 1;
  });

  // Groups in the order their first key came, so namespaces are listed in the order buildInventory meets them.
  const byResource = new Map<string, number>();
  const namespaces = countTable();
  let clusterScoped = 0;
  groups.forEachLiveKey((buf, start, end, entry) => {
    const count = groups.columns.count[entry]!;
    const namespaced = buf[start] === NAMESPACED;
    const lastSlash = namespaced ? buf.lastIndexOf(SLASH, end - 1) : end;
    const resource = resourceName(buf.toString('utf8', start + 1, lastSlash));
    byResource.set(resource, (byResource.get(resource) ?? 0) + count);
    if (!namespaced) clusterScoped += count;
    else {
      const namespace = buf.toString('utf8', lastSlash + 1, end);
      namespaces[namespace] = (namespaces[namespace] ?? 0) + count;
    }
  });
  const byType = countTable();
  for (const resource of [...byResource.keys()].sort((a, b) => (a < b ? -1 : 1)))
    byType[resource] = byResource.get(resource)!;
  const byNamespace = Object.assign(countTable(), namespaces);
  if (clusterScoped > 0) byNamespace[''] = clusterScoped;
  return { byType, byNamespace };
}

function indexOfSlash(buf: Buffer, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === SLASH) return i;
  return -1;
}

function hasDot(buf: Buffer, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (buf[i] === DOT) return true;
  return false;
}

function equalsBytes(buf: Buffer, from: number, end: number, word: Buffer): boolean {
  if (end - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[from + i] !== word[i]) return false;
  return true;
}
