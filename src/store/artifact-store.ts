import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ArtifactClient, FindOptions } from '@actions/artifact';
import { DigestStream } from '../envelope/digest';
import {
  type BackupMetadata,
  completeMetadata,
  type MetadataDraft,
  parseBackupName,
  parseMetadataJson,
} from '../format';
import { StoreError } from './errors';
import {
  type BackupStore,
  blobFileName,
  METADATA_SUFFIX,
  metadataFileName,
  type StoredBackup,
  type StoreListing,
} from './store';
import { verifyingStream } from './verify';

export interface ArtifactStoreOptions {
  /** Days GitHub keeps the artifacts (1-90 public, up to 400 private; capped by the repository setting). */
  retentionDays?: number;
  /** Another workflow run's artifacts (read, list, delete); needs a token with `actions: read` (write to delete). */
  findBy?: NonNullable<FindOptions['findBy']>;
  /** Where blobs are staged; defaults to RUNNER_TEMP, then the OS temp dir. */
  tempDir?: string;
}

const BLOB_SUFFIXES = ['.age', '.zst', '.db'];

/**
 * Backups as workflow artifacts, through the unmodified @actions/artifact client. Each backup is two
 * artifacts: the blob, uploaded with `skipArchive` (no zip: the artifact digest is then the blob's own
 * SHA-256, and it downloads as the file itself), and the metadata JSON as its own small artifact, uploaded
 * last. Keeping the metadata separate lets `list` read every backup's details without downloading any
 * blob, and a blob without metadata marks an upload that never finished.
 */
export class ArtifactStore implements BackupStore {
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

  async put(name: string, blob: Readable, draft: MetadataDraft): Promise<BackupMetadata> {
    if (this.options.findBy) {
      blob.destroy();
      throw new StoreError(
        'bad-location',
        `cannot upload to ${this.location}: artifacts can only be added to the current run`,
      );
    }
    const client = await this.client();
    return this.withTempDir(async (dir) => {
      const blobName = blobFileName(draft);
      const blobPath = join(dir, blobName);
      const digest = new DigestStream();
      const file = await open(blobPath, 'wx', 0o600);
      await pipeline(blob, digest, file.createWriteStream());
      const upload = { skipArchive: true, compressionLevel: 0, retentionDays: this.options.retentionDays };
      const uploaded = await this.call(`upload ${blobName}`, () =>
        client.uploadArtifact(blobName, [blobPath], dir, upload),
      );
      if (uploaded.digest && uploaded.digest.replace(/^sha256:/, '') !== digest.digest.sha256) {
        await client.deleteArtifact(blobName).catch(() => {});
        throw new StoreError(
          'digest-mismatch',
          `artifact ${blobName}: the service recorded a different SHA-256 than was sent`,
          {
            hint: 'the upload was damaged in transit; run the backup again',
          },
        );
      }
      const metadata = completeMetadata(draft, digest.digest);
      const metaName = metadataFileName(name);
      const metaPath = join(dir, metaName);
      const meta = await open(metaPath, 'wx', 0o600);
      await meta.writeFile(`${JSON.stringify(metadata, null, 2)}\n`);
      await meta.close();
      await this.call(`upload ${metaName}`, () => client.uploadArtifact(metaName, [metaPath], dir, upload));
      return metadata;
    });
  }

