import { Readable } from 'node:stream';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { BlobBackend, BlobInfo, BlobSource } from './backend';
import { StoreError } from './errors';
import { translateS3Error } from './s3-errors';

const MiB = 1024 * 1024;
/** S3 allows 10,000 parts of at least 5 MiB (the last excepted) and at most 5 GiB. */
const MAX_PARTS = 10_000;
export const MIN_PART_SIZE = 5 * MiB;
const MAX_PART_SIZE = 5 * 1024 * MiB;
const DEFAULT_MIN_PART = 8 * MiB;
const ABANDONED_UPLOAD_AGE_MS = 24 * 3_600_000;

export type ObjectLockMode = 'GOVERNANCE' | 'COMPLIANCE';

export interface S3StoreOptions {
  bucket: string;
  /** Folder inside the bucket, without leading or trailing slash; '' for the bucket's top. */
  prefix: string;
  /** An S3-compatible service's URL; unset means AWS. */
  endpoint?: string;
  /** Defaults to the SDK's chain (AWS_REGION, the profile); us-east-1 for a custom endpoint. */
  region?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`; most S3-compatible services need it. */
  forcePathStyle?: boolean;
  /** e.g. STANDARD_IA, GLACIER_IR; unset leaves the bucket's default. */
  storageClass?: string;
  /** Server-side encryption on top of age: `AES256` (SSE-S3) or `aws:kms` (SSE-KMS, optionally a key). */
  serverSideEncryption?: { mode: 'AES256' } | { mode: 'aws:kms'; kmsKeyId?: string };
  /** Object Lock retention for every object written; the bucket must have Object Lock enabled. */
  objectLock?: { mode: ObjectLockMode; days: number };
  /** Fixed upload part size; by default it is chosen from the blob's expected size. */
  partSize?: number;
  /** Parts in flight at once; memory is about queueSize × partSize. */
  queueSize?: number;
  /** Tries per S3 request (the SDK's own retry, which backs off on 503 SlowDown). */
  maxAttempts?: number;
  /** Multipart uploads under the prefix left this long are aborted before the next backup; default a day. */
  abandonedUploadAgeMs?: number;
  /** Tests only: explicit credentials instead of the SDK's default chain. */
  credentials?: S3ClientConfig['credentials'];
}

/** The upload part size for a blob of about `size` bytes: fits S3's 10,000 parts with room to spare. */
export function partSizeFor(size: number | undefined): number {
  if (size === undefined || size <= 0) return DEFAULT_MIN_PART;
  const needed = Math.ceil((size * 1.25 + 64 * MiB) / MAX_PARTS);
  return Math.min(MAX_PART_SIZE, Math.max(DEFAULT_MIN_PART, Math.ceil(needed / MiB) * MiB));
}

interface S3Sdk {
  sdk: typeof import('@aws-sdk/client-s3');
  Upload: typeof import('@aws-sdk/lib-storage').Upload;
  client: S3Client;
}

/**
 * Blobs as objects under `s3://bucket/prefix/`, through @aws-sdk/client-s3. Uploads stream through
 * @aws-sdk/lib-storage as multipart uploads (aborted on failure, so no half-written object or orphaned
 * parts stay behind), each part carrying a SHA-256 checksum that the service checks. Credentials come
 * from the SDK's default chain: environment, profile, web identity (GitHub OIDC).
 */
export class S3Backend implements BlobBackend {
  readonly location: string;
  private sdkPromise: Promise<S3Sdk> | undefined;

  constructor(private readonly options: S3StoreOptions) {
    this.location = `s3://${options.bucket}${options.prefix ? `/${options.prefix}` : ''}`;
    if (
      options.partSize !== undefined &&
      !(options.partSize >= MIN_PART_SIZE && options.partSize <= MAX_PART_SIZE)
    ) {
      throw new StoreError(
        'bad-location',
        `S3 part size ${options.partSize} must be between 5 MiB and 5 GiB`,
      );
    }
  }

  /** Loaded on first use: the SDK is large and only S3 users need it. */
  private sdk(): Promise<S3Sdk> {
    this.sdkPromise ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(
      ([sdk, storage]) => {
        const o = this.options;
        const region = o.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
        const client = new sdk.S3Client({
          ...(o.endpoint ? { endpoint: o.endpoint } : {}),
          ...(region ? { region } : o.endpoint ? { region: 'us-east-1' } : {}),
          forcePathStyle: o.forcePathStyle ?? false,
          maxAttempts: o.maxAttempts ?? 5,
          ...(o.credentials ? { credentials: o.credentials } : {}),
        });
        return { sdk, Upload: storage.Upload, client };
      },
    );
    return this.sdkPromise;
  }

  /** Where a key lives in the bucket. */
  objectKey(key: string): string {
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }

