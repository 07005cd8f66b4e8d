import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EtcdMinor, findEtcd } from '../../sandbox/etcd-binaries';
import { startLocalEtcd } from '../support/local-etcd';
import { seedCluster } from './seed';

/** Byte surgery on snapshot copies, for the damage and mutation tests. */

export const TRAILER = 32;

/** Replaces the trailer with the SHA-256 of the (changed) database part: only the structure can catch it. */
export function reseal(buf: Buffer): Buffer {
  const db = buf.subarray(0, buf.length - TRAILER);
  return Buffer.concat([db, createHash('sha256').update(db).digest()]);
}

export function flip(buf: Buffer, offset: number, mask = 0x01): Buffer {
  const copy = Buffer.from(buf);
  copy[offset] = copy[offset]! ^ mask;
  return copy;
}

function fnv64a(bytes: Buffer): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h;
}

/** Meta struct fields by offset within the page (after the 16-byte page header). */
export const META_FIELD = { pageSize: 24, root: 32, freelist: 48, pgid: 56, txid: 64 } as const;

/** Writes a meta field in one meta page and fixes that page's checksum, so bbolt would accept it. */
export function setMeta(
  buf: Buffer,
  metaPage: 0 | 1,
  pageSize: number,
  field: keyof typeof META_FIELD,
  value: bigint,
): Buffer {
  const copy = Buffer.from(buf);
  const at = metaPage * pageSize;
  if (field === 'pageSize') copy.writeUInt32LE(Number(value), at + META_FIELD.pageSize);
  else copy.writeBigUInt64LE(value, at + META_FIELD[field]);
  copy.writeBigUInt64LE(fnv64a(copy.subarray(at + 16, at + 72)), at + 72);
  return copy;
}

/** The newest etcd this machine has, for tests that need any real snapshot. */
export function anyEtcd(): EtcdMinor | { missing: string } {
  for (const minor of ['3.6', '3.5', '3.4'] as EtcdMinor[]) if (!('missing' in findEtcd(minor))) return minor;
  return { missing: 'no etcd build found: run scripts/install-etcd.sh' };
}

/** A seeded snapshot (branch pages, overflow pages, free pages) made by a throw-away etcd, in `dir`. */
export async function makeSeededSnapshot(minor: EtcdMinor, dir: string): Promise<string> {
  const etcd = await startLocalEtcd(minor);
  try {
    const model = await seedCluster(etcd);
    model.client.close();
    const path = join(dir, 'seeded.db');
    await etcd.etcdctl(['snapshot', 'save', path]);
    return path;
  } finally {
    await etcd.stop();
  }
}

export async function scratchDir(
  name: string,
): Promise<{ dir: string; write: (n: string, b: Buffer) => Promise<string>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  return {
    dir,
    write: async (n, b) => {
      const p = join(dir, n);
      await writeFile(p, b);
      return p;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
