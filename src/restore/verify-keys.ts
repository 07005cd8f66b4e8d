import { crc32 } from 'node:zlib';
import type { EtcdClient } from '../etcd/client';
import type { LiveKeys } from '../snapshot/live-keys';

export interface KeyComparison {
  expected: number;
  restored: number;
  missing: number;
  unexpected: number;
  changed: number;
  /** The revision every page was read at (a number: the comparison is part of JSON reports). */
  revision: number;
}

const ALL = Buffer.from([0]);

/**
 * Reads every key the cluster serves and compares the set and each value's CRC with the snapshot's live keys.
 * Ranging from \0 leaves out the empty key, under which `--bump-revision` files its marker revision: that
 * marker is etcd bookkeeping, not a user key.
 */
export async function compareWithSnapshot(client: EtcdClient, live: LiveKeys): Promise<KeyComparison> {
  let restored = 0;
  let unexpected = 0;
  let changed = 0;
  let seen = 0;
  let from = ALL;
  let revision = 0n;
  for (;;) {
    const page = await client.range(from, { rangeEnd: ALL, limit: 1000, ...(revision ? { revision } : {}) });
    revision ||= page.revision;
    for (const kv of page.kvs) {
      restored++;
      const want = live.get(kv.key.toString('latin1'));
      if (want === undefined) unexpected++;
      else {
        seen++;
        if (want !== null && want.valueCrc !== crc32(kv.value)) changed++;
      }
    }
    if (!page.more || page.kvs.length === 0) break;
    from = Buffer.concat([page.kvs[page.kvs.length - 1]!.key, Buffer.from([0])]);
  }
  // A snapshot of a cluster restored with a bump holds the marker too; it was never a user key.
  const expected = live.size - (live.has('') ? 1 : 0);
  return { expected, restored, missing: expected - seen, unexpected, changed, revision: Number(revision) };
}
