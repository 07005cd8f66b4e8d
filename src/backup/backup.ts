import { createReadStream, createWriteStream } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackupMetadata, Compression, Inventory, MetadataDraft } from '../backup/metadata';
import {
  backupName,
  isValidClusterName,
  METADATA_SCHEMA_VERSION,
  METADATA_SCHEMA_VERSION_WITH_FILES,
} from '../backup/metadata';
import type { DiscoveryOverrides } from '../controlplane';
import type { EncryptionChoice } from '../envelope/encryption';
import { seal } from '../envelope/seal';
import { EtcdBackupError, InputError } from '../errors';
import { assertSafeToSnapshot, type ClusterHealth, inspectCluster } from '../etcd/health';
import { attachFiles, captureForBackup } from '../pki/attach';
import { refusePlaintextFiles } from '../pki/bundle';
import { RestoreCutShortError, readJournal } from '../restore/journal';
import { analyseSnapshot } from '../snapshot/verify';
import { type ConnectOptions, connect, type SshSession, withRemoteLock } from '../ssh';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { formatBytes, formatProgress, type ProgressSink } from '../util/progress';
import { shown } from '../util/shown';
import { VERSION } from '../version';
import { acquireViaEtcdctl } from './acquire-etcdctl';
import { type AcquiredSnapshot, acquireViaGrpc } from './acquire-grpc';
import { summarizeInventory } from './inventory';
import { connectThroughNode, connectToAnyUrl, type MemberConnection, readClientTls } from './members';
import { type EtcdAccess, locateEtcd } from './target';

export interface BackupRequest {
  ssh: ConnectOptions;
  /** Explicit etcd settings; each one overrides what discovery finds. */
  etcd?: DiscoveryOverrides;
  /** Member to snapshot, by name; default: the member on the node we log in to. */
  member?: string;
  method?: 'grpc' | 'etcdctl';
  cluster: string;
  /** Take the snapshot even with no quorum, no leader or an active alarm. */
  force?: boolean;
  store: BackupStore;
  encryption: EncryptionChoice;
  /** zstd (the default) or none, e.g. to measure what the envelope costs. */
  compression?: Compression;
  log: Logger;
  progress?: ProgressSink;
  now?: () => Date;
  /** Called with each secret the backup comes to hold (the etcd client key), so a log can mask it. */
  onSecret?: (value: string) => void;
  /** Keep the node's PKI, manifests, kubelet config and kubeconfigs in the backup (default true). */
  controlPlaneFiles?: boolean;
  /** The other control-plane nodes, whose own files are kept too (so all of them can be rebuilt). */
  controlPlaneNodes?: ConnectOptions[];
  /** How the caller spells the inputs a refusal names (default: the CLI's). */
  inputNames?: { noControlPlaneFiles: string; encryption: string };
}

export interface BackupResult {
  metadata: BackupMetadata;
  /** Where it went, e.g. `dir:/var/backups/etcd`. */
  location: string;
  health: ClusterHealth;
  access: EtcdAccess;
}

/** etcd's own TLS files as the etcd container sees them (for etcdctl run inside it). */
function containerTlsOf(
  access: EtcdAccess,
): { caPath: string; certPath: string; keyPath: string } | undefined {
  const flags = access.controlPlane.etcd.flags;
  const [caPath, certPath, keyPath] = [flags['trusted-ca-file'], flags['cert-file'], flags['key-file']];
  return caPath && certPath && keyPath ? { caPath, certPath, keyPath } : undefined;
}

export class SnapshotRejectedError extends EtcdBackupError {
  constructor(message: string) {
    super(message, {
      hint: 'the snapshot was not stored; run the backup again, and if it fails again inspect the member (etcdutl check)',
      exitCode: 3,
    });
  }
}

/** The runner has no room for the snapshot in its temp dir. */
export class RunnerDiskFullError extends EtcdBackupError {
  constructor(dir: string, dbSize: bigint | undefined, cause: unknown) {
    const size = dbSize === undefined ? '' : ` (the database is ${formatBytes(Number(dbSize))})`;
    super(`no space left on the runner in ${dir} for the snapshot${size}`, {
      hint: 'nothing was stored; free space there, or point RUNNER_TEMP (or TMPDIR) at a disk with room for the snapshot and its sealed copy',
      cause,
    });
  }
}

/** Whether the error, or one it was caused by, is a system error with one of these codes. */
function hasErrorCode(error: unknown, codes: string[]): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (codes.includes((e as NodeJS.ErrnoException).code ?? '')) return true;
  }
  return false;
}

/**
 * The cluster name becomes part of every backup's name and of the node lock's file name, so it is checked before
 * anything else happens; `input` is how the caller spells it (cluster, --cluster).
 */
export function checkClusterName(cluster: string, input: string): void {
  if (!isValidClusterName(cluster)) {
    throw new InputError(
      input,
      `1-63 letters, digits, dots, underscores or hyphens, starting with a letter or digit (got ${shown(cluster)})`,
    );
  }
}

