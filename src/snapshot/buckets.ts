import type { Meta } from './meta';
import { BUCKET_HEADER_SIZE } from './page';
import type { Problem } from './problem';
import type { BucketRoot, TreeWalker } from './walk';

export const BUCKET_KEY = 'key';
export const BUCKET_META = 'meta';

export interface TopBucket {
  name: Buffer;
  label: string;
  value: Buffer;
  page: number;
}

/** The root bucket's entries (the top-level buckets), copied out of page memory. */
export function topBuckets(walker: TreeWalker, meta: Meta, add: (p: Problem) => void): TopBucket[] {
  const buckets: TopBucket[] = [];
  const rootPage = meta.rootPgid > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(meta.rootPgid);
  walker.walk({ page: rootPage }, 'root', (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
    const key = r.subarray(keyStart, keyEnd);
    if (!isBucket) {
      add({
        severity: 'error',
        kind: 'bucket',
        page,
        message: `page ${page}: the root holds a plain key ${printable(key)} where only buckets belong`,
      });
      return;
    }
    buckets.push({
      name: Buffer.from(key),
      label: printable(key),
      value: Buffer.from(r.subarray(keyEnd, valueEnd)),
      page,
    });
  });
  return buckets;
}

export function bucketRoot(
  bucket: Omit<TopBucket, 'name'>,
  add: (p: Problem) => void,
): BucketRoot | undefined {
  if (bucket.value.length < BUCKET_HEADER_SIZE) {
    add({
      severity: 'error',
      kind: 'bucket',
      page: bucket.page,
      message: `page ${bucket.page}: bucket ${bucket.label} has a ${bucket.value.length}-byte header (expected ${BUCKET_HEADER_SIZE})`,
    });
    return undefined;
  }
  const root = bucket.value.readBigUInt64LE(0);
  if (root === 0n) return { inline: bucket.value, ownerPage: bucket.page };
  return { page: root > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(root) };
}

/** A key for a message: printable ASCII as is, anything else as hex. */
export function printable(key: Buffer): string {
  const text = key.toString('latin1');
  return /^[\x20-\x7e]*$/.test(text) && text.length <= 80
    ? text
    : `0x${key.subarray(0, 40).toString('hex')}${key.length > 40 ? '…' : ''}`;
}
