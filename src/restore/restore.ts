import { lstat, readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { connectThroughNode, type MemberConnection } from '../backup/members';
import type { DiscoveryOverrides } from '../controlplane';
import type { OpeningKeys } from '../envelope/encryption';
import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import { type ConnectOptions, RemoteLockBusyError, type SshSession } from '../ssh';
import type { Selector } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { formatBytes } from '../util/progress';
import type { EtcdTools } from './etcd-tools';
import { type FetchedBackup, fetchBackup } from './fetch';
import { JOURNAL_PATH, journalOf, refuseIfCutShort, removeJournal, writeJournal } from './journal';
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
import { matchingNodeTool, probeNodeTools } from './node-tools';
import { removeOurDir, restoreOnNode, shippedSnapshotPath, shipSnapshot } from './on-node';
import {
  describePlan,
  type MemberPlan,
  makePlan,
  type RestoreMode,
  type RestorePlace,
  type RestorePlan,
  RestoreRefusedError,
} from './plan';
import { restoreSnapshot } from './snapshot-restore';
import { compareKeysWithSnapshot, type KeyComparison } from './verify-keys';

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
  /** The runner's etcd tools, or how to get them for the snapshot's version (see runnerTools). */
  tools?: EtcdTools | ((snapshotVersion: string) => Promise<EtcdTools>);
  /**
   * Where `snapshot restore` runs: on the runner (the restored data dirs are shipped), on each node with its
   * own etcdutl (only the snapshot is shipped), or auto (default): on the nodes when every one has a
   * matching tool, else on the runner.
   */
  restoreOn?: RestoreOn;
  /** How long to wait for the cluster's node lock when a backup (or restore) holds it; default 300 s. */
  lockWaitSeconds?: number;
  /**
   * Aborting it stops the restore: before the first stop nothing is changed; after it, every node is put
   * back as it was (the rollback itself is not cut short).
   */
  signal?: AbortSignal;
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

export type RestoreOn = 'runner' | 'node' | 'auto';

export interface RestoreReport {
  backup: string;
  dryRun: boolean;
  /** Where `snapshot restore` ran, and why there. */
  restoredOn: 'runner' | 'node';
  restoredOnReason: string;
  /** Bytes sent to the nodes over SSH for the data (compressed), all nodes together. */
  bytesShipped: number;
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
    super(message, { ...options, exitCode: rolledBack ? EXIT.restoreRolledBack : EXIT.restoreIncomplete });
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
    notInterrupted(request.signal);
    const fetched = await fetchBackup({
      store: request.store,
      selector: request.selector,
      ...(request.cluster ? { cluster: request.cluster } : {}),
      keys: request.keys,
      path: temp.file('snapshot.db'),
      log,
    });
    timings.fetch = Date.now() - started;
    timings['fetch.open'] = fetched.timingsMs.open;
    timings['fetch.verify'] = fetched.timingsMs.verify;
    notInterrupted(request.signal);
    started = Date.now();
    await Promise.all(links.map((l) => l.open()));
    await lockAll(links, `cluster-${request.cluster ?? fetched.metadata.cluster}`, request);
    await refuseIfCutShort(links.map((l) => l.session));
    timings.connectAndLock = Date.now() - started;
    notInterrupted(request.signal);

    started = Date.now();
    const place = await choosePlace(links, fetched, request);
    const plan = await makePlan(
      links,
      fetched,
      place,
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

    // Before the first stop an interrupt changes nothing; whatever it broke (a killed etcdutl, a torn
    // copy) is reported as the interrupt it was.
    const interruptible = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (error) {
        notInterrupted(request.signal);
        throw error;
      }
    };
    started = Date.now();
    let localDirs: string[] = [];
    let restoredBytes: number;
    let neededBytes: number;
    if (place.on === 'runner') {
      localDirs = await interruptible(restoreLocally(plan, fetched, place.tools, request, temp.path));
      restoredBytes = await dirSize(localDirs[0]!);
      neededBytes = restoredBytes;
      timings.restoreData = Date.now() - started;
    } else {
      // Restored: the snapshot's database plus etcd's preallocated 64 MiB WAL; the shipped copy sits next to
      // it until the tool is done.
      const snapshotBytes = (await stat(fetched.path)).size;
      restoredBytes = snapshotBytes + 64 * 1024 ** 2;
      neededBytes = restoredBytes + snapshotBytes;
    }
    await checkSpace(links, plan, neededBytes);
    for (const line of describePlan(plan, restoredBytes)) log.info(line);

    const report: RestoreReport = {
      backup: plan.backup,
      dryRun: request.dryRun ?? false,
      restoredOn: plan.restoreOn,
      restoredOnReason: plan.restoreOnReason,
      bytesShipped: 0,
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

    notInterrupted(request.signal);
    await request.onStep?.('planned', plan);
    return await withJournals(links, plan, log, async () => {
      started = Date.now();
      report.bytesShipped = await interruptible(
        place.on === 'runner'
          ? ship(links, plan, localDirs, log)
          : restoreOnNodes(links, plan, fetched, request),
      );
      timings[place.on === 'runner' ? 'ship' : 'shipAndRestoreOnNodes'] = Date.now() - started;
      // The restored copies on the runner are not needed any more; the snapshot stays for nothing either.
      temp.dispose();
      await request.onStep?.('shipped', plan);
      if (request.signal?.aborted) {
        await Promise.all(
          plan.members.map((m, i) => removeOurStaging(links[i]!.session, m.staging).catch(() => {})),
        );
        notInterrupted(request.signal);
      }

      started = Date.now();
      try {
        const verified = await swapAndStart(links, plan, fetched, request, timings);
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
              hint: `the old data dirs are kept (${plan.members.map((m) => m.aside ?? m.dataHostPath).join(', ')}) and the manifests wait in ${plan.members[0]!.holding}; once the cause is fixed, run 'etcd-backup restore --recover' with the same nodes to put them back`,
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
        `restored ${plan.backup} to ${plan.members.length} member(s): revision ${report.restoredRevision}, ${report.keys?.restored} keys and their revisions equal to the snapshot's, ${report.keys?.valuesCompared} values compared`,
      );
      return report;
    });
  } finally {
    await Promise.all(links.map((l) => l.close().catch(() => {})));
    temp.dispose();
  }
}

export class RestoreInterruptedError extends EtcdBackupError {}

/** Throws (before anything on the cluster changed) when the caller asked us to stop. */
function notInterrupted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason = signal.reason instanceof Error ? signal.reason.message : 'interrupted';
  throw new RestoreFailedError(`restore ${reason} before anything on the cluster was changed`, true, {
    hint: 'nothing was changed; run again when ready',
  });
}

