import { randomBytes } from 'node:crypto';
import type { OpeningKeys } from '../envelope/encryption';
import type { BackupMetadata } from '../format';
import type { MemberConnection } from '../node/members';
import { fetchBackup } from '../restore/fetch';
import { StepRunner } from '../restore/steps';
import { type ConnectOptions, connect, type SshSession } from '../ssh';
import type { Selector } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { RebuildFailedError, RebuildRefusedError } from './rebuild-errors';
import { putBackFiles, putBackManifests, rejoin, restoreData, waitForEtcd } from './rebuild-steps';
import {
  findTools,
  manifestOf,
  matchTargets,
  openStoredFiles,
  parseInitialCluster,
  reachRunningMember,
  type Target,
} from './rebuild-target';

export { RebuildFailedError, RebuildRefusedError } from './rebuild-errors';

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
  /** Aborting it stops the rebuild: before the first change nothing is changed; after it, every node is rolled back. */
  signal?: AbortSignal;
}

export interface RebuildReport {
  backup: string;
  /** `restore`: every member came back from the snapshot; `rejoin`: the nodes rejoined the members still running. */
  mode: 'restore' | 'rejoin';
  nodes: Array<{ node: string; target: string; files: number; keptAside: string[] }>;
  revision: number;
  timingsMs: Record<string, number>;
}

/**
 * Brings back control-plane nodes that lost /etc/kubernetes and /var/lib/etcd, from a backup that carries their
 * files: fetch → verify → connect → match (refuse, changing nothing, when a node is not the one its files were
 * issued to) → tools → put back the files → etcd (restore the snapshot when every member is lost, else rejoin
 * the running ones) → start etcd → check → start the control plane. Anything replaced is kept aside; a failure
 * or an interrupt after the first change undoes every step on every node, in reverse.
 */
export async function rebuildNodes(request: RebuildRequest): Promise<RebuildReport> {
  const { log } = request;
  const temp = createPrivateTempDir('etcd-rebuild-');
  const sessions: SshSession[] = [];
  const connections: MemberConnection[] = [];
  const run = new StepRunner(request.signal);
  const startMs = request.startTimeoutMs ?? 120_000;
  try {
    const fetched = await run.beforeStop('fetch', () =>
      fetchBackup({ ...request, path: temp.file('snapshot.db') }),
    );
    const { metadata } = fetched;
    const opened = await run.beforeStop('open', () =>
      openStoredFiles(metadata, fetched.controlPlaneSealed, request.keys),
    );
    await run.beforeStop('connect', () => connectAll(request, sessions));
    const stamp = compact((request.now ?? (() => new Date()))());
    const targets = await run.beforeStop('match', () =>
      matchTargets(sessions, metadata, opened, `/var/lib/etcd-backup/rebuild-${stamp}`),
    );
    const others = othersOf(targets);
    const peer = await run.beforeStop('peers', () => reachPeer(targets, others, connections));
    const bump = request.bumpRevision ?? 1_000_000_000;
    if (!peer) await run.beforeStop('tools', () => findTools(targets, metadata.etcd.version, bump > 0));
    log.info(
      `rebuilding ${targets.map((t) => `${t.stored.node} (${t.session.target})`).join(', ')} from ${metadata.name}: ${peer ? `rejoining ${others.map((m) => m.name).join(', ')}` : 'restoring etcd from the snapshot'}`,
    );
    try {
      await run.inSwap('putBackFiles', () => eachTarget(targets, (t) => putBackFiles(t, log, startMs)));
      if (peer) await run.inSwap('rejoin', () => eachTarget(targets, (t) => rejoin(t, peer, log)));
      else await run.inSwap('restoreData', () => restoreAll(targets, fetched.path, metadata, bump, log));
      await run.inSwap('startEtcd', () => eachTarget(targets, (t) => startEtcdOf(t)));
      await run.inSwap('checkEtcd', () =>
        waitForEtcd(targets, fetched.analysis, !peer, connections, startMs, log),
      );
      await run.timed('startControlPlane', () =>
        eachTarget(targets, (t) => putBackManifests(t, startMs, log)),
      );
    } catch (error) {
      throw await rolledBack(error, targets);
    }
    return reportOf(metadata, peer ? 'rejoin' : 'restore', targets, run.timings);
  } finally {
    temp.dispose();
    await Promise.all(connections.map((c) => c.close().catch(() => {})));
    await Promise.all(sessions.map((s) => s.close()));
  }
}

async function eachTarget(targets: Target[], step: (t: Target) => Promise<void>): Promise<void> {
  for (const target of targets) await step(target);
}

async function connectAll(request: RebuildRequest, sessions: SshSession[]): Promise<void> {
  for (const options of request.nodes) sessions.push(await connect({ ...options, warn: request.log.warn }));
}

/** The members of the stored cluster that are not being rebuilt. */
function othersOf(targets: Target[]): Array<{ name: string; peerUrl: string }> {
  const rebuilt = new Set(targets.map((t) => t.etcd.name));
  return parseInitialCluster(targets[0]!.etcd.initialCluster).filter((m) => !rebuilt.has(m.name));
}

/** With members left out of the rebuild, one of them must run: the rebuilt nodes rejoin it. */
async function reachPeer(
  targets: Target[],
  others: Array<{ name: string; peerUrl: string }>,
  connections: MemberConnection[],
): Promise<MemberConnection | undefined> {
  if (others.length === 0) return undefined;
  const peer = await reachRunningMember(targets[0]!, others, connections);
  if (!peer) {
    throw new RebuildRefusedError(
      `members ${others.map((m) => m.name).join(', ')} do not answer and are not being rebuilt`,
      'rebuild every lost member together (give all their nodes), or bring the others back first; nothing was changed',
    );
  }
  return peer;
}

async function restoreAll(
  targets: Target[],
  snapshotPath: string,
  metadata: BackupMetadata,
  bump: number,
  log: Logger,
): Promise<void> {
  const token = `rebuild-${randomBytes(6).toString('hex')}`;
  for (const target of targets) await restoreData(target, snapshotPath, metadata, token, bump, log);
}

/** The etcd manifest back in the static pod folder: the kubelet starts etcd on the restored data. */
async function startEtcdOf(target: Target): Promise<void> {
  if (target.rejoinManifest) return; // put back by rejoin, rewritten to join the running members
  await target.ledger.putFile(manifestOf(target), target.etcd.manifest);
}

async function rolledBack(error: unknown, targets: Target[]): Promise<RebuildFailedError> {
  const left: string[] = [];
  for (const target of targets) left.push(...(await target.ledger.rollback()));
  const how =
    left.length === 0
      ? 'every node was put back as it was'
      : `the rollback could not undo: ${left.join('; ')}`;
  return new RebuildFailedError(`the rebuild failed: ${(error as Error).message}; ${how}`, {
    hint:
      left.length === 0
        ? 'fix the cause and run the rebuild again'
        : 'finish those steps by hand; what was replaced is under /var/lib/etcd-backup/',
    exitCode: left.length === 0 ? 7 : 8,
    cause: error,
  });
}

function reportOf(
  metadata: BackupMetadata,
  mode: RebuildReport['mode'],
  targets: Target[],
  timingsMs: Record<string, number>,
): RebuildReport {
  return {
    backup: metadata.name,
    mode,
    revision: metadata.etcd.revision,
    nodes: targets.map((t) => ({
      node: t.stored.node,
      target: t.session.target,
      files: t.stored.files.length,
      keptAside: t.ledger.keptAside,
    })),
    timingsMs,
  };
}

const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
