import type { DiscoveryOverrides } from '../controlplane';
import type { OpeningKeys } from '../envelope/encryption';
import { errorLine } from '../errors';
import type { SnapshotAnalysis } from '../snapshot';
import type { ConnectOptions } from '../ssh';
import type { Selector } from '../store/catalog';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { createPrivateTempDir } from '../util/private-temp';
import { type CheckedRestore, checkRestored } from './check';
import { RestoreRefusedError } from './errors';
import type { EtcdTools } from './etcd-tools';
import { type DownloadedBackup, downloadBackup, type FetchedBackup } from './fetch';
import { withJournals } from './journal';
import { findLeftovers, type LeftoverObject } from './leftovers';
import { connectAndLock } from './lock';
import { NodeLink } from './node-link';
import { choosePlace, type RestoreOn } from './place';
import { describePlan, makePlan, type RestoreMode, type RestorePlace, type RestorePlan } from './plan';
import { type RestoreReport, reportOf } from './report';
import { rollBackAfter, rollbackPlanOf } from './rollback';
import { checkSpace, removeStaging, type StageContext, type Stager } from './stage';
import { NodeStager } from './stage-node';
import { RunnerStager } from './stage-runner';
import { startApiServer, startEtcd } from './start';
import { StepRunner } from './steps';
import { prepareStop, stopControlPlane } from './stop';
import { swapData } from './swap';
import type { SwapContext } from './swap-context';
import { verifyBackup } from './verify-backup';

export { RestoreFailedError, RestoreInterruptedError, RestoreRefusedError } from './errors';
export type { RestoreOn } from './place';
export type { RestoreReport } from './report';

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
  /** With bump 0 on a Kubernetes cluster: the clients that must be restarted are known (else refused). */
  confirmNoBump?: boolean;
  force?: boolean;
  dryRun?: boolean;
  /**
   * Leave kube-controller-manager and kube-scheduler running through the restore. By default they are stopped
   * with kube-apiserver and started once every API server answers /readyz, so they never act on what they
   * cached of the old data.
   */
  keepControllersRunning?: boolean;
  /**
   * Stop and start them after kube-apiserver is back (with keepControllersRunning; the action's
   * restart_controllers asks for that pair).
   */
  restartControllers?: boolean;
  timeouts?: { stopMs?: number; startMs?: number };
  log: Logger;
  now?: () => Date;
  /** Called after each step of the swap (progress for callers; tests inject faults here). */
  onStep?: (step: RestoreStep, plan: RestorePlan) => Promise<void>;
  /** Called with each secret the restore comes to hold (every member's etcd client key), so a log can mask it. */
  onSecret?: (value: string) => void;
}

/**
 * Puts a stored backup back into a kubeadm-style control plane:
 * fetch → verify → plan → stage → stop → swap → start → check, with rollback as the mirror.
 * Everything up to the stage step runs while the cluster still runs, and an interrupt or failure there changes
 * nothing; anything that fails after the first stop puts every node back as it was. Nothing is deleted: the
 * old data dir stays, named with the time.
 */
export async function restore(request: RestoreRequest): Promise<RestoreReport> {
  const { log } = request;
  if (request.nodes.length === 0)
    throw new RestoreRefusedError('no control-plane node given', 'name every control-plane node');
  const temp = createPrivateTempDir('etcd-restore-');
  const links = request.nodes.map((n) => new NodeLink(n, log));
  const run = new StepRunner(request.signal);
  let verifying: Promise<SnapshotAnalysis> | undefined;
  try {
    const downloaded = await run.beforeStop('fetch', () =>
      downloadBackup({
        ...request,
        path: temp.file('snapshot.db'),
        packedPath: temp.file('snapshot.db.zst'),
      }),
    );
    verifying = verifyAlongside(run, downloaded);
    const cluster = request.cluster ?? downloaded.metadata.cluster;
    await run.beforeStop('connectAndLock', () => connectAndLock(links, cluster, request));
    const { plan, place } = await run.beforeStop('plan', () => planRestore(links, downloaded, request));
    const stager = stagerFor(place, {
      links,
      plan,
      fetched: downloaded,
      tempDir: temp.path,
      log,
      signal: request.signal,
    });
    const sizes = await run.beforeStop(stager.timingNames.prepare, () => stager.prepare());
    await checkSpace(links, plan, sizes.neededBytes);
    for (const line of describePlan(plan, sizes.restoredBytes)) log.info(line);
    const report = reportOf(plan, request.dryRun ?? false, run.timings);
    if (request.dryRun) {
      await verifying;
      log.info('dry run: nothing was changed');
      return report;
    }
    run.notInterrupted();
    await request.onStep?.('planned', plan);
    return await withJournals(links, plan, log, async () => {
      report.bytesShipped = await run.beforeStop(stager.timingNames.stage, () => stager.stage());
      const fetched: FetchedBackup = {
        ...downloaded,
        analysis: await verifiedOrUnstaged(verifying!, links, plan),
      };
      // The restored copies on the runner and the snapshot are not needed any more.
      temp.dispose();
      await request.onStep?.('shipped', plan);
      if (request.signal?.aborted) await removeStaging(links, plan).then(() => run.notInterrupted());
      const checked = await run.timed('swap', () => swapOrRollBack(run, links, plan, fetched, request));
      return finished(report, checked, log);
    });
  } finally {
    // The walk reads the snapshot in the temp dir: let it end before the dir goes.
    await verifying?.catch(() => {});
    await Promise.all(links.map((l) => l.close().catch(() => {})));
    temp.dispose();
  }
}

