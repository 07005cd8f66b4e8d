import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobBackend, BlobInfo, BlobSource } from './backend';
import { BackupCatalog } from './catalog-store';
import { StoreError } from './errors';

const TEMP_MARK = '.tmp-';

/**
 * Blobs as files in a folder, mode 0600 in a 0700 folder. Each file is written to a temporary name,
 * flushed to disk and renamed, so a crash leaves either nothing or a whole file.
 */
export class DirBackend implements BlobBackend {
  readonly location: string;

  constructor(private readonly root: string) {
    this.location = `dir:${root}`;
  }

  async put(key: string, source: BlobSource): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const path = join(this.root, key);
    const tmp = `${path}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
    try {
      await pipeline(source.open(), createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      await fsync(tmp);
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await fsync(this.root);
  }

  async get(key: string): Promise<Readable> {
    // 1 MiB reads: each read is a hand-off to libuv's threads.
    const stream = createReadStream(join(this.root, key), { highWaterMark: 1 << 20 });
    try {
      // Opened before it is handed out, so a missing file is 'not-found' here rather than a stream error.
      await once(stream, 'ready');
      return stream;
    } catch (error) {
      stream.destroy();
      throw this.translate(key, error);
    }
  }

  async list(): Promise<BlobInfo[]> {
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const blobs: BlobInfo[] = [];
    for (const key of entries.filter((e) => !e.includes(TEMP_MARK))) {
      const info = await stat(join(this.root, key)).catch(() => undefined);
      if (info?.isFile()) blobs.push({ key, size: info.size });
    }
    return blobs;
  }

  async delete(key: string): Promise<void> {
    try {
      await rm(join(this.root, key));
    } catch (error) {
      throw this.translate(key, error);
    }
  }

  private translate(key: string, error: unknown): unknown {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return new StoreError('not-found', `${this.location} has no file ${key}`, { cause: error });
    }
    return error;
  }
}

/** Backups in a folder: `<name>.age` and `<name>.json`, the metadata renamed into place last. */
export class DirStore extends BackupCatalog {
  constructor(root: string) {
    super(new DirBackend(root));
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
