import { readFileSync } from 'node:fs';

/**
 * A deliberately simple, independent map of a *sound* bbolt file for tests: which page is what, reached from
 * which bucket. Recursion and whole-file reads are fine here; it only ever sees the small test snapshots.
 */
export interface PageInfo {
  id: number;
  type: 'branch' | 'leaf' | 'overflow';
  bucket: string;
}

export interface Layout {
  pageSize: number;
  pgid: number;
  pages: Map<number, PageInfo>;
  free: number[];
  buf: Buffer;
}

export function readLayout(path: string): Layout {
  const buf = readFileSync(path);
  const pageSize = buf.readUInt32LE(24);
  const pgid = Number(buf.readBigUInt64LE(56));
  const root = Number(buf.readBigUInt64LE(32));
  const pages = new Map<number, PageInfo>();
  const visit = (id: number, bucket: string, onLeaf: (key: Buffer, value: Buffer, flags: number) => void) => {
    const at = id * pageSize;
    const flags = buf.readUInt16LE(at + 8);
    const count = buf.readUInt16LE(at + 10);
    const overflow = buf.readUInt32LE(at + 12);
    pages.set(id, { id, type: flags === 1 ? 'branch' : 'leaf', bucket });
    for (let o = 1; o <= overflow; o++) pages.set(id + o, { id: id + o, type: 'overflow', bucket });
    for (let i = 0; i < count; i++) {
      const e = at + 16 + i * 16;
      if (flags === 1) {
        visit(Number(buf.readBigUInt64LE(e + 8)), bucket, onLeaf);
      } else {
        const pos = buf.readUInt32LE(e + 4);
        const ksize = buf.readUInt32LE(e + 8);
        const vsize = buf.readUInt32LE(e + 12);
        const k = buf.subarray(e + pos, e + pos + ksize);
        onLeaf(k, buf.subarray(e + pos + ksize, e + pos + ksize + vsize), buf.readUInt32LE(e));
      }
    }
  };
  visit(root, 'root', (name, value, flags) => {
    if (!(flags & 1)) return;
    const bucketRoot = Number(value.readBigUInt64LE(0));
    if (bucketRoot !== 0) visit(bucketRoot, name.toString('latin1'), () => {});
  });
  const free: number[] = [];
  for (let p = 2; p < pgid; p++) if (!pages.has(p)) free.push(p);
  return { pageSize, pgid, pages, free, buf };
}

export function pagesOf(layout: Layout, bucket: string, type: PageInfo['type']): number[] {
  return [...layout.pages.values()].filter((p) => p.bucket === bucket && p.type === type).map((p) => p.id);
}