/**
 * The verify step, started beside the next ones (lock, plan, stage). The fetch has checked the digests, so a
 * damaged blob was refused before any node was reached; nothing stops before this walk's verdict.
 */
function verifyAlongside(run: StepRunner, downloaded: DownloadedBackup): Promise<SnapshotAnalysis> {
  const verifying = run.beforeStop('verify', () => verifyBackup(downloaded.metadata, downloaded.path));
  verifying.catch(() => {});
  return verifying;
}

/** The verify step's verdict, awaited before anything stops; a backup it refuses takes its staging with it. */
async function verifiedOrUnstaged(
  verifying: Promise<SnapshotAnalysis>,
  links: NodeLink[],
  plan: RestorePlan,
): Promise<SnapshotAnalysis> {
  try {
    return await verifying;
  } catch (error) {
    await removeStaging(links, plan);
    throw error;
  }
}

function finished(
  report: RestoreReport,
  checked: CheckedRestore & { leftovers: LeftoverObject[] | undefined },
  log: Logger,
): RestoreReport {
  log.info(
    `restored ${report.backup} to ${report.members.length} member(s): revision ${checked.revision}, ${checked.keys.restored} keys and their revisions equal to the snapshot's, ${checked.keys.valuesCompared} values compared`,
  );
  return {
    ...report,
    restoredRevision: checked.revision,
    keys: checked.keys,
    objectsInMissingNamespaces: checked.leftovers,
  };
}

/** From the first stop on: any failure (an interrupt too) rolls every node back. */
async function swapOrRollBack(
  run: StepRunner,
  links: NodeLink[],
  plan: RestorePlan,
  fetched: FetchedBackup,
  request: RestoreRequest,
): Promise<CheckedRestore & { leftovers: LeftoverObject[] | undefined }> {
  const context: SwapContext = {
    links,
    plan,
    log: request.log,
    stopMs: request.timeouts?.stopMs ?? 90_000,
    startMs: request.timeouts?.startMs ?? 120_000,
    signal: request.signal,
    controllers: request.keepControllersRunning ? 'keep-running' : 'stop',
  };
  try {
    return await swapIn(run, context, fetched, request);
  } catch (error) {
    return await rollBackAfter(error, links, rollbackPlanOf(plan), request);
  }
}

/** stop → swap → start etcd → check → start kube-apiserver; the caller rolls back whatever fails. */
async function swapIn(
  run: StepRunner,
  context: SwapContext,
  fetched: FetchedBackup,
  request: RestoreRequest,
): Promise<CheckedRestore & { leftovers: LeftoverObject[] | undefined }> {
  const reached = (step: RestoreStep) => async () => request.onStep?.(step, context.plan);
  await run.inSwap('swap.prepare', () => prepareStop(context));
  // Downtime as users feel it: from the first stop (kube-apiserver and the controllers) until every API server
  // that answered before is ready again.
  const down = Date.now();
  await run.inSwap(
    'swap.stop',
    () => stopControlPlane(context, () => run.stopIfInterrupted()),
    reached('stopped'),
  );
  await run.inSwap('swap.moveData', () => swapData(context), reached('swapped'));
  await run.inSwap('swap.startEtcd', () => startEtcd(context), reached('started'));
  // The last point at which an interrupt rolls back: after this kube-apiserver may write to the new data.
  const checked = await run.inSwap('swap.verify', () => checkRestored(context, fetched));
  // Reported on its own: how long the API servers took to answer /readyz once started.
  const started = await run.timed('swap.startApiServer', () =>
    startApiServer(context, request.restartControllers ?? false),
  );
  run.timings.apiServersReady = started.readyMs;
  run.timings.downtime = started.readyAt - down;
  // The restore is done; a failure to look for leftovers is only a warning.
  const leftovers = await run
    .timed('leftovers', () => findLeftovers(context))
    .catch((error: unknown) => {
      request.log.warn(`could not look for objects in namespaces that no longer exist: ${errorLine(error)}`);
      return undefined;
    });
  return { ...checked, leftovers };
}

/** The plan step: where `snapshot restore` runs, then every node's part. */
async function planRestore(
  links: NodeLink[],
  fetched: DownloadedBackup,
  request: RestoreRequest,
): Promise<{ plan: RestorePlan; place: RestorePlace }> {
  const place = await choosePlace(links, fetched.metadata.etcd.version, request);
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
      confirmNoBump: request.confirmNoBump ?? false,
      ...(request.etcd ? { overrides: request.etcd } : {}),
      now: (request.now ?? (() => new Date()))(),
    },
    request.log,
  );
  for (const member of plan.members) request.onSecret?.(member.tls.key.toString('utf8'));
  return { plan, place };
}

function stagerFor(place: RestorePlace, context: StageContext): Stager {
  return place.on === 'runner' ? new RunnerStager(context, place.tools) : new NodeStager(context);
}
