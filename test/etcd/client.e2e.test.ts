import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxEtcdClient } from '../../sandbox/etcd-client';
import { etcdOrSkipReason, type LocalEtcd, startLocalEtcd } from '../support/local-etcd';

const binaries = etcdOrSkipReason('3.5');
const skip = typeof binaries === 'string' ? binaries : undefined;

describe.skipIf(skip !== undefined)(
  `the etcd client against a real etcd${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let etcd: LocalEtcd;
    let client: SandboxEtcdClient;

    beforeAll(async () => {
      etcd = await startLocalEtcd('3.5');
      client = SandboxEtcdClient.connect({ address: etcd.address });
      for (const key of ['/a/b', '/a/c', '/b/a']) await client.put(key, key);
    });
    afterAll(async () => {
      client?.close();
      await etcd?.stop();
    });

    it('gets exactly one key, and nothing for a key that is not there (not the keys after it)', async () => {
      expect((await client.range('/a/b')).kvs.map((kv) => kv.key.toString())).toEqual(['/a/b']);
      expect((await client.range('/a/a')).kvs).toEqual([]);
    });

    it('deletes exactly one key, and nothing when the key is not there', async () => {
      expect((await client.deleteRange('/a/a')).deleted).toBe(0);
      expect((await client.deleteRange('/a/c')).deleted).toBe(1);
      expect((await client.range('/', { prefix: true })).kvs.map((kv) => kv.key.toString())).toEqual([
        '/a/b',
        '/b/a',
      ]);
    });

    it('ranges over a prefix and pages through it with scan', async () => {
      for (let i = 0; i < 25; i++) await client.put(`/p/${String(i).padStart(2, '0')}`, 'v');
      expect((await client.range('/p/', { prefix: true, countOnly: true })).count).toBe(25);
      let n = 0;
      for await (const _ of client.scan('/p/', { prefix: true, pageSize: 7 })) n++;
      expect(n).toBe(25);
    });

    it('streams a snapshot whose announced size is what arrives, trailer included', async () => {
      const stream = await client.openSnapshot();
      let bytes = 0;
      for await (const chunk of stream.chunks) bytes += chunk.length;
      expect(bytes).toBe(stream.totalBytes);
      expect(bytes % 512).toBe(32);
    });
  },
);
