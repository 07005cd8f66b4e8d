import { EtcdBackupError } from '../errors';
import type { EtcdTls } from '../etcd/client';
import { assertSafeToSnapshot, type ClusterHealth, inspectCluster, type MemberHealth } from '../etcd/health';
import { connectThroughNode, connectToAnyUrl, type MemberConnection, readClientTls } from '../node/members';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import { shown } from '../util/shown';
import type { EtcdAccess } from './target';

/** The member to snapshot, and how to reach the cluster. */
export interface SnapshotSource {
  health: ClusterHealth;
  member: MemberHealth;
  tls: EtcdTls;
  /** The member on the node we log in to. */
  local: MemberConnection;
}

const firstLineOf = (message: string | undefined) => message?.split('\n')[0] ?? 'no status';

/**
 * The discover step, once the control plane is found (target.ts): reads the etcd client certificate, asks
 * every member how it is, refuses an unsafe cluster (unless forced) and picks the member to snapshot. Every
 * connection it opens is added to `connections` for the caller to close.
 */
export async function discoverSource(
  session: SshSession,
  access: EtcdAccess,
  options: { member?: string; force?: boolean; log: Logger; onSecret?: (value: string) => void },
  connections: MemberConnection[],
): Promise<SnapshotSource> {
  const { log } = options;
  const tls = await readClientTls(session, { ca: access.caPath, cert: access.certPath, key: access.keyPath });
  options.onSecret?.(tls.key.toString('utf8'));
  const local = await connectThroughNode(session, access.clientUrl, tls);
  connections.push(local);
  const health = await inspectCluster(local.client, async (member) => {
    const c = await connectToAnyUrl(session, member.clientURLs, tls);
    connections.push(c);
    return c.client;
  });
  assertSafeToSnapshot(health, options.force ?? false, log.warn);
  const member = chooseMember(health, options.member, log.warn);
  for (const other of health.members) {
    if (!other.status) log.warn(`member ${other.name} does not answer (${firstLineOf(other.error)})`);
  }
  log.info(
    `cluster ${health.clusterId.toString(16)}: ${health.members.length} members, leader ${health.leader?.name ?? 'none'}; snapshotting ${member.name}`,
  );
  return { health, member, tls, local };
}

/**
 * The named member, or the one on the node we log in to; it must answer. A learner (a member that kubeadm join
 * has added but not yet promoted) may lag behind: unless it was named, the leader is snapshotted instead.
 */
export function chooseMember(
  health: ClusterHealth,
  name: string | undefined,
  warn: (message: string) => void,
): MemberHealth {
  let member = name
    ? health.members.find((m) => m.name === name)
    : health.members.find((m) => m.id === health.localMemberId);
  if (member?.isLearner) {
    if (!name && health.leader) {
      warn(
        `member ${member.name} on this node is a learner (still joining) and may lag behind: snapshotting the leader ${health.leader.name} instead`,
      );
      member = health.leader;
    } else warn(`member ${member.name} is a learner (still joining) and may lag behind the leader`);
  }
  if (!member) {
    throw new EtcdBackupError(`member ${name ? shown(name) : 'local member'} is not in the cluster`, {
      hint: `members are: ${health.members.map((m) => m.name).join(', ')}`,
    });
  }
  if (!member.status) {
    const answering = health.members.filter((m) => m.status).map((m) => m.name);
    throw new EtcdBackupError(
      `member ${member.name} does not answer at ${member.clientURLs.join(', ')}: ${firstLineOf(member.error)}`,
      { hint: `it may be down; snapshot a member that answers (${answering.join(', ') || 'none'}) instead` },
    );
  }
  return member;
}
