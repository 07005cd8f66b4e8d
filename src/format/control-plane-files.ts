import { EtcdBackupError } from '../errors';

/** Why a file belongs to the control plane; a rebuild puts each kind back in its own step. */
export type ControlPlaneFileKind = 'pki' | 'manifest' | 'kubelet-config' | 'kubeconfig';

/** One control-plane file as the (readable) metadata lists it: never its contents. */
export interface StoredFile {
  path: string;
  kind: ControlPlaneFileKind;
  /** Octal permission bits as `stat -c %a` prints them, 4 digits: `0600`. */
  mode: string;
  uid: number;
  gid: number;
  owner: string;
  group: string;
  size: number;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
}

/** The files of one node: etcd's server and peer certificates differ per node, so each node's are kept. */
export interface StoredNode {
  node: string;
  addresses: string[];
  files: StoredFile[];
}

/**
 * Where the sealed bundle of the files' contents sits in the stored blob: right after the sealed snapshot,
 * as a second age stream to the same recipients. The blob's own SHA-256 (envelope.blob) covers both.
 */
export interface SealedSlice {
  offset: number;
  size: number;
  sha256: string;
}

export interface ControlPlaneFilesDescription {
  nodes: StoredNode[];
  sealed: SealedSlice;
}

const KINDS: readonly string[] = ['pki', 'manifest', 'kubelet-config', 'kubeconfig'];
const SHA256 = /^[0-9a-f]{64}$/;

export class StoredFilesError extends EtcdBackupError {}

function fail(source: string, field: string, expected: string): never {
  throw new StoredFilesError(`${source}: field '${field}' must be ${expected}`, {
    hint: 'the metadata document is damaged or was not written by etcd-backup; do not trust this backup',
  });
}

function record(value: unknown, source: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, field, 'an object');
  return value as Record<string, unknown>;
}

function text(value: unknown, source: string, field: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) {
    fail(source, field, pattern ? `a string matching ${pattern}` : 'a non-empty string');
  }
  return value;
}

function count(value: unknown, source: string, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    fail(source, field, 'a non-negative integer');
  return value;
}

function list(value: unknown, source: string, field: string): unknown[] {
  if (!Array.isArray(value)) fail(source, field, 'a list');
  return value;
}

function readFile(value: unknown, source: string, at: string): StoredFile {
  const f = record(value, source, at);
  const kind = text(f.kind, source, `${at}.kind`);
  if (!KINDS.includes(kind)) fail(source, `${at}.kind`, KINDS.join(', '));
  return {
    path: text(f.path, source, `${at}.path`, /^\//),
    kind: kind as ControlPlaneFileKind,
    mode: text(f.mode, source, `${at}.mode`, /^[0-7]{4}$/),
    uid: count(f.uid, source, `${at}.uid`),
    gid: count(f.gid, source, `${at}.gid`),
    owner: text(f.owner, source, `${at}.owner`),
    group: text(f.group, source, `${at}.group`),
    size: count(f.size, source, `${at}.size`),
    sha256: text(f.sha256, source, `${at}.sha256`, SHA256),
  };
}

/** Validates the metadata's `controlPlane` section (absent in backups taken without the files). */
export function parseControlPlaneFiles(value: unknown, source: string): ControlPlaneFilesDescription {
  const doc = record(value, source, 'controlPlane');
  const sealed = record(doc.sealed, source, 'controlPlane.sealed');
  const nodes = list(doc.nodes, source, 'controlPlane.nodes').map((n, i) => {
    const at = `controlPlane.nodes[${i}]`;
    const node = record(n, source, at);
    return {
      node: text(node.node, source, `${at}.node`),
      addresses: list(node.addresses, source, `${at}.addresses`).map((a, j) =>
        text(a, source, `${at}.addresses[${j}]`),
      ),
      files: list(node.files, source, `${at}.files`).map((f, j) => readFile(f, source, `${at}.files[${j}]`)),
    };
  });
  if (nodes.length === 0) fail(source, 'controlPlane.nodes', 'a non-empty list');
  return {
    nodes,
    sealed: {
      offset: count(sealed.offset, source, 'controlPlane.sealed.offset'),
      size: count(sealed.size, source, 'controlPlane.sealed.size'),
      sha256: text(sealed.sha256, source, 'controlPlane.sealed.sha256', SHA256),
    },
  };
}

/** `24 files of node-1 (pki 20, manifest 4…)`: for list, inspect and summaries. */
export function describeControlPlaneFiles(files: ControlPlaneFilesDescription | undefined): string {
  if (!files) return 'none';
  return files.nodes
    .map((n) => {
      const byKind = new Map<string, number>();
      for (const f of n.files) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
      const kinds = [...byKind].map(([k, c]) => `${c} ${k}`).join(', ');
      return `${n.files.length} files of ${n.node} (${kinds})`;
    })
    .join('; ');
}
