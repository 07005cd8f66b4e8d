import { type RestoreJournal, readJournal, removeJournal } from '../node/journal';
import { readClientTls } from '../node/members';
import type { ConnectOptions } from '../ssh';
import type { Logger } from '../util/log';
import { RestoreFailedError, RestoreRefusedError } from './errors';
import { lockAll } from './lock';
import { NodeLink } from './node-link';
import { type RollbackPlan, rollback } from './rollback';

export interface RecoverRequest {
  nodes: ConnectOptions[];
  log: Logger;
  lockWaitSeconds?: number;
  timeouts?: { stopMs?: number; startMs?: number };
}

export interface RecoverReport {
  /** The backup the unfinished restore was putting back, when there was one. */
  backup: string | undefined;
  /** The nodes that were put back. */
  recovered: string[];
}

/**
 * `restore --recover`: finds the journals a restore cut short left on these nodes (journal.ts) and rolls that
 * restore back the way a failed restore rolls back: old data dirs and manifests in place, etcd healthy, then
 * kube-apiserver. Nothing is deleted; the restored data that was swapped in is kept aside.
 */
export async function recoverCutRestore(request: RecoverRequest): Promise<RecoverReport> {
  const { log } = request;
  if (request.nodes.length === 0)
    throw new RestoreRefusedError('no control-plane node given', 'name every node of the restore to recover');
  const links = request.nodes.map((n) => new NodeLink(n, log));
  try {
    await Promise.all(links.map((l) => l.open()));
    const journals = await Promise.all(links.map((l) => readJournal(l.session)));
    const found = links.flatMap((link, i) => (journals[i] ? [{ link, journal: journals[i] }] : []));
    if (found.length === 0) {
      log.info('no unfinished restore on these nodes: nothing to recover');
      return { backup: undefined, recovered: [] };
    }
    const first = journalOfOneRestore(found);
    await lockAll(
      found.map((f) => f.link),
      `cluster-${first.cluster}`,
      request,
    );
    // A restore that was still running held the lock until now: only what is left after it counts.
    const stillThere = await Promise.all(found.map((f) => readJournal(f.link.session)));
    const left = found.filter((_, i) => stillThere[i]?.stamp === first.stamp);
    if (left.length === 0) {
      log.info('the restore finished while this recovery waited for the lock: nothing to recover');
      return { backup: undefined, recovered: [] };
    }
    const without = links.filter((_, i) => !journals[i]).map((l) => l.target);
    if (without.length > 0)
      log.info(
        `no journal on ${without.join(', ')}: that node's part had not started or was already put back`,
      );
    log.info(
      `recovering the restore of ${first.backup} started ${first.startedAt} on ${left.map((f) => f.link.target).join(', ')}: putting the old data and manifests back`,
    );
    await rollBackFromJournals(left, first.stamp, request);
    await Promise.all(left.map(async (f) => removeJournal(await f.link.live())));
    return { backup: first.backup, recovered: left.map((f) => f.link.target) };
  } finally {
    await Promise.all(links.map((l) => l.close().catch(() => {})));
  }
}

/** A node and the journal a restore left on it. */
interface Journaled {
  link: NodeLink;
  journal: RestoreJournal;
}

/** The journal every node holds, when they are all of one restore; refuses journals of two restores. */
function journalOfOneRestore(found: Journaled[]): RestoreJournal {
  const first = found[0]!.journal;
  const other = found.find((f) => f.journal.stamp !== first.stamp);
  if (other)
    throw new RestoreRefusedError(
      `the nodes hold journals of two different restores (${first.stamp} on ${found[0]!.link.target}, ${other.journal.stamp} on ${other.link.target})`,
      'recover each restore with its own nodes (the journal names them), or check the nodes by hand',
    );
  return first;
}

/** The restore's rollback, planned from what the journals recorded; throws when a node could not be put back. */
async function rollBackFromJournals(
  left: Journaled[],
  stamp: string,
  request: RecoverRequest,
): Promise<void> {
  const plan: RollbackPlan = {
    stamp,
    members: await Promise.all(
      left.map(async ({ link, journal }) => memberOf(journal, link.target, await readTls(link, journal))),
    ),
  };
  const problems = await rollback(
    left.map((f) => f.link),
    plan,
    request,
  );
  if (problems.length > 0)
    throw new RestoreFailedError(`the recovery did not finish: ${problems.join('; ')}`, false, {
      hint: `the journals stay; fix the cause and run 'etcd-backup restore --recover' again`,
    });
}

function readTls(link: NodeLink, journal: RestoreJournal) {
  return readClientTls(link.session, journal.member.certs);
}

function memberOf(
  journal: RestoreJournal,
  node: string,
  tls: RollbackPlan['members'][number]['tls'],
): RollbackPlan['members'][number] {
  const { certs: _paths, ...recorded } = journal.member;
  return { ...recorded, node, tls };
}