const firstLineOf = (message: string | undefined) => message?.split('\n')[0] ?? 'no status';

/** discover → acquire → verify → envelope → store, on one SSH connection, under the node's backup lock. */
export async function backup(request: BackupRequest): Promise<BackupResult> {
  const { log } = request;
  checkClusterName(request.cluster, 'cluster');
  if (request.controlPlaneFiles !== false) {
    const names = request.inputNames ?? {
      noControlPlaneFiles: '--no-control-plane-files',
      encryption: '--encryption',
    };
    refusePlaintextFiles(request.encryption, names.noControlPlaneFiles, names.encryption);
  }
  const progress = request.progress ?? ((r) => log.info(formatProgress(r)));
  const session = await connect({ ...request.ssh, warn: log.warn });
  try {
    log.info(`connected to ${session.target} (host key ${session.hostKeyFingerprint})`);
    await refuseIfRestoreUnfinished(session, request.cluster);
    const access = await locateEtcd(session, request.etcd ?? {}, log);
    return await withRemoteLock(session, `cluster-${request.cluster}`, () =>
      backupLocked(session, access, request, progress),
    );
  } finally {
    await session.close();
  }
}

/**
 * A restore's journal on the node: a restore runs now (its lock says so) or was cut short, and then its
 * manifests may be held aside and etcd may run on half-restored data. Either way this is no time to snapshot.
 */
async function refuseIfRestoreUnfinished(session: SshSession, cluster: string): Promise<void> {
  const journal = await readJournal(session);
  if (!journal) return;
  // A few seconds' grace: the lock of a restore killed just now goes when the node notices the dead connection.
  await withRemoteLock(
    session,
    `cluster-${cluster}`,
    async () => {
      // Still there once no restore holds the lock: that restore was cut short.
      const left = await readJournal(session);
      if (left) throw new RestoreCutShortError(session.target, left, 4);
    },
    { waitSeconds: 5 },
  );
}