  async put(key: string, source: BlobSource): Promise<void> {
    const { client, Upload } = await this.sdk();
    const o = this.options;
    const sse = o.serverSideEncryption;
    const lock = o.objectLock;
    const upload = new Upload({
      client,
      params: {
        Bucket: o.bucket,
        Key: this.objectKey(key),
        // A plain stream: lib-storage would read a `size` property (as DigestStream has) as the length.
        Body: Readable.from(source.open()),
        ChecksumAlgorithm: 'SHA256',
        ContentType: key.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        ...(o.storageClass ? { StorageClass: o.storageClass as never } : {}),
        ...(sse ? { ServerSideEncryption: sse.mode } : {}),
        ...(sse?.mode === 'aws:kms' && sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}),
        ...(lock
          ? {
              ObjectLockMode: lock.mode,
              ObjectLockRetainUntilDate: new Date(Date.now() + lock.days * 86_400_000),
            }
          : {}),
      },
      partSize: o.partSize ?? partSizeFor(source.size ?? source.sizeHint),
      queueSize: o.queueSize ?? 4,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      throw this.translate(`upload ${key}`, error);
    }
  }

  async get(key: string): Promise<Readable> {
    const { client, sdk } = await this.sdk();
    try {
      const answer = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      throw this.translate(`download ${key}`, error);
    }
  }

  async list(): Promise<BlobInfo[]> {
    const { client, sdk } = await this.sdk();
    const start = this.options.prefix ? `${this.options.prefix}/` : '';
    const blobs: BlobInfo[] = [];
    try {
      for await (const page of sdk.paginateListObjectsV2(
        { client },
        { Bucket: this.options.bucket, Prefix: start, Delimiter: '/' },
      )) {
        for (const object of page.Contents ?? []) {
          if (object.Key && object.Key.length > start.length)
            blobs.push({ key: object.Key.slice(start.length), size: object.Size ?? 0 });
        }
      }
    } catch (error) {
      throw this.translate('list objects', error);
    }
    return blobs;
  }

  /**
   * Removes the object's current version for good (not just hiding it behind a delete marker in a
   * versioned bucket), unless Object Lock still retains it: then StoreError 'locked', naming the date.
   */
  async delete(key: string): Promise<void> {
    const { client, sdk } = await this.sdk();
    const Bucket = this.options.bucket;
    const Key = this.objectKey(key);
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket, Key }));
      const until = head.ObjectLockRetainUntilDate;
      if (until && until.getTime() > Date.now()) {
        const mode = head.ObjectLockMode ?? 'retention';
        throw new StoreError(
          'locked',
          `${this.location}/${key} is locked (${mode}) until ${until.toISOString()}`,
          {
            hint: 'Object Lock keeps it until then; prune removes it on a later run',
          },
        );
      }
      await client.send(
        new sdk.DeleteObjectCommand({
          Bucket,
          Key,
          ...(head.VersionId ? { VersionId: head.VersionId } : {}),
        }),
      );
    } catch (error) {
      throw this.translate(`delete ${key}`, error);
    }
  }

  /** Multipart uploads under this store's prefix that were started and never completed nor aborted. */
  async pendingUploads(): Promise<string[]> {
    return (await this.listUploads()).map((u) => u.Key ?? '');
  }

  /**
   * Aborts multipart uploads under the prefix that a run which died outright (a lost runner, a cut network)
   * left behind: their parts cost storage and are invisible to listings. Ones younger than the threshold
   * may still be running (another cluster's backup into the same prefix) and are left alone.
   */
  async prepare(): Promise<void> {
    const { client, sdk } = await this.sdk();
    const olderThan = Date.now() - (this.options.abandonedUploadAgeMs ?? ABANDONED_UPLOAD_AGE_MS);
    try {
      for (const upload of await this.listUploads()) {
        if (!upload.Key || !upload.UploadId || (upload.Initiated?.getTime() ?? 0) > olderThan) continue;
        await client.send(
          new sdk.AbortMultipartUploadCommand({
            Bucket: this.options.bucket,
            Key: upload.Key,
            UploadId: upload.UploadId,
          }),
        );
      }
    } catch (error) {
      const failure = this.translate('clean up abandoned uploads', error);
      // Opportunistic: credentials that may not list or abort uploads still get their backup stored.
      if (failure.reason !== 'permission') throw failure;
    }
  }

  private async listUploads() {
    const { client, sdk } = await this.sdk();
    const answer = await client.send(
      new sdk.ListMultipartUploadsCommand({
        Bucket: this.options.bucket,
        ...(this.options.prefix ? { Prefix: `${this.options.prefix}/` } : {}),
      }),
    );
    return answer.Uploads ?? [];
  }

  destroy(): void {
    void this.sdkPromise?.then(({ client }) => client.destroy());
  }

  private translate(what: string, error: unknown): StoreError {
    return translateS3Error(error, {
      what,
      location: this.location,
      bucket: this.options.bucket,
      endpoint: this.options.endpoint ?? 'AWS S3',
      objectLock: this.options.objectLock !== undefined,
    });
  }
}
