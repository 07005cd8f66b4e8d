import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DigestStream } from '../envelope/digest';
import {
  type BackupMetadata,
  type BlobDescription,
  completeMetadata,
  type MetadataDraft,
  parseBackupName,
  parseMetadataJson,
} from '../format';
import type { BlobBackend, BlobInfo } from './backend';
import { StoreError } from './errors';
import { spool } from './spool';
import {
  type BackupStore,
  backupNameOfKey,
  blobFileName,
  blobKeys,
  METADATA_SUFFIX,
  metadataFileName,
  type StoredBackup,
  type StoreListing,
} from './store';
import { verifyingStream } from './verify';

/** Metadata documents are a few KiB; anything far larger is not ours. */
const MAX_METADATA_BYTES = 1024 * 1024;
const METADATA_READS_AT_ONCE = 8;

export interface CatalogOptions {
  /** Where blobs for size-limited backends are staged; defaults to RUNNER_TEMP, then the OS temp dir. */
  tempDir?: string;
}

/**
 * Backups over any blob backend. Writes the blob (in parts where the backend limits blob size) and then
 * the metadata; lists by reading every metadata document and checking its blobs are there at their recorded
 * sizes (and digests, where the backend knows them); reads a blob back through SHA-256 checks of each part
 * and of the whole. A backup whose blob is missing or short is a listed problem, never a backup, so
 * selection (`latest`) and retention never pick it.
 */
export class BackupCatalog implements BackupStore {
  readonly location: string;

  constructor(
    readonly backend: BlobBackend,
    private readonly options: CatalogOptions = {},
  ) {
    this.location = backend.location;
  }

  async put(name: string, blob: Readable, draft: MetadataDraft): Promise<BackupMetadata> {
    try {
      const metaKey = metadataFileName(name);
      if ((await this.backend.list()).some((b) => b.key === metaKey)) {
        throw new StoreError('duplicate', `${this.location} already has a backup named ${name}`, {
          hint: 'backup names carry the time and revision; delete the old one first if you mean to replace it',
        });
      }
      const description =
        this.backend.maxBlobSize === undefined
          ? await this.putStreamed(blobFileName(draft), blob, draft)
          : await this.putSpooled(name, blob, draft, this.backend.maxBlobSize);
      const metadata = completeMetadata(draft, description);
      const json = Buffer.from(`${JSON.stringify(metadata, null, 2)}\n`);
      await this.backend.put(metaKey, {
        open: () => Readable.from([json]),
        size: json.length,
        replayable: true,
      });
      return metadata;
    } catch (error) {
      blob.destroy();
      throw error;
    }
  }

  /** One blob, streamed straight to the backend while its digest is taken. */
  private async putStreamed(key: string, blob: Readable, draft: MetadataDraft): Promise<BlobDescription> {
    await this.backend.prepare?.([key, metadataFileName(draft.name)]);
    const digest = new DigestStream();
    // Whichever side fails first is the cause: a dropped SSH connection, or a refused upload (after which
    // the blob stream is torn down so it cannot hang).
    let sourceError: unknown;
    let backendError: unknown;
    let pipeError: unknown;
    blob.once('error', (error) => {
      if (backendError === undefined) sourceError = error;
    });
    const piping = pipeline(blob, digest).catch((error: unknown) => {
      pipeError = error;
    });
    const storing = this.backend
      .put(key, { open: () => digest, replayable: false, sizeHint: draft.snapshot.size })
      .catch((error: unknown) => {
        backendError = error;
        digest.destroy();
      });
    await Promise.all([piping, storing]);
    const failure = sourceError ?? backendError ?? pipeError;
    if (failure !== undefined) {
      await this.backend.delete(key).catch(() => {});
      throw failure;
    }
    return digest.digest;
  }