/** In the swap (after the first stop): an interrupt becomes a failure, which the caller rolls back. */
function stopIfInterrupted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw new RestoreInterruptedError(signal.reason instanceof Error ? signal.reason.message : 'interrupted');
}

/**
 * Takes the cluster's node lock on every node, in the order given (so two restores cannot deadlock). A busy
 * lock (a backup is running) is waited for, up to lockWaitSeconds, then the restore is refused untouched.
 */
export async function lockAll(
  links: NodeLink[],
  name: string,
  request: Pick<RestoreRequest, 'log' | 'lockWaitSeconds'>,
): Promise<void> {
  const wait = Math.max(0, Math.round(request.lockWaitSeconds ?? 300));
  for (const link of links) {
    try {
      await link.lock(name, 0);
      continue;
    } catch (error) {
      if (!(error instanceof RemoteLockBusyError) || wait === 0) throw refusedForLock(error, wait);
      request.log.info(`${describe(error)}; waiting up to ${wait}s for it`);
    }
    try {
      await link.lock(name, wait);
    } catch (error) {
      throw refusedForLock(error, wait);
    }
  }
}

/** The lock error names the node already (`ssh user@host:port: lock … is held by …`). */
function refusedForLock(error: unknown, waited: number): unknown {
  if (!(error instanceof RemoteLockBusyError)) return error;
  return new RestoreRefusedError(
    `${describe(error)}${waited > 0 ? `, still after waiting ${waited}s` : ''}; nothing was changed`,
    'a backup or restore of this cluster is running; run again when it is done, or wait longer (--lock-wait / lock_wait)',
  );
}

/**
 * Where `snapshot restore` runs. On the nodes only the snapshot travels (a data dir is the database plus a
 * 64 MiB WAL), but every node needs an etcdutl of the snapshot's major.minor; the runner's tools are found,
 * or downloaded, only when the restore runs there.
 */
