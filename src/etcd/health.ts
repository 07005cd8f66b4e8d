import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import type { EtcdClient, Member, MemberStatus } from './client';

export interface MemberHealth {
  id: bigint;
  name: string;
  clientURLs: string[];
  isLearner: boolean;
  /** The member's own status, or why it could not be had. */
  status: MemberStatus | undefined;
  error: string | undefined;
}

export interface ClusterHealth {
  clusterId: bigint;
  /** The member we asked first (the one on the node we are logged in to). */
  localMemberId: bigint;
  members: MemberHealth[];
  /** The leader every reachable voting member agrees on; undefined when there is none or they disagree. */
  leader: MemberHealth | undefined;
  votingMembers: number;
  reachableVoters: number;
  hasQuorum: boolean;
  alarms: Array<{ member: string; alarm: string }>;
  /** Why the alarms could not be read, if they could not. */
  alarmError: string | undefined;
}

export class ClusterUnsafeError extends EtcdBackupError {
  constructor(message: string) {
    super(message, {
      hint: 'fix the cluster first, or pass force to take the snapshot anyway (it may be stale or incomplete)',
      exitCode: EXIT.refused,
    });
  }
}

/** Opens a client to one member, given the client URLs it advertises. */
export type MemberConnector = (member: Member) => Promise<EtcdClient>;

const hex = (id: bigint) => id.toString(16);

/**
 * Asks the cluster about itself the way an operator would before a snapshot: the member list, then every
 * member's own status (leader, raft index, revision), and the active alarms.
 */
export async function inspectCluster(local: EtcdClient, connect: MemberConnector): Promise<ClusterHealth> {
  const localStatus = await local.status();
  // Without a leader the linearizable member list times out; the member's own view still names everyone.
  const members = await local.memberList().catch(() => local.memberList({ linearizable: false }));
  let alarmList: Array<{ memberId: bigint; alarm: string }> = [];
  let alarmError: string | undefined;
  try {
    alarmList = await local.alarmList();
  } catch (error) {
    alarmError = error instanceof Error ? error.message : String(error);
  }
  const health = await Promise.all(
    members.map(async (member): Promise<MemberHealth> => {
      const base = {
        id: member.id,
        name: member.name,
        clientURLs: member.clientURLs,
        isLearner: member.isLearner,
      };
      if (member.id === localStatus.memberId) return { ...base, status: localStatus, error: undefined };
      let client: EtcdClient | undefined;
      try {
        client = await connect(member);
        return { ...base, status: await client.status(), error: undefined };
      } catch (error) {
        return { ...base, status: undefined, error: error instanceof Error ? error.message : String(error) };
      } finally {
        client?.close();
      }
    }),
  );
  const voters = health.filter((m) => !m.isLearner);
  const reachable = voters.filter((m) => m.status);
  const leaders = new Set(reachable.map((m) => m.status!.leader).filter((l) => l !== 0n));
  const leaderId = leaders.size === 1 ? [...leaders][0] : undefined;
  const leader = health.find((m) => m.id === leaderId);
  const byId = new Map(health.map((m) => [m.id, m.name]));
  return {
    clusterId: localStatus.clusterId,
    localMemberId: localStatus.memberId,
    members: health,
    leader,
    votingMembers: voters.length,
    reachableVoters: reachable.length,
    hasQuorum: reachable.length > voters.length / 2,
    alarms: alarmList
      .filter((a) => a.alarm !== 'NONE')
      .map((a) => ({ member: byId.get(a.memberId) ?? hex(a.memberId), alarm: a.alarm })),
    alarmError,
  };
}

/** Refuses a snapshot of a cluster with no quorum, no agreed leader, or an active alarm (unless forced). */
export function problemsWith(health: ClusterHealth): string[] {
  const problems: string[] = [];
  if (!health.hasQuorum) {
    const down = health.members.filter((m) => !m.status).map((m) => m.name || hex(m.id));
    problems.push(
      `no quorum: ${health.reachableVoters} of ${health.votingMembers} voting members answer (down: ${down.join(', ')})`,
    );
  }
  if (!health.leader) problems.push('no leader: the reachable members do not agree on a leader');
  for (const alarm of health.alarms)
    problems.push(`alarm ${alarm.alarm} is active on member ${alarm.member}`);
  if (health.alarmError) problems.push(`the alarms could not be read (${health.alarmError})`);
  for (const member of health.members) {
    for (const error of member.status?.errors ?? []) problems.push(`member ${member.name} reports: ${error}`);
  }
  return problems;
}

export function assertSafeToSnapshot(health: ClusterHealth, force: boolean, warn: (m: string) => void): void {
  const problems = problemsWith(health);
  if (problems.length === 0) return;
  if (force) {
    for (const p of problems) warn(`forced past: ${p}`);
    return;
  }
  throw new ClusterUnsafeError(`refusing to snapshot: ${problems.join('; ')}`);
}
