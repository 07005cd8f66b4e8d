import { connectThroughNode } from '../node/members';
import { RestoreCheckError } from './errors';
import type { FetchedBackup } from './fetch';
import type { RestorePlan } from './plan';
import type { SwapContext } from './swap-context';
import { compareKeysWithSnapshot, type KeyComparison } from './verify-keys';

export interface CheckedRestore {
  revision: number;
  keys: KeyComparison;
}

/**
 * The check step, before kube-apiserver writes anything (so the comparison is exact and a rollback loses
 * nothing): the revision is at least the snapshot's plus the bump, the members are the planned ones, and
 * every key and value equals the snapshot's.
 */
export async function checkRestored(context: SwapContext, fetched: FetchedBackup): Promise<CheckedRestore> {
  const { plan } = context;
  const first = plan.members[0]!;
  const connection = await connectThroughNode(await context.links[0]!.live(), first.clientUrl, first.tls);
  try {
    const client = connection.client;
    const [status, members] = await Promise.all([client.status(), client.memberList()]);
    const problems = [...revisionProblems(Number(status.revision), plan), ...memberProblems(members, plan)];
    const live = fetched.analysis.liveKeys;
    if (!live) throw new RestoreCheckError('the snapshot has no key inventory to compare with');
    const keys = await compareKeysWithSnapshot(client, live);
    if (keys.missing || keys.unexpected || keys.changed)
      problems.push(
        `keys differ from the snapshot: ${keys.missing} missing, ${keys.unexpected} unexpected, ${keys.changed} changed`,
      );
    if (problems.length > 0)
      throw new RestoreCheckError(`the restored cluster is not what was planned: ${problems.join('; ')}`);
    return { revision: Number(status.revision), keys };
  } finally {
    await connection.close();
  }
}

function revisionProblems(revision: number, plan: RestorePlan): string[] {
  return revision < plan.snapshotRevision + plan.bump
    ? [`revision ${revision} is below the snapshot's ${plan.snapshotRevision} + bump ${plan.bump}`]
    : [];
}

function memberProblems(members: Array<{ name: string; peerURLs: string[] }>, plan: RestorePlan): string[] {
  const want = plan.members.map((m) => `${m.name}=${[...m.peerUrls].sort().join(',')}`).sort();
  const got = members.map((m) => `${m.name}=${[...m.peerURLs].sort().join(',')}`).sort();
  return want.join(' ') === got.join(' ') ? [] : [`members are ${got.join(' ')}, planned ${want.join(' ')}`];
}