  /** Staged on disk first: each part's size and SHA-256 must be known before it is sent (release assets). */
  private async putSpooled(
    name: string,
    blob: Readable,
    draft: MetadataDraft,
    partSize: number,
  ): Promise<BlobDescription> {
    const blobName = blobFileName(draft);
    // Checked before the blob is read, so a refusal does not cost a multi-GiB spool first.
    await this.backend.prepare?.([blobName, metadataFileName(name)]);
    const base = this.options.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir();
    const dir = await mkdtemp(join(base, 'etcd-backup-spool-'));
    try {
      const spooled = await spool(blob, dir, blobName, partSize);
      const description: BlobDescription = { sha256: spooled.sha256, size: spooled.size };
      if (spooled.parts.length > 1) description.parts = spooled.parts;
      const keys = blobKeys(draft, description);
      if (keys.length > 1) await this.backend.prepare?.([...keys, metadataFileName(name)]);
      let offset = 0;
      for (const [i, key] of keys.entries()) {
        const part = description.parts?.[i] ?? description;
        const start = offset;
        await this.backend.put(key, {
          open: () =>
            part.size === 0
              ? Readable.from([])
              : createReadStream(spooled.path, { start, end: start + part.size - 1 }),
          size: part.size,
          sha256: part.sha256,
          replayable: true,
        });
        offset += part.size;
      }
      return description;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async list(): Promise<StoreListing> {
    const blobs = await this.backend.list();
    const byKey = new Map(blobs.map((b) => [b.key, b]));
    const listing: StoreListing = { backups: [], problems: [] };
    const names = blobs
      .filter((b) => b.key.endsWith(METADATA_SUFFIX))
      .map((b) => b.key.slice(0, -METADATA_SUFFIX.length))
      .filter((name) => parseBackupName(name));
    const results = await inBatches(names, METADATA_READS_AT_ONCE, (name) =>
      this.readMetadata(name).then(
        (metadata) => ({ name, metadata }),
        (error: unknown) => ({ name, error: error as Error }),
      ),
    );
    const described = new Set<string>();
    for (const result of results) {
      described.add(result.name);
      if ('error' in result) {
        listing.problems.push(`${result.name}: ${result.error.message.split('\n')[0]}`);
        continue;
      }
      const problem = blobProblem(result.metadata, byKey);
      if (problem) listing.problems.push(`${result.name}: ${problem}`);
      else listing.backups.push(result.metadata);
    }
    const orphans = new Set<string>();
    for (const { key } of blobs) {
      const name = backupNameOfKey(key);
      if (name && !key.endsWith(METADATA_SUFFIX) && parseBackupName(name) && !described.has(name))
        orphans.add(name);
    }
    for (const name of orphans) listing.problems.push(`${name}: blob without metadata (incomplete backup)`);
    return listing;
  }

  async get(name: string): Promise<StoredBackup> {
    const metadata = await this.readMetadata(name);
    const blob = metadata.envelope.blob;
    const keys = blobKeys(metadata, blob);
    const expected = (i: number) => blob.parts?.[i] ?? { sha256: blob.sha256, size: blob.size };
    // The first part is opened now, so a backup whose blob is gone fails here rather than mid-stream.
    const first = await this.openBlob(name, keys[0]!);
    const self = this;
    async function* chunks() {
      for (const [i, key] of keys.entries()) {
        const source = i === 0 ? first : await self.openBlob(name, key);
        const check = verifyingStream(`${self.location}/${key}`, expected(i));
        const done = pipeline(source, check);
        done.catch(() => {});
        try {
          for await (const chunk of check) yield chunk as Buffer;
          await done;
        } catch (error) {
          throw brokenOff(`${self.location}/${key}`, error);
        }
      }
    }
    const whole = keys.length > 1 ? verifyingStream(`${this.location}/${name}`, blob) : undefined;
    const stream = Readable.from(chunks(), { objectMode: false });
    if (!whole) return { metadata, blob: stream };
    pipeline(stream, whole).catch((error: unknown) => whole.destroy(error as Error));
    return { metadata, blob: whole };
  }

  async delete(name: string): Promise<void> {
    const metadata = await this.readMetadata(name);
    // Metadata first: from then on the backup is no longer listed, even if removing its blob fails. It was
    // written last, so under object lock it is retained at least as long as its blob: a refusal comes here,
    // before anything changed.
    await this.backend.delete(metadataFileName(name));
    for (const key of blobKeys(metadata, metadata.envelope.blob)) {
      await this.backend.delete(key).catch((error: unknown) => {
        if (!(error instanceof StoreError && error.reason === 'not-found')) throw error;
      });
    }
  }

  private async openBlob(name: string, key: string): Promise<Readable> {
    try {
      return await this.backend.get(key);
    } catch (error) {
      if (error instanceof StoreError && error.reason === 'not-found') {
        throw new StoreError(
          'incomplete',
          `${this.location}: backup ${name} has metadata but no blob ${key}`,
          {
            hint: 'the blob was removed; this backup cannot be restored, pick another (etcd-backup list)',
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  private async readMetadata(name: string): Promise<BackupMetadata> {
    const key = metadataFileName(name);
    let stream: Readable;
    try {
      stream = await this.backend.get(key);
    } catch (error) {
      if (error instanceof StoreError && error.reason === 'not-found') {
        throw new StoreError('not-found', `${this.location} has no backup named ${name}`, {
          hint: `list what is there with: etcd-backup list --store ${this.location}`,
          cause: error,
        });
      }
      throw error;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > MAX_METADATA_BYTES) {
        stream.destroy();
        throw new StoreError('digest-mismatch', `${this.location}/${key} is over 1 MiB: not backup metadata`);
      }
      chunks.push(chunk as Buffer);
    }
    const metadata = parseMetadataJson(Buffer.concat(chunks).toString('utf8'), `${this.location}/${key}`);
    if (metadata.name !== name) {
      throw new StoreError('digest-mismatch', `${this.location}/${key} describes backup ${metadata.name}`);
    }
    return metadata;
  }
}

/** A download that failed mid-stream (a reset connection) as a one-line StoreError; checks pass through. */
function brokenOff(what: string, error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
  return new StoreError('unavailable', `${what}: the download broke off: ${message}`, {
    hint: 'the connection to the store was lost; run it again',
    cause: error,
    transient: true,
  });
}

/** Why a backup's blob cannot be restored, judged from the listing alone; undefined if it looks whole. */
function blobProblem(metadata: BackupMetadata, byKey: Map<string, BlobInfo>): string | undefined {
  const blob = metadata.envelope.blob;
  for (const [i, key] of blobKeys(metadata, blob).entries()) {
    const expected = blob.parts?.[i] ?? { sha256: blob.sha256, size: blob.size };
    const found = byKey.get(key);
    if (!found) return `blob ${key} is missing`;
    if (found.size < expected.size)
      return `blob ${key} is truncated: ${found.size} of ${expected.size} bytes`;
    if (found.size !== expected.size)
      return `blob ${key} holds ${found.size} bytes, not the recorded ${expected.size}`;
    if (found.sha256 !== undefined && found.sha256 !== expected.sha256)
      return `blob ${key} has SHA-256 ${found.sha256.slice(0, 12)}…, not the recorded ${expected.sha256.slice(0, 12)}…`;
  }
  return undefined;
}

async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  }
  return results;
}
