import { PAGE_HEADER_SIZE } from './meta';

/** Page flags, as bbolt names them. Exactly one is set on a page in use. */
export const PAGE_FLAG = { branch: 0x01, leaf: 0x02, meta: 0x04, freelist: 0x10 } as const;
/** Leaf element flag: the value is a bucket header (and, for an inline bucket, an embedded page). */
export const BUCKET_LEAF_FLAG = 0x01;
export const ELEMENT_SIZE = 16;
/** A bucket value starts with root pgid (u64) and sequence (u64). */
export const BUCKET_HEADER_SIZE = 16;

export interface PageHeader {
  id: bigint;
  flags: number;
  count: number;
  overflow: number;
}

export function readPageHeader(buf: Buffer, offset = 0): PageHeader {
  return {
    id: buf.readBigUInt64LE(offset),
    flags: buf.readUInt16LE(offset + 8),
    count: buf.readUInt16LE(offset + 10),
    overflow: buf.readUInt32LE(offset + 12),
  };
}

export function pageTypeName(flags: number): string {
  switch (flags) {
    case PAGE_FLAG.branch:
      return 'branch';
    case PAGE_FLAG.leaf:
      return 'leaf';
    case PAGE_FLAG.meta:
      return 'meta';
    case PAGE_FLAG.freelist:
      return 'freelist';
    default:
      return `unknown(0x${flags.toString(16).padStart(2, '0')})`;
  }
}

/** Where element `index` of a branch or leaf page starts, relative to the page start. */
export function elementOffset(index: number): number {
  return PAGE_HEADER_SIZE + index * ELEMENT_SIZE;
}
