import * as core from '@actions/core';
import { backup, checkClusterName } from '../../backup/backup';
import { prune } from '../../store/retention';
import { booleanInput, choiceInput, maskSecret, optionalInput } from '../inputs';
import { locateStored } from '../locate';
import { actionsLogger, actionsProgress } from '../log';
import { sshFromInputs } from '../ssh-inputs';
import {
  encryptionFromInputs,
  etcdOverridesFromInputs,
  retentionFromInputs,
  storeFromInputs,
} from '../store-inputs';
import { writeBackupSummary } from '../summary';
import { claimWorkDir } from '../work-dir';

/** inputs → backup() → retention → outputs and the job summary. */
export async function run(): Promise<void> {
  const ssh = sshFromInputs();
  const etcd = etcdOverridesFromInputs();
  const member = optionalInput('member');
  const method = choiceInput('method', ['grpc', 'etcdctl'] as const, 'grpc');
  const force = booleanInput('force', false);
  const controlPlaneFiles = booleanInput('control_plane_files', true);
  const cluster = optionalInput('cluster') ?? 'kubernetes';
  checkClusterName(cluster, 'cluster');
  const encryption = encryptionFromInputs();
  const policy = retentionFromInputs();
  const { store, spec } = storeFromInputs({ writes: true });

  const work = claimWorkDir();
  try {
    const started = Date.now();
    const result = await backup({
      ssh,
      etcd,
      ...(member ? { member } : {}),
      method,
      cluster,
      force,
      store,
      encryption,
      log: actionsLogger,
      progress: actionsProgress,
      onSecret: maskSecret,
      controlPlaneFiles,
      inputNames: { noControlPlaneFiles: 'control_plane_files: false', encryption: 'encryption:' },
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
      token: optionalInput('github_token'),
      repository: optionalInput('repository'),
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
      duration_seconds: (durationMs / 1000).toFixed(1),
      pruned: pruned.join('\n'),
      control_plane_files: metadata.controlPlane?.nodes.reduce((n, node) => n + node.files.length, 0) ?? 0,
      metadata: JSON.stringify(metadata),
    };
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
    const url = at.artifactUrl ?? at.assetUrl;
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
