import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import type { SshSession } from '../ssh';
import { shown } from '../util/shown';

/**
 * On every node, from just before a restore ships anything until it is done or rolled back: what that node's
 * part of the restore changes, so a restore cut short (the runner killed, a cancelled job past its grace time)
 * can be found by the next backup or restore and rolled back by `restore --recover`. Paths only, no secrets.
 */
export const JOURNAL_PATH = '/var/lib/etcd-backup-restore.json';

/** The fields of a member's plan that a rollback reads, and the paths of its etcd client certificate. */
export interface JournalMember {
  name: string;
  peerUrls: string[];
  clientUrl: string;
  clientPort: number;
  dataHostPath: string;
  etcdManifest: string;
  apiServerManifest: string | undefined;
  /** kube-controller-manager's and kube-scheduler's manifests, held while the API servers come back (absent in older journals). */
  controllerManifests?: string[];
  holding: string;
  staging: string;
  snapshotDir: string;
  target: string;
  aside: string | undefined;
  rewritten: boolean;
  certs: { ca: string; cert: string; key: string };
}

export interface RestoreJournal {
  version: 1;
  stamp: string;
  backup: string;
  cluster: string;
  startedAt: string;
  /** Every node of that restore, so a recovery can say which ones to give. */
  nodes: string[];
  member: JournalMember;
}

export async function removeJournal(session: SshSession): Promise<void> {
  await session.exec(['rm', '-f', '--', JOURNAL_PATH], { sudo: true, check: true });
}

/** The journal on this node, if a restore left one; a file we cannot parse is reported, never guessed at. */
export async function readJournal(session: SshSession): Promise<RestoreJournal | undefined> {
  const r = await session.exec(['sh', '-c', '[ -e "$1" ] || exit 3; cat -- "$1"', 'sh', JOURNAL_PATH], {
    sudo: true,
  });
  if (r.exitCode === 3) return undefined;
  const text = r.stdout.toString('utf8');
  const journal = parse(text);
  if (r.exitCode !== 0 || !isJournal(journal))
    throw new EtcdBackupError(
      `${JOURNAL_PATH} on ${session.target} is not a restore journal this version can read (${shown(text.trim())})`,
      {
        hint: 'it marks a restore that did not finish: check the node by hand (old data dirs end in .before-restore-<time>, held manifests are in etcd-restore-<time> next to the static pod folder), then remove the file',
        exitCode: EXIT.restoreRefused,
      },
    );
  return journal;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isJournal(value: unknown): value is RestoreJournal {
  const j = value as RestoreJournal | undefined;
  const m = j?.member;
  const isPath = (v: unknown) => typeof v === 'string' && v.startsWith('/');
  return (
    j?.version === 1 &&
    typeof j.stamp === 'string' &&
    typeof j.backup === 'string' &&
    typeof j.cluster === 'string' &&
    Array.isArray(j.nodes) &&
    typeof m === 'object' &&
    m !== null &&
    typeof m.name === 'string' &&
    typeof m.clientUrl === 'string' &&
    typeof m.clientPort === 'number' &&
    Array.isArray(m.peerUrls) &&
    [m.dataHostPath, m.etcdManifest, m.holding, m.staging, m.snapshotDir, m.target].every(isPath) &&
    [m.apiServerManifest, m.aside].every((v) => v === undefined || isPath(v)) &&
    typeof m.certs === 'object' &&
    m.certs !== null &&
    [m.certs.ca, m.certs.cert, m.certs.key].every(isPath)
  );
}

/** A backup or a restore found the journal of a restore that did not finish on this node. */
export class RestoreCutShortError extends EtcdBackupError {
  constructor(target: string, journal: RestoreJournal, exitCode: number) {
    super(
      `a restore of ${journal.backup} started ${journal.startedAt} did not finish on ${target} (${JOURNAL_PATH} is still there)`,
      {
        hint: `run 'etcd-backup restore --recover' (restore action: recover: true) with the same nodes (${journal.nodes.join(', ')}) to put the old data and manifests back; nothing was deleted`,
        exitCode,
      },
    );
  }
}

/** A restore refuses (exit 6, nothing changed) when any of its nodes holds the journal of an unfinished one. */
export async function refuseIfCutShort(sessions: SshSession[]): Promise<void> {
  const journals = await Promise.all(sessions.map((session) => readJournal(session)));
  const i = journals.findIndex((journal) => journal !== undefined);
  if (i >= 0) throw new RestoreCutShortError(sessions[i]!.target, journals[i]!, EXIT.restoreRefused);
}
