import { rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { BackupMetadata } from '../format';
import { connectToAnyUrl, type MemberConnection } from '../node/members';
import { compareWithSnapshot } from '../restore/compare-keys';
import { supportsBumpRevision } from '../restore/etcd-tools';
import { shipDir, waitUntilGone, waitUntilRunning } from '../restore/node-ops';
import {
  removeOurDir,
  restoreOnNode,
  shippedSnapshotPath,
  shipSnapshot,
  snapshotDirFor,
} from '../restore/on-node';
import { restoreSnapshot } from '../restore/snapshot-restore';
import type { SnapshotAnalysis } from '../snapshot';
import type { Logger } from '../util/log';
import { setEtcdFlags } from './etcd-flags';
import { existingPaths } from './put-back';
import { RebuildFailedError } from './rebuild-errors';
import { manifestOf, type Target, tlsOf } from './rebuild-target';

/** The rebuild's steps on one node; rebuild.ts runs them in order and rolls back through each node's ledger. */

const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');

/** Stops what still runs (its manifests moved aside), then puts back everything but the manifests. */
export async function putBackFiles(target: Target, log: Logger, timeoutMs: number): Promise<void> {
  const manifests = target.stored.files.filter((f) => f.kind === 'manifest').map((f) => f.path);
  const present = await existingPaths(target.session, manifests);
  for (const path of present) await target.ledger.keepAside(path);
  if (present.length > 0) await waitUntilGone(target.session, 'etcd', { timeoutMs });
  for (const file of target.stored.files.filter((f) => f.kind !== 'manifest')) {
    await target.ledger.putFile(file, target.files.get(file.path)!);
  }
  log.info(`${target.stored.node}: PKI, kubeconfigs and kubelet config put back with their modes and owners`);
}

/** The remaining manifests (kube-apiserver and the rest) back in the static pod folder; waits for the API server. */
export async function putBackManifests(target: Target, timeoutMs: number, log: Logger): Promise<void> {
  const rest = target.stored.files.filter(
    (f) => f.kind === 'manifest' && f.path !== target.etcd.manifestPath,
  );
  for (const file of rest) await target.ledger.putFile(file, target.files.get(file.path)!);
  const apiServer = rest.some((f) => target.files.get(f.path)!.includes('kube-apiserver'));
  if (apiServer && !(await waitUntilRunning(target.session, 'kube-apiserver', timeoutMs))) {
    throw new RebuildFailedError(
      `kube-apiserver did not start on ${target.stored.node} within ${Math.round(timeoutMs / 1000)}s`,
    );
  }
  log.info(`${target.stored.node}: control plane back (${rest.length + 1} static pods)`);
}
export async function restoreData(
  target: Target,
  snapshotPath: string,
  metadata: BackupMetadata,
  options: { token: string; bump: number; tempDir: string; log: Logger },
): Promise<void> {
  const { session, etcd, ledger } = target;
  const { log } = options;
  await ledger.keepAside(etcd.dataDir);
  await session.exec(['mkdir', '-p', '--', posix.dirname(etcd.dataDir)], { sudo: true, check: true });
  const staging = posix.join(
    posix.dirname(etcd.dataDir),
    `.${posix.basename(etcd.dataDir)}.restore-${compact(new Date())}`,
  );
  const version = target.tool?.version ?? target.runnerTools!.version;
  const restore = {
    name: etcd.name,
    initialAdvertisePeerUrls: etcd.peerUrls.join(','),
    initialCluster: etcd.initialCluster,
    initialClusterToken: options.token,
    ...(options.bump > 0 && supportsBumpRevision(version) ? { bumpRevision: options.bump } : {}),
    log,
  };
  ledger.created(etcd.dataDir);
  if (target.tool) {
    const shipped = snapshotDirFor(staging);
    await shipSnapshot(session, { path: snapshotPath }, shipped, log);
    try {
      await restoreOnNode(session, target.tool, '0:0', {
        ...restore,
        snapshotPath: shippedSnapshotPath(shipped),
        dataDir: etcd.dataDir,
      });
    } finally {
      await removeOurDir(session, shipped).catch(() => {});
    }
  } else {
    const local = join(options.tempDir, `restored-${etcd.name}`);
    await restoreSnapshot(target.runnerTools!, { ...restore, snapshotPath, dataDir: local });
    try {
      await shipDir(session, local, staging, '0:0', log);
    } finally {
      await rm(local, { recursive: true, force: true });
    }
    await session.exec(['mv', '--', staging, etcd.dataDir], { sudo: true, check: true });
  }
  log.info(
    `${target.stored.node}: etcd data restored at ${etcd.dataDir} (revision ${metadata.etcd.revision}${restore.bumpRevision ? ` + ${restore.bumpRevision}` : ''}, ${target.tool ? `${target.tool.kind} on the node` : `${target.runnerTools!.restoreToolKind} on the runner`})`,
  );
}

/** The lost member is replaced in the running cluster (remove, add), and starts empty to sync from it. */
export async function rejoin(
  target: Target,
  peer: MemberConnection,
  timeoutMs: number,
  log: Logger,
): Promise<void> {
  const { etcd, ledger } = target;
  await ledger.keepAside(etcd.dataDir);
  const before = await peer.client.memberList();
  const old = before.find((m) => m.name === etcd.name || m.peerURLs.some((u) => etcd.peerUrls.includes(u)));
  if (old) await whenHealthy(() => peer.client.memberRemove(old.id), timeoutMs);
  const added = await whenHealthy(() => peer.client.memberAdd(etcd.peerUrls), timeoutMs);
  // The lost member's data is gone, so it cannot come back; an added member that never starts would only
  // weigh on the quorum, so a rollback takes it out again.
  ledger.undoWith(`member ${etcd.name} added to the cluster`, () => peer.client.memberRemove(added.id));
  const members = (await peer.client.memberList()).map((m) =>
    m.name ? `${m.name}=${m.peerURLs.join(',')}` : `${etcd.name}=${etcd.peerUrls.join(',')}`,
  );
  const manifest = setEtcdFlags(
    target.etcd.manifest.toString('utf8'),
    { 'initial-cluster': members.join(','), 'initial-cluster-state': 'existing' },
    etcd.manifestPath,
  );
  await ledger.putFile(manifestOf(target), Buffer.from(manifest));
  target.rejoinManifest = true;
  log.info(
    `${target.stored.node}: member ${etcd.name} replaced in the running cluster; it syncs from ${peer.url}`,
  );
}

/**
 * etcd refuses membership changes ("unhealthy cluster") until its leader has been connected to a quorum for
 * a few seconds; right after a node is lost a new leader may just have been elected, so ask again until then.
 */
async function whenHealthy<T>(change: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await change();
    } catch (error) {
      if (!/unhealthy cluster/.test((error as Error).message) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** etcd answers on every rebuilt node; restored from the snapshot, it holds exactly the snapshot's keys. */
export async function waitForEtcd(
  targets: Target[],
  analysis: SnapshotAnalysis,
  restored: boolean,
  connections: MemberConnection[],
  timeoutMs: number,
  log: Logger,
): Promise<void> {
  for (const target of targets) {
    const deadline = Date.now() + timeoutMs;
    let connection: MemberConnection | undefined;
    for (;;) {
      try {
        connection = await connectToAnyUrl(
          target.session,
          target.etcd.clientUrls.length
            ? ['https://127.0.0.1:2379', ...target.etcd.clientUrls]
            : ['https://127.0.0.1:2379'],
          tlsOf(target),
        );
        await connection.client.range('health-check-of-a-rebuild', {});
        break;
      } catch (error) {
        await connection?.close();
        connection = undefined;
        if (Date.now() > deadline) {
          throw new RebuildFailedError(
            `etcd on ${target.stored.node} did not answer within ${Math.round(timeoutMs / 1000)}s: ${(error as Error).message}`,
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    connections.push(connection);
    if (restored && analysis.liveKeys && target === targets[0]) {
      const comparison = await compareWithSnapshot(connection.client, analysis.liveKeys);
      if (comparison.missing || comparison.changed || comparison.unexpected) {
        throw new RebuildFailedError(
          `etcd on ${target.stored.node} came back different from the snapshot: ${comparison.missing} missing, ${comparison.changed} changed, ${comparison.unexpected} unexpected keys`,
        );
      }
      log.info(`${target.stored.node}: etcd answers with all ${comparison.restored} keys of the snapshot`);
    } else {
      log.info(`${target.stored.node}: etcd answers`);
    }
  }
}
