/** etcd's revision key in bucket `key`: main (8 bytes BE) '_' sub (8 bytes BE), plus 't' for a tombstone. */
export interface RevisionKey {
  main: number;
  sub: number;
  tombstone: boolean;
}

const REV_BYTES = 17;

/** Parses like etcd 3.6 (strict): 17 or 18 bytes, '_' separator, 't' marker, non-negative parts. */
export function parseRevisionKey(key: Buffer): RevisionKey | string {
  if (key.length !== REV_BYTES && key.length !== REV_BYTES + 1) return `revision key of ${key.length} bytes`;
  if (key[8] !== 0x5f) return "revision key without '_' separator";
  if (key.length === REV_BYTES + 1 && key[17] !== 0x74) return 'revision key with an unknown marker byte';
  if (key[0]! & 0x80 || key[9]! & 0x80) return 'negative revision';
  return { main: mainRevision(key), sub: int64BE(key, 9), tombstone: key.length === REV_BYTES + 1 };
}

/** Big-endian int64 as a number (exact below 2^53), without a BigInt per key. */
function int64BE(key: Buffer, at: number): number {
  return key.readInt32BE(at) * 0x100000000 + key.readUInt32BE(at + 4);
}

/** Main revision as etcd 3.4/3.5 read it: the first 8 bytes, big-endian signed. */
export function mainRevision(key: Buffer): number {
  return int64BE(key, 0);
}

/** mvccpb.KeyValue: key=1, create_revision=2, mod_revision=3, version=4, value=5, lease=6. */
export interface KeyValue {
  key: Buffer;
  createRevision: number;
  modRevision: number;
  version: number;
  value: Buffer;
}

const EMPTY = Buffer.alloc(0);

/**
 * Decodes like protobuf: unknown fields skipped, a known field with the wrong wire type is malformed. Written
 * out as one loop (rather than on forEachField) because it runs for every revision of a large snapshot, and
 * this way allocates nothing but the result.
 */
export function decodeKeyValue(buf: Buffer): KeyValue | undefined {
  let createRevision = 0;
  let modRevision = 0;
  let version = 0;
  let keyStart = -1;
  let keyEnd = -1;
  let valueStart = -1;
  let valueEnd = -1;
  const n = buf.length;
  let at = 0;
  while (at < n) {
    // The tag, then the field's payload; varints of up to 10 bytes, exact below 2^53.
    let tag = 0;
    let scale = 1;
    let i = 0;
    for (; ; i++) {
      if (i === 10 || at >= n) return undefined;
      const b = buf[at++]!;
      tag += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) break;
    }
    if (tag < 8) return undefined;
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === 0 || wireType === 2) {
      let value = 0;
      scale = 1;
      for (i = 0; ; i++) {
        if (i === 10 || at >= n) return undefined;
        const b = buf[at++]!;
        value += (b & 0x7f) * scale;
        scale *= 128;
        if ((b & 0x80) === 0) break;
      }
      if (wireType === 2) {
        if (at + value > n) return undefined;
        if (field === 1) {
          keyStart = at;
          keyEnd = at + value;
        } else if (field === 5) {
          valueStart = at;
          valueEnd = at + value;
        }
        if (field >= 2 && field <= 6 && field !== 5) return undefined;
        at += value;
      } else {
        if (field === 1 || field === 5) return undefined;
        if (field === 2) createRevision = value;
        else if (field === 3) modRevision = value;
        else if (field === 4) version = value;
      }
    } else if (wireType === 1 || wireType === 5) {
      if (field >= 1 && field <= 6) return undefined;
      at += wireType === 1 ? 8 : 4;
      if (at > n) return undefined;
    } else {
      return undefined;
    }
  }
  return {
    key: keyStart < 0 ? EMPTY : buf.subarray(keyStart, keyEnd),
    createRevision,
    modRevision,
    version,
    value: valueStart < 0 ? EMPTY : buf.subarray(valueStart, valueEnd),
  };
}
