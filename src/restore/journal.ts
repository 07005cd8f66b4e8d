import { errorLine } from '../errors';
import { JOURNAL_PATH, type JournalMember, type RestoreJournal, removeJournal } from '../node/journal';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import { RestoreFailedError } from './errors';
import type { NodeLink } from './node-link';
import { writeFileAtomically } from './node-ops';
import type { MemberPlan, RestorePlan } from './plan';

/**
 * Runs the part of a restore that changes the nodes with a journal on every node (see node/journal.ts):
 * written before anything is shipped, removed when the restore is done, refused or rolled back. A rollback
 * that did not finish leaves them for `restore --recover`.
 */
export async function withJournals<T>(
  links: NodeLink[],
  plan: RestorePlan,
  log: Logger,
  work: () => Promise<T>,
): Promise<T> {
  const written = await Promise.allSettled(
    plan.members.map((m, i) => writeJournal(links[i]!.session, journalOf(plan, m, m.certFiles))),
  );
  const failed = written.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(links.map((l) => removeJournal(l.session).catch(() => {})));
    throw new RestoreFailedError(
      `restore stopped before anything on the cluster was changed: ${errorLine(failed.reason)}`,
      true,
      { hint: 'nothing was changed; check the node (is /var/lib writable, is its disk full?) and run again' },
    );
  }
  let keep = false;
  try {
    return await work();
  } catch (error) {
    keep = error instanceof RestoreFailedError && !error.rolledBack;
    throw error;
  } finally {
    if (!keep) await endJournals(links, log);
  }
}

/** The journals go, through a new connection if need be. */
async function endJournals(links: NodeLink[], log: Logger): Promise<void> {
  await Promise.all(
    links.map(async (link) => {
      try {
        await removeJournal(await link.live());
      } catch (error) {
        log.warn(
          `${link.target}: could not remove ${JOURNAL_PATH} (${errorLine(error)}); remove it by hand, or the next backup will refuse`,
        );
      }
    }),
  );
}

export function journalOf(plan: RestorePlan, m: MemberPlan, certs: JournalMember['certs']): RestoreJournal {
  return {
    version: 1,
    stamp: plan.stamp,
    backup: plan.backup,
    cluster: plan.cluster,
    startedAt: new Date().toISOString(),
    nodes: plan.members.map((x) => x.node),
    member: {
      name: m.name,
      peerUrls: m.peerUrls,
      clientUrl: m.clientUrl,
      clientPort: m.clientPort,
      dataHostPath: m.dataHostPath,
      etcdManifest: m.etcdManifest,
      apiServerManifest: m.apiServerManifest,
      controllerManifests: m.controllerManifests,
      holding: m.holding,
      staging: m.staging,
      snapshotDir: m.snapshotDir,
      target: m.target,
      aside: m.aside,
      rewritten: m.rewrittenManifest !== undefined,
      certs,
    },
  };
}

export async function writeJournal(session: SshSession, journal: RestoreJournal): Promise<void> {
  await writeFileAtomically(session, JOURNAL_PATH, `${JSON.stringify(journal, null, 2)}\n`);
}
