/**
 * Just enough protobuf wire-format reading for etcd's mvccpb.KeyValue and Kubernetes' runtime.Unknown:
 * varints, length-delimited fields, skipping unknown fields. Returns undefined on malformed input.
 */
export interface WireField {
  field: number;
  wireType: number;
  /** Varint value (wire type 0). Exact below 2^53; only used for revisions and versions. */
  varint: number;
  /** Bytes of a length-delimited field (wire type 2). */
  bytes: Buffer | undefined;
}

export function readVarint(buf: Buffer, at: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (at + i >= buf.length) return undefined;
    const b = buf[at + i]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return undefined;
}

/** Calls `onField` for each field; returns false if the message is malformed. */
export function forEachField(buf: Buffer, onField: (f: WireField) => boolean | undefined): boolean {
  let at = 0;
  while (at < buf.length) {
    const tag = readVarint(buf, at);
    if (!tag || tag.value < 8) return false;
    at = tag.next;
    const field = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    let varint = 0;
    let bytes: Buffer | undefined;
    if (wireType === 0) {
      const v = readVarint(buf, at);
      if (!v) return false;
      varint = v.value;
      at = v.next;
    } else if (wireType === 2) {
      const len = readVarint(buf, at);
      if (!len || len.next + len.value > buf.length) return false;
      bytes = buf.subarray(len.next, len.next + len.value);
      at = len.next + len.value;
    } else if (wireType === 1) {
      if (at + 8 > buf.length) return false;
      at += 8;
    } else if (wireType === 5) {
      if (at + 4 > buf.length) return false;
      at += 4;
    } else {
      return false;
    }
    if (onField({ field, wireType, varint, bytes }) === false) return false;
  }
  return true;
}
