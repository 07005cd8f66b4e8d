import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackupCatalog } from '../../src/store/catalog-store';
import { StoreError } from '../../src/store/errors';
import { openBackend, type S3Settings } from '../../src/store/open-store';
import { prune } from '../../src/store/retention';
import { withRetries } from '../../src/store/retry';
import { partSizeFor, type S3Backend } from '../../src/store/s3-store';
import { k8sLikeSnapshot, randomStream } from '../envelope/k8s-like-data';
import { S3FaultProxy } from '../support/s3-proxy';
import { type SeaweedFs, startSeaweedFs, weedOrSkipReason } from '../support/seaweedfs';
import { draftFor, type Keys, newKeys, roundTrip, sha256Of } from './helpers';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const weed = weedOrSkipReason();
const noWeed = typeof weed === 'string' ? undefined : weed.missing;
const t0 = new Date('2026-11-21T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as Error).message).not.toContain('\n');
  expect((error as StoreError).hint ?? '').not.toContain('\n');
  return error as StoreError;
}

describe('S3 upload part sizes', () => {
  it('fit any snapshot in 10,000 parts with room, never under 8 MiB or over 5 GiB', () => {
    expect(partSizeFor(undefined)).toBe(8 * MiB);
    expect(partSizeFor(100 * MiB)).toBe(8 * MiB);
    for (const size of [8 * GiB, 100 * GiB, 4 * 1024 * GiB]) {
      const part = partSizeFor(size);
      expect(part % MiB).toBe(0);
      expect(Math.ceil((size * 1.2) / part)).toBeLessThan(10_000);
    }
    expect(partSizeFor(100 * 1024 * GiB)).toBe(5 * GiB);
  });
});

