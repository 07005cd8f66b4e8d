import { PAGE_HEADER_SIZE } from './meta';

/**
 * The page ids listed on a freelist page (`region` = the page and its overflow pages). A count of 0xFFFF
 * means the real count is the first u64 after the header. Returns an error string if the list does not fit.
 */
export function readFreelistIds(region: Buffer, count: number): { ids: bigint[] } | { error: string } {
  let n = count;
  let start = PAGE_HEADER_SIZE;
  if (count === 0xffff) {
    if (region.length < start + 8) return { error: 'freelist count field is cut short' };
    const big = region.readBigUInt64LE(start);
    start += 8;
    if (big > BigInt(region.length))
      return { error: `freelist claims ${big} ids, more than the page can hold` };
    n = Number(big);
  }
  if (start + n * 8 > region.length) {
    return {
      error: `freelist claims ${n} ids but the page holds ${Math.floor((region.length - start) / 8)}`,
    };
  }
  const ids: bigint[] = [];
  for (let i = 0; i < n; i++) ids.push(region.readBigUInt64LE(start + i * 8));
  return { ids };
}