async function choosePlace(
  links: NodeLink[],
  fetched: FetchedBackup,
  request: RestoreRequest,
): Promise<RestorePlace> {
  const want = request.restoreOn ?? 'auto';
  const version = fetched.metadata.etcd.version;
  let reason = 'asked for (restore on the runner)';
  if (want !== 'runner') {
    const needsBump = request.bumpRevision !== 0;
    const found = await Promise.all(
      links.map(async (link) => {
        try {
          return matchingNodeTool(await probeNodeTools(link.session), version, needsBump);
        } catch (error) {
          return { why: `its tools could not be listed (${describe(error)})` };
        }
      }),
    );
    const missing = found.flatMap((f, i) => ('why' in f ? [`${links[i]!.target}: ${f.why}`] : []));
    if (missing.length === 0) {
      const nodeTools = found.map((f) => ('tool' in f ? f.tool : undefined!));
      const kinds = [...new Set(nodeTools.map((t) => `${t.kind} ${t.version}`))].join(', ');
      return {
        on: 'node',
        reason:
          want === 'node'
            ? `asked for; every node has ${kinds}`
            : `every node has ${kinds}, so only the snapshot is shipped`,
        nodeTools,
      };
    }
    if (want === 'node') {
      throw new RestoreRefusedError(
        `cannot restore on the nodes: ${missing.join('; ')}`,
        `put etcdutl ${version} (etcdctl on 3.4) in /usr/local/bin on every node, or restore on the runner (--restore-on runner / restore_on: runner)`,
      );
    }
    reason = `not every node has a matching etcdutl (${missing.join('; ')})`;
  }
  const tools = typeof request.tools === 'function' ? await request.tools(version) : request.tools;
  if (!tools) {
    throw new RestoreRefusedError(
      `no etcd tools to restore with on the runner (${reason})`,
      "give the etcd tools of the snapshot's version (--etcd-tools), or let the restore download them",
    );
  }
  return { on: 'runner', reason, tools };
}

/**
 * On every node at once: ship the verified snapshot into a private dir next to the data dir, run the node's
 * own `snapshot restore` into the staging dir, and remove the shipped snapshot whatever happened (it holds
 * every Secret). If one node fails, the staging dirs already made are removed too. Returns the bytes sent.
 */
