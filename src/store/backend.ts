import type { Readable } from 'node:stream';

/** What a backend can tell about one stored blob without reading it. */
export interface BlobInfo {
  key: string;
  size: number;
  /** SHA-256 (hex) of the whole blob, where the service records one (artifacts, release assets). */
  sha256?: string;
}

/** The bytes to store. `open` may be called again when a retry has to send them anew. */
export interface BlobSource {
  open(): Readable;
  /** Known for spooled blobs and metadata; a streamed blob's size is known only at its end. */
  size?: number;
  sha256?: string;
  /** False for a live stream that can be read once: such a put is never retried as a whole. */
  replayable: boolean;
  /** An upper estimate of a streamed blob's size, for backends that size their upload parts. */
  sizeHint?: number;
}

/**
 * A place that keeps named blobs: a folder, workflow artifacts, release assets, an S3 bucket. Keys are flat
 * file names (`<backup>.age`, `<backup>.json`, `<backup>.age.part001`). Backends know nothing of backups:
 * listing, selection, digests and retention are the catalog's (catalog-store.ts). Every failure is a
 * StoreError; `transient` on it tells the retry wrapper (retry.ts) a second try may succeed.
 */
export interface BlobBackend {
  /** e.g. `dir:/var/backups/etcd`, `artifact`, `release:etcd-backups`, `s3://bucket/prefix`; for messages. */
  readonly location: string;
  /** Largest blob the backend takes in one piece; larger blobs are stored as parts. */
  readonly maxBlobSize?: number;

  /** Stores a blob under `key`, replacing what was there where the backend allows it. */
  put(key: string, source: BlobSource): Promise<void>;
  /** The blob's bytes as stored; StoreError 'not-found' if there is no such key. */
  get(key: string): Promise<Readable>;
  /** Every blob, in no particular order. */
  list(): Promise<BlobInfo[]>;
  /** Removes a blob; StoreError 'locked' if retention forbids it, 'not-found' if it is not there. */
  delete(key: string): Promise<void>;
  /**
   * Called with every key a backup will write before the first is written, so a backend can refuse a
   * backup it has no room for before any bytes move.
   */
  prepare?(keys: string[]): Promise<void>;
}
