import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ArtifactClient, FindOptions } from '@actions/artifact';
import { DigestStream } from '../envelope/digest';
import type { BlobBackend, BlobInfo, BlobSource } from './backend';
import { StoreError } from './errors';

export interface ArtifactStoreOptions {
  /** Days GitHub keeps the artifacts (1-90 public, up to 400 private; capped by the repository setting). */
  retentionDays?: number;
  /** Another workflow run's artifacts (read, list, delete); needs a token with `actions: read` (write to delete). */
  findBy?: NonNullable<FindOptions['findBy']>;
  /** Where blobs are staged; defaults to RUNNER_TEMP, then the OS temp dir. */
  tempDir?: string;
}

/**
 * Blobs as workflow artifacts, through the unmodified @actions/artifact client: one artifact per blob,
 * uploaded with `skipArchive` (no zip: the artifact digest is then the blob's own SHA-256, and it downloads
 * as the file itself). The client uploads from a file, so each blob is staged on disk first.
 */
export class ArtifactBackend implements BlobBackend {
  readonly location: string;
  private clientPromise: Promise<ArtifactClient> | undefined;

  constructor(private readonly options: ArtifactStoreOptions = {}) {
    const f = options.findBy;
    this.location = f ? `artifact:${f.repositoryOwner}/${f.repositoryName}#${f.workflowRunId}` : 'artifact';
  }

  // Imported on first use: the toolkit reads some environment (GITHUB_API_URL) once, at import time.
  private client(): Promise<ArtifactClient> {
    this.clientPromise ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient());
    return this.clientPromise;
  }

  private find(): FindOptions {
    return this.options.findBy ? { findBy: this.options.findBy } : {};
  }

  async put(key: string, source: BlobSource): Promise<void> {
    if (this.options.findBy) {
      throw new StoreError(
        'bad-location',
        `cannot upload to ${this.location}: artifacts can only be added to the current run`,
      );
    }
    const client = await this.client();
    await this.withTempDir(async (dir) => {
      const path = join(dir, key);
      const digest = new DigestStream();
      const file = await open(path, 'wx', 0o600);
      await pipeline(source.open(), digest, file.createWriteStream());
      const upload = { skipArchive: true, compressionLevel: 0, retentionDays: this.options.retentionDays };
      const uploaded = await this.call(`upload ${key}`, () =>
        client.uploadArtifact(key, [path], dir, upload),
      );
      if (uploaded.digest && uploaded.digest.replace(/^sha256:/, '') !== digest.digest.sha256) {
        await client.deleteArtifact(key).catch(() => {});
        throw new StoreError(
          'digest-mismatch',
          `artifact ${key}: the service recorded a different SHA-256 than was sent`,
          {
            hint: 'the upload was damaged in transit; run the backup again',
          },
        );
      }
    });
  }

  async get(key: string): Promise<Readable> {
    const client = await this.client();
    const artifact = await this.lookup(client, key);
    const dir = await this.tempDir();
    try {
      await this.call(`download ${key}`, () =>
        client.downloadArtifact(artifact.id, { path: dir, ...this.find() }),
      );
      const files = await readdir(dir);
      if (files.length !== 1) {
        throw new StoreError(
          'incomplete',
          `artifact ${key} downloaded as ${files.length} files instead of one`,
          {
            hint: 'it was not uploaded by etcd-backup (expected a single un-zipped file)',
          },
        );
      }
      const stream = createReadStream(join(dir, files[0]!));
      stream.once('close', () => void rm(dir, { recursive: true, force: true }));
      return stream;
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async list(): Promise<BlobInfo[]> {
    const client = await this.client();
    const { artifacts } = await this.call('list artifacts', () =>
      client.listArtifacts({ latest: true, ...this.find() }),
    );
    return artifacts.map((a) => ({
      key: a.name,
      size: a.size,
      ...(a.digest ? { sha256: a.digest.replace(/^sha256:/, '') } : {}),
    }));
  }

  async delete(key: string): Promise<void> {
    const client = await this.client();
    await this.call(`delete ${key}`, () => client.deleteArtifact(key, this.find()));
  }

  private async lookup(client: ArtifactClient, key: string) {
    return (await this.call(`find ${key}`, () => client.getArtifact(key, this.find()))).artifact;
  }

  private async call<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.translate(what, error);
    }
  }

  private translate(what: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const e = error as Error & { status?: number };
    const message = (e.message ?? String(error)).split('\n')[0]!;
    if (/\(409\)|already exists/i.test(message)) {
      return new StoreError(
        'duplicate',
        `${what}: an artifact with this name already exists in this workflow run`,
        {
          hint: 'artifact names are unique per run; on a re-run or a second backup in the same second, delete the old one or wait a second',
          cause: error,
        },
      );
    }
    if (e.status === 410 || /\b410\b|expired/i.test(message)) {
      return new StoreError(
        'expired',
        `${what}: the artifact has expired (GitHub removed it after its retention period)`,
        {
          hint: 'pick a newer backup; for longer keeping raise retention-days or store backups as release assets or in S3',
          cause: error,
        },
      );
    }
    if (e.name === 'ArtifactNotFoundError' || e.status === 404) {
      return new StoreError('not-found', `${what}: not found in ${this.location}`, {
        hint: `list what is there with: etcd-backup list --store artifact${this.options.findBy ? ' --run-id …' : ''}`,
        cause: error,
      });
    }
    if (e.status === 401 || e.status === 403) {
      return new StoreError('permission', `${what}: the token was refused (${e.status})`, {
        hint: 'reading another run needs a token with actions: read; deleting needs actions: write',
        cause: error,
      });
    }
    if (e.name === 'GHESNotSupportedError') {
      return new StoreError(
        'bad-location',
        `${what}: workflow artifacts are not available on GitHub Enterprise Server`,
        {
          hint: 'use release assets, S3 or a folder store instead',
          cause: error,
        },
      );
    }
    if (e.name === 'UsageError') {
      return new StoreError('limit', `${what}: the artifact storage quota is used up`, {
        hint: 'delete old artifacts (etcd-backup prune) or raise the account storage limit',
        cause: error,
      });
    }
    // The toolkit has already retried what it considers worth retrying.
    return new StoreError('unavailable', `${what}: ${message}`, {
      hint: 'the GitHub artifact service failed; try again later',
      cause: error,
    });
  }

  private async tempDir(): Promise<string> {
    const base = this.options.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir();
    return mkdtemp(join(base, 'etcd-backup-artifact-'));
  }

  private async withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const dir = await this.tempDir();
    try {
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