async function backupLocked(
  session: SshSession,
  access: EtcdAccess,
  request: BackupRequest,
  progress: ProgressSink,
): Promise<BackupResult> {
  const { log } = request;
  const timings: Record<string, number> = {};
  const tls = await readClientTls(session, { ca: access.caPath, cert: access.certPath, key: access.keyPath });
  request.onSecret?.(tls.key.toString('utf8'));
  const connections: MemberConnection[] = [];
  const temp = createPrivateTempDir();
  try {
    const local = await connectThroughNode(session, access.clientUrl, tls);
    connections.push(local);
    let started = Date.now();
    const health = await inspectCluster(local.client, async (member) => {
      const c = await connectToAnyUrl(session, member.clientURLs, tls);
      connections.push(c);
      return c.client;
    });
    timings.health = Date.now() - started;
    assertSafeToSnapshot(health, request.force ?? false, log.warn);

    const member = request.member
      ? health.members.find((m) => m.name === request.member)
      : health.members.find((m) => m.id === health.localMemberId);
    if (!member) {
      throw new EtcdBackupError(
        `member ${request.member ? shown(request.member) : 'local member'} is not in the cluster`,
        {
          hint: `members are: ${health.members.map((m) => m.name).join(', ')}`,
        },
      );
    }
    const answering = health.members.filter((m) => m.status).map((m) => m.name);
    if (!member.status) {
      throw new EtcdBackupError(
        `member ${member.name} does not answer at ${member.clientURLs.join(', ')}: ${firstLineOf(member.error)}`,
        {
          hint: `it may be down; snapshot a member that answers (${answering.join(', ') || 'none'}) instead`,
        },
      );
    }
    for (const other of health.members) {
      if (!other.status) log.warn(`member ${other.name} does not answer (${firstLineOf(other.error)})`);
    }
    log.info(
      `cluster ${health.clusterId.toString(16)}: ${health.members.length} members, leader ${health.leader?.name ?? 'none'}; snapshotting ${member.name}`,
    );

    started = Date.now();
    const files =
      request.controlPlaneFiles === false
        ? undefined
        : await captureForBackup(session, access.controlPlane, log, request.controlPlaneNodes);
    if (files) timings.files = Date.now() - started;

    started = Date.now();
    const path = temp.file('snapshot.db');
    // The snapshot and its sealed copy are written under the runner's temp dir; a full disk there is the
    // runner's problem, not the link's, and the message says so.
    const onRunnerDisk = <T>(step: () => Promise<T>): Promise<T> =>
      step().catch((error: unknown) => {
        throw hasErrorCode(error, ['ENOSPC', 'EDQUOT'])
          ? new RunnerDiskFullError(dirname(temp.path), member.status?.dbSize, error)
          : error;
      });
    // The envelope (zstd + age) works while the snapshot arrives, into a private file; it is stored only
    // once the snapshot has passed verification.
    const sealInput = new PassThrough();
    const sealed = await seal(sealInput, {
      encryption: request.encryption,
      compression: request.compression ?? 'zstd',
      // It reads a tee of the transfer, which hashes these same bytes already.
      hashInput: false,
    });
    const sealedPath = temp.file('sealed.blob');
    const sealing = pipeline(sealed.blob, createWriteStream(sealedPath, { mode: 0o600, flags: 'wx' }));
    sealing.catch(() => {});
    sealed.snapshot.catch(() => {});
    let acquired: AcquiredSnapshot;
    if ((request.method ?? 'grpc') === 'grpc') {
      const source =
        member.id === health.localMemberId ? local : await connectToAnyUrl(session, member.clientURLs, tls);
      if (source !== local) connections.push(source);
      acquired = await onRunnerDisk(() => acquireViaGrpc(source.client, { path, progress, also: sealInput }));
    } else {
      const containerTls = containerTlsOf(access);
      const viaEtcdctl = await onRunnerDisk(() =>
        acquireViaEtcdctl(
          session,
          {
            ...access,
            endpoint: access.clientUrl,
            ...(containerTls ? { containerTls } : {}),
          },
          { path, progress, also: sealInput },
        ),
      );
      log.info(
        `snapshot taken by etcdctl ${viaEtcdctl.how === 'crictl' ? 'inside the etcd container (crictl exec)' : 'on the node'}`,
      );
      acquired = viaEtcdctl;
    }
    timings.acquire = Date.now() - started;
    if (!acquired.trailerOk) {
      throw new SnapshotRejectedError(
        'the snapshot that arrived does not match the SHA-256 etcd appended to it',
      );
    }

    log.debug(`snapshot written: ${acquired.bytes} bytes, sha256 ${acquired.sha256}`);
    started = Date.now();
    const [analysis] = await onRunnerDisk(() =>
      Promise.all([
        // The metadata's inventory counts keys by type and namespace only: keys without value records
        // suffice, which keeps the store smaller and reads no value.
        analyseSnapshot(path, { liveKeys: 'keys', databaseSha256: acquired.databaseSha256 }),
        sealing,
      ]),
    );
    const report = analysis.report;
    timings.verify = Date.now() - started;
    const sealedDigest = await sealed.snapshot;
    if (sealedDigest.size !== acquired.bytes) {
      throw new SnapshotRejectedError('the envelope did not receive the same bytes as the snapshot file');
    }
    if (
      !report.integrity.ok ||
      report.trailer !== 'ok' ||
      report.revision === null ||
      report.totalSize === null
    ) {
      const first = report.integrity.problems[0];
      throw new SnapshotRejectedError(
        `the snapshot failed verification: ${first ? first.message : `trailer ${report.trailer}`}`,
      );
    }
    const controlPlane = files ? await attachFiles(sealedPath, files, request.encryption) : undefined;
    const inventory: Inventory | undefined = analysis.liveKeys
      ? summarizeInventory(analysis.liveKeys)
      : undefined;

    const status = member.status;
    const createdAt = (request.now ?? (() => new Date()))();
    const name = backupName(request.cluster, createdAt, report.revision);
    const draft: MetadataDraft = {
      schemaVersion: controlPlane ? METADATA_SCHEMA_VERSION_WITH_FILES : METADATA_SCHEMA_VERSION,
      name,
      createdAt: createdAt.toISOString(),
      cluster: request.cluster,
      node: access.memberName ?? session.target,
      member: { id: member.id.toString(16), name: member.name },
      etcd: {
        version: status?.version ?? access.version ?? 'unknown',
        revision: report.revision,
        ...(report.compactRevision !== null ? { compactRevision: report.compactRevision } : {}),
        ...(report.hash !== null ? { hash: report.hash } : {}),
        ...(report.totalKey !== null ? { totalKey: report.totalKey } : {}),
        totalSize: report.totalSize,
        ...(health.leader ? { leader: health.leader.name } : {}),
        ...(status ? { raftIndex: Number(status.raftIndex), raftTerm: Number(status.raftTerm) } : {}),
      },
      snapshot: { sha256: acquired.sha256, size: acquired.bytes },
      ...(inventory ? { inventory } : {}),
      timings,
      toolVersion: `etcd-backup ${VERSION} on ${hostname()}`,
      envelope: { compression: 'zstd', encryption: { kind: 'none' } },
      ...(controlPlane ? { controlPlane } : {}),
    };

    log.debug(`verified: revision ${report.revision}, ${report.totalKey} keys`);
    started = Date.now();
    draft.envelope = sealed.envelope;
    const metadata = await request.store.put(name, createReadStream(sealedPath), draft);
    timings.store = Date.now() - started;
    log.info(`stored ${name} in ${request.store.location}`);
    return { metadata, location: request.store.location, health, access };
  } finally {
    temp.dispose();
    await Promise.all(connections.map((c) => c.close()));
  }
}
