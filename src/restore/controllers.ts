import { posix } from 'node:path';
import { errorLine } from '../errors';
import { move, waitUntilRunning } from './node-ops';
import { inHolding } from './plan';
import { eachMember, type SwapContext } from './swap-context';

/** The program a static pod's manifest runs, named as kubeadm names the file (kube-controller-manager.yaml). */
export function programOf(manifest: string): string {
  return posix.basename(manifest).replace(/\.(ya?ml|json)$/, '');
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
