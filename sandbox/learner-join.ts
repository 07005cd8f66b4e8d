import { SandboxError } from './errors';
import type { EtcdMinor } from './etcd-binaries';
import type { Sandbox, SandboxNodeInfo } from './index';

/**
 * kubeadm 1.37 (the release that installs etcd 3.7) joins every further control-plane node's etcd as a learner
 * and promotes it once it has caught up; the sandbox builds 3.7 clusters the same way, so their manifests
 * and member history are what such a cluster has. Older minors keep the all-at-once bootstrap.
 */
export function joinsAsLearners(minor: EtcdMinor, members: number): boolean {
  return minor === '3.7' && members > 1;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * With the first member serving, announces each further member as a learner, puts its manifest
 * (`manifestOf`) into its static pod folder, and promotes it as soon as etcd says it is in sync.
 */
export async function joinMembersAsLearners(
  sandbox: Sandbox,
  manifestOf: (node: SandboxNodeInfo) => string,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  const [first, ...joining] = sandbox.info.nodes;
  await sandbox.waitForEtcd(first!, timeoutMs);
  const client = sandbox.etcdClientFor(first!);
  try {
    for (const node of joining) {
      // etcd refuses a new member until every voter has been connected for 5 s (its strict reconfig check).
      const member = await retryWhile(/unhealthy cluster/, node, timeoutMs, 'announce', () =>
        client.memberAdd([`https://${node.ip}:2380`], { learner: true }),
      );
      await sandbox.runOnNode(node, [
        'install',
        '-m',
        '600',
        manifestOf(node),
        '/etc/kubernetes/manifests/etcd.yaml',
      ]);
      // etcd refuses until the learner's log has caught up with the leader's.
      await retryWhile(/in sync with leader|leader changed|timed out/, node, timeoutMs, 'promote', () =>
        client.memberPromote(member.id),
      );
      log(`${node.name} joined as a learner and was promoted`);
    }
  } finally {
    client.close();
  }
}

/** Repeats an etcd call while its refusal matches `transient`, until it succeeds or the time is up. */
async function retryWhile<T>(
  transient: RegExp,
  node: SandboxNodeInfo,
  timeoutMs: number,
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const message = (error as Error).message;
      if (!transient.test(message) || Date.now() > deadline)
        throw new SandboxError(`cannot ${what} the etcd learner on ${node.name}: ${message}`, {
          hint: `see ${node.supervisorLog}`,
        });
    }
    await sleep(200);
  }
}
