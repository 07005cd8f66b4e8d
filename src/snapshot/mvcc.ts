/** etcd's revision key in bucket `key`: main (8 bytes BE) '_' sub (8 bytes BE), plus 't' for a tombstone. */
export interface RevisionKey {
  main: number;
  sub: number;
  tombstone: boolean;
}

const REV_BYTES = 17;

/** Parses like etcd 3.6 (strict): 17 or 18 bytes, '_' separator, 't' marker, non-negative parts. */
export function parseRevisionKey(key: Buffer): RevisionKey | string {
  const problem = revisionKeyProblem(key, 0, key.length);
  if (problem !== undefined) return problem;
  return { main: mainRevision(key), sub: int64BE(key, 9), tombstone: key.length === REV_BYTES + 1 };
}

/** What is wrong with the revision key in buf[start, end), if anything; reads in place, allocates nothing. */
export function revisionKeyProblem(buf: Buffer, start: number, end: number): string | undefined {
  const length = end - start;
  if (length !== REV_BYTES && length !== REV_BYTES + 1) return `revision key of ${length} bytes`;
  if (buf[start + 8] !== 0x5f) return "revision key without '_' separator";
  if (length === REV_BYTES + 1 && buf[start + 17] !== 0x74) return 'revision key with an unknown marker byte';
  if (buf[start]! & 0x80 || buf[start + 9]! & 0x80) return 'negative revision';
  return undefined;
}

/** Whether a valid revision key of this length marks a tombstone. */
export function isTombstoneKeyLength(length: number): boolean {
  return length === REV_BYTES + 1;
}

/** Big-endian int64 as a number (exact below 2^53), without a BigInt per key. */
function int64BE(key: Buffer, at: number): number {
  return key.readInt32BE(at) * 0x100000000 + key.readUInt32BE(at + 4);
}

/** Main revision as etcd 3.4/3.5 read it: the first 8 bytes, big-endian signed. */
export function mainRevision(key: Buffer, at = 0): number {
  return int64BE(key, at);
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

/** A KeyValue's fields as offsets into the buffer it was decoded from; filled in place, so reusable. */
export interface KeyValueSpan {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  createRevision: number;
  modRevision: number;
  version: number;
}

export function emptyKeyValueSpan(): KeyValueSpan {
  return {
    keyStart: 0,
    keyEnd: 0,
    valueStart: 0,
    valueEnd: 0,
    createRevision: 0,
    modRevision: 0,
    version: 0,
  };
}

/** Decodes a KeyValue, copying its key and value out as views. */
export function decodeKeyValue(buf: Buffer, wrongWireTypeIsUnknown = false): KeyValue | undefined {
  const span = emptyKeyValueSpan();
  if (!decodeKeyValueAt(buf, 0, buf.length, span, wrongWireTypeIsUnknown)) return undefined;
  return {
    key: span.keyEnd > span.keyStart ? buf.subarray(span.keyStart, span.keyEnd) : EMPTY,
    createRevision: span.createRevision,
    modRevision: span.modRevision,
    version: span.version,
    value: span.valueEnd > span.valueStart ? buf.subarray(span.valueStart, span.valueEnd) : EMPTY,
  };
}

/**
 * Decodes the mvccpb.KeyValue in buf[start, end) like protobuf: unknown fields skipped. A known field with
 * the wrong wire type is malformed for gogo/protobuf (etcd up to 3.6); Go's standard protobuf (etcd 3.7+)
 * keeps it as an unknown field instead, which `wrongWireTypeIsUnknown` selects. Fills `out` and returns false
 * when malformed. Allocates nothing (the varints are read through `varint`), because it runs for every
 * revision of a large snapshot: a verification that made garbage per revision would fill (and keep resident)
 * however large a young generation V8 has grown to.
 */
export function decodeKeyValueAt(
  buf: Buffer,
  start: number,
  end: number,
  out: KeyValueSpan,
  wrongWireTypeIsUnknown = false,
): boolean {
  out.createRevision = out.modRevision = out.version = 0;
  out.keyStart = out.keyEnd = out.valueStart = out.valueEnd = start;
  let at = start;
  while (at < end) {
    at = readVarint(buf, at, end);
    if (at < 0) return false;
    const tag = varint.value;
    if (tag < 8) return false;
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === 1 || wireType === 5) {
      if (field >= 1 && field <= 6 && !wrongWireTypeIsUnknown) return false;
      at += wireType === 1 ? 8 : 4;
      if (at > end) return false;
      continue;
    }
    if (wireType !== 0 && wireType !== 2) return false;
    at = readVarint(buf, at, end);
    if (at < 0) return false;
    at =
      wireType === 2
        ? readBytesField(at, end, field, varint.value, out, wrongWireTypeIsUnknown)
        : readNumberField(at, field, varint.value, out, wrongWireTypeIsUnknown);
    if (at < 0) return false;
  }
  return true;
}

/** The last varint readVarint read: kept here, so that reading one allocates nothing. */
const varint = { value: 0 };

/**
 * Reads the varint at buf[at] into `varint.value`: up to 10 bytes, exact below 2^53. Returns where it ends,
 * or -1 when it runs past `end` or past 10 bytes.
 */
function readVarint(buf: Buffer, at: number, end: number): number {
  let value = 0;
  let scale = 1;
  for (let i = 0; ; i++) {
    if (i === 10 || at >= end) return -1;
    const b = buf[at++]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) break;
  }
  varint.value = value;
  return at;
}

/** A varint field ending at `at`: a revision or the version. Returns `at`, or -1 if malformed. */
function readNumberField(
  at: number,
  field: number,
  value: number,
  out: KeyValueSpan,
  wrongWireTypeIsUnknown: boolean,
): number {
  if (field === 1 || field === 5) return wrongWireTypeIsUnknown ? at : -1;
  if (field === 2) out.createRevision = value;
  else if (field === 3) out.modRevision = value;
  else if (field === 4) out.version = value;
  return at;
}

/** A length-delimited field of `length` bytes at `at`: the key (1), the value (5), or one skipped. */
function readBytesField(
  at: number,
  end: number,
  field: number,
  length: number,
  out: KeyValueSpan,
  wrongWireTypeIsUnknown: boolean,
): number {
  if (at + length > end) return -1;
  if (field === 1) {
    out.keyStart = at;
    out.keyEnd = at + length;
  } else if (field === 5) {
    out.valueStart = at;
    out.valueEnd = at + length;
  } else if (field >= 2 && field <= 6 && !wrongWireTypeIsUnknown) return -1;
  return at + length;
}
