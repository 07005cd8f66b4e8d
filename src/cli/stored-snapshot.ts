import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, openSync, readSync, statfsSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { OpeningKeys } from '../envelope/encryption';
import { open } from '../envelope/open';
import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import type { BackupMetadata } from '../format';
import { optionName } from '../options/naming';
import { type Selector, selectBackup } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { formatBytes, formatProgress, ProgressMeter } from '../util/progress';

/** A memory file system: what is written there never reaches a disk. */
const MEMORY_DIR = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;

export interface OpenedSnapshot {
  /** A path the verifier can open, for as long as `close` has not been called. */
  path: string;
  /** What the report calls it: the backup and its store. */
  label: string;
  metadata: BackupMetadata;
  close(): void;
}

function memoryRoomFor(size: number): void {
  let stats: ReturnType<typeof statfsSync> | undefined;
  try {
    stats = statfsSync(MEMORY_DIR);
  } catch {}
  if (!stats || stats.type !== TMPFS_MAGIC) {
    throw new EtcdBackupError(
      `inspect of a stored backup needs ${MEMORY_DIR} (a tmpfs) to hold the plaintext in memory`,
      {
        hint: 'run it on Linux, or drill the backup (etcd-backup drill), which verifies it too',
      },
    );
  }
  const free = Number(stats.bavail) * Number(stats.bsize);
  if (free < size) {
    throw new EtcdBackupError(
      `the snapshot is ${formatBytes(size)} but ${MEMORY_DIR} has ${formatBytes(free)} free to hold it in memory`,
      { hint: `free memory, or drill the backup (etcd-backup drill), which verifies it on disk` },
    );
  }
}

/**
 * A stored backup's snapshot, fetched, its digests checked, decrypted and decompressed as it streams into a
 * file in memory (tmpfs) that is unlinked before the first byte is written and read through /proc/self/fd:
 * no plaintext reaches a disk, and none is left behind even if the process is killed.
 */
export async function openStoredSnapshot(options: {
  store: BackupStore;
  selector: Selector;
  cluster?: string;
  keys: OpeningKeys;
  log: Logger;
}): Promise<OpenedSnapshot> {
  const { store, log } = options;
  const listing = await store.list();
  const chosen = selectBackup(listing.backups, options.selector, {
    ...(options.cluster ? { cluster: options.cluster } : {}),
    location: store.location,
  });
  memoryRoomFor(chosen.snapshot.size);
  const scratch = `${MEMORY_DIR}/etcd-backup-inspect-${randomBytes(8).toString('hex')}`;
  const fd = openSync(scratch, 'wx+', 0o600);
  unlinkSync(scratch);
  try {
    log.info(`opening ${chosen.name} (revision ${chosen.etcd.revision}) from ${store.location}, in memory`);
    const stored = await store.get(chosen.name);
    // A backup may carry the node's control-plane files after the snapshot, sealed apart: inspect reads
    // the snapshot only and leaves them sealed.
    const sealedFiles = stored.metadata.controlPlane?.sealed;
    const plain = await open(stored.blob, {
      keys: options.keys,
      envelope: stored.metadata.envelope,
      snapshot: stored.metadata.snapshot,
      label: chosen.name,
      ...(sealedFiles ? { followedBy: { offset: sealedFiles.offset, collect: () => {} } } : {}),
    });
    const meter = new ProgressMeter(
      'open',
      (r) => log.info(formatProgress(r)),
      stored.metadata.snapshot.size,
    );
    await pipeline(plain, meter, createWriteStream('', { fd, autoClose: false }));
    return {
      path: `/proc/self/fd/${fd}`,
      label: `${chosen.name} in ${store.location}`,
      metadata: stored.metadata,
      close: () => closeSync(fd),
    };
  } catch (error) {
    closeQuietly(fd); // a failed pipeline may have closed it already; the error to report is the first one
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {}
}

type SealedKind = 'age' | 'zstd';

function sealedKindOf(path: string): SealedKind | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined; // the verifier says why it cannot be read
  }
  try {
    const head = Buffer.alloc(34);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    if (text.startsWith('age-encryption.org/v1\n') || text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----'))
      return 'age';
    if (n >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
    return undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * A stored blob (age-encrypted or zstd) is not a damaged snapshot: it is refused as the wrong input, with the
 * command that opens it through its store.
 */
export function refuseSealedFile(path: string): void {
  const kind = sealedKindOf(path);
  if (!kind) return;
  const name = basename(path).replace(/\.(age|zst)$/, '');
  const store = `dir:${dirname(path)}`;
  const keys =
    kind === 'age'
      ? ` ${optionName('identity')} FILE (or the passphrase in ${optionName('encryptionPassphrase')})`
      : '';
  throw new EtcdBackupError(
    `${path} is ${kind === 'age' ? 'an age-encrypted' : 'a zstd-compressed'} backup, not a snapshot`,
    {
      hint: `inspect it through its store, which opens it in memory: etcd-backup inspect ${optionName('store')} ${store} ${name}${keys}`,
      exitCode: EXIT.badInput,
    },
  );
}
