import { BUCKET_KEY, bucketRoot, printable, type TopBucket, topBuckets } from './buckets';
import { crc32cInit, crc32cUpdate } from './crc32c';
import type { Findings } from './findings';
import type { LiveKeyCount } from './live-key-count';
import type { LiveKeys } from './live-keys';
import type { Meta } from './meta';
import {
  decodeKeyValueAt,
  emptyKeyValueSpan,
  isTombstoneKeyLength,
  mainRevision,
  parseRevisionKey,
  type RevisionKey,
  revisionKeyProblem,
} from './mvcc';
import type { BucketRoot, EntryVisitor, StatusHash, TreeWalker } from './walk';

export interface BucketWalk {
  /** Entries per top-level bucket. */
  counts: Record<string, number>;
  entries: number;
  /** The main revision of the last revision key: the snapshot's revision. */
  lastRevision: number;
  /** etcd's `snapshot status` hash state (crc32c over bucket names, keys and values). */
  statusHash: StatusHash;
}

/**
 * The main walk: every top-level bucket, with the status hash; in the `key` bucket every revision is checked
 * and decoded and fed to the live keys (or their count); nested buckets are walked afterwards for structure.
 */
export function walkBuckets(
  walker: TreeWalker,
  meta: Meta,
  findings: Findings,
  live: { keys: LiveKeys | undefined; count: LiveKeyCount | undefined },
  goProtobuf: boolean,
): BucketWalk {
  const walk: BucketWalk = { counts: {}, entries: 0, lastRevision: 0, statusHash: { state: crc32cInit } };
  const nested: Array<{ root: BucketRoot; label: string }> = [];
  const rememberNested = (label: string, key: Buffer, value: Buffer, page: number) => {
    const nestedLabel = `${label}/${printable(key)}`;
    const root = bucketRoot({ label: nestedLabel, value: Buffer.from(value), page }, findings.add);
    if (root) nested.push({ root, label: nestedLabel });
  };
  const visitRevision = keyBucketVisitor(findings, live, walk, goProtobuf);
  for (const bucket of topBuckets(walker, meta, findings.add)) {
    walk.statusHash.state = crc32cUpdate(walk.statusHash.state, bucket.name);
    const isKeyBucket = bucket.label === BUCKET_KEY;
    const count = walkTopBucket(
      walker,
      bucket,
      findings,
      walk.statusHash,
      (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
        if (isBucket)
          rememberNested(bucket.label, r.subarray(keyStart, keyEnd), r.subarray(keyEnd, valueEnd), page);
        else if (isKeyBucket) visitRevision(r, keyStart, keyEnd, valueEnd, isBucket, page);
      },
    );
    walk.counts[bucket.label] = count;
    walk.entries += count;
  }
  while (nested.length > 0) {
    const next = nested.pop()!;
    walker.walk(next.root, next.label, (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
      if (isBucket)
        rememberNested(next.label, r.subarray(keyStart, keyEnd), r.subarray(keyEnd, valueEnd), page);
    });
  }
  return walk;
}

/** Walks one top-level bucket (hashing it) and returns its number of entries. */
function walkTopBucket(
  walker: TreeWalker,
  bucket: TopBucket,
  findings: Findings,
  statusHash: StatusHash,
  visit: EntryVisitor,
): number {
  const root = bucketRoot(bucket, findings.add);
  if (!root) return 0;
  let count = 0;
  walker.walk(
    root,
    bucket.label,
    (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
      count++;
      visit(r, keyStart, keyEnd, valueEnd, isBucket, page);
    },
    statusHash,
  );
  return count;
}

/** Checks and decodes one revision of the `key` bucket; the live keys (or their count) follow it. */
function keyBucketVisitor(
  findings: Findings,
  live: { keys: LiveKeys | undefined; count: LiveKeyCount | undefined },
  walk: Pick<BucketWalk, 'lastRevision'>,
  goProtobuf: boolean,
): EntryVisitor {
  // Filled in place for every revision: the walk of the key bucket makes no object per revision.
  const kv = emptyKeyValueSpan();
  return (r, keyStart, keyEnd, valueEnd, _isBucket, page) => {
    walk.lastRevision = keyEnd - keyStart >= 8 ? mainRevision(r, keyStart) : 0;
    const problem = revisionKeyProblem(r, keyStart, keyEnd);
    if (problem !== undefined) {
      findings.add({
        severity: 'error',
        kind: 'revision-key',
        page,
        message: `page ${page}: ${problem} in bucket key`,
      });
      return;
    }
    if (!decodeKeyValueAt(r, keyEnd, valueEnd, kv, goProtobuf)) {
      const revision = parseRevisionKey(r.subarray(keyStart, keyEnd)) as RevisionKey;
      findings.add({
        severity: 'error',
        kind: 'kv-decode',
        page,
        message: `page ${page}: the value of revision ${revision.main}_${revision.sub} is not a valid mvccpb.KeyValue`,
      });
      return;
    }
    const tombstone = isTombstoneKeyLength(keyEnd - keyStart);
    live.keys?.applyAt(r, kv, tombstone);
    live.count?.applyRange(r, kv.keyStart, kv.keyEnd, tombstone);
  };
}
