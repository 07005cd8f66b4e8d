import { optionName } from '../options/naming';
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

/** One failure as seen: its code, HTTP status and first line of message, and where it happened. */
interface Seen extends Where {
  code: string;
  status: number | undefined;
  message: string;
}

/** What a failure is taken to be: the StoreError's kind, the text after `location: what: `, the hint. */
interface Verdict {
  kind: StoreError['kind'];
  text: string;
  hint: string;
  transient?: boolean;
}

type Rule = (seen: Seen) => Verdict;

const CREDENTIALS_HINT =
  'credentials come from the AWS SDK chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or web identity (aws-actions/configure-aws-credentials with role-to-assume)';

/** One line naming what to fix, for every way S3 (or the way to it) can fail. */
export function translateS3Error(error: unknown, where: Where): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as S3Failure;
  const seen: Seen = {
    ...where,
    code: e.name ?? e.Code ?? e.code ?? '',
    status: e.$metadata?.httpStatusCode,
    message: (e.message ?? String(error)).split('\n')[0]!,
  };
  const verdict = BY_CODE.get(seen.code)?.(seen) ?? byCircumstance(seen);
  return new StoreError(verdict.kind, `${where.location}: ${where.what}: ${verdict.text}`, {
    hint: verdict.hint,
    cause: error,
    transient: verdict.transient ?? false,
  });
}

/** S3 error codes (and the SDK's error names), each with what it means. */
const CODE_RULES: Array<[codes: string[], rule: Rule]> = [
  [
    ['NoSuchBucket'],
    ({ bucket, endpoint }) => ({
      kind: 'bad-location',
      text: `bucket ${bucket} does not exist at ${endpoint}`,
      hint: `create the bucket, or fix the bucket name in ${optionName('store')} (s3://BUCKET/PREFIX)`,
    }),
  ],
  [
    ['NoSuchKey', 'NotFound'],
    ({ location }) => ({
      kind: 'not-found',
      text: 'no such object',
      hint: `list what is there with: etcd-backup list --store ${location}`,
    }),
  ],
  [
    ['InvalidAccessKeyId'],
    () => ({
      kind: 'permission',
      text: `the service does not know the access key ID`,
      hint: `fix AWS_ACCESS_KEY_ID (${CREDENTIALS_HINT})`,
    }),
  ],
  [
    ['SignatureDoesNotMatch'],
    () => ({
      kind: 'permission',
      text: 'the secret key does not match the access key ID',
      hint: `fix AWS_SECRET_ACCESS_KEY (${CREDENTIALS_HINT})`,
    }),
  ],
  [
    ['ExpiredToken', 'TokenRefreshRequired'],
    () => ({
      kind: 'permission',
      text: 'the session credentials have expired',
      hint: `get fresh ones (${CREDENTIALS_HINT})`,
    }),
  ],
  [
    ['AccessDenied'],
    ({ message }) => ({
      kind: 'permission',
      text: `access denied: ${message}`,
      hint: 'grant these credentials s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on the bucket and prefix (and kms:GenerateDataKey/kms:Decrypt for SSE-KMS)',
    }),
  ],
  [
    ['CredentialsProviderError'],
    () => ({
      kind: 'permission',
      text: 'no AWS credentials found',
      hint: `provide some: ${CREDENTIALS_HINT}`,
    }),
  ],
  [
    ['InvalidStorageClass'],
    ({ message }) => ({
      kind: 'bad-location',
      text: `the storage class was refused: ${message}`,
      hint: `give ${optionName('s3StorageClass')} one the service offers (e.g. STANDARD, STANDARD_IA, GLACIER_IR)`,
    }),
  ],
  [['InvalidBucketState', 'InvalidRequest'], refusedRequest],
  [
    ['KMS.NotFoundException', 'KMS.DisabledException', 'KMSInvalidStateException'],
    ({ message }) => ({
      kind: 'permission',
      text: `the KMS key cannot be used: ${message}`,
      hint: `check ${optionName('s3SseKmsKeyId')} and that these credentials may use that key`,
    }),
  ],
  [
    ['BadDigest', 'InvalidDigest', 'XAmzContentSHA256Mismatch'],
    ({ code }) => ({
      kind: 'digest-mismatch',
      text: `the service found the bytes damaged in transit (${code})`,
      hint: 'run the backup again',
      transient: true,
    }),
  ],
  [
    ['EntityTooLarge'],
    ({ message }) => ({
      kind: 'limit',
      text: `the object is too large: ${message}`,
      hint: 'S3 takes objects up to 5 TiB in up to 10,000 parts',
    }),
  ],
  [
    ['SlowDown', 'ServiceUnavailable', 'InternalError', 'RequestTimeout', 'ThrottlingException'],
    ({ code }) => ({
      kind: 'unavailable',
      text: `the service is busy or failing (${code})`,
      hint: 'try again later',
      transient: true,
    }),
  ],
];

/** A Map rather than an object, so that a code such as `constructor` never finds a prototype's member. */
const BY_CODE = new Map<string, Rule>(
  CODE_RULES.flatMap(([codes, rule]) => codes.map((c) => [c, rule] as const)),
);

/** A refused request: most likely a bucket without Object Lock when Object Lock was asked for. */
function refusedRequest({ message, objectLock, what, bucket }: Seen): Verdict {
  if (/object lock/i.test(message) || (objectLock && what.startsWith('upload'))) {
    return {
      kind: 'bad-location',
      text: `bucket ${bucket} has no Object Lock: ${message}`,
      hint: `create the bucket with Object Lock enabled, or store without ${optionName('s3ObjectLock')}`,
    };
  }
  return {
    kind: 'bad-location',
    text: `the request was refused: ${message}`,
    hint: `check ${optionName('s3Endpoint')}, ${optionName('s3PathStyle')}, ${optionName('s3Sse')} and ${optionName('s3ObjectLock')}`,
  };
}

/** A failure without a code in the table, told apart by its message and then its HTTP status. */
function byCircumstance({ code, status, message, location, bucket, endpoint }: Seen): Verdict {
  if (/region is missing/i.test(message)) {
    return {
      kind: 'bad-location',
      text: 'no AWS region is set',
      hint: `set ${optionName('s3Region')} or AWS_REGION`,
    };
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(`${code} ${message}`)) {
    return {
      kind: 'unavailable',
      text: `cannot reach ${endpoint}: ${message}`,
      hint: `check ${optionName('s3Endpoint')} and the network`,
      transient: true,
    };
  }
  if (status === 301 || code === 'PermanentRedirect') {
    return {
      kind: 'bad-location',
      text: `bucket ${bucket} is in another region`,
      hint: `set ${optionName('s3Region')} to the bucket's region`,
    };
  }
  if (status === 403)
    return { kind: 'permission', text: `forbidden (403): ${code || message}`, hint: CREDENTIALS_HINT };
  if (status === 404) {
    return {
      kind: 'not-found',
      text: `not found (404): ${code || message}`,
      hint: `check the bucket and prefix in ${location}`,
    };
  }
  return {
    kind: 'unavailable',
    text: `${code ? `${code}: ` : ''}${message}`,
    hint: 'the S3 service did not answer well; try again later',
    transient: status === undefined || status >= 500 || status === 429,
  };
}
