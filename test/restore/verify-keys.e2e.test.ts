import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import { SandboxEtcdClient } from '../../sandbox/etcd-client';
import { freeLoopbackPort } from '../../src/drill/scratch-etcd';
import { compareKeysWithSnapshot, compareWithSnapshot } from '../../src/restore/compare-keys';
import { analyzeSnapshot } from '../../src/snapshot';
import type { LiveKeys } from '../../src/snapshot/live-keys';

const run = promisify(execFile);
const etcd = findEtcd('3.5');
const missing = 'missing' in etcd ? etcd.missing : undefined;

interface LocalEtcd {
  client: SandboxEtcdClient;
  address: string;
  stop(): Promise<void>;
}

/** A fresh single-member etcd on loopback (plain HTTP), empty. */
async function startEtcd(dir: string, name: string): Promise<LocalEtcd> {
  if ('missing' in etcd) throw new Error(etcd.missing);
  const [clientPort, peerPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child: ChildProcess = spawn(
    etcd.etcd,
    [
      `--name=${name}`,
      `--data-dir=${join(dir, name)}`,
      `--listen-client-urls=${url}`,
      `--advertise-client-urls=${url}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=${name}=${peer}`,
      '--log-level=error',
    ],
    { stdio: 'ignore' },
  );
  const address = `127.0.0.1:${clientPort}`;
  const client = SandboxEtcdClient.connect({ address, callTimeoutMs: 2_000 });
  const stop = async () => {
    client.close();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  for (let i = 0; ; i++) {
    try {
      await client.range('probe', { countOnly: true });
      return { client, address, stop };
    } catch (error) {
      if (i > 150) {
        await stop();
        throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The same 3000 keys written in the same order (so the same revisions), values made from `flavour`. */
async function fill(client: SandboxEtcdClient, flavour: string): Promise<void> {
  for (let batch = 0; batch < 30; batch++) {
    const entries: Array<[string, string]> = [];
    for (let i = 0; i < 100; i++) {
      const n = batch * 100 + i;
      entries.push([`/registry/configmaps/ns/cm-${String(n).padStart(5, '0')}`, `${flavour}-${n}`]);
    }
    await client.putMany(entries);
  }
}

describe.skipIf(missing)(
  `the restore's key check (etcd 3.5${missing ? `: skipped, ${missing}` : ''})`,
  () => {
    let dir: string;
    let a: LocalEtcd;
    let b: LocalEtcd;
    let live: LiveKeys;

    beforeAll(async () => {
      if ('missing' in etcd) return;
      dir = await mkdtemp(join(tmpdir(), 'verify-keys-'));
      [a, b] = await Promise.all([startEtcd(dir, 'a'), startEtcd(dir, 'b')]);
      await Promise.all([fill(a.client, 'cluster-a'), fill(b.client, 'cluster-b')]);
      const snapshot = join(dir, 'a.db');
      await run(etcd.etcdctl, [`--endpoints=http://${a.address}`, 'snapshot', 'save', snapshot], {
        env: { ...process.env, ETCDCTL_API: '3' },
      });
      const analysis = await analyzeSnapshot(snapshot, { liveKeys: 'detailed' });
      live = analysis.liveKeys!;
    }, 60_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('finds the cluster the snapshot was taken from equal, comparing the values of a sample', async () => {
      const keys = await compareKeysWithSnapshot(a.client, live);
      expect(keys).toMatchObject({ expected: 3000, restored: 3000, missing: 0, unexpected: 0, changed: 0 });
      expect(keys.valuesCompared).toBeGreaterThanOrEqual(32 * 32);
    });

    it('catches a cluster with the same keys and revisions but other values, which only the values tell apart', async () => {
      const keys = await compareKeysWithSnapshot(b.client, live);
      expect(keys).toMatchObject({ missing: 0, unexpected: 0 });
      expect(keys.changed).toBe(keys.valuesCompared);
      expect(keys.changed).toBeGreaterThan(0);
    });

    it('counts a rewritten key as changed by its revision, and a deleted or added key, like the full read does', async () => {
      await a.client.put('/registry/configmaps/ns/cm-01234', 'cluster-a-1234');
      await a.client.deleteRange('/registry/configmaps/ns/cm-02000');
      await a.client.put('/registry/configmaps/ns/zz-new', 'x');
      const cheap = await compareKeysWithSnapshot(a.client, live);
      const full = await compareWithSnapshot(a.client, live);
      // The rewrite kept the same bytes: only its mod_revision shows it; the full read compares values only.
      expect(cheap).toMatchObject({ missing: 1, unexpected: 1, changed: 1 });
      expect(full).toMatchObject({ missing: 1, unexpected: 1, changed: 0 });
    });
  },
);
