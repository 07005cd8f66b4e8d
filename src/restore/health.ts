import { EtcdBackupError, errorLine } from '../errors';
import { connectThroughNode, type MemberConnection } from '../node/members';
import type { Logger } from '../util/log';
import { RestoreInterruptedError } from './errors';
import type { NodeLink } from './node-link';
import type { MemberPlan } from './plan';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until every member answers through its own node and all agree on one leader. Used by the start step
 * and by the rollback. An abort of `signal` stops the wait.
 */
export async function waitForHealthyCluster(
  links: NodeLink[],
  members: Array<Pick<MemberPlan, 'clientUrl' | 'tls'>>,
  timeoutMs: number,
  log: Logger,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const connections: Array<MemberConnection | undefined> = members.map(() => undefined);
  let last = '';
  try {
    for (;;) {
      try {
        const statuses = await Promise.all(
          members.map(async (m, i) => {
            connections[i] ??= await connectThroughNode(await links[i]!.live(), m.clientUrl, m.tls);
            try {
              return await connections[i]!.client.status();
            } catch (error) {
              await connections[i]!.close();
              connections[i] = undefined;
              throw error;
            }
          }),
        );
        const leaders = new Set(statuses.map((s) => s.leader));
        if (leaders.size === 1 && !leaders.has(0n)) {
          log.info(`etcd is back: ${members.length} member(s), leader ${statuses[0]!.leader.toString(16)}`);
          return;
        }
        last = 'the members do not agree on a leader yet';
      } catch (error) {
        last = errorLine(error);
      }
      if (Date.now() > deadline) {
        throw new EtcdBackupError(
          `etcd did not come back with a leader within ${Math.round(timeoutMs / 1000)}s: ${last}`,
        );
      }
      if (signal?.aborted)
        throw new RestoreInterruptedError(
          signal.reason instanceof Error ? signal.reason.message : 'interrupted',
        );
      // etcd answers within a few hundred ms of being up; a longer pause is only time the cluster is down.
      await sleep(150);
    }
  } finally {
    await Promise.all(connections.map((c) => c?.close()));
  }
}
