import { BUCKET_META, bucketRoot, topBuckets } from './buckets';
import type { SnapshotFile } from './file';
import type { Meta } from './meta';
import { mainRevision } from './mvcc';
import type { EtcdCompat, SnapshotReport } from './report';
import { normalizeStorageVersion } from './semver';
import { TreeWalker } from './walk';

/**
 * Which `snapshot status` rules apply, read from the `meta` bucket before the main walk (the `key` bucket,
 * which the rules change, sorts first): the storage version (3.6 semantics when there is one, unless the
 * caller chose) and the finished compaction's revision. Walks with a walker of its own whose findings are
 * discarded: the main walk repeats them. Returns whether 3.6's strict rules apply.
 */
export function readStatusRules(
  file: SnapshotFile,
  meta: Meta,
  pgid: number,
  report: SnapshotReport,
  chosenCompat: EtcdCompat | undefined,
): boolean {
  const preview = new TreeWalker(file, meta.pageSize, pgid, () => {});
  const metaBucket = topBuckets(preview, meta, () => {}).find((b) => b.label === BUCKET_META);
  let finishedCompact: Buffer | undefined;
  const root = metaBucket ? bucketRoot(metaBucket, () => {}) : undefined;
  if (root) {
    preview.walk(root, BUCKET_META, (r, keyStart, keyEnd, valueEnd) => {
      const name = r.toString('latin1', keyStart, keyEnd);
      if (name === 'storageVersion') report.storageVersion = r.toString('utf8', keyEnd, valueEnd);
      else if (name === 'finishedCompactRev') finishedCompact = Buffer.from(r.subarray(keyEnd, valueEnd));
    });
  }
  if (finishedCompact && finishedCompact.length >= 8) report.compactRevision = mainRevision(finishedCompact);
  if (!chosenCompat) {
    report.etcdCompat = report.storageVersion === null ? '3.5' : '3.6';
    report.etcdCompatSource = report.storageVersion === null ? 'no-storage-version' : 'storage-version';
  }
  const strict = report.etcdCompat === '3.6';
  if (strict) report.version = normalizeStorageVersion(report.storageVersion ?? '');
  return strict;
}
