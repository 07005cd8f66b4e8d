import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freeLoopbackPort, startScratchEtcd } from '../../src/drill/scratch-etcd';
import type { EtcdClient } from '../../src/etcd/client';
import type { EtcdTools } from '../../src/restore/etcd-tools';
import { restoreSnapshot } from '../../src/restore/snapshot-restore';
import { silentLogger } from '../../src/util/log';

const ALL = Buffer.from([0]);

/** Every key and value (hex) the client sees, optionally at one revision. */
export async function readAll(client: EtcdClient, revision?: bigint): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let from = ALL;
  for (;;) {
    const page = await client.range(from, { rangeEnd: ALL, limit: 500, ...(revision ? { revision } : {}) });
    for (const kv of page.kvs) out.set(kv.key.toString('latin1'), kv.value.toString('hex'));
    if (!page.more || page.kvs.length === 0) return out;
    from = Buffer.concat([page.kvs[page.kvs.length - 1]!.key, Buffer.from([0])]);
  }
}

/** Restores a snapshot file with the etcd tools into a scratch dir, boots it, and reads every key back. */
export async function keysOfRestoredSnapshot(tools: EtcdTools, snapshotPath: string, scratchDir: string) {
  const peerUrl = `http://127.0.0.1:${await freeLoopbackPort()}`;
  const dataDir = join(scratchDir, `restored-${randomBytes(4).toString('hex')}`);
  await restoreSnapshot(tools, {
    snapshotPath,
    dataDir,
    name: 'check',
    initialAdvertisePeerUrls: peerUrl,
    initialCluster: `check=${peerUrl}`,
    initialClusterToken: `check-${randomBytes(4).toString('hex')}`,
    log: silentLogger,
  });
  const etcd = await startScratchEtcd(tools, { dataDir, name: 'check', peerUrl });
  try {
    return await readAll(etcd.client);
  } finally {
    await etcd.stop();
  }
}
