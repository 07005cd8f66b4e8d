import { EtcdBackupError } from '../errors';
import type { ControlPlaneFilesDescription } from './control-plane-files';

/**
 * The JSON document stored next to every backup. It stays readable (never encrypted) so a catalog can be
 * listed without keys, and therefore holds no secrets and no Kubernetes object names: only counts, hashes,
 * sizes and the public half of the encryption.
 */
export const METADATA_SCHEMA_VERSION = 1;
/**
 * A backup that also carries the node's control-plane files: its blob holds a second sealed part after the
 * snapshot, which a tool that reads only version 1 would take for damage, so it is told apart by version.
 */
export const METADATA_SCHEMA_VERSION_WITH_FILES = 2;

export type Compression = 'zstd' | 'none';

/** Who can open the blob. Recipients are public keys (`age1…`); a passphrase is recorded only as a fact. */
export type EncryptionDescription =
  | { kind: 'age-recipients'; recipients: string[] }
  | { kind: 'age-passphrase' }
  | { kind: 'none' };

/** One stored piece of a blob that had to be split (release assets are limited to 2 GiB each). */
export interface BlobPart {
  index: number;
  size: number;
  sha256: string;
}

export interface BlobDescription {
  /** SHA-256 (hex) of the whole stored blob, the concatenation of its parts when split. */
  sha256: string;
  size: number;
  parts?: BlobPart[];
}

export interface EnvelopeDescription {
  compression: Compression;
  encryption: EncryptionDescription;
  blob: BlobDescription;
}

export interface Inventory {
  /** Keys per resource type, e.g. `{"secrets": 12, "configmaps": 40}`. */
  byType: Record<string, number>;
  /** Keys per namespace; cluster-scoped keys are counted under `""`. */
  byNamespace: Record<string, number>;
}

export interface BackupMetadata {
  schemaVersion: typeof METADATA_SCHEMA_VERSION | typeof METADATA_SCHEMA_VERSION_WITH_FILES;
  /** `<cluster>-<YYYYMMDDTHHMMSSZ>-r<revision>`; see backupName(). */
  name: string;
  /** When the snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  cluster: string;
  node?: string;
  member?: { id: string; name: string };
  etcd: {
    version: string;
    revision: number;
    compactRevision?: number;
    hash?: number;
    totalKey?: number;
    totalSize: number;
    leader?: string;
    raftIndex?: number;
    raftTerm?: number;
  };
  snapshot: { sha256: string; size: number };
  inventory?: Inventory;
  /** Milliseconds per phase (acquire, verify, envelope, store…). */
  timings?: Record<string, number>;
  toolVersion: string;
  envelope: EnvelopeDescription;
  /** The node's PKI, static pod manifests, kubelet config and kubeconfigs: listed here, sealed in the blob. */
  controlPlane?: ControlPlaneFilesDescription;
}

/** Metadata before the blob is stored: the store fills in envelope.blob while it streams the bytes. */
export type MetadataDraft = Omit<BackupMetadata, 'envelope'> & {
  envelope: Omit<EnvelopeDescription, 'blob'>;
};

export class MetadataError extends EtcdBackupError {}

export function completeMetadata(draft: MetadataDraft, blob: BlobDescription): BackupMetadata {
  return { ...draft, envelope: { ...draft.envelope, blob } };
}
