import { randomBytes } from 'node:crypto';
import type { OpeningKeys } from '../envelope/encryption';
import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import type { BackupMetadata } from '../format';
import { optionName } from '../options/naming';
import { type ControlPlaneDrill, drillControlPlaneFiles } from '../pki/drill-check';
import { type EtcdTools, minorOf } from '../restore/etcd-tools';
import { fetchBackup } from '../restore/fetch';
import { restoreSnapshot } from '../restore/snapshot-restore';
import { compareWithSnapshot, type KeyComparison } from '../restore/verify-keys';
import { buildInventory, type Inventory } from '../snapshot';
import type { Selector } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { freeLoopbackPort, startScratchEtcd } from './scratch-etcd';

export interface DrillRequest {
  store: BackupStore;
  selector: Selector;
  cluster?: string;
  keys: OpeningKeys;
  /**
   * etcd and its restore tool on the runner, matching the backup's etcd version; or how to get them once that
   * version is known (`runnerTools`: a folder, PATH, or a checked download).
   */
  tools: EtcdTools | ((backupEtcdVersion: string) => Promise<EtcdTools>);
  /** Use tools of another etcd minor version than the backup's. */
  allowVersionSkew?: boolean;
  log: Logger;
}

export interface DrillReport {
  backup: string;
  cluster: string;
  revision: number;
  backupEtcdVersion: string;
  toolsVersion: string;
  /** Live keys the snapshot holds, and how many came back from the restored etcd. */
  expectedKeys: number;
  restoredKeys: number;
  missing: number;
  unexpected: number;
  changed: number;
  /** The restored etcd's revision; equals the snapshot's (a drill does not bump). */
  restoredRevision: number;
  inventory: Inventory;
  verdict: 'pass' | 'fail';
  reasons: string[];
  /** The control-plane files' check, when the backup carries them. */
  controlPlane?: ControlPlaneDrill;
  timingsMs: Record<string, number>;
}

export class DrillFailedError extends EtcdBackupError {
  constructor(
    message: string,
    readonly report: DrillReport,
  ) {
    super(message, {
      hint: 'this backup would not restore as stored; keep older backups and investigate',
      exitCode: EXIT.drillFailed,
    });
  }
}

/**
 * Proves a stored backup restores, without touching the cluster: fetch and verify it, restore it with the etcd
 * tools into a scratch dir on the runner, boot a throw-away single-member etcd on loopback, read every key back
 * and compare it with the snapshot's own live keys. Everything is torn down afterwards.
 */
export async function drill(request: DrillRequest): Promise<DrillReport> {
  const { log } = request;
  const temp = createPrivateTempDir('etcd-drill-');
  const timings: Record<string, number> = {};
  try {
    let started = Date.now();
    const fetched = await fetchBackup({
      store: request.store,
      selector: request.selector,
      ...(request.cluster ? { cluster: request.cluster } : {}),
      keys: request.keys,
      path: temp.file('snapshot.db'),
      log,
    });
    timings.fetch = Date.now() - started;
    const metadata: BackupMetadata = fetched.metadata;
    const tools =
      typeof request.tools === 'function' ? await request.tools(metadata.etcd.version) : request.tools;
    checkVersions(metadata.etcd.version, tools, request.allowVersionSkew ?? false);
    const controlPlane = await drillControlPlaneFiles(
      metadata,
      fetched.controlPlaneSealed,
      request.keys,
      log,
    );
    const live = fetched.analysis.liveKeys;
    if (!live) throw new EtcdBackupError(`${metadata.name}: the snapshot's keys could not be read`);

    started = Date.now();
    const peerUrl = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const dataDir = temp.file('data');
    await restoreSnapshot(tools, {
      snapshotPath: fetched.path,
      dataDir,
      name: 'drill',
      initialAdvertisePeerUrls: peerUrl,
      initialCluster: `drill=${peerUrl}`,
      initialClusterToken: `drill-${randomBytes(6).toString('hex')}`,
      log,
    });
    timings.restore = Date.now() - started;

    started = Date.now();
    const etcd = await startScratchEtcd(tools, {
      dataDir,
      name: 'drill',
      peerUrl,
      quotaBackendBytes: Math.max(2 * 1024 ** 3, (metadata.etcd.totalSize ?? 0) * 2),
    });
    timings.boot = Date.now() - started;
    started = Date.now();
    let comparison: KeyComparison;
    try {
      comparison = await compareWithSnapshot(etcd.client, live);
    } finally {
      await etcd.stop();
    }
    timings.readBack = Date.now() - started;

    const { restored: restoredKeys, missing, unexpected, changed, revision: restoredRevision } = comparison;
    const reasons: string[] = [...(controlPlane?.failures ?? [])];
    if (missing) reasons.push(`${missing} keys of the snapshot did not come back`);
    if (unexpected) reasons.push(`${unexpected} keys came back that the snapshot does not hold`);
    if (changed) reasons.push(`${changed} values came back different`);
    if (Number(restoredRevision) !== metadata.etcd.revision) {
      reasons.push(
        `the restored etcd is at revision ${restoredRevision}, the backup at ${metadata.etcd.revision}`,
      );
    }
    const report: DrillReport = {
      backup: metadata.name,
      cluster: metadata.cluster,
      revision: metadata.etcd.revision,
      backupEtcdVersion: metadata.etcd.version,
      toolsVersion: tools.version,
      expectedKeys: comparison.expected,
      restoredKeys,
      missing,
      unexpected,
      changed,
      restoredRevision: Number(restoredRevision),
      inventory: buildInventory(live),
      verdict: reasons.length ? 'fail' : 'pass',
      reasons,
      ...(controlPlane ? { controlPlane } : {}),
      timingsMs: timings,
    };
    if (report.verdict === 'fail')
      throw new DrillFailedError(`drill of ${metadata.name} failed: ${reasons.join('; ')}`, report);
    log.info(
      `drill of ${metadata.name}: ${restoredKeys} keys restored and read back, all equal to the snapshot` +
        (controlPlane ? `; ${controlPlane.certificates.length} certificates valid and chained` : ''),
    );
    return report;
  } finally {
    temp.dispose();
  }
}

function checkVersions(backupVersion: string, tools: EtcdTools, allowSkew: boolean): void {
  if (minorOf(backupVersion) === minorOf(tools.version) || allowSkew) return;
  throw new EtcdBackupError(
    `the backup was taken from etcd ${backupVersion} but the tools on this runner are ${tools.version}`,
    {
      hint: `name a folder of etcd ${minorOf(backupVersion)}.x tools with ${optionName('etcdTools')}, or let ${optionName('downloadEtcd')} fetch them, or allow version skew on purpose (${optionName('allowVersionSkew')})`,
    },
  );
}
