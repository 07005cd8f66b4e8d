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
 * discarded: the main walk repeats them. Returns whether 3.6+'s strict rules apply, and whether values are
 * decoded the way 3.7 does.
 */
export function readStatusRules(
  file: SnapshotFile,
  meta: Meta,
  pgid: number,
  report: SnapshotReport,
  chosenCompat: EtcdCompat | undefined,
): { strict: boolean; goProtobuf: boolean } {
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
    report.etcdCompat = compatOfStorageVersion(report.storageVersion);
    report.etcdCompatSource = report.storageVersion === null ? 'no-storage-version' : 'storage-version';
  }
  const strict = statusHasVersion(report.etcdCompat);
  if (strict) report.version = normalizeStorageVersion(report.storageVersion ?? '');
  // etcd 3.7 reads KeyValues with Go's standard protobuf, which skips a known field of the wrong wire type.
  return { strict, goProtobuf: report.etcdCompat === '3.7' };
}

/** 3.6 and later count live keys, parse revisions strictly and print the storage version. */
export function statusHasVersion(compat: EtcdCompat): boolean {
  return compat === '3.6' || compat === '3.7';
}

/**
 * The status semantics a snapshot's own storage version implies: none → 3.5, 3.7.x and later → 3.7, any
 * other (3.6.x, or one that does not parse) → 3.6.
 */
export function compatOfStorageVersion(storageVersion: string | null): EtcdCompat {
  if (storageVersion === null) return '3.5';
  const [major = Number.NaN, minor = Number.NaN] = storageVersion.split('.').map((p) => Number(p));
  return major > 3 || (major === 3 && minor >= 7) ? '3.7' : '3.6';
}
