import { afterEach, describe, expect, it } from 'vitest';
import { actionInputs, storeFrom } from '../../src/options';
import { s3SettingsFrom } from '../../src/options/s3';

// Inputs reach an action as INPUT_<NAME> variables, set here the way the runner does.
function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}
afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
});

const failure = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('the S3 options, as action inputs', () => {
  it('turn into the S3 store settings', () => {
    setInputs({
      store: 's3://etcd-backups/prod',
      s3_endpoint: 'https://s3.example.net',
      s3_region: 'eu-central-1',
      s3_path_style: 'true',
      s3_storage_class: 'STANDARD_IA',
      s3_sse: 'aws:kms',
      s3_sse_kms_key_id: 'alias/etcd-backups',
      s3_object_lock: 'compliance',
      s3_object_lock_days: '30',
    });
    expect(s3SettingsFrom(actionInputs(), true, 'store')).toEqual({
      endpoint: 'https://s3.example.net',
      region: 'eu-central-1',
      forcePathStyle: true,
      storageClass: 'STANDARD_IA',
      serverSideEncryption: { mode: 'aws:kms', kmsKeyId: 'alias/etcd-backups' },
      objectLock: { mode: 'COMPLIANCE', days: 30 },
    });
    expect(storeFrom(actionInputs(), { writes: true }).location).toBe('s3://etcd-backups/prod');
  });

  it('are refused, each named as the workflow spells it, when they do not fit', () => {
    setInputs({ store: 'artifact', s3_region: 'eu-central-1' });
    expect(failure(() => storeFrom(actionInputs(), { writes: true }))).toBe(
      "input 's3_region': expected nothing unless store is s3://BUCKET/PREFIX",
    );
    setInputs({ store: 's3://etcd-backups/prod', s3_region: '', s3_object_lock_days: '30' });
    expect(failure(() => storeFrom(actionInputs(), { writes: true }))).toBe(
      "input 's3_object_lock': expected s3_object_lock and s3_object_lock_days together (one was given without the other)",
    );
    setInputs({ s3_object_lock_days: '', s3_sse_kms_key_id: 'alias/x' });
    expect(failure(() => storeFrom(actionInputs(), { writes: true }))).toBe(
      "input 's3_sse_kms_key_id': expected nothing unless s3_sse is aws:kms",
    );
    setInputs({ s3_sse_kms_key_id: '', s3_endpoint: 'ftp://files.example.net' });
    expect(failure(() => storeFrom(actionInputs(), { writes: true }))).toBe(
      "input 's3_endpoint': expected an http(s) URL like https://s3.example.net (got 'ftp://files.example.net')",
    );
    setInputs({ s3_endpoint: '', s3_object_lock: 'forever', s3_object_lock_days: '1' });
    expect(failure(() => storeFrom(actionInputs(), { writes: true }))).toBe(
      "input 's3_object_lock': expected 'governance' or 'compliance' (got 'forever')",
    );
  });
});
