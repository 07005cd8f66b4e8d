import { posix } from 'node:path';
import { errorLine } from '../errors';
import { waitForApiServersReady } from './api-ready';
import { programOf, startControllers } from './controllers';
import { waitForHealthyCluster } from './health';
import { move, removeEmptyDir, writeFileAtomically } from './node-ops';
import { inHolding } from './plan';
import { stopPod } from './stop-pod';
import { eachMember, type SwapContext } from './swap-context';

/**
 * The start step, for etcd: its manifest back in the static pod folder (new-dir mode: the rewritten one,
 * written next to the held original first), then the wait until every member answers and all agree on a leader.
 */
export async function startEtcd(context: SwapContext): Promise<void> {
  context.log.info('starting etcd on every node');
  await eachMember(context, async (session, m) => {
    if (m.rewrittenManifest) {
      const next = posix.join(m.holding, `.${posix.basename(m.etcdManifest)}.new`);
      await writeFileAtomically(session, next, m.rewrittenManifest);
      await move(session, next, m.etcdManifest);
    } else {
      await move(session, inHolding(m, m.etcdManifest), m.etcdManifest);
    }
  });
  await waitForHealthyCluster(
    context.links,
    context.plan.members,
    context.startMs,
    context.log,
    context.signal,
  );
}

/**
 * The start step, for Kubernetes, once the check passed: kube-apiserver back everywhere, every API server's
 * /readyz waited for, then the controllers started (or, kept running, restarted when asked), and the holding
 * dirs removed (new-dir mode keeps the original etcd.yaml there). Returns how long the API servers took, and
 * when the last was ready (where the downtime ends).
 */
export async function startApiServer(
  context: SwapContext,
  restartControllers: boolean,
): Promise<{ readyMs: number; readyAt: number }> {
  const { log } = context;
  log.info('etcd verified; starting kube-apiserver');
  await eachMember(context, async (session, m) => {
    if (m.apiServerManifest) await move(session, inHolding(m, m.apiServerManifest), m.apiServerManifest);
  });
  const readyMs = await waitForApiServersReady(context);
  const readyAt = Date.now();
  if (context.controllers === 'stop') {
    log.info('starting kube-controller-manager and kube-scheduler');
    await startControllers(context);
  } else if (restartControllers) {
    await restartControllerPods(context);
  }
  await eachMember(context, async (session, m) => {
    if (!m.rewrittenManifest) await removeEmptyDir(session, m.holding);
  });
  return { readyMs, readyAt };
}

/** Stops and starts kube-controller-manager and kube-scheduler, so they drop what they cached of the old data. */
async function restartControllerPods(context: SwapContext): Promise<void> {
  await eachMember(context, async (session, m) => {
    for (const manifest of m.controllerManifests) {
      const program = programOf(manifest);
      try {
        await stopPod(session, m, manifest, program, { timeoutMs: context.stopMs });
        await move(session, inHolding(m, manifest), manifest);
      } catch (error) {
        context.log.warn(`could not restart ${program} on ${m.node}: ${errorLine(error)}`);
      }
    }
  });
}
