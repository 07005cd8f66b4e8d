import { errorLine } from '../errors';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import { RestoreFailedError } from './errors';
import { waitForHealthyCluster } from './health';
import type { NodeLink } from './node-link';
import { existing, move, removeEmptyDir, waitUntilGone } from './node-ops';
import { removeOurDir } from './on-node';
import { inHolding, type MemberPlan, type RestorePlan } from './plan';

/** What a rollback reads of a plan: from the plan itself, or from what a restore journal recorded (recover.ts). */
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
    > & {
      /** new-dir mode: a rewritten etcd.yaml was (or was to be) put in place of the held original. */
      rewritten: boolean;
      /** The controllers' manifests, held while the API servers came back (absent in older journals). */
      controllerManifests?: string[] | undefined;
    }
  >;
}

export interface RollbackOptions {
  log: Logger;
  timeouts?: { stopMs?: number; startMs?: number };
}

export function rollbackPlanOf(plan: RestorePlan): RollbackPlan {
  return {
    stamp: plan.stamp,
    members: plan.members.map((m) => ({ ...m, rewritten: m.rewrittenManifest !== undefined })),
  };
}

/**
 * After a failure past the first stop: rolls every node back and throws the failure, saying whether the
 * cluster runs on its old data again (and if not, how to finish by hand or with `restore --recover`).
 */
export async function rollBackAfter(
  error: unknown,
  links: NodeLink[],
  plan: RollbackPlan,
  options: RollbackOptions,
): Promise<never> {
  options.log.warn(`restore failed after the cluster was stopped: ${errorLine(error)}; rolling back`);
  const problems = await rollback(links, plan, options);
  if (problems.length > 0) {
    throw new RestoreFailedError(
      `restore failed (${errorLine(error)}) and the rollback did not finish: ${problems.join('; ')}`,
      false,
      {
        hint: `the old data dirs are kept (${plan.members.map((m) => m.aside ?? m.dataHostPath).join(', ')}) and the manifests wait in ${plan.members[0]!.holding}; once the cause is fixed, run 'etcd-backup restore --recover' with the same nodes to put them back`,
        cause: error,
      },
    );
  }
  throw new RestoreFailedError(`restore failed and was rolled back: ${errorLine(error)}`, true, {
    hint: 'the cluster runs on its old data again; nothing was lost. Fix the cause and run again',
    cause: error,
  });
}

/**
 * Puts every node back as it was before the first stop, judging by what is on disk (a dropped connection
 * leaves us unsure which of our moves happened): etcd stopped if it runs on restored data, the old data dir
 * back in its place, the held manifests back, etcd healthy, then kube-apiserver and the controllers. Returns
 * what it could not do.
 */
export async function rollback(
  links: NodeLink[],
  plan: RollbackPlan,
  options: RollbackOptions,
): Promise<string[]> {
  const { log } = options;
  const stopMs = options.timeouts?.stopMs ?? 90_000;
  const problems: string[] = [];
  const sessions: Array<SshSession | undefined> = [];
  await Promise.all(
    plan.members.map(async (m, i) => {
      try {
        sessions[i] = await links[i]!.live();
        await rollbackNode(sessions[i]!, m, plan.stamp, stopMs, log);
      } catch (error) {
        problems.push(`${m.node}: ${errorLine(error)}`);
      }
    }),
  );
  if (problems.length > 0) return problems;
  try {
    await waitForHealthyCluster(links, plan.members, options.timeouts?.startMs ?? 120_000, log);
  } catch (error) {
    problems.push(`the old cluster did not come back: ${errorLine(error)}`);
  }
  await Promise.all(
    plan.members.map(async (m, i) => {
      try {
        if (m.apiServerManifest)
          await move(sessions[i]!, inHolding(m, m.apiServerManifest), m.apiServerManifest, {
            ifPresent: true,
          });
        for (const manifest of m.controllerManifests ?? [])
          await move(sessions[i]!, inHolding(m, manifest), manifest, { ifPresent: true });
        await removeEmptyDir(sessions[i]!, m.holding);
      } catch (error) {
        problems.push(`${m.node}: ${errorLine(error)}`);
      }
    }),
  );
  if (problems.length === 0) log.info('rolled back: the cluster runs on its old data');
  return problems;
}

async function rollbackNode(
  session: SshSession,
  m: RollbackPlan['members'][number],
  stamp: string,
  stopMs: number,
  log: Logger,
): Promise<void> {
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
    } else if (m.rewritten && there.has(held)) {
      await move(session, m.etcdManifest, `${held}.restored-${stamp}`);
    }
  }
  if (stopped) await waitUntilGone(session, 'etcd', { port: m.clientPort, timeoutMs: stopMs });
  if (m.aside && there.has(m.aside)) {
    if ((await existing(session, [m.dataHostPath])).size > 0) {
      await move(session, m.dataHostPath, `${m.dataHostPath}.failed-restore-${stamp}`);
    }
    await move(session, m.aside, m.dataHostPath);
    log.info(`${m.node}: old data dir back at ${m.dataHostPath}`);
  }
  if (there.has(m.staging)) await removeOurDir(session, m.staging);
  if (there.has(m.snapshotDir)) await removeOurDir(session, m.snapshotDir);
  await move(session, held, m.etcdManifest, { ifPresent: true });
}
