import { createWriteStream } from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import type { OpeningKeys } from '../envelope/encryption';
import { open } from '../envelope/open';
import type { BackupMetadata } from '../format';
import type { SnapshotAnalysis } from '../snapshot';
import { type Selector, selectBackup } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { formatProgress, ProgressMeter } from '../util/progress';
import { verifyBackup } from './verify-backup';

export interface FetchedBackup {
  metadata: BackupMetadata;
  /** The plaintext snapshot, in the caller's private temp dir. */
  path: string;
  analysis: SnapshotAnalysis;
  /** The sealed control-plane files that follow the snapshot in the blob (see pki/bundle openFiles). */
  controlPlaneSealed?: Buffer;
  /** The snapshot as it was stored, zstd-packed (when it was, and when asked for): shipped to nodes as it is. */
  packedPath?: string;
}

/** A fetched backup before the verify step has passed: enough to plan and to ship, not to check against. */
export type DownloadedBackup = Omit<FetchedBackup, 'analysis'>;

/**
 * The fetch step: store → blob (SHA-256 checked against the metadata) → decrypt → decompress → the snapshot
 * file at `path` (its digest checked too). Anything that does not match is refused before it can be used.
 */
export async function downloadBackup(options: {
  store: BackupStore;
  selector: Selector;
  cluster?: string;
  keys: OpeningKeys;
  path: string;
  /** Where to keep the stored zstd stream too (kept only when the backup is zstd-packed). */
  packedPath?: string;
  log: Logger;
}): Promise<DownloadedBackup> {
  const { store, log } = options;
  const listing = await store.list();
  const chosen = selectBackup(listing.backups, options.selector, {
    ...(options.cluster ? { cluster: options.cluster } : {}),
    location: store.location,
  });
  log.info(`fetching ${chosen.name} (revision ${chosen.etcd.revision}) from ${store.location}`);
  const stored = await store.get(chosen.name);
  let controlPlaneSealed: Buffer | undefined;
  const sealedFiles = stored.metadata.controlPlane?.sealed;
  const packedPath = stored.metadata.envelope.compression === 'zstd' ? options.packedPath : undefined;
  const packed = packedPath ? createWriteStream(packedPath, { mode: 0o600, flags: 'wx' }) : undefined;
  try {
    const plain = await open(stored.blob, {
      ...(packed ? { packedCopy: packed } : {}),
      keys: options.keys,
      envelope: { ...stored.metadata.envelope, blob: stored.metadata.envelope.blob },
      snapshot: stored.metadata.snapshot,
      label: chosen.name,
      ...(sealedFiles
        ? {
            followedBy: {
              offset: sealedFiles.offset,
              collect: (rest: Buffer) => (controlPlaneSealed = rest),
            },
          }
        : {}),
    });
    const meter = new ProgressMeter(
      'fetch',
      (r) => log.info(formatProgress(r)),
      stored.metadata.snapshot.size,
    );
    await pipeline(plain, meter, createWriteStream(options.path, { mode: 0o600, flags: 'wx' }));
    if (packed) await finished(packed);
  } finally {
    packed?.destroy();
  }
  return {
    metadata: stored.metadata,
    path: options.path,
    ...(controlPlaneSealed ? { controlPlaneSealed } : {}),
    ...(packedPath ? { packedPath } : {}),
  };
}

/** Fetch, then verify (verify-backup.ts): what a drill (and a test) needs of a stored backup. */
export async function fetchBackup(
  options: Parameters<typeof downloadBackup>[0],
): Promise<FetchedBackup & { timingsMs: { open: number; verify: number } }> {
  const started = Date.now();
  const downloaded = await downloadBackup(options);
  const opened = Date.now();
  const analysis = await verifyBackup(downloaded.metadata, downloaded.path);
  return { ...downloaded, analysis, timingsMs: { open: opened - started, verify: Date.now() - opened } };
}
