import type { SshSession } from '../ssh';
import { makeDir, move, waitUntilGone } from './node-ops';
import { inHolding } from './plan';
import { eachMember, type SwapContext } from './swap-context';

/**
 * The stop step: kube-apiserver on every node first (so nothing writes to etcd), then etcd, each by moving
 * its manifest out of the static pod folder and waiting until the kubelet has stopped it.
 */
export async function stopControlPlane(context: SwapContext, checkpoint: () => void): Promise<void> {
  const { stopMs: timeoutMs, signal } = context;
  context.log.info('stopping kube-apiserver on every node, then etcd');
  await eachMember(context, async (session, m) => {
    await makeDir(session, m.holding);
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
