import { posix } from 'node:path';
import { errorLine } from '../errors';
import { move, waitUntilRunning } from './node-ops';
import { inHolding } from './plan';
import { stopPod } from './stop-pod';
import { eachMember, type SwapContext } from './swap-context';

/** The program a controller's manifest runs, named as kubeadm names the file (kube-controller-manager.yaml). */
function programOf(manifest: string): string {
  return posix.basename(manifest).replace(/\.(ya?ml|json)$/, '');
}

/**
 * Stops kube-controller-manager and kube-scheduler on every node, like kube-apiserver: by moving their
 * manifests to the holding folder. A controller that keeps running acts on caches of the old data while the
 * API servers come back (measured: Pods created and deleted, objects written into namespaces the restore
 * removed); one that exits on a lost lease comes back on its own anyway.
 */
export async function stopControllers(context: SwapContext): Promise<void> {
  await eachMember(context, async (session, m) => {
    for (const manifest of m.controllerManifests) {
      await stopPod(session, m, manifest, programOf(manifest), {
        timeoutMs: context.stopMs,
        signal: context.signal,
      });
    }
  });
}

/** Puts the controllers' manifests back once every API server is ready, and waits until they run. */
export async function startControllers(context: SwapContext): Promise<void> {
  await eachMember(context, async (session, m) => {
    for (const manifest of m.controllerManifests) {
      try {
        await move(session, inHolding(m, manifest), manifest, { ifPresent: true });
        if (!(await waitUntilRunning(session, programOf(manifest), 60_000)))
          context.log.warn(
            `${programOf(manifest)} has not started on ${m.node} within 60s; check the kubelet`,
          );
      } catch (error) {
        context.log.warn(`could not start ${programOf(manifest)} on ${m.node}: ${errorLine(error)}`);
      }
    }
  });
}
