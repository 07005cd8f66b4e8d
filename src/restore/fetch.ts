import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { BackupMetadata } from '../backup/metadata';
import type { OpeningKeys } from '../envelope/encryption';
import { open } from '../envelope/open';
import { EtcdBackupError } from '../errors';
import { analyseSnapshot, type SnapshotAnalysis } from '../snapshot';
import { type Selector, selectBackup } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { formatProgress, ProgressMeter } from '../util/progress';

export interface FetchedBackup {
  metadata: BackupMetadata;
  /** The plaintext snapshot, in the caller's private temp dir. */
  path: string;
  analysis: SnapshotAnalysis;
  /** The sealed control-plane files that follow the snapshot in the blob (see pki/bundle openFiles). */
  controlPlaneSealed?: Buffer;
  /** download + decrypt + decompress to disk, then the full verification. */
  timingsMs: { open: number; verify: number };
}

export class BackupRejectedError extends EtcdBackupError {
  constructor(message: string) {
    super(message, {
      hint: 'this backup cannot be trusted; pick another one (etcd-backup list) and check the store',
      exitCode: 3,
    });
  }
}

/**
 * Store → blob (SHA-256 checked against the metadata) → decrypt → decompress → snapshot file (its digest
 * checked too) → full verification. Anything that does not match is refused before it can be used.
 */
export async function fetchBackup(options: {
  store: BackupStore;
  selector: Selector;
  cluster?: string;
  keys: OpeningKeys;
  path: string;
  log: Logger;
}): Promise<FetchedBackup> {
  const { store, log } = options;
  const listing = await store.list();
  const chosen = selectBackup(listing.backups, options.selector, {
    ...(options.cluster ? { cluster: options.cluster } : {}),
    location: store.location,
  });
  log.info(`fetching ${chosen.name} (revision ${chosen.etcd.revision}) from ${store.location}`);
  const started = Date.now();
  const stored = await store.get(chosen.name);
  let controlPlaneSealed: Buffer | undefined;
  const sealedFiles = stored.metadata.controlPlane?.sealed;
  const plain = await open(stored.blob, {
    keys: options.keys,
    envelope: { ...stored.metadata.envelope, blob: stored.metadata.envelope.blob },
    snapshot: stored.metadata.snapshot,
    label: chosen.name,
    ...(sealedFiles
      ? { followedBy: { offset: sealedFiles.offset, collect: (rest: Buffer) => (controlPlaneSealed = rest) } }
      : {}),
  });
  const meter = new ProgressMeter('fetch', (r) => log.info(formatProgress(r)), stored.metadata.snapshot.size);
  await pipeline(plain, meter, createWriteStream(options.path, { mode: 0o600, flags: 'wx' }));
  const opened = Date.now();
  const analysis = await analyseSnapshot(options.path, { liveKeys: 'detailed' });
  const timingsMs = { open: opened - started, verify: Date.now() - opened };
  const report = analysis.report;
  if (!report.integrity.ok || report.trailer !== 'ok') {
    const first = report.integrity.problems[0];
    throw new BackupRejectedError(
      `${chosen.name} failed verification after download: ${first ? first.message : `trailer ${report.trailer}`}`,
    );
  }
  if (report.revision !== stored.metadata.etcd.revision) {
    throw new BackupRejectedError(
      `${chosen.name} holds revision ${report.revision} but its metadata says ${stored.metadata.etcd.revision}`,
    );
  }
  return {
    metadata: stored.metadata,
    path: options.path,
    analysis,
    timingsMs,
    ...(controlPlaneSealed ? { controlPlaneSealed } : {}),
  };
}
