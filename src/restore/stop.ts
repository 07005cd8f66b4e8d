import { findApiServers } from './api-ready';
import { programOf } from './controllers';
import { makeDir } from './node-ops';
import { stopPod } from './stop-pod';
import { eachMember, type SwapContext } from './swap-context';

/**
 * Before the first stop, while everything still runs: which API servers can be asked for /readyz afterwards,
 * and each member's holding dir. Nothing is down yet, so this is not part of the downtime.
 */
export async function prepareStop(context: SwapContext): Promise<void> {
  context.apiServers = await findApiServers(context);
  await eachMember(context, async (session, m) => {
    await makeDir(session, m.holding);
  });
}

/**
 * The stop step: kube-apiserver on every node, with kube-controller-manager and kube-scheduler (unless asked to
 * keep them) at the same moment, so nothing writes to etcd or acts on what it cached of the old data (a
 * controller left running was measured creating and deleting Pods, and writing into namespaces the restore
 * removed, while the API servers came back); then etcd.
 * Each stops by moving its manifest out of the static pod folder and waiting until the kubelet has stopped it.
 */
export async function stopControlPlane(context: SwapContext, checkpoint: () => void): Promise<void> {
  const { stopMs: timeoutMs, signal } = context;
  const controllers = context.controllers === 'stop';
  context.log.info(
    `stopping kube-apiserver on every node, then etcd${controllers ? '; kube-controller-manager and kube-scheduler stop with kube-apiserver' : ''}`,
  );
  await eachMember(context, async (session, m) => {
    const pods = [
      ...(m.apiServerManifest ? [m.apiServerManifest] : []),
      ...(controllers ? m.controllerManifests : []),
    ];
    await Promise.all(
      pods.map((manifest) => stopPod(session, m, manifest, programOf(manifest), { timeoutMs, signal })),
    );
  });
  checkpoint();
  await eachMember(context, (session, m) =>
    stopPod(session, m, m.etcdManifest, 'etcd', { port: m.clientPort, timeoutMs, signal }),
  );
}
