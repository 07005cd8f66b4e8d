import type { SnapshotFile } from './file';

/** bbolt's on-disk constants (format version 2), named as in bbolt. */
export const MAGIC = 0xed0cdaed;
export const FORMAT_VERSION = 2;
export const PGID_NO_FREELIST = 0xffffffffffffffffn;
export const PAGE_HEADER_SIZE = 16;
export const META_OFFSET = PAGE_HEADER_SIZE;
const META_CHECKSUMMED = 56;
const MIN_PAGE_SIZE = 512;
const MAX_PAGE_SIZE = 1 << 30;

export interface Meta {
  /** Which meta page (0 or 1) this was read from. */
  page: 0 | 1;
  magic: number;
  version: number;
  pageSize: number;
  rootPgid: bigint;
  rootSequence: bigint;
  freelistPgid: bigint;
  /** High-water mark: pages [0, pgid) make up the database. */
  pgid: bigint;
  txid: bigint;
  checksum: bigint;
  /** Why bbolt would refuse this meta page, or undefined if it is valid. */
  invalid: string | undefined;
}

/** FNV-1a 64 over the 56 meta bytes before the checksum field. */
export function fnv1a64(data: Uint8Array): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of data) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h;
}

/** Parses the meta struct found at `offset` (a page start) in `buf`; checks magic, version and checksum. */
export function parseMeta(buf: Buffer, page: 0 | 1): Meta {
  const m = META_OFFSET;
  if (buf.length < m + 64) {
    return {
      page,
      magic: 0,
      version: 0,
      pageSize: 0,
      rootPgid: 0n,
      rootSequence: 0n,
      freelistPgid: 0n,
      pgid: 0n,
      txid: 0n,
      checksum: 0n,
      invalid: `meta page ${page} is cut short (${buf.length} bytes)`,
    };
  }
  const meta: Meta = {
    page,
    magic: buf.readUInt32LE(m),
    version: buf.readUInt32LE(m + 4),
    pageSize: buf.readUInt32LE(m + 8),
    rootPgid: buf.readBigUInt64LE(m + 16),
    rootSequence: buf.readBigUInt64LE(m + 24),
    freelistPgid: buf.readBigUInt64LE(m + 32),
    pgid: buf.readBigUInt64LE(m + 40),
    txid: buf.readBigUInt64LE(m + 48),
    checksum: buf.readBigUInt64LE(m + 56),
    invalid: undefined,
  };
  if (meta.magic !== MAGIC) {
    meta.invalid =
      meta.magic === 0xedda0ced
        ? 'big-endian bbolt file (written on s390x?); not supported'
        : `bad magic 0x${meta.magic.toString(16).padStart(8, '0')} (not a bbolt database)`;
  } else if (meta.version !== FORMAT_VERSION) {
    meta.invalid = `format version ${meta.version}, expected ${FORMAT_VERSION}`;
  } else if (fnv1a64(buf.subarray(m, m + META_CHECKSUMMED)) !== meta.checksum) {
    meta.invalid = 'checksum mismatch';
  } else if (!isPageSize(meta.pageSize)) {
    meta.invalid = `implausible page size ${meta.pageSize}`;
  }
  return meta;
}

function isPageSize(n: number): boolean {
  return n >= MIN_PAGE_SIZE && n <= MAX_PAGE_SIZE && (n & (n - 1)) === 0;
}

export interface MetaPair {
  pageSize: number;
  metas: [Meta, Meta];
  /** The meta bbolt would use: the valid one with the higher txid; undefined if neither is valid. */
  chosen: Meta | undefined;
  /** How the page size was found, when meta 0 did not give it. */
  pageSizeSource: 'meta0' | 'probe' | 'default';
}

/**
 * Finds the page size like bbolt: meta 0's if it is valid, else the first valid meta found at 1 KiB × 2^i,
 * else 4096. Then reads both meta pages at that size.
 */
export function readMetas(file: SnapshotFile): MetaPair {
  const first = parseMeta(file.read(0, 4096), 0);
  let pageSize = 4096;
  let source: MetaPair['pageSizeSource'] = 'default';
  if (first.invalid === undefined) {
    pageSize = first.pageSize;
    source = 'meta0';
  } else {
    for (let i = 0; i <= 14; i++) {
      const pos = 1024 * 2 ** i;
      if (pos >= file.size - 1024) break;
      const candidate = parseMeta(file.read(pos, 4096), 1);
      if (candidate.invalid === undefined && candidate.pageSize === pos) {
        pageSize = candidate.pageSize;
        source = 'probe';
        break;
      }
    }
  }
  const meta0 = source === 'meta0' ? first : parseMeta(file.read(0, Math.min(pageSize, 4096)), 0);
  const meta1 = parseMeta(file.read(pageSize, Math.min(pageSize, 4096)), 1);
  const valid = [meta0, meta1].filter((m) => m.invalid === undefined);
  valid.sort((a, b) => (a.txid === b.txid ? a.page - b.page : a.txid > b.txid ? -1 : 1));
  return { pageSize, metas: [meta0, meta1], chosen: valid[0], pageSizeSource: source };
}
