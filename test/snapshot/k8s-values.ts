import { randomBytes } from 'node:crypto';

/** Encoders for Kubernetes-shaped etcd values, written from the wire format (research §5.2). */

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Buffer.from(out);
}

function lengthDelimited(field: number, body: Buffer | string): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([varint(field * 8 + 2), varint(bytes.length), bytes]);
}

/** `k8s\0` + runtime.Unknown{typeMeta, raw (an object whose field 1 is ObjectMeta), "", ""}. */
export function protobufObject(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
  payloadBytes = 64,
): Buffer {
  const objectMeta = Buffer.concat([
    lengthDelimited(1, name),
    ...(namespace ? [lengthDelimited(3, namespace)] : []),
    lengthDelimited(5, randomBytes(16).toString('hex')),
  ]);
  const raw = Buffer.concat([lengthDelimited(1, objectMeta), lengthDelimited(2, randomBytes(payloadBytes))]);
  const typeMeta = Buffer.concat([lengthDelimited(1, apiVersion), lengthDelimited(2, kind)]);
  return Buffer.concat([
    Buffer.from('k8s\0', 'latin1'),
    lengthDelimited(1, typeMeta),
    lengthDelimited(2, raw),
    Buffer.from([0x1a, 0x00, 0x22, 0x00]),
  ]);
}

export function jsonObject(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
  padding = 0,
): Buffer {
  const metadata: Record<string, string> = { name, uid: randomBytes(16).toString('hex') };
  if (namespace) metadata.namespace = namespace;
  return Buffer.from(
    `${JSON.stringify({ apiVersion, kind, metadata, spec: { data: 'x'.repeat(padding) } })}\n`,
  );
}

/** What kube-apiserver stores for an encrypted object: the provider prefix, then ciphertext. */
export function encryptedObject(
  provider: 'aescbc' | 'aesgcm' | 'secretbox' | 'kms',
  keyName = 'key1',
): Buffer {
  const version = provider === 'kms' ? 'v2' : 'v1';
  return Buffer.concat([Buffer.from(`k8s:enc:${provider}:${version}:${keyName}:`), randomBytes(200)]);
}
