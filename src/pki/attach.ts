import { appendFile, stat } from 'node:fs/promises';
import type { ControlPlane } from '../controlplane';
import { discoverOverSsh } from '../controlplane/remote';
import type { EncryptionChoice } from '../envelope/encryption';
import { type ControlPlaneFilesDescription, describeControlPlaneFiles } from '../format/control-plane-files';
import { type ConnectOptions, connect } from '../ssh/connect';
import type { SshSession } from '../ssh/session';
import type { Logger } from '../util/log';
import { describeNodes, sealFiles, sliceOf } from './bundle';
import { type CapturedNode, ControlPlaneCaptureError, captureControlPlaneFiles } from './capture';

/**
 * Reads the node's control-plane files for a backup, and those of the other control-plane nodes given (each
 * found by its own discovery: etcd's server and peer certificates differ per node), and says what it found.
 */
export async function captureForBackup(
  session: SshSession,
  plane: Pick<ControlPlane, 'staticPodPath' | 'staticPods' | 'kubeletConfigPath'>,
  log: Logger,
  others: ConnectOptions[] = [],
): Promise<CapturedNode[]> {
  const captured = [await captureControlPlaneFiles(session, plane)];
  for (const options of others) {
    const other = await connect({ ...options, warn: log.warn });
    try {
      captured.push(await captureControlPlaneFiles(other, await discoverOverSsh(other)));
    } finally {
      await other.close();
    }
  }
  const names = captured.map((c) => c.node);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) {
    throw new ControlPlaneCaptureError(`node ${twice} was given twice for its control-plane files`, {
      hint: 'give each other control-plane node once, and not the node the backup logs in to',
    });
  }
  for (const warning of captured.flatMap((c) => c.warnings)) log.warn(warning);
  const sealed = { offset: 1, size: 0, sha256: '' };
  log.info(`control-plane files: ${describeControlPlaneFiles({ nodes: describeNodes(captured), sealed })}`);
  return captured;
}

/**
 * Seals the files like the snapshot (zstd + age, same recipients) and appends them to the sealed snapshot's
 * file, so the store keeps one blob whose SHA-256 covers both; the returned description says where they start.
 */
export async function attachFiles(
  sealedSnapshotPath: string,
  nodes: CapturedNode[],
  encryption: EncryptionChoice,
): Promise<ControlPlaneFilesDescription> {
  const sealed = await sealFiles(nodes, encryption);
  const offset = (await stat(sealedSnapshotPath)).size;
  await appendFile(sealedSnapshotPath, sealed);
  return { nodes: describeNodes(nodes), sealed: sliceOf(sealed, offset) };
}
