import { posix } from 'node:path';
import { EtcdBackupError } from '../errors';
import type { StoredFile } from '../format/control-plane-files';
import { firstLine } from '../ssh/errors';
import type { SshSession } from '../ssh/session';

/*
 * Puts one file in place with its mode and owner, keeping whatever was there under the keep-aside folder
 * (same path below it). The new bytes come on stdin into a 0600 temp file next to the target, which is renamed
 * over it only once complete. Folders that are missing are made 0755, as kubeadm makes them.
 */
const PUT_FILE = [
  'path=$1 mode=$2 owner=$3 aside=$4',
  'dir=$(dirname -- "$path")',
  '(umask 022 && mkdir -p -- "$dir") || exit 70',
  'umask 077',
  'kept=',
  'if [ -e "$path" ] || [ -L "$path" ]; then',
  '  (umask 022 && mkdir -p -- "$aside$dir") && mv -- "$path" "$aside$path" || exit 71',
  '  kept=1',
  'fi',
  'tmp="$path.etcd-backup-tmp"',
  'if cat >"$tmp" && chown -- "$owner" "$tmp" && chmod -- "$mode" "$tmp" && mv -f -- "$tmp" "$path"; then',
  '  [ -n "$kept" ] && echo kept',
  '  exit 0',
  'fi',
  'rm -f -- "$tmp"',
  '[ -n "$kept" ] && mv -- "$aside$path" "$path"',
  'exit 72',
].join('\n');

/** Moves a path (file or folder) under the keep-aside folder; prints `kept` when there was something to move. */
const KEEP_ASIDE = [
  'path=$1 aside=$2',
  '[ -e "$path" ] || [ -L "$path" ] || exit 0',
  '(umask 022 && mkdir -p -- "$aside$(dirname -- "$path")") && mv -- "$path" "$aside$path" && echo kept',
].join('\n');

/** Undoes one step: removes what was put at `path`, and moves back what was kept aside, if anything. */
const UNDO = [
  'path=$1 aside=$2 kept=$3 failed=$4',
  'if [ -e "$path" ] || [ -L "$path" ]; then',
  '  if [ -d "$path" ]; then (umask 022 && mkdir -p -- "$(dirname -- "$failed$path")") && mv -- "$path" "$failed$path" || exit 73',
  '  else rm -f -- "$path" || exit 73; fi',
  'fi',
  '[ "$kept" = 1 ] && { mv -- "$aside$path" "$path" || exit 74; }',
  'exit 0',
].join('\n');

export class RebuildStepError extends EtcdBackupError {}

/** One change made to the node, in order, so a failure can be undone step by step in reverse. */
interface Change {
  path: string;
  kept: boolean;
}

/**
 * Every change a rebuild makes to one node, and how to undo it. Whatever it replaces is moved under
 * `aside` (e.g. /var/lib/etcd-backup/rebuild-<time>/etc/kubernetes/pki/ca.key), never deleted; a restored
 * data dir that has to be taken back goes under `aside/failed`.
 */
export class NodeLedger {
  private readonly changes: Change[] = [];

  constructor(
    readonly session: SshSession,
    readonly aside: string,
  ) {}

  /** What was kept aside, for the report. */
  get keptAside(): string[] {
    return this.changes.filter((c) => c.kept).map((c) => posix.join(this.aside, c.path));
  }

  async putFile(file: StoredFile, content: Buffer): Promise<void> {
    const r = await this.session.exec(
      ['sh', '-c', PUT_FILE, 'sh', file.path, file.mode, `${file.uid}:${file.gid}`, this.aside],
      { sudo: true, stdin: content },
    );
    if (r.exitCode !== 0) {
      throw new RebuildStepError(
        `cannot put ${file.path} back on ${this.session.target}: ${firstLine(r.stderr) || `exit ${r.exitCode}`}`,
      );
    }
    this.changes.push({ path: file.path, kept: r.stdout.toString('utf8').includes('kept') });
  }

  /** Moves a path aside (a manifest, so its pod stops; a data dir, so a restore can take its place). */
  async keepAside(path: string): Promise<boolean> {
    const r = await this.session.exec(['sh', '-c', KEEP_ASIDE, 'sh', path, this.aside], { sudo: true });
    if (r.exitCode !== 0) {
      throw new RebuildStepError(
        `cannot move ${path} aside on ${this.session.target}: ${firstLine(r.stderr) || `exit ${r.exitCode}`}`,
      );
    }
    const kept = r.stdout.toString('utf8').includes('kept');
    this.changes.push({ path, kept });
    return kept;
  }

  /** Records a path the rebuild creates by other means (the restored data dir), so rollback takes it away. */
  created(path: string): void {
    this.changes.push({ path, kept: false });
  }

  /** Undoes every change in reverse order; returns what could not be undone (empty when all was). */
  async rollback(): Promise<string[]> {
    const left: string[] = [];
    for (const change of [...this.changes].reverse()) {
      const r = await this.session
        .exec(
          ['sh', '-c', UNDO, 'sh', change.path, this.aside, change.kept ? '1' : '0', `${this.aside}/failed`],
          { sudo: true },
        )
        .catch((error: unknown) => ({ exitCode: -1, stderr: (error as Error).message }));
      if (r.exitCode !== 0) left.push(`${change.path} on ${this.session.target}: ${firstLine(r.stderr)}`);
    }
    this.changes.length = 0;
    return left;
  }
}

/** Which of these paths exist on the node (nothing is changed). */
export async function existingPaths(session: SshSession, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const r = await session.exec(
    ['sh', '-c', 'for p; do [ -e "$p" ] && printf "%s\\0" "$p"; done; exit 0', 'sh', ...paths],
    {
      sudo: true,
      check: true,
    },
  );
  return r.stdout.toString('utf8').split('\0').filter(Boolean);
}
