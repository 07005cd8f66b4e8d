import { posix } from 'node:path';
import type { BackupMetadata } from '../format';
import { connectToAnyUrl, type MemberConnection } from '../node/members';
import { supportsBumpRevision } from '../restore/etcd-tools';
import { waitUntilGone, waitUntilRunning } from '../restore/node-ops';
import { removeOurDir, restoreOnNode, shippedSnapshotPath, shipSnapshot } from '../restore/on-node';
import { compareWithSnapshot } from '../restore/verify-keys';
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
  token: string,
  bump: number,
  log: Logger,
): Promise<void> {
  const { session, etcd, ledger } = target;
  await ledger.keepAside(etcd.dataDir);
  const staging = posix.join(
    posix.dirname(etcd.dataDir),
    `.${posix.basename(etcd.dataDir)}.restore-${compact(new Date())}.snapshot`,
  );
  await session.exec(['mkdir', '-p', '--', posix.dirname(etcd.dataDir)], { sudo: true, check: true });
  await shipSnapshot(session, snapshotPath, staging, log);
  ledger.created(etcd.dataDir);
  try {
    await restoreOnNode(session, target.tool!, '0:0', {
      snapshotPath: shippedSnapshotPath(staging),
      dataDir: etcd.dataDir,
      name: etcd.name,
      initialAdvertisePeerUrls: etcd.peerUrls.join(','),
      initialCluster: etcd.initialCluster,
      initialClusterToken: token,
      ...(bump > 0 && supportsBumpRevision(target.tool!.version) ? { bumpRevision: bump } : {}),
      log,
    });
  } finally {
    await removeOurDir(session, staging).catch(() => {});
  }
  log.info(
    `${target.stored.node}: etcd data restored at ${etcd.dataDir} (revision ${metadata.etcd.revision}${bump > 0 ? ` + ${bump}` : ''})`,
  );
}

/** The lost member is replaced in the running cluster (remove, add), and starts empty to sync from it. */
export async function rejoin(target: Target, peer: MemberConnection, log: Logger): Promise<void> {
  const { etcd, ledger } = target;
  await ledger.keepAside(etcd.dataDir);
  const before = await peer.client.memberList();
  const old = before.find((m) => m.name === etcd.name || m.peerURLs.some((u) => etcd.peerUrls.includes(u)));
  if (old) await peer.client.memberRemove(old.id);
  await peer.client.memberAdd(etcd.peerUrls);
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
