import * as core from '@actions/core';
import { type BackupRequest, type BackupResult, backup } from '../../backup/backup';
import type { BackupMetadata } from '../../format';
import {
  actionInputs,
  BACKUP,
  discoveryFrom,
  ENVELOPE,
  encryptionFrom,
  isOn,
  maskSecret,
  moreNodesFrom,
  type OptionValues,
  read,
  readAll,
  retentionFrom,
  STORE,
  sshFrom,
  storeFrom,
  written,
} from '../../options';
import { prune, type RetentionPolicy } from '../../store/retention';
import type { BackupStore } from '../../store/store';
import { locateStored, type StoredAt } from '../locate';
import { actionsLogger, actionsProgress } from '../log';
import { writeBackupSummary } from '../summary';
import { claimWorkDir } from '../work-dir';

/** What the backup action's inputs say of the backup itself; the rest of the request is the action's own. */
type RequestFromInputs = Omit<BackupRequest, 'log' | 'progress' | 'onSecret' | 'inputNames'>;

/** Every input the backup action reads, read (and so checked) before anything is claimed or started. */
function readBackupInputs(inputs: OptionValues) {
  const ssh = sshFrom(inputs);
  const etcd = discoveryFrom(inputs);
  const member = read(inputs, BACKUP.member);
  const method = read(inputs, BACKUP.method);
  const nodeCompression = read(inputs, BACKUP.nodeCompression);
  const force = isOn(inputs, BACKUP.force);
  const controlPlaneFiles = isOn(inputs, BACKUP.controlPlaneFiles, true);
  const controlPlaneNodes = moreNodesFrom(inputs, readAll(inputs, BACKUP.filesFrom));
  const cluster = read(inputs, BACKUP.cluster) ?? 'kubernetes';
  const encryption = encryptionFrom(inputs);
  const policy = retentionFrom(inputs);
  const store = storeFrom(inputs, { writes: true });
  const spec = read(inputs, STORE.store) ?? { kind: 'artifact' as const };
  const request: RequestFromInputs = {
    ssh,
    etcd,
    ...(member ? { member } : {}),
    ...(method ? { method } : {}),
    ...(nodeCompression ? { nodeCompression } : {}),
    cluster,
    force,
    store,
    encryption,
    controlPlaneFiles,
    controlPlaneNodes,
  };
  return { request, policy, store, spec };
}

function backupRequest(inputs: OptionValues, request: RequestFromInputs): BackupRequest {
  return {
    ...request,
    log: actionsLogger,
    progress: actionsProgress,
    onSecret: maskSecret,
    inputNames: {
      noControlPlaneFiles: written(inputs, BACKUP.controlPlaneFiles, 'false'),
      encryption: `${inputs.nameOf(ENVELOPE.encryption)}:`,
    },
  };
}

/** Applies the retention policy when one is given; returns the names of the backups it deleted. */
async function applyRetention(
  store: BackupStore,
  policy: RetentionPolicy,
  verified: string,
): Promise<string[]> {
  if (policy.keepLast === undefined && policy.maxAgeMs === undefined) return [];
  const plan = await prune(store, policy, {
    verified: [verified],
    onDelete: (b) => core.info(`retention: deleted ${b.name}`),
    onLocked: (l) => core.info(`retention: kept ${l.backup.name}: ${l.reason}`),
  });
  core.info(`retention: kept ${plan.keep.length}, deleted ${plan.delete.length}`);
  return plan.delete.map((b) => b.name);
}

function setBackupOutputs(result: BackupResult, at: StoredAt, durationMs: number, pruned: string[]): void {
  const { metadata } = result;
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
    control_plane_files: controlPlaneFileCount(metadata),
    metadata: JSON.stringify(metadata),
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}

function controlPlaneFileCount(metadata: BackupMetadata): number {
  return metadata.controlPlane?.nodes.reduce((n, node) => n + node.files.length, 0) ?? 0;
}

/** inputs → backup() → retention → outputs and the job summary. */
export async function run(): Promise<void> {
  const inputs = actionInputs();
  const { request, policy, store, spec } = readBackupInputs(inputs);

  const work = claimWorkDir();
  try {
    const started = Date.now();
    const result = await backup(backupRequest(inputs, request));
    const durationMs = Date.now() - started;
    const { metadata } = result;

    const pruned = await applyRetention(store, policy, metadata.name);
    const at = await locateStored(spec, metadata, {
      token: read(inputs, STORE.githubToken),
      repository: read(inputs, STORE.repository),
    });
    setBackupOutputs(result, at, durationMs, pruned);
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
