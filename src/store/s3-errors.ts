import { StoreError } from './errors';

interface S3Failure {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

interface Where {
  what: string;
  location: string;
  bucket: string;
  endpoint: string;
  /** Object Lock retention was asked for: a refused upload most likely means the bucket lacks it. */
  objectLock: boolean;
}

const CREDENTIALS_HINT =
  'credentials come from the AWS SDK chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or web identity (aws-actions/configure-aws-credentials with role-to-assume)';

/** One line naming what to fix, for every way S3 (or the way to it) can fail. */
export function translateS3Error(error: unknown, where: Where): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as S3Failure;
  const code = e.name ?? e.Code ?? e.code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const message = (e.message ?? String(error)).split('\n')[0]!;
  const { what, location, bucket, endpoint } = where;
  const fail = (reason: StoreError['reason'], text: string, hint: string, transient = false) =>
    new StoreError(reason, `${location}: ${what}: ${text}`, { hint, cause: error, transient });

  switch (code) {
    case 'NoSuchBucket':
      return fail(
        'bad-location',
        `bucket ${bucket} does not exist at ${endpoint}`,
        `create the bucket, or fix the bucket name in the store (s3://BUCKET/PREFIX)`,
      );
    case 'NoSuchKey':
    case 'NotFound':
      return fail(
        'not-found',
        'no such object',
        `list what is there with: etcd-backup list --store ${location}`,
      );
    case 'InvalidAccessKeyId':
      return fail(
        'permission',
        `the service does not know the access key ID`,
        `fix AWS_ACCESS_KEY_ID (${CREDENTIALS_HINT})`,
      );
    case 'SignatureDoesNotMatch':
      return fail(
        'permission',
        'the secret key does not match the access key ID',
        `fix AWS_SECRET_ACCESS_KEY (${CREDENTIALS_HINT})`,
      );
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return fail(
        'permission',
        'the session credentials have expired',
        `get fresh ones (${CREDENTIALS_HINT})`,
      );
    case 'AccessDenied':
      return fail(
        'permission',
        `access denied: ${message}`,
        'grant these credentials s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on the bucket and prefix (and kms:GenerateDataKey/kms:Decrypt for SSE-KMS)',
      );
    case 'CredentialsProviderError':
      return fail('permission', 'no AWS credentials found', `provide some: ${CREDENTIALS_HINT}`);
    case 'InvalidStorageClass':
      return fail(
        'bad-location',
        `the storage class was refused: ${message}`,
        'use one the service offers (e.g. STANDARD, STANDARD_IA, GLACIER_IR)',
      );
    case 'InvalidBucketState':
    case 'InvalidRequest':
      if (/object lock/i.test(message) || (where.objectLock && what.startsWith('upload'))) {
        return fail(
          'bad-location',
          `bucket ${bucket} has no Object Lock: ${message}`,
          'create the bucket with Object Lock enabled, or store without object lock',
        );
      }
      return fail(
        'bad-location',
        `the request was refused: ${message}`,
        'check the store options (endpoint, path style, encryption, object lock)',
      );
    case 'KMS.NotFoundException':
    case 'KMS.DisabledException':
    case 'KMSInvalidStateException':
      return fail(
        'permission',
        `the KMS key cannot be used: ${message}`,
        'check the SSE-KMS key id and that these credentials may use it',
      );
    case 'BadDigest':
    case 'InvalidDigest':
    case 'XAmzContentSHA256Mismatch':
      return fail(
        'digest-mismatch',
        `the service found the bytes damaged in transit (${code})`,
        'run the backup again',
        true,
      );
    case 'EntityTooLarge':
      return fail(
        'limit',
        `the object is too large: ${message}`,
        'S3 takes objects up to 5 TiB in up to 10,000 parts',
      );
    case 'SlowDown':
    case 'ServiceUnavailable':
    case 'InternalError':
    case 'RequestTimeout':
    case 'ThrottlingException':
      return fail('unavailable', `the service is busy or failing (${code})`, 'try again later', true);
  }
  if (/region is missing/i.test(message)) {
    return fail('bad-location', 'no AWS region is set', 'set the region option or AWS_REGION');
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${code} ${message}`)) {
    return fail(
      'unavailable',
      `cannot reach ${endpoint}: ${message}`,
      'check the endpoint option and the network',
      true,
    );
  }
  if (status === 301 || code === 'PermanentRedirect') {
    return fail(
      'bad-location',
      `bucket ${bucket} is in another region`,
      "set the region option to the bucket's region",
    );
  }
  if (status === 403) return fail('permission', `forbidden (403): ${code || message}`, CREDENTIALS_HINT);
  if (status === 404)
    return fail(
      'not-found',
      `not found (404): ${code || message}`,
      `check the bucket and prefix in ${location}`,
    );
  const transient = status === undefined || status >= 500 || status === 429;
  return fail(
    'unavailable',
    `${code ? `${code}: ` : ''}${message}`,
    'the S3 service did not answer well; try again later',
    transient,
  );
}
