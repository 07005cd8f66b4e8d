import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * Bytes shaped like an etcd snapshot of a Kubernetes cluster, streamed, never held whole: 4 KiB pages of
 * key/value records whose values look like Kubernetes protobuf objects (the `k8s\0` magic, repeated field
 * names, label sets, image names, UUIDs, timestamps), with Secrets carrying incompressible random data and
 * some page slack left as zeros, like bbolt's partly filled pages.
 */
const KINDS = [
  'pods',
  'configmaps',
  'secrets',
  'events',
  'services',
  'endpointslices',
  'leases',
  'replicasets',
];
const NAMESPACES = [
  'kube-system',
  'default',
  'monitoring',
  'ingress-nginx',
  'payments',
  'web',
  'batch',
  'cert-manager',
];
const IMAGES = [
  'registry.k8s.io/pause:3.10',
  'nginx:1.27.3',
  'ghcr.io/acme/api:v2.14.1',
  'quay.io/prometheus/node-exporter:v1.8.2',
];

function record(i: number): Buffer {
  const kind = KINDS[i % KINDS.length]!;
  const ns = NAMESPACES[(i * 7) % NAMESPACES.length]!;
  const name = `${kind.slice(0, -1)}-${(i * 2654435761) % 100000}-${randomUUID().slice(0, 5)}`;
  const key = `/registry/${kind}/${ns}/${name}`;
  const fields = [
    'k8s\u0000\n\u0002v1\u0012',
    `kind:${kind}`,
    `metadata{name:${name},namespace:${ns},uid:${randomUUID()},resourceVersion:${1000 + i},`,
    `creationTimestamp:2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z,`,
    `labels{app.kubernetes.io/name:${ns}-app,app.kubernetes.io/part-of:${ns},pod-template-hash:${(i * 31) % 9999}},`,
    'managedFields[{manager:kube-controller-manager,operation:Update,apiVersion:v1,fieldsType:FieldsV1}]}',
  ];
  if (kind === 'pods')
    fields.push(`spec{containers[{name:main,image:${IMAGES[i % IMAGES.length]},resources{}}]}`);
  if (kind === 'secrets') fields.push(`data{tls.key:${randomBytes(600).toString('base64')}}`);
  if (kind === 'events')
    fields.push(`reason:Scheduled,message:Successfully assigned ${ns}/${name} to node-${i % 5}`);
  const value = Buffer.from(fields.join(''));
  const head = Buffer.alloc(8);
  head.writeUInt32LE(key.length, 0);
  head.writeUInt32LE(value.length, 4);
  return Buffer.concat([head, Buffer.from(key), value]);
}

export function k8sLikeSnapshot(totalBytes: number): Readable {
  let produced = 0;
  let i = 0;
  const PAGE = 4096;
  return new Readable({
    highWaterMark: 1 << 20,
    read() {
      if (produced >= totalBytes) {
        this.push(null);
        return;
      }
      const pages: Buffer[] = [];
      for (let p = 0; p < 64 && produced < totalBytes; p++) {
        const page = Buffer.alloc(PAGE);
        let used = 16;
        // Leave roughly a quarter of each page empty, as bbolt does after splits and deletes.
        while (used < PAGE * 0.75) {
          const r = record(i++);
          if (used + r.length > PAGE) break;
          r.copy(page, used);
          used += r.length;
        }
        page.writeUInt32LE(produced / PAGE, 0);
        const n = Math.min(PAGE, totalBytes - produced);
        pages.push(n === PAGE ? page : page.subarray(0, n));
        produced += n;
      }
      this.push(Buffer.concat(pages));
    },
  });
}

/** Incompressible bytes, streamed. */
export function randomStream(totalBytes: number, chunk = 1 << 20): Readable {
  let produced = 0;
  return new Readable({
    read() {
      if (produced >= totalBytes) return void this.push(null);
      const n = Math.min(chunk, totalBytes - produced);
      produced += n;
      this.push(randomBytes(n));
    },
  });
}