async function restoreOnNodes(
  links: NodeLink[],
  plan: RestorePlan,
  fetched: FetchedBackup,
  request: RestoreRequest,
): Promise<number> {
  const { log } = request;
  const results = await Promise.allSettled(
    plan.members.map(async (m, i) => {
      const session = links[i]!.session;
      await makeDir(session, posix.dirname(m.target));
      let sent = 0;
      try {
        sent = await shipSnapshot(session, fetched.path, m.snapshotDir, log);
        log.info(
          `${m.node}: restoring ${m.name} with ${m.nodeTool!.kind} ${m.nodeTool!.version} on the node`,
        );
        await restoreOnNode(session, m.nodeTool!, m.owner, {
          snapshotPath: shippedSnapshotPath(m.snapshotDir),
          dataDir: m.staging,
          name: m.name,
          initialAdvertisePeerUrls: m.peerUrls.join(','),
          initialCluster: plan.initialCluster,
          initialClusterToken: plan.clusterToken,
          bumpRevision: plan.bump,
          log,
        });
      } finally {
        // Through a fresh connection if this one dropped: the copy holds every Secret.
        await removeOurDir(await links[i]!.live(), m.snapshotDir).catch((error: unknown) =>
          log.warn(
            `${m.node}: could not remove the shipped snapshot ${m.snapshotDir}: ${describe(error)}; remove it by hand, it holds every Secret`,
          ),
        );
      }
      return sent;
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
  await Promise.all(
    plan.members.map((m, i) => removeOurStaging(links[i]!.session, m.staging).catch(() => {})),
  );
  throw failed.reason;
}

/** One `snapshot restore` per member, on the runner: same snapshot, same initial cluster, its own name. */
async function restoreLocally(
  plan: RestorePlan,
  fetched: FetchedBackup,
  tools: EtcdTools,
  request: RestoreRequest,
  tempDir: string,
): Promise<string[]> {
  const dirs: string[] = [];
  for (const [i, member] of plan.members.entries()) {
    const dataDir = join(tempDir, `member-${i}`);
    await restoreSnapshot(tools, {
      snapshotPath: fetched.path,
      dataDir,
      name: member.name,
      initialAdvertisePeerUrls: member.peerUrls.join(','),
      initialCluster: plan.initialCluster,
      initialClusterToken: plan.clusterToken,
      bumpRevision: plan.bump,
      log: request.log,
      ...(request.signal ? { signal: request.signal } : {}),
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
  await removeOurDir(session, staging);
}

/**
 * Ships every member's restored dir next to its final place; if one fails, removes the copies already made.
 * Returns the bytes sent.
 */
async function ship(links: NodeLink[], plan: RestorePlan, localDirs: string[], log: Logger): Promise<number> {
  const results = await Promise.allSettled(
    plan.members.map(async (m, i) => {
      const session = links[i]!.session;
      await makeDir(session, posix.dirname(m.target));
      return shipDir(session, localDirs[i]!, m.staging, m.owner, log);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
  await Promise.all(
    plan.members.map((m, i) => removeOurStaging(links[i]!.session, m.staging).catch(() => {})),
  );
  throw failed.reason;
}

const inHolding = (m: Pick<MemberPlan, 'holding'>, manifest: string) =>
  posix.join(m.holding, posix.basename(manifest));

async function stopPod(
  session: SshSession,
  m: MemberPlan,
  manifest: string,
  program: string,
  port: number | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
) {
  await move(session, manifest, inHolding(m, manifest));
  await waitUntilGone(session, program, {
    ...(port ? { port } : {}),
    timeoutMs,
    ...(signal ? { signal } : {}),
  });
}

async function swapAndStart(
  links: NodeLink[],
  plan: RestorePlan,
  fetched: FetchedBackup,
  request: RestoreRequest,
  timings: Record<string, number>,
): Promise<{ revision: number; keys: KeyComparison }> {
  const { log } = request;
  let since = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - since;
    since = Date.now();
  };
  const stopMs = request.timeouts?.stopMs ?? 90_000;
  const each = (fn: (session: SshSession, m: MemberPlan) => Promise<void>) =>
    Promise.all(plan.members.map((m, i) => fn(links[i]!.session, m)));

  const signal = request.signal;
  log.info('stopping kube-apiserver on every node, then etcd');
  await each(async (session, m) => {
    await makeDir(session, m.holding);
    if (m.apiServerManifest)
      await stopPod(session, m, m.apiServerManifest, 'kube-apiserver', undefined, stopMs, signal);
  });
  stopIfInterrupted(signal);
  await each((session, m) => stopPod(session, m, m.etcdManifest, 'etcd', m.clientPort, stopMs, signal));
  lap('swap.stop');
  await request.onStep?.('stopped', plan);
  stopIfInterrupted(signal);

  await each(async (session, m) => {
    if (m.aside) await move(session, m.dataHostPath, m.aside);
    await move(session, m.staging, m.target);
  });
  lap('swap.moveData');
  await request.onStep?.('swapped', plan);
  stopIfInterrupted(signal);

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
  const connections = await waitForHealthyCluster(
    links,
    plan,
    request.timeouts?.startMs ?? 120_000,
    log,
    signal,
  );
  lap('swap.startEtcd');
  try {
    await request.onStep?.('started', plan);
    stopIfInterrupted(signal);
    // Verify before kube-apiserver writes anything, so the comparison is exact and a rollback loses nothing.
    const verified = await verifyRestored(connections[0]!, plan, fetched);
    lap('swap.verify');
    // The last point at which an interrupt rolls back: after this kube-apiserver may write to the new data.
    stopIfInterrupted(signal);
    log.info('etcd verified; starting kube-apiserver');
    await each(async (session, m) => {
      if (!m.apiServerManifest) return;
      await move(session, inHolding(m, m.apiServerManifest), m.apiServerManifest);
    });
    await each(async (session, m) => {
      if (m.apiServerManifest && !(await waitUntilRunning(session, 'kube-apiserver', 60_000)))
        log.warn(`kube-apiserver has not started on ${m.node} within 60s; check the kubelet`);
    });
    lap('swap.startApiServer');
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
  plan: { members: Array<Pick<MemberPlan, 'clientUrl' | 'tls'>> },
  timeoutMs: number,
  log: Logger,
  signal?: AbortSignal,
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
      stopIfInterrupted(signal);
      // etcd answers within a few hundred ms of being up; a longer pause is only time the cluster is down.
      await sleep(150);
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
  const keys = await compareKeysWithSnapshot(client, live);
  if (keys.missing || keys.unexpected || keys.changed)
    problems.push(
      `keys differ from the snapshot: ${keys.missing} missing, ${keys.unexpected} unexpected, ${keys.changed} changed`,
    );
  if (problems.length > 0)
    throw new VerificationError(`the restored cluster is not what was planned: ${problems.join('; ')}`);
  return { revision: Number(status.revision), keys };
}

/**
 * Runs the part of a restore that changes the nodes with a journal on every node (see journal.ts): written
 * before anything is shipped, removed when the restore is done, refused or rolled back. A rollback that did
 * not finish leaves them for `restore --recover`.
 */
async function withJournals<T>(
  links: NodeLink[],
  plan: RestorePlan,
  log: Logger,
  work: () => Promise<T>,
): Promise<T> {
  const written = await Promise.allSettled(
    plan.members.map((m, i) => writeJournal(links[i]!.session, journalOf(plan, m, m.certFiles))),
  );
  const failed = written.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(links.map((l) => removeJournal(l.session).catch(() => {})));
    throw new RestoreFailedError(
      `restore stopped before anything on the cluster was changed: ${describe(failed.reason)}`,
      true,
      { hint: 'nothing was changed; check the node (is /var/lib writable, is its disk full?) and run again' },
    );
  }
  let keep = false;
  try {
    return await work();
  } catch (error) {
    keep = error instanceof RestoreFailedError && !error.rolledBack;
    throw error;
  } finally {
    if (!keep) await endJournals(links, log);
  }
}

/** The journals go, through a new connection if need be. */
async function endJournals(links: NodeLink[], log: Logger): Promise<void> {
  await Promise.all(
    links.map(async (link) => {
      try {
        await removeJournal(await link.live());
      } catch (error) {
        log.warn(
          `${link.target}: could not remove ${JOURNAL_PATH} (${describe(error)}); remove it by hand, or the next backup will refuse`,
        );
      }
    }),
  );
}

/**
 * Puts every node back as it was before the first stop, judging by what is on disk (a dropped connection
 * leaves us unsure which of our moves happened): etcd stopped if it runs on restored data, the old data dir
 * back in its place, the held manifests back, etcd healthy, then kube-apiserver. Returns what it could not do.
 */
/** What a rollback reads of a plan: the plan itself, or what a restore journal recorded (recover.ts). */
export interface RollbackPlan {
  stamp: string;
  members: Array<
    Pick<
      MemberPlan,
      | 'node'
      | 'clientUrl'
      | 'clientPort'
      | 'tls'
      | 'dataHostPath'
      | 'etcdManifest'
      | 'apiServerManifest'
      | 'holding'
      | 'staging'
      | 'snapshotDir'
      | 'target'
      | 'aside'
    > & { rewrittenManifest: string | undefined }
  >;
}

export async function rollback(
  links: NodeLink[],
  plan: RollbackPlan,
  request: Pick<RestoreRequest, 'log' | 'timeouts'>,
): Promise<string[]> {
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
  m: RollbackPlan['members'][number],
  plan: RollbackPlan,
  stopMs: number,
  log: Logger,
) {
  const held = inHolding(m, m.etcdManifest);
  const there = await existing(
    session,
    [m.etcdManifest, held, m.aside ?? '', m.staging, m.snapshotDir, m.target].filter(Boolean),
  );
  // Stop etcd if it runs on what we put there; if it was never stopped, it still runs on the old data.
  let stopped = there.has(held);
  if (there.has(m.etcdManifest)) {
    if (m.aside && there.has(m.aside) && !there.has(held)) {
      await move(session, m.etcdManifest, held);
      stopped = true;
    } else if (m.rewrittenManifest !== undefined && there.has(held)) {
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
  if (there.has(m.snapshotDir)) await removeOurDir(session, m.snapshotDir);
  await move(session, held, m.etcdManifest, { ifPresent: true });
}
