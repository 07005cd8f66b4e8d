import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EtcdMinor, findEtcd } from '../../sandbox/etcd-binaries';
import { diffSnapshots } from '../../src/snapshot/diff';
import { inventorySnapshot } from '../../src/snapshot/inventory';
import { SnapshotTrailerCheck } from '../../src/snapshot/trailer';
import { verifySnapshot } from '../../src/snapshot/verify';
import { runCli } from '../support/cli';
import { type LocalEtcd, startLocalEtcd } from '../support/local-etcd';
import { readLayout } from './bbolt-layout';
import { reseal } from './craft';
import { compareStatusWithEtcd, etcdToolStatus } from './etcd-status';

const runInspect = (args: string[]) => runCli(['inspect', ...args]);

import { jsonEntry, type Model, protobufEntry, SCOPES, seedCluster, waitForStorageVersion } from './seed';

function expectedInventory(model: Model) {
  const resources = new Map<
    string,
    { count: number; namespaces: Record<string, number>; kinds: Record<string, number> }
  >();
  let other = 0;
  const secrets = { total: 0, encrypted: 0, plain: 0, providers: {} as Record<string, number> };
  for (const object of model.objects.values()) {
    if (!object) {
      other++;
      continue;
    }
    const r = resources.get(object.resource) ?? { count: 0, namespaces: {}, kinds: {} };
    resources.set(object.resource, r);
    r.count++;
    r.namespaces[object.namespace] = (r.namespaces[object.namespace] ?? 0) + 1;
    r.kinds[object.kind] = (r.kinds[object.kind] ?? 0) + 1;
    if (object.resource === 'secrets') {
      secrets.total++;
      if (object.provider) {
        secrets.encrypted++;
        secrets.providers[object.provider] = (secrets.providers[object.provider] ?? 0) + 1;
      } else secrets.plain++;
    }
  }
  return { resources, other, secrets };
}

