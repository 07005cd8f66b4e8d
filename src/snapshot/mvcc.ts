import { forEachField } from './protobuf';

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

export function decodeKeyValue(buf: Buffer): KeyValue | undefined {
  const kv: KeyValue = { key: EMPTY, createRevision: 0, modRevision: 0, version: 0, value: EMPTY };
  const ok = forEachField(buf, (f) => {
    switch (f.field) {
      case 1:
      case 5:
        if (f.wireType !== 2) return false;
        if (f.field === 1) kv.key = f.bytes!;
        else kv.value = f.bytes!;
        return true;
      case 2:
      case 3:
      case 4:
      case 6:
        if (f.wireType !== 0) return false;
        if (f.field === 2) kv.createRevision = f.varint;
        else if (f.field === 3) kv.modRevision = f.varint;
        else if (f.field === 4) kv.version = f.varint;
        return true;
      default:
        return true;
    }
  });
  return ok ? kv : undefined;
}
