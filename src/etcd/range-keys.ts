import protobuf from 'protobufjs/minimal.js';

/** One key of a keys-only range: its bytes (a view into the response) and the revision of its newest value. */
export interface KeyRevision {
  key: Buffer;
  modRevision: number;
}

export interface KeysPage {
  keys: KeyRevision[];
  revision: bigint;
  more: boolean;
}

// Field numbers of etcdserverpb.RangeResponse, ResponseHeader and mvccpb.KeyValue.
const RESPONSE = { header: 1, kvs: 2, more: 3 } as const;
const HEADER_REVISION = 3;
const KV = { key: 1, modRevision: 3 } as const;

// protobufjs gives a Long where the `long` package is loaded, else a number.
const asNumber = (v: unknown) => (typeof v === 'number' ? v : (v as { toNumber(): number }).toNumber());

/**
 * Decodes a RangeResponse keeping only what a keys-only listing needs. The generic decoder builds an object with
 * every field (four int64s as strings, empty values) per key; at tens of thousands of keys a page, that garbage
 * is what grew the restore's memory while it checked the keys.
 */
export function decodeKeysPage(message: Buffer): KeysPage {
  const reader = protobuf.Reader.create(message);
  const page: KeysPage = { keys: [], revision: 0n, more: false };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === RESPONSE.header && (tag & 7) === 2) page.revision = headerRevision(reader);
    else if (field === RESPONSE.kvs && (tag & 7) === 2) page.keys.push(keyRevision(reader, message));
    else if (field === RESPONSE.more && (tag & 7) === 0) page.more = reader.bool();
    else reader.skipType(tag & 7);
  }
  return page;
}

function headerRevision(reader: protobuf.Reader): bigint {
  const end = reader.uint32() + reader.pos;
  let revision = 0n;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === HEADER_REVISION && (tag & 7) === 0) revision = BigInt(String(reader.int64()));
    else reader.skipType(tag & 7);
  }
  return revision;
}

function keyRevision(reader: protobuf.Reader, message: Buffer): KeyRevision {
  const end = reader.uint32() + reader.pos;
  let key: Buffer = EMPTY;
  let modRevision = 0;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === KV.key && (tag & 7) === 2) {
      const length = reader.uint32();
      key = message.subarray(reader.pos, reader.pos + length);
      reader.pos += length;
    } else if (field === KV.modRevision && (tag & 7) === 0) modRevision = asNumber(reader.int64());
    else reader.skipType(tag & 7);
  }
  return { key, modRevision };
}

const EMPTY: Buffer = Buffer.alloc(0);
