import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { connectThroughNode, type MemberConnection } from '../backup/members';
import type { DiscoveryOverrides } from '../controlplane';
import type { OpeningKeys } from '../envelope/encryption';
import { EtcdBackupError } from '../errors';
import type { ConnectOptions, SshSession } from '../ssh';
import type { Selector } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { formatBytes } from '../util/progress';
import type { EtcdTools } from './etcd-tools';
import { type FetchedBackup, fetchBackup } from './fetch';
import { NodeLink } from './node-link';
import {
  existing,
  freeBytes,
  makeDir,
  move,
  removeEmptyDir,
  shipDir,
  waitUntilGone,
  waitUntilRunning,
  writeFileAtomically,
} from './node-ops';
import {
  describePlan,
  type MemberPlan,
  makePlan,
  type RestoreMode,
  type RestorePlan,
  RestoreRefusedError,
} from './plan';
import { restoreSnapshot } from './snapshot-restore';
import { compareWithSnapshot, type KeyComparison } from './verify-keys';

export type RestoreStep = 'planned' | 'shipped' | 'stopped' | 'swapped' | 'started';

export interface RestoreRequest {
  store: BackupStore;
  selector: Selector;
  /** Only this cluster's backups; also names the node lock (default: the backup's cluster). */
  cluster?: string;
  keys: OpeningKeys;
  /** One control-plane node per etcd member. */
  nodes: ConnectOptions[];
  etcd?: DiscoveryOverrides;
  tools: EtcdTools;
  mode?: RestoreMode;
  newDataDir?: string;
  /** Revisions to jump forward; 'auto' (default) picks a safe one; 0 disables. */
  bumpRevision?: number | 'auto';
  allowVersionSkew?: boolean;
  force?: boolean;
  dryRun?: boolean;
  /** Stop and start kube-controller-manager and kube-scheduler after kube-apiserver is back. */
  restartControllers?: boolean;
  timeouts?: { stopMs?: number; startMs?: number };
  log: Logger;
  now?: () => Date;
  /** Called after each step of the swap (progress for callers; tests inject faults here). */
  onStep?: (step: RestoreStep, plan: RestorePlan) => Promise<void>;
  /** Called with each secret the restore comes to hold (every member's etcd client key), so a log can mask it. */
  onSecret?: (value: string) => void;
}

export interface RestoreReport {
  backup: string;
  dryRun: boolean;
  mode: RestoreMode;
  snapshotRevision: number;
  bump: number;
  members: Array<{
    name: string;
    node: string;
    dataDir: string;
    /** swap: the old data dir, moved aside. */
    oldDataKeptAt: string | undefined;
    /** new-dir: the original etcd.yaml, kept in the holding folder. */
    oldManifestKeptAt: string | undefined;
  }>;
  restoredRevision: number | undefined;
  keys: KeyComparison | undefined;
  warnings: string[];
  timingsMs: Record<string, number>;
}

export class RestoreFailedError extends EtcdBackupError {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    options: { hint: string; cause?: unknown },
  ) {
    super(message, { ...options, exitCode: rolledBack ? 7 : 8 });
  }
}

class VerificationError extends EtcdBackupError {}

async function dirSize(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? await dirSize(full) : (await lstat(full)).size;
  }
  return total;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/**
 * Puts a stored backup back into a kubeadm-style control plane: fetch and verify → plan (every node) →
 * restore each member's data dir on the runner and ship it next to its final place while the cluster still
 * runs → stop kube-apiserver, then etcd, everywhere → swap the data → start etcd, wait for a leader → verify
 * every key → start kube-apiserver. Anything that fails after the first stop puts every node back as it was.
 * Nothing is deleted: the old data dir stays, named with the time.
 */
