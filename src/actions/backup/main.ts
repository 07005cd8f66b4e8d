import * as core from '@actions/core';
import { backup } from '../../backup/backup';
import {
  actionInputs,
  BACKUP,
  discoveryFrom,
  ENVELOPE,
  encryptionFrom,
  isOn,
  maskSecret,
  moreNodesFrom,
  read,
  readAll,
  retentionFrom,
  STORE,
  sshFrom,
  storeFrom,
  written,
} from '../../options';
import { prune } from '../../store/retention';
import { locateStored } from '../locate';
import { actionsLogger, actionsProgress } from '../log';
import { writeBackupSummary } from '../summary';
import { claimWorkDir } from '../work-dir';

/** inputs → backup() → retention → outputs and the job summary. */
export async function run(): Promise<void> {
  const inputs = actionInputs();
  const ssh = sshFrom(inputs);
  const etcd = discoveryFrom(inputs);
  const member = read(inputs, BACKUP.member);
  const method = read(inputs, BACKUP.method) ?? 'grpc';
  const nodeCompression = read(inputs, BACKUP.nodeCompression) ?? 'auto';
  const force = isOn(inputs, BACKUP.force);
  const controlPlaneFiles = isOn(inputs, BACKUP.controlPlaneFiles, true);
  const controlPlaneNodes = moreNodesFrom(inputs, readAll(inputs, BACKUP.filesFrom));
  const cluster = read(inputs, BACKUP.cluster) ?? 'kubernetes';
  const encryption = encryptionFrom(inputs);
  const policy = retentionFrom(inputs);
  const store = storeFrom(inputs, { writes: true });
  const spec = read(inputs, STORE.store) ?? { kind: 'artifact' as const };

  const work = claimWorkDir();
  try {
    const started = Date.now();
    const result = await backup({
      ssh,
      etcd,
      ...(member ? { member } : {}),
      method,
      nodeCompression,
      cluster,
      force,
      store,
      encryption,
      log: actionsLogger,
      progress: actionsProgress,
      onSecret: maskSecret,
      controlPlaneFiles,
      controlPlaneNodes,
      inputNames: {
        noControlPlaneFiles: written(inputs, BACKUP.controlPlaneFiles, 'false'),
        encryption: `${inputs.nameOf(ENVELOPE.encryption)}:`,
      },
    });
    const durationMs = Date.now() - started;
    const { metadata } = result;

    let pruned: string[] = [];
    if (policy.keepLast !== undefined || policy.maxAgeMs !== undefined) {
      const plan = await prune(store, policy, {
        verified: [metadata.name],
        onDelete: (b) => core.info(`retention: deleted ${b.name}`),
        onLocked: (l) => core.info(`retention: kept ${l.backup.name}: ${l.reason}`),
      });
      pruned = plan.delete.map((b) => b.name);
      core.info(`retention: kept ${plan.keep.length}, deleted ${plan.delete.length}`);
    }

    const at = await locateStored(spec, metadata, {
      token: read(inputs, STORE.githubToken),
      repository: read(inputs, STORE.repository),
    });
    const outputs: Record<string, string | number> = {
      name: metadata.name,
      cluster: metadata.cluster,
      member: metadata.member?.name ?? '',
      etcd_version: metadata.etcd.version,
      revision: metadata.etcd.revision,
      total_keys: metadata.etcd.totalKey ?? '',
      snapshot_size: metadata.snapshot.size,
      stored_size: metadata.envelope.blob.size,
      snapshot_sha256: metadata.snapshot.sha256,
      stored_sha256: metadata.envelope.blob.sha256,
      encryption: metadata.envelope.encryption.kind,
      location: result.location,
      artifact_id: at.artifactId ?? '',
      artifact_url: at.artifactUrl ?? '',
      asset_url: at.assetUrl ?? '',
      path: at.path ?? '',
      object_url: at.objectUrl ?? '',
      duration_seconds: (durationMs / 1000).toFixed(1),
      pruned: pruned.join('\n'),
      control_plane_files: metadata.controlPlane?.nodes.reduce((n, node) => n + node.files.length, 0) ?? 0,
      metadata: JSON.stringify(metadata),
    };
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
    const url = at.artifactUrl ?? at.assetUrl ?? at.objectUrl;
    await writeBackupSummary(metadata, {
      location: result.location,
      durationMs,
      ...(url ? { url } : {}),
      pruned,
    });
    core.info(`backup ${metadata.name} stored in ${result.location}`);
  } finally {
    work.dispose();
  }
}
