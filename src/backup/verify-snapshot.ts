import type { Inventory } from '../format';
import type { SnapshotReport } from '../snapshot/report';
import { assertIntact } from '../snapshot/verdict';
import { analyseSnapshot } from '../snapshot/verify';
import type { AcquiredSnapshot } from './acquire-grpc';
import { SnapshotRejectedError } from './errors';
import { summarizeInventory } from './inventory';

/** A report of an intact snapshot: what the metadata records of it is known. */
export type VerifiedReport = SnapshotReport & { revision: number; totalSize: number };

/**
 * The verify step: the full verification of the snapshot file, against the digest the transfer computed, and
 * the inventory the metadata records (keys by type and namespace; counts only, no names).
 */
export async function verifySnapshot(
  path: string,
  acquired: AcquiredSnapshot,
): Promise<{ report: VerifiedReport; inventory: Inventory | undefined }> {
  // Keys without value records suffice for the counts, which keeps the store smaller and reads no value.
  const analysis = await analyseSnapshot(path, { liveKeys: 'keys', databaseSha256: acquired.databaseSha256 });
  const report = analysis.report;
  const reject = (reason: string) => new SnapshotRejectedError(`the snapshot failed verification: ${reason}`);
  assertIntact(report, reject);
  if (report.revision === null || report.totalSize === null)
    throw reject('its meta page gives no revision or size');
  return {
    report: report as VerifiedReport,
    inventory: analysis.liveKeys ? summarizeInventory(analysis.liveKeys) : undefined,
  };
}