export async function restore(request: RestoreRequest): Promise<RestoreReport> {
  const { log } = request;
  if (request.nodes.length === 0)
    throw new RestoreRefusedError('no control-plane node given', 'name every control-plane node');
  const temp = createPrivateTempDir('etcd-restore-');
  const links = request.nodes.map((n) => new NodeLink(n, log));
  const timings: Record<string, number> = {};
  let started = Date.now();
  try {
    const fetched = await fetchBackup({
      store: request.store,
      selector: request.selector,
      ...(request.cluster ? { cluster: request.cluster } : {}),
      keys: request.keys,
      path: temp.file('snapshot.db'),
      log,
    });
    timings.fetch = Date.now() - started;
    await Promise.all(links.map((l) => l.open()));
    const lockName = `cluster-${request.cluster ?? fetched.metadata.cluster}`;
    for (const link of links) await link.lock(lockName);

    started = Date.now();
    const plan = await makePlan(
      links,
      fetched,
      request.tools,
      {
        mode: request.mode ?? 'swap',
        ...(request.newDataDir ? { newDataDir: request.newDataDir } : {}),
        bump: request.bumpRevision ?? 'auto',
        allowVersionSkew: request.allowVersionSkew ?? false,
        force: request.force ?? false,
        ...(request.etcd ? { overrides: request.etcd } : {}),
        now: (request.now ?? (() => new Date()))(),
      },
      log,
    );
    for (const member of plan.members) request.onSecret?.(member.tls.key.toString('utf8'));
    timings.plan = Date.now() - started;

    started = Date.now();
    const localDirs = await restoreLocally(plan, fetched, request, temp.path);
    const restoredBytes = await dirSize(localDirs[0]!);
    timings.restoreData = Date.now() - started;
    await checkSpace(links, plan, restoredBytes);
    for (const line of describePlan(plan, restoredBytes)) log.info(line);

    const report: RestoreReport = {
      backup: plan.backup,
      dryRun: request.dryRun ?? false,
      mode: plan.mode,
      snapshotRevision: plan.snapshotRevision,
      bump: plan.bump,
      members: plan.members.map((m) => ({
        name: m.name,
        node: m.node,
        dataDir: m.target,
        oldDataKeptAt: m.aside,
        oldManifestKeptAt: m.rewrittenManifest ? inHolding(m, m.etcdManifest) : undefined,
      })),
      restoredRevision: undefined,
      keys: undefined,
      warnings: plan.warnings,
      timingsMs: timings,
    };
    if (request.dryRun) {
      log.info('dry run: nothing was changed');
      return report;
    }

    await request.onStep?.('planned', plan);
    started = Date.now();
    await ship(links, plan, localDirs, log);
    timings.ship = Date.now() - started;
    await request.onStep?.('shipped', plan);

    started = Date.now();
    try {
      const verified = await swapAndStart(links, plan, fetched, request);
      report.restoredRevision = verified.revision;
      report.keys = verified.keys;
    } catch (error) {
      log.warn(`restore failed after the cluster was stopped: ${describe(error)}; rolling back`);
      const problems = await rollback(links, plan, request);
      if (problems.length > 0) {
        throw new RestoreFailedError(
          `restore failed (${describe(error)}) and the rollback did not finish: ${problems.join('; ')}`,
          false,
          {
            hint: `the old data dirs are kept (${plan.members.map((m) => m.aside ?? m.dataHostPath).join(', ')}) and the manifests wait in ${plan.members[0]!.holding}; put them back by hand`,
            cause: error,
          },
        );
      }
      throw new RestoreFailedError(`restore failed and was rolled back: ${describe(error)}`, true, {
        hint: 'the cluster runs on its old data again; nothing was lost. Fix the cause and run again',
        cause: error,
      });
    }
    timings.swap = Date.now() - started;
    log.info(
      `restored ${plan.backup} to ${plan.members.length} member(s): revision ${report.restoredRevision}, ${report.keys?.restored} keys equal to the snapshot`,
    );
    return report;
  } finally {
    await Promise.all(links.map((l) => l.close().catch(() => {})));
    temp.dispose();
  }
}