  async list(): Promise<StoreListing> {
    const client = await this.client();
    const { artifacts } = await this.call('list artifacts', () =>
      client.listArtifacts({ latest: true, ...this.find() }),
    );
    const listing: StoreListing = { backups: [], problems: [] };
    const byName = new Map(artifacts.map((a) => [a.name, a]));
    for (const artifact of artifacts) {
      if (!artifact.name.endsWith(METADATA_SUFFIX)) continue;
      const name = artifact.name.slice(0, -METADATA_SUFFIX.length);
      if (!parseBackupName(name)) continue;
      try {
        const metadata = await this.readMetadata(name, artifact.id);
        const blob = byName.get(blobFileName(metadata));
        if (!blob) listing.problems.push(`${name}: metadata without blob artifact ${blobFileName(metadata)}`);
        else if (blob.digest && blob.digest !== `sha256:${metadata.envelope.blob.sha256}`) {
          listing.problems.push(`${name}: blob artifact digest ${blob.digest} does not match the metadata`);
        } else listing.backups.push(metadata);
      } catch (error) {
        listing.problems.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    for (const artifact of artifacts) {
      const suffix = BLOB_SUFFIXES.find((s) => artifact.name.endsWith(s));
      const name = suffix && artifact.name.slice(0, -suffix.length);
      if (name && parseBackupName(name) && !byName.has(metadataFileName(name))) {
        listing.problems.push(`${name}: blob without metadata (incomplete backup)`);
      }
    }
    return listing;
  }

  async get(name: string): Promise<StoredBackup> {
    const client = await this.client();
    const metaArtifact = await this.lookup(client, metadataFileName(name), name);
    const metadata = await this.readMetadata(name, metaArtifact.id);
    const blobArtifact = await this.lookup(client, blobFileName(metadata), name);
    const expected = `sha256:${metadata.envelope.blob.sha256}`;
    if (blobArtifact.digest && blobArtifact.digest !== expected) {
      throw new StoreError(
        'digest-mismatch',
        `artifact ${blobArtifact.name}: digest ${blobArtifact.digest} is not the recorded ${expected}`,
        {
          hint: 'the artifact was replaced after the backup was taken; do not restore it',
        },
      );
    }
    const dir = await this.tempDir();
    try {
      const path = await this.download(client, blobArtifact.id, blobArtifact.name, dir);
      const check = verifyingStream(`artifact ${blobArtifact.name}`, metadata.envelope.blob);
      pipeline(createReadStream(path), check)
        .catch(() => {})
        .finally(() => rm(dir, { recursive: true, force: true }));
      return { metadata, blob: check };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async delete(name: string): Promise<void> {
    const client = await this.client();
    const metaArtifact = await this.lookup(client, metadataFileName(name), name);
    const metadata = await this.readMetadata(name, metaArtifact.id);
    await this.call(`delete ${metaArtifact.name}`, () =>
      client.deleteArtifact(metaArtifact.name, this.find()),
    );
    await this.call(`delete ${blobFileName(metadata)}`, () =>
      client.deleteArtifact(blobFileName(metadata), this.find()),
    ).catch((error: unknown) => {
      if (!(error instanceof StoreError && error.reason === 'not-found')) throw error;
    });
  }

  private async lookup(client: ArtifactClient, artifactName: string, backup: string) {
    try {
      return (await client.getArtifact(artifactName, this.find())).artifact;
    } catch (error) {
      if ((error as Error).name === 'ArtifactNotFoundError') {
        throw new StoreError(
          'not-found',
          `${this.location} has no backup named ${backup} (no artifact ${artifactName})`,
          {
            hint: `list what is there with: etcd-backup list --store artifact${this.options.findBy ? ' --run-id …' : ''}`,
          },
        );
      }
      throw this.translate(`find ${artifactName}`, error);
    }
  }

  private async readMetadata(name: string, id: number): Promise<BackupMetadata> {
    const client = await this.client();
    return this.withTempDir(async (dir) => {
      const path = await this.download(client, id, metadataFileName(name), dir);
      const metadata = parseMetadataJson(await readFile(path, 'utf8'), `artifact ${metadataFileName(name)}`);
      if (metadata.name !== name) {
        throw new StoreError(
          'digest-mismatch',
          `artifact ${metadataFileName(name)} describes backup ${metadata.name}`,
        );
      }
      return metadata;
    });
  }

  /** Downloads one raw (skipArchive) artifact into `dir` and returns the file's path. */
  private async download(
    client: ArtifactClient,
    id: number,
    artifactName: string,
    dir: string,
  ): Promise<string> {
    await this.call(`download ${artifactName}`, () =>
      client.downloadArtifact(id, { path: dir, ...this.find() }),
    );
    const files = await readdir(dir);
    if (files.length !== 1) {
      throw new StoreError(
        'incomplete',
        `artifact ${artifactName} downloaded as ${files.length} files instead of one`,
        {
          hint: 'it was not uploaded by etcd-backup (expected a single un-zipped file)',
        },
      );
    }
    return join(dir, files[0]!);
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
          hint: 'pick a newer backup; for longer keeping raise retention-days or store backups as release assets',
          cause: error,
        },
      );
    }
    if (e.name === 'ArtifactNotFoundError' || e.status === 404) {
      return new StoreError('not-found', `${what}: not found in ${this.location}`, { cause: error });
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
          hint: 'use release assets or a folder store instead',
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
