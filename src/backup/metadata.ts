import { EtcdBackupError } from '../errors';
import { type ControlPlaneFilesDescription, parseControlPlaneFiles } from '../pki/stored';

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

// Characters that are safe in artifact names, release asset names and file names alike.
const CLUSTER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const NAME_PATTERN = /^([A-Za-z0-9][A-Za-z0-9._-]{0,62})-(\d{8}T\d{6}Z)-r(\d+)$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function isValidClusterName(cluster: string): boolean {
  return CLUSTER_PATTERN.test(cluster);
}

function compactUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `<cluster>-<UTC time YYYYMMDDTHHMMSSZ>-r<revision>`, e.g. `prod-20261121T194500Z-r12345`. */
export function backupName(cluster: string, date: Date, revision: number): string {
  if (!isValidClusterName(cluster)) {
    throw new MetadataError(`cluster name '${cluster}' is not usable in a backup name`, {
      hint: 'use 1-63 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
    });
  }
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new MetadataError(`revision ${revision} is not a non-negative integer`);
  }
  if (Number.isNaN(date.getTime())) throw new MetadataError('backup time is not a valid date');
  return `${cluster}-${compactUtc(date)}-r${revision}`;
}

export interface ParsedBackupName {
  cluster: string;
  time: Date;
  revision: number;
}

/** The inverse of backupName(); undefined for anything that is not a backup name. */
export function parseBackupName(name: string): ParsedBackupName | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const [, cluster, stamp, revision] = match as unknown as [string, string, string, string];
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const time = new Date(iso);
  const rev = Number(revision);
  if (Number.isNaN(time.getTime()) || compactUtc(time) !== stamp || !Number.isSafeInteger(rev))
    return undefined;
  return { cluster, time, revision: rev };
}

// --- reading -------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

class Reader {
  constructor(private readonly source: string) {}

  fail(path: string, expected: string): never {
    throw new MetadataError(`${this.source}: field '${path}' must be ${expected}`, {
      hint: 'the metadata document is damaged or was not written by etcd-backup; do not trust this backup',
    });
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object');
    return value as Json;
  }

  string(value: unknown, path: string, pattern?: RegExp): string {
    if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) {
      this.fail(path, pattern ? `a string matching ${pattern}` : 'a non-empty string');
    }
    return value;
  }

  count(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.fail(path, 'a non-negative integer');
    }
    return value;
  }

  optional<T>(value: unknown, read: (v: unknown) => T): T | undefined {
    return value === undefined ? undefined : read(value);
  }

  counts(value: unknown, path: string): Record<string, number> {
    const obj = this.object(value, path);
    // No prototype: a namespace called __proto__ or constructor is kept like any other.
    const out: Record<string, number> = Object.create(null);
    for (const [k, v] of Object.entries(obj)) out[k] = this.count(v, `${path}.${k}`);
    return out;
  }
}

function readEncryption(r: Reader, value: unknown): EncryptionDescription {
  const e = r.object(value, 'envelope.encryption');
  switch (e.kind) {
    case 'age-recipients': {
      if (!Array.isArray(e.recipients) || e.recipients.length === 0) {
        r.fail('envelope.encryption.recipients', 'a non-empty list of age public keys');
      }
      const recipients = e.recipients.map((x, i) =>
        r.string(x, `envelope.encryption.recipients[${i}]`, /^age1/),
      );
      return { kind: 'age-recipients', recipients };
    }
    case 'age-passphrase':
      return { kind: 'age-passphrase' };
    case 'none':
      return { kind: 'none' };
    default:
      return r.fail('envelope.encryption.kind', "'age-recipients', 'age-passphrase' or 'none'");
  }
}

function readBlob(r: Reader, value: unknown): BlobDescription {
  const b = r.object(value, 'envelope.blob');
  const blob: BlobDescription = {
    sha256: r.string(b.sha256, 'envelope.blob.sha256', SHA256_PATTERN),
    size: r.count(b.size, 'envelope.blob.size'),
  };
  if (b.parts !== undefined) {
    if (!Array.isArray(b.parts) || b.parts.length === 0) r.fail('envelope.blob.parts', 'a non-empty list');
    blob.parts = b.parts.map((p, i) => {
      const part = r.object(p, `envelope.blob.parts[${i}]`);
      const index = r.count(part.index, `envelope.blob.parts[${i}].index`);
      if (index !== i) r.fail(`envelope.blob.parts[${i}].index`, `${i} (parts are listed in order)`);
      return {
        index,
        size: r.count(part.size, `envelope.blob.parts[${i}].size`),
        sha256: r.string(part.sha256, `envelope.blob.parts[${i}].sha256`, SHA256_PATTERN),
      };
    });
    const total = blob.parts.reduce((sum, p) => sum + p.size, 0);
    if (total !== blob.size)
      r.fail('envelope.blob.parts', `sizes adding up to envelope.blob.size (${blob.size})`);
  }
  return blob;
}

/**
 * Validates a metadata document read from a store. Unknown schema versions are rejected by name, so an
 * older tool never half-understands a newer backup.
 */
