import type { Inventory as MetadataInventory } from '../backup/metadata';
import { buildInventory } from '../snapshot';
import type { LiveKeys } from '../snapshot/live-keys';

/** The counts the metadata keeps (by type and namespace, never names) from a snapshot's live keys. */
export function summarizeInventory(live: LiveKeys): MetadataInventory {
  const inventory = buildInventory(live);
  const byType: Record<string, number> = {};
  for (const resource of inventory.resources) byType[resource.resource] = resource.count;
  const byNamespace: Record<string, number> = { ...inventory.namespaces };
  if (inventory.clusterScoped > 0) byNamespace[''] = inventory.clusterScoped;
  return { byType, byNamespace };
}
