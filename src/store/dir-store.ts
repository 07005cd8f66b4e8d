import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

const BLOB_SUFFIXES = ['.age', '.zst', '.db'];

/**
 * Backups as files in a folder: `<name>.age` and `<name>.json`, mode 0600. Each file is written to a
 * temporary name, flushed to disk and renamed, so a crash leaves either nothing or a whole file; the
 * metadata is renamed last, so a half-written backup is never listed.
 */
export class DirStore implements BackupStore {
  readonly location: string;

  constructor(private readonly root: string) {
    this.location = `dir:${root}`;
  }

  async put(name: string, blob: Readable, draft: MetadataDraft): Promise<BackupMetadata> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const blobPath = join(this.root, blobFileName(draft));
    const metaPath = join(this.root, metadataFileName(name));
    if ((await exists(blobPath)) || (await exists(metaPath))) {
      blob.destroy();
      throw new StoreError('duplicate', `${this.location} already has a backup named ${name}`, {
        hint: 'backup names carry the time and revision; delete the old one first if you mean to replace it',
      });
    }
    const digest = new DigestStream();
    await writeAtomically(blobPath, (tmp) =>
      pipeline(blob, digest, createWriteStream(tmp, { flags: 'wx', mode: 0o600 })),
    );
    const metadata = completeMetadata(draft, digest.digest);
    await writeAtomically(metaPath, (tmp) =>
      writeFile(tmp, `${JSON.stringify(metadata, null, 2)}\n`, { flag: 'wx', mode: 0o600 }),
    );
    await syncDirectory(this.root);
    return metadata;
  }

  async list(): Promise<StoreListing> {
    const listing: StoreListing = { backups: [], problems: [] };
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return listing;
      throw error;
    }
    const names = new Set(
      entries.filter((e) => e.endsWith(METADATA_SUFFIX)).map((e) => e.slice(0, -METADATA_SUFFIX.length)),
    );
    for (const name of names) {
      if (!parseBackupName(name)) continue;
      try {
        listing.backups.push(await this.readMetadata(name));
      } catch (error) {
        listing.problems.push(`${name}: ${(error as Error).message}`);
      }
    }
    for (const entry of entries) {
      const suffix = BLOB_SUFFIXES.find((s) => entry.endsWith(s));
      if (!suffix) continue;
      const name = entry.slice(0, -suffix.length);
      if (parseBackupName(name) && !names.has(name))
        listing.problems.push(`${name}: blob without metadata (incomplete backup)`);
    }
    return listing;
  }

  async get(name: string): Promise<StoredBackup> {
    const metadata = await this.readMetadata(name);
    const path = join(this.root, blobFileName(metadata));
    if (!(await exists(path))) {
      throw new StoreError(
        'incomplete',
        `${this.location}: backup ${name} has metadata but no blob (${path})`,
        {
          hint: 'the blob was removed by hand; this backup cannot be restored',
        },
      );
    }
    const check = verifyingStream(`${this.location}/${name}`, metadata.envelope.blob);
    pipeline(createReadStream(path), check).catch(() => {});
    return { metadata, blob: check };
  }

  async delete(name: string): Promise<void> {
    const metadata = await this.readMetadata(name);
    // Metadata first: from then on the backup is no longer listed, even if removing the blob fails.
    await rm(join(this.root, metadataFileName(name)));
    await rm(join(this.root, blobFileName(metadata)), { force: true });
  }

  private async readMetadata(name: string): Promise<BackupMetadata> {
    const path = join(this.root, metadataFileName(name));
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StoreError('not-found', `${this.location} has no backup named ${name}`, {
          hint: `list what is there with: etcd-backup list --store ${this.location}`,
        });
      }
      throw error;
    }
    const metadata = parseMetadataJson(text, path);
    if (metadata.name !== name) {
      throw new StoreError('digest-mismatch', `${path} describes backup ${metadata.name}, not ${name}`);
    }
    return metadata;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Writes `path` by way of a temp file that is flushed to disk and then renamed over it. */
async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await write(tmp);
    const file = await open(tmp, 'r');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
