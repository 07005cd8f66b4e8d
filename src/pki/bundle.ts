import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { EncryptionChoice, OpeningKeys } from '../envelope/encryption';
import { open } from '../envelope/open';
import { seal } from '../envelope/seal';
import type { EncryptionDescription } from '../format';
import {
  type ControlPlaneFilesDescription,
  type SealedSlice,
  StoredFilesError,
  type StoredNode,
} from '../format/control-plane-files';
import type { CapturedNode } from './capture';

const FORMAT = 'etcd-backup-control-plane-files/1';

interface BundleJson {
  format: typeof FORMAT;
  nodes: Array<{ node: string; files: Array<{ path: string; content: string }> }>;
}

/** The files' contents, by node and then by path, once opened and checked against the metadata. */
export type OpenedFiles = Map<string, Map<string, Buffer>>;

export class ControlPlaneFilesRefusedError extends StoredFilesError {}

/**
 * These files hold the cluster's private keys (CA, service-account signing key, etcd CA), so they are never
 * stored in plaintext. `optionName` is how the caller spells the switch that leaves them out.
 */
export function refusePlaintextFiles(
  encryption: EncryptionChoice,
  optionName: string,
  encryptionInput: string,
): void {
  if (encryption.kind !== 'none') return;
  throw new ControlPlaneFilesRefusedError(
    `refusing to store the control plane's private keys (CA, service-account key) unencrypted (${encryptionInput} none); leave the control-plane files out with ${optionName}, or encrypt`,
    {
      hint: 'encrypt the backup to age recipients or with a passphrase; a node rebuild needs the files',
      exitCode: 2,
    },
  );
}

/** The metadata's view of what was captured: everything but the bytes. */
export function describeNodes(nodes: CapturedNode[]): StoredNode[] {
  return nodes.map((n) => ({
    node: n.node,
    addresses: n.addresses,
    files: n.files.map(({ content: _content, ...file }) => file),
  }));
}

/** zstd + age, like the snapshot, to the same recipients; small enough (tens of KiB) to hold in memory. */
export async function sealFiles(nodes: CapturedNode[], encryption: EncryptionChoice): Promise<Buffer> {
  const json: BundleJson = {
    format: FORMAT,
    nodes: nodes.map((n) => ({
      node: n.node,
      files: n.files.map((f) => ({ path: f.path, content: f.content.toString('base64') })),
    })),
  };
  const sealed = await seal(Readable.from([Buffer.from(JSON.stringify(json))]), { encryption });
  return buffer(sealed.blob);
}

export function sliceOf(sealed: Buffer, offset: number): SealedSlice {
  return { offset, size: sealed.length, sha256: createHash('sha256').update(sealed).digest('hex') };
}

/**
 * Decrypts the sealed files and checks every file against the SHA-256 and size the metadata lists; any
 * difference (or a file missing from either side) refuses the lot.
 */
export async function openFiles(
  sealed: Buffer,
  description: ControlPlaneFilesDescription,
  encryption: EncryptionDescription,
  keys: OpeningKeys,
  label: string,
): Promise<OpenedFiles> {
  const plain = await buffer(
    await open(Readable.from([sealed]), {
      keys,
      envelope: { compression: 'zstd', encryption, blob: description.sealed },
      label: `${label} (control-plane files)`,
    }),
  );
  let bundle: BundleJson;
  try {
    bundle = JSON.parse(plain.toString('utf8')) as BundleJson;
  } catch {
    bundle = { format: 'damaged' } as unknown as BundleJson;
  }
  if (bundle.format !== FORMAT || !Array.isArray(bundle.nodes)) {
    throw new StoredFilesError(`${label}: the control-plane files opened but are not in a known format`, {
      hint: 'use the etcd-backup version that wrote this backup, or a newer one',
    });
  }
  const opened: OpenedFiles = new Map();
  for (const node of description.nodes) {
    const inBundle = bundle.nodes.find((n) => n.node === node.node);
    const contents = new Map((inBundle?.files ?? []).map((f) => [f.path, Buffer.from(f.content, 'base64')]));
    const files = new Map<string, Buffer>();
    for (const file of node.files) {
      const content = contents.get(file.path);
      const sha256 = content && createHash('sha256').update(content).digest('hex');
      if (!content || sha256 !== file.sha256 || content.length !== file.size) {
        throw new StoredFilesError(
          `${label}: ${file.path} of ${node.node} ${content ? 'does not match its recorded SHA-256' : 'is missing from the sealed files'}`,
          { hint: 'the metadata belongs to another backup or was edited; do not rebuild from this one' },
        );
      }
      files.set(file.path, content);
    }
    opened.set(node.node, files);
  }
  return opened;
}
