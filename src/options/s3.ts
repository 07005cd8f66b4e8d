import { InputError } from '../errors';
import type { S3Settings } from '../store/open-store';
import { shown } from '../util/shown';
import { oneOf, switchOption, textOption, wholeNumber } from './option';
import { given, type OptionValues, read } from './values';

/** What only an `s3://BUCKET/PREFIX` store takes. Credentials are the AWS SDK's: never options of ours. */
export const S3 = {
  endpoint: textOption('s3Endpoint', {
    flag: 's3-endpoint',
    input: 's3_endpoint',
    arg: 'URL',
    help: 's3 store: URL of an S3-compatible service (default: AWS)',
    parse: (text, name) => {
      let url: URL | undefined;
      try {
        url = new URL(text);
      } catch {
        url = undefined;
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash)
        throw new InputError(name, `an http(s) URL like https://s3.example.net (got ${shown(text)})`);
      return text;
    },
  }),
  region: textOption('s3Region', {
    flag: 's3-region',
    input: 's3_region',
    arg: 'R',
    help: 's3 store: the bucket region (default: AWS_REGION; us-east-1 with an endpoint)',
    parse: (text, name) => {
      if (!/^[a-z0-9-]{2,32}$/.test(text))
        throw new InputError(name, `a region like eu-west-1 (got ${shown(text)})`);
      return text;
    },
  }),
  pathStyle: switchOption('s3PathStyle', {
    flag: 's3-path-style',
    input: 's3_path_style',
    help: 's3 store: https://host/bucket/key addressing (most S3-compatible services need it)',
  }),
  storageClass: textOption('s3StorageClass', {
    flag: 's3-storage-class',
    input: 's3_storage_class',
    arg: 'C',
    help: 's3 store: storage class, e.g. STANDARD_IA or GLACIER_IR (default: the bucket default)',
    parse: (text, name) => {
      if (!/^[A-Z][A-Z0-9_]{1,40}$/.test(text))
        throw new InputError(name, `a storage class like STANDARD_IA (got ${shown(text)})`);
      return text;
    },
  }),
  sse: textOption('s3Sse', {
    flag: 's3-sse',
    input: 's3_sse',
    arg: 'MODE',
    help: 's3 store: server-side encryption on top of age: AES256 (SSE-S3) or aws:kms (SSE-KMS)',
    parse: oneOf(['AES256', 'aws:kms'] as const),
  }),
  sseKmsKeyId: textOption('s3SseKmsKeyId', {
    flag: 's3-sse-kms-key-id',
    input: 's3_sse_kms_key_id',
    arg: 'KEY',
    help: 's3 store: KMS key id, ARN or alias for s3-sse aws:kms (default: the bucket key)',
  }),
  objectLock: textOption('s3ObjectLock', {
    flag: 's3-object-lock',
    input: 's3_object_lock',
    arg: 'MODE',
    help: 's3 store: Object Lock retention for each backup: governance or compliance',
    parse: oneOf(['governance', 'compliance'] as const),
  }),
  objectLockDays: textOption('s3ObjectLockDays', {
    flag: 's3-object-lock-days',
    input: 's3_object_lock_days',
    arg: 'N',
    help: 's3 store: days each backup stays locked (with s3-object-lock)',
    parse: wholeNumber(1, 36_500, 'a number of days'),
  }),
};

/** What reading verbs (list, restore, drill, inspect, prune) take: where the bucket is. */
export const S3_READ = [S3.endpoint, S3.region, S3.pathStyle];
/** What backup takes: also how the objects are written. */
export const S3_WRITE = Object.values(S3);

/** The S3 options given, checked against each other and the store; undefined when none was given. */
export function s3SettingsFrom(
  values: OptionValues,
  storeIsS3: boolean,
  storeName: string,
): S3Settings | undefined {
  const first = Object.values(S3).find((option) => given(values, option));
  if (!first) return undefined;
  if (!storeIsS3)
    throw new InputError(values.nameOf(first), `nothing unless ${storeName} is s3://BUCKET/PREFIX`);
  const settings: S3Settings = {};
  const endpoint = read(values, S3.endpoint);
  const region = read(values, S3.region);
  const pathStyle = read(values, S3.pathStyle);
  const storageClass = read(values, S3.storageClass);
  if (endpoint !== undefined) settings.endpoint = endpoint;
  if (region !== undefined) settings.region = region;
  if (pathStyle !== undefined) settings.forcePathStyle = pathStyle;
  if (storageClass !== undefined) settings.storageClass = storageClass;
  const sse = read(values, S3.sse);
  const kmsKeyId = read(values, S3.sseKmsKeyId);
  if (kmsKeyId !== undefined && sse !== 'aws:kms')
    throw new InputError(values.nameOf(S3.sseKmsKeyId), `nothing unless ${values.nameOf(S3.sse)} is aws:kms`);
  if (sse === 'AES256') settings.serverSideEncryption = { mode: 'AES256' };
  if (sse === 'aws:kms')
    settings.serverSideEncryption = { mode: 'aws:kms', ...(kmsKeyId !== undefined ? { kmsKeyId } : {}) };
  const lock = read(values, S3.objectLock);
  const days = read(values, S3.objectLockDays);
  if ((lock === undefined) !== (days === undefined)) {
    const missing = lock === undefined ? S3.objectLock : S3.objectLockDays;
    throw new InputError(
      values.nameOf(missing),
      `${values.nameOf(S3.objectLock)} and ${values.nameOf(S3.objectLockDays)} together (one was given without the other)`,
    );
  }
  if (lock !== undefined && days !== undefined)
    settings.objectLock = { mode: lock === 'governance' ? 'GOVERNANCE' : 'COMPLIANCE', days };
  return settings;
}
