import type { Readable } from 'node:stream';
import type { BackupMetadata, BlobDescription, MetadataDraft } from '../format';

/**
 * Every place a backup can live (a folder, workflow artifacts, release assets, an S3 bucket) looks the same
 * from here. A backup is a blob (the sealed snapshot, maybe in parts) plus its metadata document; the
 * metadata is written last, so a backup without one is incomplete and never listed. The one implementation
 * is BackupCatalog (catalog-store.ts) over a BlobBackend (backend.ts).
 */
export interface BackupStore {
  /** e.g. `dir:/var/backups/etcd`, `artifact`, `release:etcd-backups`, `s3://bucket/prefix`; for messages. */
  readonly location: string;

  /**
   * Stores the blob, recording its SHA-256 and size (and parts, if split) in the metadata it then writes.
   * Returns the metadata as stored. Fails with StoreError 'duplicate' if the name is taken.
   */
  put(name: string, blob: Readable, metadata: MetadataDraft): Promise<BackupMetadata>;

  /**
   * Every backup whose metadata reads and whose blobs are all there at their recorded sizes, in no
   * particular order (see catalog.ts for ordering); everything else is a problem, named.
   */
  list(): Promise<StoreListing>;

  /**
   * The blob and its metadata. The blob's SHA-256 is checked against the metadata while it streams: on a
   * mismatch the stream fails with StoreError 'digest-mismatch' instead of ending, so only a clean end is good.
   */
  get(name: string): Promise<StoredBackup>;

  /** Fails with StoreError 'locked' (and changes nothing) while the store's retention protects the backup. */
  delete(name: string): Promise<void>;
}

export interface StoredBackup {
  metadata: BackupMetadata;
  blob: Readable;
}

export interface StoreListing {
  backups: BackupMetadata[];
  /** Entries that look like backups but cannot be restored (damaged metadata, missing or short blob…). */
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
export const BLOB_SUFFIXES = ['.age', '.zst', '.db'];

export function partKey(blobName: string, index: number): string {
  return `${blobName}.part${String(index).padStart(3, '0')}`;
}

/** The keys a backup's blob is stored under: one, or one per part when it was split. */
export function blobKeys(
  metadata: Pick<MetadataDraft, 'name' | 'envelope'>,
  blob: BlobDescription,
): string[] {
  const name = blobFileName(metadata);
  return blob.parts && blob.parts.length > 1 ? blob.parts.map((p) => partKey(name, p.index)) : [name];
}

/** `prod-…-r7.age.part001` → `prod-…-r7`; undefined for a key that is no backup's blob or metadata. */
export function backupNameOfKey(key: string): string | undefined {
  const base = key.replace(/\.part\d{3,}$/, '');
  for (const suffix of [METADATA_SUFFIX, ...BLOB_SUFFIXES]) {
    if (base.endsWith(suffix) && (suffix !== METADATA_SUFFIX || base === key))
      return base.slice(0, -suffix.length);
  }
  return undefined;
}
