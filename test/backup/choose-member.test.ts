import { describe, expect, it } from 'vitest';
import { chooseMember } from '../../src/backup/discover';
import type { MemberStatus } from '../../src/etcd/client';
import type { ClusterHealth, MemberHealth } from '../../src/etcd/health';

function member(id: bigint, name: string, isLearner = false): MemberHealth {
  const status = {
    version: '3.7.3',
    leader: 1n,
    memberId: id,
    isLearner,
    errors: [],
  } as unknown as MemberStatus;
  return { id, name, clientURLs: [`https://10.0.0.${id}:2379`], isLearner, status, error: undefined };
}

/** A kubeadm 1.37 cluster in the middle of a join: cp-3 was added as a learner and is not promoted yet. */
function joining(localMemberId: bigint): ClusterHealth {
  const members = [member(1n, 'cp-1'), member(2n, 'cp-2'), member(3n, 'cp-3', true)];
  return {
    clusterId: 9n,
    localMemberId,
    members,
    leader: members[0],
    votingMembers: 2,
    reachableVoters: 2,
    hasQuorum: true,
    alarms: [],
    alarmError: undefined,
  };
}

describe('the member a backup snapshots while a member joins as a learner', () => {
  it('is the leader, with a warning, when the node logged in to runs the learner', () => {
    const warnings: string[] = [];
    expect(chooseMember(joining(3n), undefined, (w) => warnings.push(w)).name).toBe('cp-1');
    expect(warnings).toEqual([
      'member cp-3 on this node is a learner (still joining) and may lag behind: snapshotting the leader cp-1 instead',
    ]);
  });

  it('is the learner when it is named, with a warning', () => {
    const warnings: string[] = [];
    expect(chooseMember(joining(1n), 'cp-3', (w) => warnings.push(w)).name).toBe('cp-3');
    expect(warnings).toEqual(['member cp-3 is a learner (still joining) and may lag behind the leader']);
  });

  it('is the local voter, without a word, otherwise', () => {
    const warnings: string[] = [];
    expect(chooseMember(joining(2n), undefined, (w) => warnings.push(w)).name).toBe('cp-2');
    expect(warnings).toEqual([]);
  });
});
