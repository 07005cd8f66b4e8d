// Makes a large real snapshot for measurements (not a test): `npx tsx test/snapshot/make-large-snapshot.ts OUT [MiB] [3.5]`.
// Bulk puts of Kubernetes-shaped values through a throw-away local etcd, a compaction and a few deletes so
// the file has history, then `etcdctl snapshot save`.
import { randomBytes } from 'node:crypto';
import type { EtcdMinor } from '../../sandbox/etcd-binaries';
import { SandboxEtcdClient } from '../../sandbox/etcd-client';
import { startLocalEtcd } from '../support/local-etcd';
import { protobufObject } from './k8s-values';

const [out = '/tmp/large.db', mib = '1024', minor = '3.5'] = process.argv.slice(2);
const target = Number(mib) * 1024 * 1024;
const etcd = await startLocalEtcd(minor as EtcdMinor, { quotaBackendBytes: 8 * 1024 * 1024 * 1024 });
const client = SandboxEtcdClient.connect({ address: etcd.address });
try {
  let written = 0;
  let n = 0;
  const started = Date.now();
  while (written < target) {
    const batch: Array<[string, Buffer]> = [];
    for (let i = 0; i < 100; i++, n++) {
      // Mostly a few KB (like pods), every 50th ~40 KB (like big configmaps): leaves and overflow pages.
      const size = n % 50 === 0 ? 40_000 : 1000 + (n % 7) * 700;
      const ns = `ns-${n % 40}`;
      const value = Buffer.concat([protobufObject('v1', 'Pod', ns, `pod-${n}`, 16), randomBytes(size)]);
      batch.push([`/registry/pods/${ns}/pod-${n}`, value]);
      written += value.length;
    }
    await client.putMany(batch);
    if (n % 20_000 === 0)
      process.stderr.write(
        `${n} keys, ${(written / 1048576).toFixed(0)} MiB, ${((Date.now() - started) / 1000).toFixed(0)}s\n`,
      );
  }
  const { revision } = await client.put('compact_rev_key', '1');
  for (let i = 0; i < 1000; i++) await client.deleteRange(`/registry/pods/ns-${i % 40}/pod-${i}`);
  await client.compact(revision);
  await etcd.etcdctl(['snapshot', 'save', out]);
  process.stderr.write(`saved ${out}: ${n} keys\n`);
} finally {
  client.close();
  await etcd.stop();
}