/** One `snapshot restore` per member, on the runner: same snapshot, same initial cluster, its own name. */
async function restoreLocally(
  plan: RestorePlan,
  fetched: FetchedBackup,
  request: RestoreRequest,
  tempDir: string,
): Promise<string[]> {
  const dirs: string[] = [];
  for (const [i, member] of plan.members.entries()) {
    const dataDir = join(tempDir, `member-${i}`);
    await restoreSnapshot(request.tools, {
      snapshotPath: fetched.path,
      dataDir,
      name: member.name,
      initialAdvertisePeerUrls: member.peerUrls.join(','),
      initialCluster: plan.initialCluster,
      initialClusterToken: plan.clusterToken,
      bumpRevision: plan.bump,
      log: request.log,
    });
    dirs.push(dataDir);
  }
  return dirs;
}

async function checkSpace(links: NodeLink[], plan: RestorePlan, restoredBytes: number): Promise<void> {
  // The old data dir stays, so the restored one needs room of its own; 10% slack for the filesystem.
  const needed = Math.ceil(restoredBytes * 1.1);
  await Promise.all(
    plan.members.map(async (m, i) => {
      const free = await freeBytes(links[i]!.session, posix.dirname(m.target));
      if (free < needed) {
        throw new RestoreRefusedError(
          `not enough free space for the restored data dir on ${m.node}: ${formatBytes(free)} free next to ${m.target}, ${formatBytes(needed)} needed`,
          'free space on that filesystem (the old data dir is kept, so both must fit), or restore to another one with --mode new-dir',
        );
      }
    }),
  );
}

async function removeOurStaging(session: SshSession, staging: string): Promise<void> {
  if (!/\/\.[^/]+\.restore-\d{8}T\d{6}Z$/.test(staging)) return;
  await session.exec(['rm', '-rf', '--', staging], { sudo: true });
}

