import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import type { NodeLink } from './node-link';
import type { MemberPlan, RestorePlan } from './plan';

/** How to reach one node's kube-apiserver as its admin: through the SSH connection, never a port on the node. */
export interface ApiServerAccess {
  address: string;
  port: number;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** What the steps from the first stop on (stop, swap, start, check) work with. */
export interface SwapContext {
  links: NodeLink[];
  plan: RestorePlan;
  log: Logger;
  /** How long a pod may take to stop, and etcd to come back with a leader. */
  stopMs: number;
  startMs: number;
  signal: AbortSignal | undefined;
  /**
   * 'stop' (default): kube-controller-manager and kube-scheduler are stopped with kube-apiserver and started once
   * every API server is ready; 'keep-running' leaves them up through the restore.
   */
  controllers: 'stop' | 'keep-running';
  /** The API servers that answered /readyz before the stop, by node: the ones waited for after the start. */
  apiServers?: Map<string, ApiServerAccess>;
}

/** Runs `work` for every member at once, on its node's session. */
export async function eachMember(
  context: Pick<SwapContext, 'links' | 'plan'>,
  work: (session: SshSession, member: MemberPlan) => Promise<void>,
): Promise<void> {
  await Promise.all(context.plan.members.map((m, i) => work(context.links[i]!.session, m)));
}
