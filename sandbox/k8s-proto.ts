/**
 * Just enough protobuf to write values the way kube-apiserver stores built-in objects: the 'k8s\0' magic, then
 * runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding "", contentType ""}, where raw is the
 * object's own protobuf with ObjectMeta as field 1.
 */

type Field = [number, number | bigint | string | Buffer | Field[] | undefined];

function varint(value: number | bigint): Buffer {
  let v = BigInt(value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return Buffer.from(out);
}

/** Encodes fields in order: numbers as varints, strings/Buffers as bytes, nested field lists as messages. */
export function message(fields: Field[]): Buffer {
  const parts: Buffer[] = [];
  for (const [number, value] of fields) {
    if (value === undefined) continue;
    if (typeof value === 'number' || typeof value === 'bigint') {
      parts.push(varint(number << 3), varint(value));
      continue;
    }
    const body = Array.isArray(value) ? message(value) : Buffer.isBuffer(value) ? value : Buffer.from(value);
    parts.push(varint((number << 3) | 2), varint(body.length), body);
  }
  return Buffer.concat(parts);
}

/** map<string, string|bytes> entries as repeated field `number`. */
export function mapEntries(number: number, map: Record<string, string | Buffer>): Field[] {
  return Object.keys(map)
    .sort()
    .map(
      (k) =>
        [
          number,
          [
            [1, k],
            [2, map[k]],
          ],
        ] as Field,
    );
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  creationTimestamp: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function objectMeta(m: ObjectMeta): Field[] {
  return [
    [1, m.name],
    [3, m.namespace],
    [5, m.uid],
    [8, [[1, m.creationTimestamp]]],
    ...mapEntries(11, m.labels ?? {}),
    ...mapEntries(12, m.annotations ?? {}),
  ];
}

export const K8S_MAGIC = Buffer.from('k8s\0', 'latin1');

/** A stored built-in object: magic + runtime.Unknown wrapping the object's protobuf (ObjectMeta first). */
export function storedObject(apiVersion: string, kind: string, meta: ObjectMeta, rest: Field[] = []): Buffer {
  const raw = message([[1, objectMeta(meta)], ...rest]);
  const unknown = message([
    [
      1,
      [
        [1, apiVersion],
        [2, kind],
      ],
    ],
    [2, raw],
    [3, ''],
    [4, ''],
  ]);
  return Buffer.concat([K8S_MAGIC, unknown]);
}

export type { Field };