describe.skipIf(noWeed !== undefined)(
  `backups in S3, on a real SeaweedFS behind a fault-injecting proxy${noWeed ? ` (skipped: ${noWeed})` : ''}`,
  () => {
    let seaweed: SeaweedFs;
    let proxy: S3FaultProxy;
    let keys: Keys;

    const backends = new Map<BackupCatalog, S3Backend>();
    /** The store as openStore builds it (catalog over the retried backend), through the proxy, 5 MiB parts. */
    const storeAt = (url: string, s3: Partial<S3Settings> = {}) => {
      const backend = openBackend(url, {
        s3: {
          endpoint: proxy.endpoint,
          forcePathStyle: true,
          credentials: seaweed.credentials,
          partSize: 5 * MiB,
          ...s3,
        },
      }) as S3Backend;
      const store = new BackupCatalog(withRetries(backend, { baseDelayMs: 20, maxDelayMs: 100 }));
      backends.set(store, backend);
      return store;
    };
    const backendOf = (store: BackupCatalog) => backends.get(store)!;
    const head = (bucket: string, key: string) =>
      seaweed.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));

    beforeAll(async () => {
      seaweed = await startSeaweedFs(weed as string);
      proxy = await new S3FaultProxy(seaweed.endpoint).start();
      await seaweed.createBucket('backups');
      await seaweed.createBucket('locked', { objectLock: true });
      keys = await newKeys();
    });
    afterEach(() => {
      proxy.faults.length = 0;
    });
    afterAll(async () => {
      await proxy?.stop();
      await seaweed?.stop();
    });

    it('round-trips a 23 MiB blob in five parts, each sent with a SHA-256 checksum, in the storage class asked for', async () => {
      const store = storeAt('s3://backups/many-parts', { storageClass: 'STANDARD_IA' });
      const draft = draftFor('prod', t0, 1, keys.recipient);
      const { stored } = await roundTrip(store, () => randomStream(23 * MiB), keys, draft);
      const parts = proxy.requests.filter((r) => r.method === 'PUT' && r.url.includes(`${draft.name}.age?`));
      expect(
        parts.map((r) => Number(new URL(r.url, 'http://x').searchParams.get('partNumber'))).sort(),
      ).toEqual([1, 2, 3, 4, 5]);
      for (const part of parts) expect(part.headers['x-amz-checksum-sha256']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const object = await head('backups', `many-parts/${draft.name}.age`);
      expect(object.ContentLength).toBe(stored.envelope.blob.size);
      expect(object.StorageClass).toBe('STANDARD_IA');
    });

    it('has the service refuse a part whose bytes changed on the way, and leaves nothing behind', async () => {
      const store = storeAt('s3://backups/corrupted');
      proxy.faults.push({ match: /^PUT .*partNumber=2&/, action: 'corrupt', times: 1 });
      const draft = draftFor('prod', t0, 2, keys.recipient);
      const error = await storeError(store.put(draft.name, randomStream(12 * MiB), draft));
      expect(error.reason).toBe('digest-mismatch');
      expect(error.message).toMatch(
        /damaged in transit \((BadDigest|XAmzContentSHA256Mismatch|InvalidDigest)\)/,
      );
      expect(await store.list()).toEqual({ backups: [], problems: [] });
      expect(await backendOf(store).pendingUploads()).toEqual([]);
    });

    it('leaves no backup and no multipart upload behind when the connection is cut mid-upload', async () => {
      const store = storeAt('s3://backups/cut');
      // First, that the check sees an orphaned multipart upload when there is one.
      const probe = await seaweed.client.send(
        new CreateMultipartUploadCommand({ Bucket: 'backups', Key: 'cut/orphan-probe' }),
      );
      expect(await backendOf(store).pendingUploads()).toEqual(['cut/orphan-probe']);
      await seaweed.client.send(
        new AbortMultipartUploadCommand({
          Bucket: 'backups',
          Key: 'cut/orphan-probe',
          UploadId: probe.UploadId,
        }),
      );
      proxy.faults.push({ match: /^PUT .*partNumber=3&/, action: 'cut', times: Number.POSITIVE_INFINITY });
      const draft = draftFor('prod', t0, 3, keys.recipient);
      const error = await storeError(store.put(draft.name, randomStream(23 * MiB), draft));
      expect(error.reason).toBe('unavailable');
      const cut = proxy.requests.filter((r) => /partNumber=3&/.test(r.url) && r.url.includes(draft.name));
      expect(cut.length).toBeGreaterThan(1);
      expect(cut.every((r) => r.status === 0)).toBe(true);
      expect(
        proxy.requests.some((r) => r.method === 'DELETE' && r.url.includes(`${draft.name}.age?uploadId=`)),
      ).toBe(true);
      expect(await store.list()).toEqual({ backups: [], problems: [] });
      expect(await backendOf(store).pendingUploads()).toEqual([]);
    });

    it('aborts, before the next backup, a multipart upload that a run which died outright left behind', async () => {
      const store = storeAt('s3://backups/abandoned', { abandonedUploadAgeMs: 0 });
      await seaweed.client.send(
        new CreateMultipartUploadCommand({
          Bucket: 'backups',
          Key: 'abandoned/prod-20261120T100000Z-r1.age',
        }),
      );
      expect(await backendOf(store).pendingUploads()).toEqual(['abandoned/prod-20261120T100000Z-r1.age']);
      const draft = draftFor('prod', t0, 20, keys.recipient);
      await roundTrip(store, () => k8sLikeSnapshot(10_000), keys, draft);
      expect(await backendOf(store).pendingUploads()).toEqual([]);
    });

    it('leaves nothing behind when the snapshot stream breaks mid-upload', async () => {
      const store = storeAt('s3://backups/broken-source');
      const draft = draftFor('prod', t0, 4, keys.recipient);
      let sent = 0;
      const breaking = new Readable({
        read() {
          sent += MiB;
          if (sent > 12 * MiB) this.destroy(new Error('ssh connection dropped'));
          else this.push(Buffer.alloc(MiB, sent & 0xff));
        },
      });
      await expect(store.put(draft.name, breaking, draft)).rejects.toThrow('ssh connection dropped');
      expect(await store.list()).toEqual({ backups: [], problems: [] });
      expect(await backendOf(store).pendingUploads()).toEqual([]);
    });

    it('fails a download that breaks off mid-stream with one line, not a socket error', async () => {
      const store = storeAt('s3://backups/many-parts');
      const [stored] = (await store.list()).backups;
      proxy.faults.push({ match: /^GET .*\.age/, action: 'cut-answer', times: 1 });
      const back = await store.get(stored!.name);
      const error = await storeError(sha256Of(back.blob));
      expect(error.reason).toBe('unavailable');
      expect(error.message).toMatch(
        new RegExp(`^s3://backups/many-parts/${stored!.name}\\.age: the download broke off: `),
      );
    });

    it('retries a 503 SlowDown and stores the backup', async () => {
      const store = storeAt('s3://backups/slow');
      proxy.faults.push({ match: /^PUT .*\.json/, action: 'slowdown', times: 1 });
      const draft = draftFor('prod', t0, 5, keys.recipient);
      await roundTrip(store, () => k8sLikeSnapshot(100_000), keys, draft);
      const metadataPuts = proxy.requests.filter(
        (r) => r.method === 'PUT' && r.url.includes(`${draft.name}.json`),
      );
      expect(metadataPuts.map((r) => r.status)).toEqual([503, 200]);
    });

    it('names the secret key when it is wrong, in one line', async () => {
      const store = storeAt('s3://backups/x', {
        credentials: { ...seaweed.credentials, secretAccessKey: 'not-the-secret' },
      });
      const error = await storeError(store.list());
      expect(error.reason).toBe('permission');
      expect(error.message).toBe(
        's3://backups/x: list objects: the secret key does not match the access key ID',
      );
      expect(error.hint).toMatch(/^fix AWS_SECRET_ACCESS_KEY/);
    });

    it('names the access key ID when the service does not know it', async () => {
      const store = storeAt('s3://backups/x', {
        credentials: { accessKeyId: 'NOSUCHKEY', secretAccessKey: 'whatever' },
      });
      const error = await storeError(store.list());
      expect(error.reason).toBe('permission');
      expect(error.message).toBe('s3://backups/x: list objects: the service does not know the access key ID');
      expect(error.hint).toMatch(/^fix AWS_ACCESS_KEY_ID/);
    });

    it('names the bucket when it does not exist, before reading the snapshot', async () => {
      const store = storeAt('s3://no-such-bucket/etcd');
      const draft = draftFor('prod', t0, 6, keys.recipient);
      const error = await storeError(store.put(draft.name, k8sLikeSnapshot(1000), draft));
      expect(error.reason).toBe('bad-location');
      expect(error.message).toBe(
        `s3://no-such-bucket/etcd: list objects: bucket no-such-bucket does not exist at ${proxy.endpoint}`,
      );
      expect(error.hint).toContain('s3://BUCKET/PREFIX');
    });

    it('retains backups with Object Lock: delete refuses, prune reports them as locked and goes on', async () => {
      const store = storeAt('s3://locked/etcd', { objectLock: { mode: 'GOVERNANCE', days: 1 } });
      const older = draftFor('prod', minutes(0), 10, keys.recipient);
      const newer = draftFor('prod', minutes(5), 11, keys.recipient);
      await roundTrip(store, () => k8sLikeSnapshot(50_000), keys, older);
      await roundTrip(store, () => k8sLikeSnapshot(50_000), keys, newer);
      for (const key of [`${older.name}.age`, `${older.name}.json`]) {
        const object = await head('locked', `etcd/${key}`);
        expect(object.ObjectLockMode).toBe('GOVERNANCE');
        expect(object.ObjectLockRetainUntilDate!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
      }
      // The service enforces it, not only our check: deleting the version itself is refused.
      const version = (await head('locked', `etcd/${older.name}.age`)).VersionId;
      await expect(
        seaweed.client.send(
          new DeleteObjectCommand({ Bucket: 'locked', Key: `etcd/${older.name}.age`, VersionId: version }),
        ),
      ).rejects.toThrow(/Access Denied/);

      const refused = await storeError(store.delete(older.name));
      expect(refused.reason).toBe('locked');
      expect(refused.message).toMatch(
        new RegExp(`^s3://locked/etcd/${older.name}\\.json is locked \\(GOVERNANCE\\) until \\d{4}-`),
      );
      const result = await prune(store, { keepLast: 1 });
      expect(result.locked.map((l) => l.backup.name)).toEqual([older.name]);
      expect(result.delete).toEqual([]);
      expect((await store.list()).backups.map((b) => b.name).sort()).toEqual([older.name, newer.name]);
    });

    it('writes compliance-mode retention when asked', async () => {
      const store = storeAt('s3://locked/compliance', { objectLock: { mode: 'COMPLIANCE', days: 1 } });
      const draft = draftFor('prod', t0, 12, keys.recipient);
      await roundTrip(store, () => k8sLikeSnapshot(10_000), keys, draft);
      expect((await head('locked', `compliance/${draft.name}.age`)).ObjectLockMode).toBe('COMPLIANCE');
    });

    it('refuses object lock on a bucket created without it, saying how to fix it', async () => {
      const store = storeAt('s3://backups/no-lock', { objectLock: { mode: 'GOVERNANCE', days: 1 } });
      const draft = draftFor('prod', t0, 13, keys.recipient);
      const error = await storeError(store.put(draft.name, k8sLikeSnapshot(1000), draft));
      expect(error.reason).toBe('bad-location');
      expect(error.message).toMatch(/bucket backups has no Object Lock/);
      expect(error.hint).toBe('create the bucket with Object Lock enabled, or store without object lock');
    });

    it('asks for SSE-S3 on top of age; SeaweedFS without a KMS refuses it, and nothing is left behind', async () => {
      const store = storeAt('s3://backups/sse', { serverSideEncryption: { mode: 'AES256' }, maxAttempts: 1 });
      const draft = draftFor('prod', t0, 14, keys.recipient);
      await storeError(store.put(draft.name, k8sLikeSnapshot(1000), draft));
      const sent = proxy.requests.filter(
        (r) => r.method === 'PUT' && r.url.includes(`sse/${draft.name}.age`),
      );
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((r) => r.headers['x-amz-server-side-encryption'] === 'AES256')).toBe(true);
      expect(await store.list()).toEqual({ backups: [], problems: [] });
    });
  },
);
