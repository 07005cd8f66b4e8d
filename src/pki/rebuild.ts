import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { OpeningKeys } from '../envelope/encryption';
import { EtcdBackupError } from '../errors';
import type { EtcdTls } from '../etcd/client';
import type { BackupMetadata } from '../format';
import type { StoredNode } from '../format/control-plane-files';
import { connectToAnyUrl, type MemberConnection } from '../node/members';
import { supportsBumpRevision } from '../restore/etcd-tools';
import { fetchBackup } from '../restore/fetch';
import { waitUntilGone, waitUntilRunning } from '../restore/node-ops';
import { matchingNodeTool, type NodeTool, probeNodeTools } from '../restore/node-tools';
import { removeOurDir, restoreOnNode, shippedSnapshotPath, shipSnapshot } from '../restore/on-node';
import { compareWithSnapshot } from '../restore/verify-keys';
import type { SnapshotAnalysis } from '../snapshot';
import { type ConnectOptions, connect, type SshSession } from '../ssh';
import type { Selector } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { type OpenedFiles, openFiles } from './bundle';
import { readIdentity } from './capture';
import { setEtcdFlags } from './etcd-flags';
import { matchNode, RebuildRefusedError, type StoredEtcd, storedEtcdOf } from './node-match';
import { existingPaths, NodeLedger } from './put-back';

export interface RebuildRequest {
  store: BackupStore;
  selector: Selector;
  cluster?: string;
  keys: OpeningKeys;
  /** The nodes to rebuild: one of three (it rejoins the others), or every member of the cluster. */
  nodes: ConnectOptions[];
  log: Logger;
  /** Revisions to jump forward when the cluster is restored from the snapshot (default 1e9, as restore's floor). */
  bumpRevision?: number;
  now?: () => Date;
  /** How long etcd and kube-apiserver get to start (default 2 minutes each). */
  startTimeoutMs?: number;
}

export interface RebuildReport {
  backup: string;
  /** `restore`: every member came back from the snapshot; `rejoin`: the nodes rejoined the members still running. */
  mode: 'restore' | 'rejoin';
  nodes: Array<{ node: string; target: string; files: number; keptAside: string[] }>;
  revision: number;
}

/** The rebuild failed after changing nodes, and put back what it changed (or says what it could not). */
export class RebuildFailedError extends EtcdBackupError {}

interface Target {
  session: SshSession;
  stored: StoredNode;
  etcd: StoredEtcd;
  files: Map<string, Buffer>;
  tool?: NodeTool;
  ledger: NodeLedger;
}

const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');

/**
 * Brings back control-plane nodes that lost /etc/kubernetes and /var/lib/etcd, from a backup that carries their
 * files: check every node is the one the files were issued to (refuse, changing nothing, if not) → put back
 * the PKI, kubeconfigs and kubelet config with their modes and owners → etcd: restore the snapshot (every
 * member lost) or rejoin the running members (some lost) → the manifests, etcd's first → wait for etcd and
 * kube-apiserver. Anything replaced is kept aside; a failure undoes every step on every node.
 */
export async function rebuildNodes(request: RebuildRequest): Promise<RebuildReport> {
  const { log } = request;
  const temp = createPrivateTempDir('etcd-rebuild-');
  const sessions: SshSession[] = [];
  const connections: MemberConnection[] = [];
  try {
    const fetched = await fetchBackup({
      store: request.store,
      selector: request.selector,
      ...(request.cluster ? { cluster: request.cluster } : {}),
      keys: request.keys,
      path: temp.file('snapshot.db'),
      log,
    });
    const metadata = fetched.metadata;
    const opened = await openStoredFiles(metadata, fetched.controlPlaneSealed, request.keys);
    for (const options of request.nodes) sessions.push(await connect({ ...options, warn: log.warn }));
    const stamp = compact((request.now ?? (() => new Date()))());
    const targets = await matchTargets(sessions, metadata, opened, `/var/lib/etcd-backup/rebuild-${stamp}`);

    const rebuilt = new Set(targets.map((t) => t.etcd.name));
    const others = parseInitialCluster(targets[0]!.etcd.initialCluster).filter((m) => !rebuilt.has(m.name));
    const peer = others.length > 0 ? await reachRunningMember(targets[0]!, others, connections) : undefined;
    if (others.length > 0 && !peer) {
      throw new RebuildRefusedError(
        `members ${others.map((m) => m.name).join(', ')} do not answer and are not being rebuilt`,
        'rebuild every lost member together (give all their nodes), or bring the others back first; nothing was changed',
      );
    }
    const bump = request.bumpRevision ?? 1_000_000_000;
    if (!peer) await findTools(targets, metadata.etcd.version, bump > 0);
    log.info(
      `rebuilding ${targets.map((t) => `${t.stored.node} (${t.session.target})`).join(', ')} from ${metadata.name}: ${peer ? `rejoining ${others.map((m) => m.name).join(', ')}` : 'restoring etcd from the snapshot'}`,
    );

    try {
      for (const target of targets) await putBackFiles(target, log, request.startTimeoutMs ?? 120_000);
      if (peer) {
        for (const target of targets) await rejoin(target, peer, log);
      } else {
        const token = `rebuild-${randomBytes(6).toString('hex')}`;
        for (const target of targets) await restoreData(target, fetched.path, metadata, token, bump, log);
        for (const target of targets) await target.ledger.putFile(manifestOf(target), target.etcd.manifest);
      }
      await waitForEtcd(
        targets,
        fetched.analysis,
        peer === undefined,
        connections,
        request.startTimeoutMs ?? 120_000,
        log,
      );
      for (const target of targets) await putBackManifests(target, request.startTimeoutMs ?? 120_000, log);
    } catch (error) {
      const left: string[] = [];
      for (const target of targets) left.push(...(await target.ledger.rollback()));
      const how =
        left.length === 0
          ? 'every node was put back as it was'
          : `the rollback could not undo: ${left.join('; ')}`;
      throw new RebuildFailedError(`the rebuild failed: ${(error as Error).message}; ${how}`, {
        hint:
          left.length === 0
            ? 'fix the cause and run the rebuild again'
            : 'finish those steps by hand; what was replaced is under /var/lib/etcd-backup/',
        exitCode: left.length === 0 ? 7 : 8,
        cause: error,
      });
    }
    return {
      backup: metadata.name,
      mode: peer ? 'rejoin' : 'restore',
      revision: metadata.etcd.revision,
      nodes: targets.map((t) => ({
        node: t.stored.node,
        target: t.session.target,
        files: t.stored.files.length,
        keptAside: t.ledger.keptAside,
      })),
    };
  } finally {
    temp.dispose();
    await Promise.all(connections.map((c) => c.close().catch(() => {})));
    await Promise.all(sessions.map((s) => s.close()));
  }
}