/** Ships every member's restored dir next to its final place; if one fails, removes the copies already made. */
async function ship(links: NodeLink[], plan: RestorePlan, localDirs: string[], log: Logger): Promise<void> {
  const results = await Promise.allSettled(
    plan.members.map(async (m, i) => {
      const session = links[i]!.session;
      await makeDir(session, posix.dirname(m.target));
      await shipDir(session, localDirs[i]!, m.staging, m.owner, log);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return;
  await Promise.all(
    plan.members.map((m, i) => removeOurStaging(links[i]!.session, m.staging).catch(() => {})),
  );
  throw failed.reason;
}

const inHolding = (m: MemberPlan, manifest: string) => posix.join(m.holding, posix.basename(manifest));

async function stopPod(
  session: SshSession,
  m: MemberPlan,
  manifest: string,
  program: string,
  port: number | undefined,
  timeoutMs: number,
) {
  await move(session, manifest, inHolding(m, manifest));
  await waitUntilGone(session, program, { ...(port ? { port } : {}), timeoutMs });
}

async function swapAndStart(
  links: NodeLink[],
  plan: RestorePlan,
  fetched: FetchedBackup,
  request: RestoreRequest,
): Promise<{ revision: number; keys: KeyComparison }> {
  const { log } = request;
  const stopMs = request.timeouts?.stopMs ?? 90_000;
  const each = (fn: (session: SshSession, m: MemberPlan) => Promise<void>) =>
    Promise.all(plan.members.map((m, i) => fn(links[i]!.session, m)));

  log.info('stopping kube-apiserver on every node, then etcd');
  await each(async (session, m) => {
    await makeDir(session, m.holding);
    if (m.apiServerManifest)
      await stopPod(session, m, m.apiServerManifest, 'kube-apiserver', undefined, stopMs);
  });
  await each((session, m) => stopPod(session, m, m.etcdManifest, 'etcd', m.clientPort, stopMs));
  await request.onStep?.('stopped', plan);

  await each(async (session, m) => {
    if (m.aside) await move(session, m.dataHostPath, m.aside);
    await move(session, m.staging, m.target);
  });
  await request.onStep?.('swapped', plan);

  log.info('starting etcd on every node');
  await each(async (session, m) => {
    if (m.rewrittenManifest) {
      await writeFileAtomically(
        session,
        posix.join(m.holding, `.${posix.basename(m.etcdManifest)}.new`),
        m.rewrittenManifest,
      );
      await move(session, posix.join(m.holding, `.${posix.basename(m.etcdManifest)}.new`), m.etcdManifest);
    } else {
      await move(session, inHolding(m, m.etcdManifest), m.etcdManifest);
    }
  });
  const connections = await waitForHealthyCluster(links, plan, request.timeouts?.startMs ?? 120_000, log);
  try {
    await request.onStep?.('started', plan);
    // Verify before kube-apiserver writes anything, so the comparison is exact and a rollback loses nothing.
    const verified = await verifyRestored(connections[0]!, plan, fetched);
    log.info('etcd verified; starting kube-apiserver');
    await each(async (session, m) => {
      if (!m.apiServerManifest) return;
      await move(session, inHolding(m, m.apiServerManifest), m.apiServerManifest);
    });
    await each(async (session, m) => {
      if (m.apiServerManifest && !(await waitUntilRunning(session, 'kube-apiserver', 60_000)))
        log.warn(`kube-apiserver has not started on ${m.node} within 60s; check the kubelet`);
    });
    if (request.restartControllers) await bounceControllers(links, plan, stopMs, log);
    await each(async (session, m) => {
      if (!m.rewrittenManifest) await removeEmptyDir(session, m.holding);
    });
    return verified;
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
}

async function bounceControllers(links: NodeLink[], plan: RestorePlan, stopMs: number, log: Logger) {
  await Promise.all(
    plan.members.map(async (m, i) => {
      const session = links[i]!.session;
      for (const manifest of m.controllerManifests) {
        const program = posix.basename(manifest).replace(/\.(ya?ml|json)$/, '');
        try {
          await stopPod(session, m, manifest, program, undefined, stopMs);
          await move(session, inHolding(m, manifest), manifest);
        } catch (error) {
          log.warn(`could not restart ${program} on ${m.node}: ${describe(error)}`);
        }
      }
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until every member answers through its own node and all agree on one leader and the planned members. */
async function waitForHealthyCluster(
  links: NodeLink[],
  plan: RestorePlan,
  timeoutMs: number,
  log: Logger,
): Promise<MemberConnection[]> {
  const deadline = Date.now() + timeoutMs;
  const connections: Array<MemberConnection | undefined> = plan.members.map(() => undefined);
  let last = '';
  try {
    for (;;) {
      try {
        const statuses = await Promise.all(
          plan.members.map(async (m, i) => {
            connections[i] ??= await connectThroughNode(await links[i]!.live(), m.clientUrl, m.tls);
            try {
              return await connections[i]!.client.status();
            } catch (error) {
              await connections[i]!.close();
              connections[i] = undefined;
              throw error;
            }
          }),
        );
        const leaders = new Set(statuses.map((s) => s.leader));
        if (leaders.size === 1 && !leaders.has(0n)) {
          log.info(
            `etcd is back: ${plan.members.length} member(s), leader ${statuses[0]!.leader.toString(16)}`,
          );
          return connections as MemberConnection[];
        }
        last = 'the members do not agree on a leader yet';
      } catch (error) {
        last = describe(error);
      }
      if (Date.now() > deadline) {
        throw new EtcdBackupError(
          `etcd did not come back with a leader within ${Math.round(timeoutMs / 1000)}s: ${last}`,
        );
      }
      await sleep(1_000);
    }
  } catch (error) {
    await Promise.all(connections.map((c) => c?.close()));
    throw error;
  }
}

async function verifyRestored(
  connection: MemberConnection,
  plan: RestorePlan,
  fetched: FetchedBackup,
): Promise<{ revision: number; keys: KeyComparison }> {
  const client = connection.client;
  const [status, members] = await Promise.all([client.status(), client.memberList()]);
  const problems: string[] = [];
  const expectedRevision = plan.snapshotRevision + plan.bump;
  if (Number(status.revision) < expectedRevision)
    problems.push(
      `revision ${status.revision} is below the snapshot's ${plan.snapshotRevision} + bump ${plan.bump}`,
    );
  const want = plan.members.map((m) => `${m.name}=${[...m.peerUrls].sort().join(',')}`).sort();
  const got = members.map((m) => `${m.name}=${[...m.peerURLs].sort().join(',')}`).sort();
  if (want.join(' ') !== got.join(' '))
    problems.push(`members are ${got.join(' ')}, planned ${want.join(' ')}`);
  const live = fetched.analysis.liveKeys;
  if (!live) throw new VerificationError('the snapshot has no key inventory to compare with');
  const keys = await compareWithSnapshot(client, live);
  if (keys.missing || keys.unexpected || keys.changed)
    problems.push(
      `keys differ from the snapshot: ${keys.missing} missing, ${keys.unexpected} unexpected, ${keys.changed} changed`,
    );
  if (problems.length > 0)
    throw new VerificationError(`the restored cluster is not what was planned: ${problems.join('; ')}`);
  return { revision: Number(status.revision), keys };
}

/**
 * Puts every node back as it was before the first stop, judging by what is on disk (a dropped connection
 * leaves us unsure which of our moves happened): etcd stopped if it runs on restored data, the old data dir
 * back in its place, the held manifests back, etcd healthy, then kube-apiserver. Returns what it could not do.
 */
async function rollback(links: NodeLink[], plan: RestorePlan, request: RestoreRequest): Promise<string[]> {
  const { log } = request;
  const stopMs = request.timeouts?.stopMs ?? 90_000;
  const problems: string[] = [];
  const sessions: Array<SshSession | undefined> = [];
  await Promise.all(
    plan.members.map(async (m, i) => {
      try {
        sessions[i] = await links[i]!.live();
        await rollbackNode(sessions[i]!, m, plan, stopMs, log);
      } catch (error) {
        problems.push(`${m.node}: ${describe(error)}`);
      }
    }),
  );
  if (problems.length > 0) return problems;
  try {
    const connections = await waitForHealthyCluster(links, plan, request.timeouts?.startMs ?? 120_000, log);
    await Promise.all(connections.map((c) => c.close()));
  } catch (error) {
    problems.push(`the old cluster did not come back: ${describe(error)}`);
  }
  await Promise.all(
    plan.members.map(async (m, i) => {
      try {
        if (m.apiServerManifest)
          await move(sessions[i]!, inHolding(m, m.apiServerManifest), m.apiServerManifest, {
            ifPresent: true,
          });
        await removeEmptyDir(sessions[i]!, m.holding);
      } catch (error) {
        problems.push(`${m.node}: ${describe(error)}`);
      }
    }),
  );
  if (problems.length === 0) log.info('rolled back: the cluster runs on its old data');
  return problems;
}

async function rollbackNode(
  session: SshSession,
  m: MemberPlan,
  plan: RestorePlan,
  stopMs: number,
  log: Logger,
) {
  const held = inHolding(m, m.etcdManifest);
  const there = await existing(
    session,
    [m.etcdManifest, held, m.aside ?? '', m.staging, m.target].filter(Boolean),
  );
  // Stop etcd if it runs on what we put there; if it was never stopped, it still runs on the old data.
  let stopped = there.has(held);
  if (there.has(m.etcdManifest)) {
    if (m.aside && there.has(m.aside) && !there.has(held)) {
      await move(session, m.etcdManifest, held);
      stopped = true;
    } else if (m.rewrittenManifest && there.has(held)) {
      await move(session, m.etcdManifest, `${held}.restored-${plan.stamp}`);
    }
  }
  if (stopped) await waitUntilGone(session, 'etcd', { port: m.clientPort, timeoutMs: stopMs });
  if (m.aside && there.has(m.aside)) {
    if ((await existing(session, [m.dataHostPath])).size > 0) {
      await move(session, m.dataHostPath, `${m.dataHostPath}.failed-restore-${plan.stamp}`);
    }
    await move(session, m.aside, m.dataHostPath);
    log.info(`${m.node}: old data dir back at ${m.dataHostPath}`);
  }
  if (there.has(m.staging)) await removeOurStaging(session, m.staging);
  await move(session, held, m.etcdManifest, { ifPresent: true });
}
