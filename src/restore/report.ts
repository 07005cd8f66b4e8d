import type { KeyComparison } from './compare-keys';
import type { LeftoverObject } from './leftovers';
import { inHolding, type RestoreMode, type RestorePlan } from './plan';

export interface RestoreReport {
  backup: string;
  dryRun: boolean;
  /** Where `snapshot restore` ran, and why there. */
  restoredOn: 'runner' | 'node';
  restoredOnReason: string;
  /** Bytes sent to the nodes over SSH for the data (compressed), all nodes together. */
  bytesShipped: number;
  mode: RestoreMode;
  snapshotRevision: number;
  bump: number;
  members: Array<{
    name: string;
    node: string;
    dataDir: string;
    /** swap: the old data dir, moved aside. */
    oldDataKeptAt: string | undefined;
    /** new-dir: the original etcd.yaml, kept in the holding folder. */
    oldManifestKeptAt: string | undefined;
  }>;
  restoredRevision: number | undefined;
  keys: KeyComparison | undefined;
  /** Objects stored in namespaces that no longer exist, found once the controllers ran again. */
  objectsInMissingNamespaces: LeftoverObject[] | undefined;
  warnings: string[];
  timingsMs: Record<string, number>;
}

/** The report as the plan has it; the restore fills in what it shipped and what the check found. */
export function reportOf(
  plan: RestorePlan,
  dryRun: boolean,
  timingsMs: Record<string, number>,
): RestoreReport {
  return {
    backup: plan.backup,
    dryRun,
    restoredOn: plan.restoreOn,
    restoredOnReason: plan.restoreOnReason,
    bytesShipped: 0,
    mode: plan.mode,
    snapshotRevision: plan.snapshotRevision,
    bump: plan.bump,
    members: plan.members.map((m) => ({
      name: m.name,
      node: m.node,
      dataDir: m.target,
      oldDataKeptAt: m.aside,
      oldManifestKeptAt: m.rewrittenManifest ? inHolding(m, m.etcdManifest) : undefined,
    })),
    restoredRevision: undefined,
    keys: undefined,
    objectsInMissingNamespaces: undefined,
    warnings: plan.warnings,
    timingsMs,
  };
}
