import { appendFile, stat } from 'node:fs/promises';
import type { ControlPlane } from '../controlplane';
import type { EncryptionChoice } from '../envelope/encryption';
import type { SshSession } from '../ssh/session';
import type { Logger } from '../util/log';
import { describeNodes, sealFiles, sliceOf } from './bundle';
import { type CapturedNode, captureControlPlaneFiles } from './capture';
import { type ControlPlaneFilesDescription, describeControlPlaneFiles } from './stored';

/** Reads the node's control-plane files for a backup, and says what it found. */
export async function captureForBackup(
  session: SshSession,
  plane: Pick<ControlPlane, 'staticPodPath' | 'staticPods' | 'kubeletConfigPath'>,
  log: Logger,
): Promise<CapturedNode> {
  const captured = await captureControlPlaneFiles(session, plane);
  for (const warning of captured.warnings) log.warn(warning);
  const sealed = { offset: 1, size: 0, sha256: '' };
  log.info(`control-plane files: ${describeControlPlaneFiles({ nodes: describeNodes([captured]), sealed })}`);
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
