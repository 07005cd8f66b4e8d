import type { Readable } from 'node:stream';
import type { BackupMetadata, MetadataDraft } from '../format';

/**
 * Every place a backup can live (a folder, workflow artifacts, release assets) looks the same from here.
 * A backup is a blob (the sealed snapshot) plus its metadata document; the metadata is written last, so a
 * backup without one is incomplete and never listed.
 */
export interface BackupStore {
  /** e.g. `dir:/var/backups/etcd`, `artifact`, `release:etcd-backups`; used in messages. */
  readonly location: string;

  /**
   * Stores the blob, recording its SHA-256 and size (and parts, if split) in the metadata it then writes.
   * Returns the metadata as stored. Fails with StoreError 'duplicate' if the name is taken.
   */
  put(name: string, blob: Readable, metadata: MetadataDraft): Promise<BackupMetadata>;

  /** Every complete backup's metadata, in no particular order (see catalog.ts for ordering). */
  list(): Promise<StoreListing>;

  /**
   * The blob and its metadata. The blob's SHA-256 is checked against the metadata while it streams: on a
   * mismatch the stream fails with StoreError 'digest-mismatch' instead of ending, so only a clean end is good.
   */
  get(name: string): Promise<StoredBackup>;

  delete(name: string): Promise<void>;
}

export interface StoredBackup {
  metadata: BackupMetadata;
  blob: Readable;
}

export interface StoreListing {
  backups: BackupMetadata[];
  /** Entries that look like backups but could not be read (damaged metadata, blob without metadata…). */
  problems: string[];
}

/** File/asset/artifact name of a backup's blob: the extension says what is inside. */
export function blobFileName(metadata: Pick<MetadataDraft, 'name' | 'envelope'>): string {
  const { compression, encryption } = metadata.envelope;
  if (encryption.kind !== 'none') return `${metadata.name}.age`;
  return compression === 'zstd' ? `${metadata.name}.zst` : `${metadata.name}.db`;
}

export function metadataFileName(name: string): string {
  return `${name}.json`;
}

export const METADATA_SUFFIX = '.json';
