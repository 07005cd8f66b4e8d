import { findApiServers } from './api-ready';
import { stopControllers } from './controllers';
import { makeDir } from './node-ops';
import { stopPod } from './stop-pod';
import { eachMember, type SwapContext } from './swap-context';

/**
 * The stop step: kube-controller-manager and kube-scheduler (unless asked to keep them) and kube-apiserver on
 * every node first (so nothing writes to etcd or acts on what it cached of the old data), then etcd, each by
 * moving its manifest out of the static pod folder and waiting until the kubelet has stopped it.
 */
export async function stopControlPlane(context: SwapContext, checkpoint: () => void): Promise<void> {
  const { stopMs: timeoutMs, signal } = context;
  const controllers = context.controllers === 'stop';
  context.apiServers = await findApiServers(context);
  await eachMember(context, async (session, m) => {
    await makeDir(session, m.holding);
  });
  if (controllers) {
    context.log.info('stopping kube-controller-manager and kube-scheduler on every node');
    await stopControllers(context);
  }
  context.log.info('stopping kube-apiserver on every node, then etcd');
  await eachMember(context, async (session, m) => {
    if (m.apiServerManifest)
      await stopPod(session, m, m.apiServerManifest, 'kube-apiserver', { timeoutMs, signal });
  });
  checkpoint();
  await eachMember(context, (session, m) =>
    stopPod(session, m, m.etcdManifest, 'etcd', { port: m.clientPort, timeoutMs, signal }),
  );
}
