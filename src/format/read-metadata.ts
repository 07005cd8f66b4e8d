import { parseControlPlaneFiles } from './control-plane-files';
import {
  type BackupMetadata,
  type BlobDescription,
  type EncryptionDescription,
  METADATA_SCHEMA_VERSION,
  METADATA_SCHEMA_VERSION_WITH_FILES,
  MetadataError,
} from './metadata';
import { CLUSTER_PATTERN, parseBackupName, SHA256_PATTERN } from './names';

/** Reading a metadata document back from a store: every field checked, nothing half-understood. */

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
