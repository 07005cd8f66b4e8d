import type { SshSession } from '../ssh';
import { findApiServers } from './api-ready';
import { stopControllers } from './controllers';
import { makeDir, move, waitUntilGone } from './node-ops';
import { inHolding } from './plan';
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

/** Moves a static pod's manifest into the member's holding dir and waits until its program is gone. */
export async function stopPod(
  session: SshSession,
  m: { holding: string },
  manifest: string,
  program: string,
  options: { port?: number; timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<void> {
  await move(session, manifest, inHolding(m, manifest));
  await waitUntilGone(session, program, {
    ...(options.port ? { port: options.port } : {}),
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