export function parseMetadata(value: unknown, source = 'backup metadata'): BackupMetadata {
  const r: Reader = new Reader(source);
  const doc = r.object(value, '(document)');
  const schemaVersion = doc.schemaVersion;
  if (schemaVersion !== METADATA_SCHEMA_VERSION && schemaVersion !== METADATA_SCHEMA_VERSION_WITH_FILES) {
    throw new MetadataError(
      `${source}: schema version ${JSON.stringify(doc.schemaVersion)} is not supported (this tool reads versions ${METADATA_SCHEMA_VERSION} and ${METADATA_SCHEMA_VERSION_WITH_FILES})`,
      { hint: 'use the etcd-backup version that wrote this backup, or a newer one' },
    );
  }
  const name = r.string(doc.name, 'name');
  const parsedName = parseBackupName(name);
  if (!parsedName) r.fail('name', 'a backup name <cluster>-<YYYYMMDDTHHMMSSZ>-r<revision>');
  const createdAt = r.string(doc.createdAt, 'createdAt');
  if (Number.isNaN(Date.parse(createdAt))) r.fail('createdAt', 'an ISO 8601 time');
  const cluster = r.string(doc.cluster, 'cluster', CLUSTER_PATTERN);
  const etcd = r.object(doc.etcd, 'etcd');
  const snapshot = r.object(doc.snapshot, 'snapshot');
  const envelope = r.object(doc.envelope, 'envelope');
  const compression = envelope.compression;
  if (compression !== 'zstd' && compression !== 'none') r.fail('envelope.compression', "'zstd' or 'none'");

  const metadata: BackupMetadata = {
    schemaVersion,
    name,
    createdAt,
    cluster,
    etcd: {
      version: r.string(etcd.version, 'etcd.version'),
      revision: r.count(etcd.revision, 'etcd.revision'),
      totalSize: r.count(etcd.totalSize, 'etcd.totalSize'),
    },
    snapshot: {
      sha256: r.string(snapshot.sha256, 'snapshot.sha256', SHA256_PATTERN),
      size: r.count(snapshot.size, 'snapshot.size'),
    },
    toolVersion: r.string(doc.toolVersion, 'toolVersion'),
    envelope: {
      compression,
      encryption: readEncryption(r, envelope.encryption),
      blob: readBlob(r, envelope.blob),
    },
  };
  if (parsedName.cluster !== cluster || parsedName.revision !== metadata.etcd.revision) {
    r.fail('name', `consistent with cluster '${cluster}' and revision ${metadata.etcd.revision}`);
  }
  const optionalEtcd = {
    compactRevision: r.optional(etcd.compactRevision, (v) => r.count(v, 'etcd.compactRevision')),
    hash: r.optional(etcd.hash, (v) => r.count(v, 'etcd.hash')),
    totalKey: r.optional(etcd.totalKey, (v) => r.count(v, 'etcd.totalKey')),
    leader: r.optional(etcd.leader, (v) => r.string(v, 'etcd.leader')),
    raftIndex: r.optional(etcd.raftIndex, (v) => r.count(v, 'etcd.raftIndex')),
    raftTerm: r.optional(etcd.raftTerm, (v) => r.count(v, 'etcd.raftTerm')),
  };
  for (const [k, v] of Object.entries(optionalEtcd)) {
    if (v !== undefined) (metadata.etcd as Record<string, unknown>)[k] = v;
  }
  if (doc.node !== undefined) metadata.node = r.string(doc.node, 'node');
  if (doc.member !== undefined) {
    const m = r.object(doc.member, 'member');
    metadata.member = { id: r.string(m.id, 'member.id'), name: r.string(m.name, 'member.name') };
  }
  if (doc.inventory !== undefined) {
    const inv = r.object(doc.inventory, 'inventory');
    metadata.inventory = {
      byType: r.counts(inv.byType, 'inventory.byType'),
      byNamespace: r.counts(inv.byNamespace, 'inventory.byNamespace'),
    };
  }
  if (doc.timings !== undefined) metadata.timings = r.counts(doc.timings, 'timings');
  if ((doc.controlPlane !== undefined) !== (schemaVersion === METADATA_SCHEMA_VERSION_WITH_FILES)) {
    r.fail('controlPlane', `present exactly when schemaVersion is ${METADATA_SCHEMA_VERSION_WITH_FILES}`);
  }
  if (doc.controlPlane !== undefined) {
    metadata.controlPlane = parseControlPlaneFiles(doc.controlPlane, source);
    const sealed = metadata.controlPlane.sealed;
    if (sealed.offset + sealed.size !== metadata.envelope.blob.size || sealed.offset === 0) {
      r.fail('controlPlane.sealed', 'the part of envelope.blob after the sealed snapshot');
    }
  }
  return metadata;
}

/** Parses the JSON text of a metadata document; bad JSON is a MetadataError like any other damage. */
export function parseMetadataJson(text: string, source = 'backup metadata'): BackupMetadata {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MetadataError(`${source}: not valid JSON (${(error as Error).message})`, {
      hint: 'the metadata document is damaged; do not trust this backup',
    });
  }
  return parseMetadata(value, source);
}

export function completeMetadata(draft: MetadataDraft, blob: BlobDescription): BackupMetadata {
  return { ...draft, envelope: { ...draft.envelope, blob } };
}
