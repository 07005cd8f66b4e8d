import type { SshSession } from '../ssh';
import { move, waitUntilGone } from './node-ops';
import { inHolding } from './plan';

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