async function openStoredFiles(
  metadata: BackupMetadata,
  sealed: Buffer | undefined,
  keys: OpeningKeys,
): Promise<OpenedFiles> {
  if (!metadata.controlPlane || !sealed) {
    throw new RebuildRefusedError(
      `${metadata.name} carries no control-plane files (taken with --no-control-plane-files, or by an older version)`,
      'pick a backup that lists its node files (etcd-backup list shows NODE FILES); nothing was changed',
    );
  }
  return openFiles(sealed, metadata.controlPlane, metadata.envelope.encryption, keys, metadata.name);
}

async function matchTargets(
  sessions: SshSession[],
  metadata: BackupMetadata,
  opened: OpenedFiles,
  aside: string,
): Promise<Target[]> {
  const targets: Target[] = [];
  for (const session of sessions) {
    const identity = await readIdentity(session);
    const stored = matchNode(identity, metadata.controlPlane!.nodes, opened);
    if (targets.some((t) => t.stored.node === stored.node)) {
      throw new RebuildRefusedError(`${session.target} is ${stored.node} again: give each node once`);
    }
    const files = opened.get(stored.node)!;
    targets.push({
      session,
      stored,
      files,
      etcd: storedEtcdOf(stored, files),
      ledger: new NodeLedger(session, aside),
    });
  }
  return targets;
}

async function findTools(targets: Target[], version: string, bump: boolean): Promise<void> {
  for (const target of targets) {
    const found = matchingNodeTool(await probeNodeTools(target.session), version, bump);
    if ('why' in found) {
      throw new RebuildRefusedError(
        `${target.stored.node} cannot restore the snapshot of etcd ${version}: ${found.why}`,
        'install etcdutl of that version on the node (the kubeadm packages do not bring it); nothing was changed',
      );
    }
    target.tool = found.tool;
  }
}

function parseInitialCluster(value: string): Array<{ name: string; peerUrl: string }> {
  return value
    .split(',')
    .map((entry) => entry.split('='))
    .filter((p): p is [string, string] => p.length === 2 && !!p[0] && !!p[1])
    .map(([name, peerUrl]) => ({ name, peerUrl }));
}

function tlsOf(target: Target): EtcdTls {
  const read = (path: string) => {
    const content = target.files.get(path);
    if (!content) throw new RebuildRefusedError(`the backup of ${target.stored.node} lacks ${path}`);
    return content;
  };
  return {
    ca: read(target.etcd.client.ca),
    cert: read(target.etcd.client.cert),
    key: read(target.etcd.client.key),
  };
}

/** A running member among the others, reached from the node being rebuilt at its peer host and client port. */
async function reachRunningMember(
  target: Target,
  others: Array<{ name: string; peerUrl: string }>,
  connections: MemberConnection[],
): Promise<MemberConnection | undefined> {
  const port = new URL(target.etcd.clientUrls[0] ?? 'https://127.0.0.1:2379').port || '2379';
  const urls = others.map((m) => {
    const url = new URL(m.peerUrl);
    return `https://${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}`;
  });
  try {
    const connection = await connectToAnyUrl(target.session, urls, tlsOf(target));
    connections.push(connection);
    return connection;
  } catch {
    return undefined;
  }
}

function manifestOf(target: Target) {
  return target.stored.files.find((f) => f.path === target.etcd.manifestPath)!;
}

/** Stops what still runs (its manifests moved aside), then puts back everything but the manifests. */
async function putBackFiles(target: Target, log: Logger, timeoutMs: number): Promise<void> {
  const manifests = target.stored.files.filter((f) => f.kind === 'manifest').map((f) => f.path);
  const present = await existingPaths(target.session, manifests);
  for (const path of present) await target.ledger.keepAside(path);
  if (present.length > 0) await waitUntilGone(target.session, 'etcd', { timeoutMs });
  for (const file of target.stored.files.filter((f) => f.kind !== 'manifest')) {
    await target.ledger.putFile(file, target.files.get(file.path)!);
  }
  log.info(`${target.stored.node}: PKI, kubeconfigs and kubelet config put back with their modes and owners`);
}

async function restoreData(
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
async function rejoin(target: Target, peer: MemberConnection, log: Logger): Promise<void> {
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
  log.info(
    `${target.stored.node}: member ${etcd.name} replaced in the running cluster; it syncs from ${peer.url}`,
  );
}

/** etcd answers on every rebuilt node; restored from the snapshot, it holds exactly the snapshot's keys. */
async function waitForEtcd(
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

/** The remaining manifests (kube-apiserver and the rest) back in the static pod folder; waits for the API server. */
async function putBackManifests(target: Target, timeoutMs: number, log: Logger): Promise<void> {
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
