import { createHash } from 'node:crypto';
import type { ControlPlane } from '../controlplane';
import { type ControlPlaneFileSet, locateControlPlaneFiles } from '../controlplane/files';
import { sshNodeFiles } from '../controlplane/remote';
import { EtcdBackupError } from '../errors';
import type { ControlPlaneFileKind, StoredFile } from '../format/control-plane-files';
import { SshCommandError } from '../ssh/errors';
import type { SshSession } from '../ssh/session';

/** A control-plane file as read from the node: what the metadata lists, plus its bytes (kept in memory only). */
export interface CapturedFile extends StoredFile {
  content: Buffer;
}

export interface CapturedNode {
  /** The node's hostname and its addresses when the files were read: a rebuild checks the new node against them. */
  node: string;
  addresses: string[];
  files: CapturedFile[];
  warnings: string[];
}

// Regular files only, never following links; paths and names are base64 so no byte of them can break a line.
const LIST_TREE = 'for d; do [ -d "$d" ] && find "$d" -xdev -type f -print0; done; exit 0';
const READ_FILES = `for f; do
  p=$(printf %s "$f" | base64 -w0)
  if [ ! -f "$f" ]; then printf 'missing %s\\n' "$p"; continue; fi
  m=$(stat -c '%a %u %g %U %G' -- "$f") || exit 1
  c=$(base64 -w0 -- "$f") || exit 1
  printf 'file %s %s %s\\n' "$p" "$m" "$c"
done`;
const IDENTITY =
  "hostname; { hostname -I 2>/dev/null || ip -o addr show | awk '{print $4}'; } | tr ' ' '\\n' | sed 's,/.*,,'";

export class ControlPlaneCaptureError extends EtcdBackupError {}

/**
 * Reads the node's control-plane files (see locateControlPlaneFiles) with their mode, owner and SHA-256, as
 * root, in two commands whatever their number. The bytes stay in memory; nothing is written on the runner.
 */
export async function captureControlPlaneFiles(
  session: SshSession,
  plane: Pick<ControlPlane, 'staticPodPath' | 'staticPods' | 'kubeletConfigPath'>,
): Promise<CapturedNode> {
  const located = await locateControlPlaneFiles(sshNodeFiles(session), plane);
  const warnings = [...located.warnings];
  const kinds = await fileKinds(session, located);
  if (kinds.size === 0) {
    throw new ControlPlaneCaptureError(`found no control-plane files on ${session.target}`, {
      hint: 'the node has no static pods naming certificates; leave the files out of the backup if this is not a kubeadm-style node',
    });
  }
  const output = await readFiles(session, [...kinds.keys()].sort());
  const files: CapturedFile[] = [];
  for (const line of output.toString('latin1').split('\n')) {
    const [tag, b64path, ...rest] = line.split(' ');
    if (!tag || !b64path) continue;
    const path = Buffer.from(b64path, 'base64').toString('utf8');
    if (tag === 'missing') {
      warnings.push(`${path} is named by the node's configuration but does not exist`);
      continue;
    }
    files.push(capturedFile(path, kinds.get(path) ?? 'pki', rest));
  }
  const identity = await readIdentity(session);
  return { node: identity.hostname, addresses: identity.addresses, files, warnings };
}

/** Every file to read and its kind: all regular files under the PKI folders, then the files named one by one. */
async function fileKinds(
  session: SshSession,
  located: ControlPlaneFileSet,
): Promise<Map<string, ControlPlaneFileKind>> {
  const listed = await session.exec(['sh', '-c', LIST_TREE, 'sh', ...located.pkiDirs], {
    sudo: true,
    check: true,
  });
  const kinds = new Map<string, ControlPlaneFileKind>();
  for (const path of listed.stdout.toString('utf8').split('\0')) if (path) kinds.set(path, 'pki');
  for (const { path, kind } of located.files) if (!kinds.has(path)) kinds.set(path, kind);
  return kinds;
}

/** READ_FILES' output for the paths, as root; a failure says that root is needed. */
async function readFiles(session: SshSession, paths: string[]): Promise<Buffer> {
  try {
    return (await session.exec(['sh', '-c', READ_FILES, 'sh', ...paths], { sudo: true, check: true })).stdout;
  } catch (error) {
    if (!(error instanceof SshCommandError)) throw error;
    throw new ControlPlaneCaptureError(
      `could not read the control-plane files on ${session.target}: ${error.stderr.trim()}`,
      {
        hint: 'the backup user needs root (sudo) to read /etc/kubernetes/pki',
        cause: error,
      },
    );
  }
}

/** One `file` line of READ_FILES after its path: mode, owner and the base64 content. */
function capturedFile(path: string, kind: ControlPlaneFileKind, fields: string[]): CapturedFile {
  const [mode, uid, gid, owner, group, b64content] = fields as [
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  const content = Buffer.from(b64content ?? '', 'base64');
  return {
    path,
    kind,
    mode: mode.padStart(4, '0'),
    uid: Number(uid),
    gid: Number(gid),
    owner,
    group,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

/** The node's hostname and addresses, as a rebuild compares them with the certificates. */
export async function readIdentity(session: SshSession): Promise<{ hostname: string; addresses: string[] }> {
  const text = (await session.exec(['sh', '-c', IDENTITY], { check: true })).stdout.toString('utf8');
  const [hostname = session.target, ...addresses] = text.split('\n').filter((l) => l.trim() !== '');
  return { hostname: hostname.trim(), addresses: [...new Set(addresses.map((a) => a.trim()))] };
}
