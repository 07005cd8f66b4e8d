import { dirname } from 'node:path';
import type { DiscoveryOverrides } from '../controlplane';
import type { EncryptionChoice } from '../envelope/encryption';
import { InputError } from '../errors';
import type { ClusterHealth } from '../etcd/health';
import { EXIT } from '../exit-codes';
import { type BackupMetadata, type Compression, isValidClusterName } from '../format';
import { RestoreCutShortError, readJournal } from '../node/journal';
import type { MemberConnection } from '../node/members';
import { attachFiles, captureForBackup } from '../pki/attach';
import { refusePlaintextFiles } from '../pki/bundle';
import { type ConnectOptions, connect, type SshSession, withRemoteLock } from '../ssh';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir, type PrivateTempDir } from '../util/private-temp';
import { formatProgress, type ProgressSink } from '../util/progress';
import { shown } from '../util/shown';
import { Timings } from '../util/timings';
import {
  type AcquireMethodChoice,
  acquireSnapshot,
  chooseMethod,
  type MethodChosen,
  type NodeCompressionChoice,
} from './acquire';
import { discoverSource, type SnapshotSource } from './discover';
import { onRunnerDisk } from './errors';
import { startSealing } from './seal';
import { storeBackup } from './store';
import { type EtcdAccess, locateEtcd } from './target';
import { verifySnapshot } from './verify-snapshot';

export { RunnerDiskFullError, SnapshotRejectedError } from './errors';

export interface BackupRequest {
  ssh: ConnectOptions;
  /** Explicit etcd settings; each one overrides what discovery finds. */
  etcd?: DiscoveryOverrides;
  /** Member to snapshot, by name; default: the member on the node we log in to. */
  member?: string;
  /** auto (default), grpc or etcdctl: see `chooseMethod`. */
  method?: AcquireMethodChoice;
  /** How etcdctl's snapshot is packed on the node (default auto: zstd when the node has it). */
  nodeCompression?: NodeCompressionChoice;
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

/**
 * discover → acquire → verify → seal → store, on one SSH connection, under the cluster's node lock. The seal
 * step works while the snapshot arrives; its result is stored only once the snapshot passed verification.
 */
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
      if (left) throw new RestoreCutShortError(session.target, left, EXIT.refused);
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
  const timings = new Timings();
  const timed = timings.time.bind(timings);
  const connections: MemberConnection[] = [];
  const temp = createPrivateTempDir();
  try {
    const source = await timed('health', () => discoverSource(session, access, request, connections));
    const method = await methodFor(session, source, request);
    // Read while the node saves the snapshot: the link is idle then, so the files cost no time of their own.
    const capturing =
      request.controlPlaneFiles === false
        ? undefined
        : timed('files', () =>
            captureForBackup(session, access.controlPlane, log, request.controlPlaneNodes),
          );
    const snapshot = await settledWith(capturing, () =>
      acquireVerifySeal(session, access, source, { request, method, progress, temp, timed, connections }),
    );
    const files = await capturing;
    const controlPlane = files
      ? await attachFiles(snapshot.sealedPath, files, request.encryption)
      : undefined;
    log.debug(`verified: revision ${snapshot.report.revision}, ${snapshot.report.totalKey} keys`);
    const facts = {
      cluster: request.cluster,
      createdAt: (request.now ?? (() => new Date()))(),
      target: session.target,
      access,
      source,
      acquired: snapshot.acquired,
      report: snapshot.report,
      inventory: snapshot.inventory,
      envelope: snapshot.envelope,
      timings: timings.record,
      ...(controlPlane ? { controlPlane } : {}),
    };
    const metadata = await timed('store', () => storeBackup(request.store, facts, snapshot.sealedPath, log));
    return { metadata, location: request.store.location, health: source.health, access };
  } finally {
    temp.dispose();
    await Promise.all(connections.map((c) => c.close()));
  }
}

/** Runs `main` while `beside` runs; neither is left running when this returns or throws. */
async function settledWith<T>(beside: Promise<unknown> | undefined, main: () => Promise<T>): Promise<T> {
  const [result, other] = await Promise.allSettled([main(), beside]);
  if (result.status === 'rejected') throw result.reason;
  if (other.status === 'rejected') throw other.reason;
  return result.value;
}

async function methodFor(session: SshSession, source: SnapshotSource, request: BackupRequest) {
  const method = await chooseMethod(session, source, {
    method: request.method ?? 'auto',
    compression: request.nodeCompression ?? 'auto',
  });
  if (method.method !== 'grpc' || (request.method ?? 'auto') === 'auto')
    request.log.info(
      `snapshot by ${method.method}${method.compression === 'none' ? '' : ` + ${method.compression} on the node`}: ${method.why}`,
    );
  return method;
}

/** acquire → verify → seal: the snapshot into a private file, checked, and sealed while it arrived. */
async function acquireVerifySeal(
  session: SshSession,
  access: EtcdAccess,
  source: SnapshotSource,
  step: {
    request: BackupRequest;
    method: MethodChosen;
    progress: ProgressSink;
    temp: PrivateTempDir;
    timed: Timings['time'];
    connections: MemberConnection[];
  },
) {
  const { request, method, temp, timed } = step;
  const onDisk = <T>(work: () => Promise<T>) =>
    onRunnerDisk(dirname(temp.path), source.member.status?.dbSize, work);
  const path = temp.file('snapshot.db');
  const sealedPath = temp.file('sealed.blob');
  // zstd from the node is stored as it came (only encrypted): the runner unpacks it only to verify it.
  const alreadyZstd = method.compression === 'zstd' && (request.compression ?? 'zstd') === 'zstd';
  const sealing = await startSealing(request, sealedPath, { alreadyZstd });
  const acquired = await timed('acquire', () =>
    onDisk(() =>
      acquireSnapshot(
        session,
        access,
        source,
        {
          method,
          path,
          progress: step.progress,
          also: sealing.input,
          alsoPacked: alreadyZstd,
          log: request.log,
        },
        step.connections,
      ),
    ),
  );
  const { report, inventory } = await timed('verify', () => onDisk(() => verifySnapshot(path, acquired)));
  const envelope = await onDisk(() => sealing.finish(acquired.bytes, acquired.packedBytes));
  return { acquired, report, inventory, envelope, sealedPath };
}
