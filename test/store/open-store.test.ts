import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors';
import type { BlobBackend, BlobInfo } from '../../src/store/backend';
import { StoreError } from '../../src/store/errors';
import { openBackend, openStore, parseStoreSpec } from '../../src/store/open-store';
import { withRetries } from '../../src/store/retry';
import { S3Backend } from '../../src/store/s3-store';
import { backupNameOfKey } from '../../src/store/store';
import { withEnv } from '../support/github/local-github';

describe('store URLs', () => {
  it('reads s3://BUCKET/PREFIX, the prefix optional and its slashes tidied', () => {
    expect(parseStoreSpec('s3://etcd-backups/prod/eu')).toEqual({
      kind: 's3',
      bucket: 'etcd-backups',
      prefix: 'prod/eu',
    });
    expect(parseStoreSpec('s3://etcd-backups')).toEqual({ kind: 's3', bucket: 'etcd-backups', prefix: '' });
    expect(parseStoreSpec('s3://etcd-backups//prod/')).toEqual({
      kind: 's3',
      bucket: 'etcd-backups',
      prefix: 'prod',
    });
    expect(openBackend('s3://etcd-backups/prod/').location).toBe('s3://etcd-backups/prod');
    expect(openBackend('s3://etcd-backups/prod')).toBeInstanceOf(S3Backend);
  });

  it('refuses bucket names S3 would refuse, and dot segments, naming the input', () => {
    for (const bad of ['s3://', 's3://a', 's3://Upper', 's3://under_score/x', 's3://b/../x']) {
      const error = (() => {
        try {
          parseStoreSpec(bad, 'store');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^input 'store': expected s3:\/\/BUCKET\/PREFIX/);
    }
  });

  it('refuses S3 options with a store that is not S3', () => {
    expect(() => openBackend('dir:/tmp/x', { s3: { region: 'eu-west-1' } })).toThrow(
      "input '--store': expected s3://BUCKET/PREFIX when S3 options are given (got dir)",
    );
  });

  it('knows which backup a key belongs to', () => {
    expect(backupNameOfKey('prod-20261121T100000Z-r7.json')).toBe('prod-20261121T100000Z-r7');
    expect(backupNameOfKey('prod-20261121T100000Z-r7.age.part012')).toBe('prod-20261121T100000Z-r7');
    expect(backupNameOfKey('prod-20261121T100000Z-r7.json.part001')).toBeUndefined();
    expect(backupNameOfKey('notes.txt')).toBeUndefined();
  });
});

/** A backend whose calls fail as told: the service, not our code, is what is stood in for. */
function flakyBackend(failures: StoreError[]): BlobBackend & { calls: string[] } {
  const calls: string[] = [];
  const next = async <T>(call: string, value: T): Promise<T> => {
    calls.push(call);
    const failure = failures.shift();
    if (failure) throw failure;
    return value;
  };
  return {
    location: 'flaky',
    calls,
    put: (key) => next(`put ${key}`, undefined),
    get: (key) => next(`get ${key}`, Readable.from([])),
    list: () => next('list', [] as BlobInfo[]),
    delete: (key) => next(`delete ${key}`, undefined),
  };
}

describe('S3 credentials', () => {
  it('come only from the AWS SDK chain; with none anywhere, one line says where they may come from', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-aws-'));
    const restore = withEnv({
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: join(empty, 'credentials'),
      AWS_CONFIG_FILE: join(empty, 'config'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    try {
      const store = openStore('s3://etcd-backups/prod', {
        s3: { endpoint: 'http://127.0.0.1:9', forcePathStyle: true },
      });
      const error = (await store.list().then(
        () => undefined,
        (e: unknown) => e,
      )) as StoreError;
      expect(error).toBeInstanceOf(StoreError);
      expect(error.reason).toBe('permission');
      expect(error.message).toBe('s3://etcd-backups/prod: list objects: no AWS credentials found');
      expect(error.hint).toMatch(/AWS_ACCESS_KEY_ID.*AWS_PROFILE.*role-to-assume/);
    } finally {
      restore();
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('the retry wrapper', () => {
  const fast = { baseDelayMs: 1, maxDelayMs: 2 };
  const busy = () => new StoreError('unavailable', 'flaky: busy', { transient: true });

  it('retries transient failures of any call and gives up after the attempts, saying so', async () => {
    const backend = flakyBackend([busy(), busy()]);
    await withRetries(backend, fast).list();
    expect(backend.calls).toEqual(['list', 'list', 'list']);
    const hopeless = flakyBackend(Array.from({ length: 9 }, busy));
    await expect(withRetries(hopeless, { ...fast, attempts: 3 }).delete('k')).rejects.toThrow(
      'flaky: busy (gave up after 3 tries)',
    );
    expect(hopeless.calls).toHaveLength(3);
  });

  it('does not retry a refusal, nor a put whose bytes can be read only once', async () => {
    const refused = flakyBackend([new StoreError('permission', 'flaky: no')]);
    await expect(withRetries(refused, fast).list()).rejects.toThrow('flaky: no');
    expect(refused.calls).toEqual(['list']);
    const live = flakyBackend([busy()]);
    await expect(
      withRetries(live, fast).put('k', { open: () => Readable.from([]), replayable: false }),
    ).rejects.toThrow('flaky: busy');
    expect(live.calls).toEqual(['put k']);
  });

  it('fails at once when the service asks to wait longer than the policy allows', async () => {
    const limited = flakyBackend([
      new StoreError('rate-limited', 'flaky: rate limited', { transient: true, retryAfterMs: 3_600_000 }),
    ]);
    const error = (await withRetries(limited, fast)
      .list()
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as StoreError;
    expect(error.reason).toBe('rate-limited');
    expect(error.message).toMatch(/^flaky: rate limited; the rate limit resets only at \d{4}-/);
  });
});
