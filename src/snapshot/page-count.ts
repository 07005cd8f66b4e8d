import type { SnapshotFile } from './file';
import type { Findings } from './findings';
import { readFreelistIds } from './freelist';
import { type Meta, PAGE_HEADER_SIZE, PGID_NO_FREELIST } from './meta';
import { PAGE_FLAG, pageTypeName } from './page';
import type { PageCounts } from './report';
import { MAX_REGION_BYTES, type TreeWalker } from './walk';

/** Loads a persisted freelist and marks its pages reached; returns the freed page set, or undefined. */
export function readFreelist(
  file: SnapshotFile,
  walker: TreeWalker,
  meta: Meta,
  findings: Findings,
): Uint8Array | undefined {
  if (meta.freelistPgid === PGID_NO_FREELIST) return undefined;
  const pageSize = walker.pageSize;
  const id = meta.freelistPgid > BigInt(walker.pgid) ? walker.pgid : Number(meta.freelistPgid);
  const freed = new Uint8Array(walker.reachable.length);
  // A freelist that cannot be read is reported once; the pages are then judged as if none was persisted.
  const fail = (message: string, offset?: number): undefined => {
    findings.add({
      severity: 'error',
      kind: 'freelist',
      page: id,
      offset,
      message: `page ${id}: ${message}`,
    });
    return undefined;
  };
  if (id < 2 || id >= walker.pgid || id >= walker.reachable.length) {
    return fail(`the meta's freelist page ${meta.freelistPgid} is out of bounds (pgid ${walker.pgid})`);
  }
  const offset = id * pageSize;
  const header = file.read(offset, PAGE_HEADER_SIZE);
  if (header.length < PAGE_HEADER_SIZE) return fail('freelist page lies beyond the end of the file', offset);
  const flags = header.readUInt16LE(8);
  const overflow = header.readUInt32LE(12);
  if (header.readBigUInt64LE(0) !== BigInt(id))
    return fail(`freelist page header says page ${header.readBigUInt64LE(0)}`, offset);
  if (flags !== PAGE_FLAG.freelist)
    return fail(`invalid type ${pageTypeName(flags)} for the freelist`, offset + 8);
  if (id + overflow >= walker.pgid)
    return fail(`freelist overflow ${overflow} runs past pgid ${walker.pgid}`, offset + 12);
  if ((overflow + 1) * pageSize > MAX_REGION_BYTES)
    return fail(`freelist of ${overflow + 1} pages is too large`, offset);
  walker.mark(id, overflow);
  const region = file.read(offset, (overflow + 1) * pageSize);
  const list = readFreelistIds(region, header.readUInt16LE(10));
  if ('error' in list) return fail(list.error, offset);
  for (const big of list.ids) {
    if (big < 2n || big >= BigInt(walker.pgid) || big >= BigInt(freed.length)) {
      findings.add({
        severity: 'error',
        kind: 'freelist',
        page: id,
        message: `page ${id}: the freelist lists page ${big}, outside [2, ${walker.pgid})`,
      });
      continue;
    }
    const p = Number(big);
    if (freed[p])
      findings.add({ severity: 'error', kind: 'freelist', page: p, message: `page ${p}: already freed` });
    freed[p] = 1;
  }
  return freed;
}

/** Every page is reached from the root or free (listed in a persisted freelist, or any unreached page without one). */
export function countPages(
  walker: TreeWalker,
  freed: Uint8Array | undefined,
  meta: Meta,
  findings: Findings,
): PageCounts {
  let reachable = 0;
  let free = 0;
  const reached = walker.reachable;
  for (let p = 0; p < reached.length; p++) {
    if (reached[p]) {
      reachable++;
      if (freed?.[p]) {
        findings.add({
          severity: 'error',
          kind: 'reachable-freed',
          page: p,
          message: `page ${p}: reachable freed`,
        });
      }
    } else if (!freed || freed[p]) {
      free++;
    } else {
      findings.add({
        severity: 'error',
        kind: 'unreachable-unfreed',
        page: p,
        offset: p * walker.pageSize,
        message: `page ${p} at offset ${p * walker.pageSize}: unreachable unfreed`,
      });
    }
  }
  return {
    total: walker.pgid,
    reachable,
    free,
    freelist: meta.freelistPgid === PGID_NO_FREELIST ? 'not-persisted' : 'persisted',
  };
}