for (const minor of ['3.4', '3.5', '3.6', '3.7'] as EtcdMinor[]) {
  const hasStorageVersion = minor === '3.6' || minor === '3.7';
  const found = findEtcd(minor);
  const missing = 'missing' in found ? found.missing : undefined;
  describe.skipIf(missing !== undefined)(
    `a snapshot made by etcd ${minor}${missing ? ` (skipped: ${missing})` : ''}`,
    () => {
      let etcd: LocalEtcd;
      let model: Model;
      let dir: string;
      let snapshot: string;

      beforeAll(async () => {
        dir = await mkdtemp(join(tmpdir(), `snapshot-status-${minor}-`));
        etcd = await startLocalEtcd(minor);
        model = await seedCluster(etcd);
        if (hasStorageVersion) expect(await waitForStorageVersion(model.client)).toBe(`${minor}.0`);
        snapshot = join(dir, 'a.db');
        await etcd.etcdctl(['snapshot', 'save', snapshot]);
      }, 120_000);

      afterAll(async () => {
        model?.client.close();
        await etcd?.stop();
        if (dir) await rm(dir, { recursive: true, force: true });
      });

      it('inspect --json prints one object whose status fields equal the etcd tool JSON field by field', async () => {
        const theirs = await etcdToolStatus(found as Exclude<typeof found, { missing: string }>, snapshot);
        const { code, stdout } = await runInspect([snapshot, '--json']);
        expect(code).toBe(0);
        expect(stdout.trim().split('\n')).toHaveLength(1);
        const ours = JSON.parse(stdout) as Record<string, unknown>;
        expect({
          hash: ours.hash,
          revision: ours.revision,
          totalKey: ours.totalKey,
          totalSize: ours.totalSize,
          version: ours.version,
        }).toEqual({
          ...theirs,
          version: theirs.version,
        });
        expect(Object.hasOwn(ours, 'version')).toBe(hasStorageVersion);
        expect(ours.trailer).toBe('ok');
        expect(ours.integrity).toEqual({ ok: true, problems: [], problemCount: 0 });
      });

      it('confirms the trailer of a snapshot streamed over gRPC, and the saved stream verifies intact', async () => {
        const streamed = join(dir, 'streamed.db');
        const check = new SnapshotTrailerCheck();
        const stream = await model.client.openSnapshot();
        await pipeline(Readable.from(stream.chunks), check, createWriteStream(streamed));
        expect(check.result.trailer).toBe('ok');
        const report = await verifySnapshot(streamed);
        expect(report.integrity.ok).toBe(true);
        expect(report.sha256).toBe(check.result.sha256);
        // From 3.6 the stream names the storage version, which is also in the snapshot's meta bucket.
        expect(stream.version).toBe(hasStorageVersion ? `${minor}.0` : '');
        expect(report.storageVersion).toBe(hasStorageVersion ? `${minor}.0` : null);
      });

      it('is intact: trailer ok, above 3 MB, values spanning overflow pages, a compaction revision recorded', async () => {
        const report = await verifySnapshot(snapshot);
        expect(report.integrity.ok).toBe(true);
        expect(report.totalSize!).toBeGreaterThan(3 << 20);
        expect(report.compactRevision).toBeGreaterThan(0);
        expect(report.buckets.authUsers).toBe(1);
        expect(report.buckets.authRoles).toBe(1);
        expect(report.buckets.lease).toBe(1);
        const layout = readLayout(snapshot);
        expect([...layout.pages.values()].filter((p) => p.type === 'overflow').length).toBeGreaterThan(100);
        expect([...layout.pages.values()].some((p) => p.bucket === 'key' && p.type === 'branch')).toBe(true);
      });

      // Each other semantics is checked on snapshots of at least one other version (3.7's on 3.5 and 3.6 files).
      const otherMinors: EtcdMinor[] = {
        '3.4': ['3.6'],
        '3.5': ['3.7'],
        '3.6': ['3.5', '3.7'],
        '3.7': ['3.6'],
      }[minor] as EtcdMinor[];
      for (const otherMinor of otherMinors) {
        const other = findEtcd(otherMinor);
        const otherMissing = 'missing' in other ? ` (skipped: ${other.missing})` : '';
        it.skipIf(otherMissing !== '')(
          `inspect --etcd-compat ${otherMinor} follows etcd ${otherMinor}, matching etcdutl ${otherMinor} on the same file${otherMissing}`,
          async () => {
            const tool = other as Exclude<typeof other, { missing: string }>;
            const { differences } = await compareStatusWithEtcd(tool, snapshot, otherMinor);
            expect(differences).toEqual([]);
            const theirs = await etcdToolStatus(tool, snapshot);
            const cli = await runInspect([snapshot, '--json', '--etcd-compat', otherMinor]);
            expect(cli.code).toBe(0);
            const ours = JSON.parse(cli.stdout) as Record<string, unknown>;
            expect(ours.etcdCompat).toBe(otherMinor);
            expect({
              hash: ours.hash,
              revision: ours.revision,
              totalKey: ours.totalKey,
              totalSize: ours.totalSize,
              version: ours.version,
            }).toEqual({ ...theirs, version: theirs.version });
          },
        );
      }

      it.skipIf(!hasStorageVersion)(
        `reads a KeyValue with a known field of the wrong wire type as etcdutl ${minor} does (gogo refuses it, Go protobuf skips it)`,
        async () => {
          // The version field's tag (4, varint) becomes field 5 (the value, length-delimited) as a varint.
          const copy = await readFile(snapshot);
          const key = Buffer.from('/registry/namespaces/default');
          let at = copy.indexOf(Buffer.concat([Buffer.from([0x0a, key.length]), key])) + 2 + key.length;
          while (copy[at] !== 0x20) {
            at++;
            while (copy[at]! & 0x80) at++;
            at++;
          }
          copy[at] = 0x28;
          const damaged = join(dir, 'wrong-wire-type.db');
          await writeFile(damaged, reseal(copy));
          const tool = found as Exclude<typeof found, { missing: string }>;
          const ours = await verifySnapshot(damaged);
          if (minor === '3.6') {
            await expect(etcdToolStatus(tool, damaged)).rejects.toThrow(/wrong wireType = 0 for field Value/);
            expect(ours.hash).toBeNull();
            expect(ours.integrity.problems.map((p) => p.kind)).toEqual(['kv-decode']);
          } else {
            const { differences } = await compareStatusWithEtcd(tool, damaged);
            expect(differences).toEqual([]);
            expect(ours.integrity.ok).toBe(true);
            expect(ours.hash).not.toBe((await verifySnapshot(snapshot)).hash);
          }
        },
      );

      it('counts exactly the Kubernetes objects that were written, by type, namespace, kind and encryption', async () => {
        const { inventory } = await inventorySnapshot(snapshot);
        const expected = expectedInventory(model);
        expect(inventory.otherKeys).toBe(expected.other);
        expect(inventory.secrets).toEqual(expected.secrets);
        expect(inventory.resources.map((r) => r.resource)).toEqual([...expected.resources.keys()].sort());
        for (const r of inventory.resources) {
          const e = expected.resources.get(r.resource)!;
          expect({ resource: r.resource, count: r.count, namespaces: r.namespaces, kinds: r.kinds }).toEqual({
            resource: r.resource,
            ...e,
          });
          expect(r.names).toBeUndefined();
        }
        expect(JSON.stringify(inventory)).not.toContain('web-1');
        const named = (await inventorySnapshot(snapshot, { names: true })).inventory;
        expect(named.resources.find((r) => r.resource === 'pods')!.names).toContain('default/web-1');
      });

      it('diffs against a later snapshot with exactly the changes made in between', async () => {
        const s = SCOPES;
        for (let i = 0; i < 7; i++) {
          const [k, v, o] = protobufEntry(s.pod, 'team-b', `new-${i}`);
          await model.put(k, v, o);
        }
        for (let i = 0; i < 3; i++) await model.delete(`/registry/deployments/default/web-${i}`);
        for (let i = 0; i < 4; i++) {
          const [k, v, o] = jsonEntry(s.configmap, 'bulk', `blob-${i}`, 21_000);
          await model.put(k, v, o);
        }
        const same = model.objects.get('/registry/namespaces/default');
        expect(same).toBeTruthy();
        await model.delete('/app/config');
        const later = join(dir, 'b.db');
        await etcd.etcdctl(['snapshot', 'save', later]);
        const { diff } = await diffSnapshots(snapshot, later);
        expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({
          added: 7,
          removed: 4,
          changed: 4,
        });
        expect(diff.groups).toEqual([
          { resource: '(other)', namespace: '', added: 0, removed: 1, changed: 0 },
          { resource: 'configmaps', namespace: 'bulk', added: 0, removed: 0, changed: 4 },
          { resource: 'deployments', namespace: 'default', added: 0, removed: 3, changed: 0 },
          { resource: 'pods', namespace: 'team-b', added: 7, removed: 0, changed: 0 },
        ]);
        expect(diff.names).toBeUndefined();
        const named = (await diffSnapshots(snapshot, later, { names: true })).diff;
        expect(named.names?.removed).toContain('/registry/deployments/default/web-0');
        const cli = await runInspect([snapshot, '--diff', later, '--json']);
        expect(cli.code).toBe(0);
        expect((JSON.parse(cli.stdout) as { diff: { changed: number } }).diff.changed).toBe(4);
      });

      it('accepts a raw member/snap/db copy only with the no-trailer warning, exit code 4 and the same status', async () => {
        model.client.close();
        await etcd.halt();
        const raw = join(dir, 'raw.db');
        await copyFile(join(etcd.dataDir, 'data', 'member', 'snap', 'db'), raw).catch(async () => {
          throw new Error(
            `member/snap/db not found under ${etcd.dataDir} (${JSON.stringify(await stat(etcd.dataDir).catch(() => null))})`,
          );
        });
        const { code, stdout, stderr } = await runInspect([raw, '--json']);
        expect(code).toBe(4);
        const ours = JSON.parse(stdout) as {
          trailer: string;
          noIntegrityTrailer: boolean;
          hash: number;
          totalKey: number;
        };
        expect(ours.trailer).toBe('missing');
        expect(ours.noIntegrityTrailer).toBe(true);
        expect(stderr).toContain('no integrity trailer');
        const theirs = await etcdToolStatus(found as Exclude<typeof found, { missing: string }>, raw);
        expect({ hash: ours.hash, totalKey: ours.totalKey }).toEqual({
          hash: theirs.hash,
          totalKey: theirs.totalKey,
        });
      });
    },
  );
}
