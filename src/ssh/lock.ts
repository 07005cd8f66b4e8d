import { hostname } from 'node:os';
import { PassThrough, type Readable } from 'node:stream';
import { InputError } from '../errors';
import { firstLine, SshError } from './errors';
import type { SshSession } from './session';

export interface RemoteLockOptions {
  /** Take the lock as root (the default, so every user of the node contends for the same file). */
  sudo?: boolean;
  /** Wait this long for a busy lock before giving up; 0 (the default) fails at once. */
  waitSeconds?: number;
  /** Who holds the lock, written into the lock file for the next one who finds it busy. */
  holder?: string;
}

export class RemoteLockBusyError extends SshError {
  constructor(target: string, name: string, holder: string) {
    super('lock-busy', target, `lock '${name}' is held by another run${holder ? ` (${holder})` : ''}`, {
      hint: 'another backup or restore of this cluster is running; wait for it (or use a concurrency group), then run again',
    });
  }
}

/*
 * The lock is flock(1) on /run/lock/etcd-backup-<name>.lock, held by a remote shell that sits reading its
 * stdin for as long as we keep the channel open. The kernel drops the lock when that process exits, which
 * happens when we close the channel, when the SSH connection dies or when the node reboots (/run is tmpfs).
 * So there is no stale-lock rule to get wrong, unlike a mkdir lock that a crashed runner leaves behind and
 * that must be broken by age (which would also break a slow but live backup).
 * The lock file is never removed: removing it would let a waiter lock an unlinked inode.
 */
const LOCK_SCRIPT = [
  'd=/tmp; for c in /run/lock /var/lock; do if [ -d "$c" ] && [ -w "$c" ]; then d=$c; break; fi; done',
  'f="$d/etcd-backup-$1.lock"',
  'exec 9>>"$f" || exit 71',
  'if [ "$3" = 0 ]; then flock -n 9; else flock -w "$3" 9; fi',
  'rc=$?; if [ $rc -ne 0 ]; then [ $rc -eq 127 ] && exit 127; cat "$f" >&2; exit 75; fi',
  'printf "%s\\n" "$2" >"$f"',
  'printf "locked %s\\n" "$f"',
  'exec cat >/dev/null',
].join('\n');

const LOCK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Runs fn while holding a node-wide lock, so two backups (or a backup and a restore) of one cluster never
 * overlap. fn gets a signal that aborts if the lock is lost (the SSH connection dropped).
 */
export async function withRemoteLock<T>(
  session: SshSession,
  name: string,
  fn: (signal: AbortSignal) => Promise<T>,
  options: RemoteLockOptions = {},
): Promise<T> {
  if (!LOCK_NAME.test(name)) {
    throw new InputError('lock name', 'letters, digits, dot, dash and underscore (up to 100)');
  }
  const waitSeconds = Math.max(0, Math.ceil(options.waitSeconds ?? 0));
  const holder = options.holder ?? thisRunner();

  const input = new PassThrough();
  const { stdout, done } = await session.execStream(
    ['sh', '-c', LOCK_SCRIPT, 'sh', name, holder, String(waitSeconds)],
    {
      sudo: options.sudo ?? true,
      stdin: input,
    },
  );

  let released = false;
  await lockTaken(stdout, done, session.target, name);
  const lost = signalWhenLost(done, () => released, session.target, name);

  try {
    return await fn(lost);
  } finally {
    released = true;
    input.end();
    await Promise.race([done.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  }
}

/** Who takes the lock, for the next run that finds it busy. */
function thisRunner(): string {
  return [
    `runner ${hostname()} pid ${process.pid}`,
    process.env.GITHUB_RUN_ID ? `run ${process.env.GITHUB_RUN_ID}` : '',
    `since ${new Date().toISOString()}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Settles once the lock script says it holds the lock, or with why it could not take it. */
function lockTaken(stdout: Readable, done: Promise<unknown>, target: string, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let text = '';
    stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve();
    });
    stdout.on('error', () => {});
    done.then(
      () => reject(new SshError('protocol', target, `lock '${name}' ended before it was taken`)),
      (error: unknown) => reject(lockFailure(error, target, name)),
    );
  });
}

/** The lock script's exit codes: 75 when another run holds the lock, 127 when flock is missing. */
function lockFailure(error: unknown, target: string, name: string): unknown {
  const e = error as { remoteExitCode?: number | null; stderr?: string };
  if (e.remoteExitCode === 75) return new RemoteLockBusyError(target, name, firstLine(e.stderr ?? ''));
  if (e.remoteExitCode === 127) {
    return new SshError('command-failed', target, 'flock is not installed on the node', {
      hint: 'install util-linux on the node (it provides flock)',
      cause: error,
    });
  }
  return error;
}

/** Aborts when the lock script ends before we release the lock: the lock is gone with it. */
function signalWhenLost(
  done: Promise<unknown>,
  released: () => boolean,
  target: string,
  name: string,
): AbortSignal {
  const lost = new AbortController();
  done.then(
    () => {
      if (!released()) lost.abort(new SshError('protocol', target, `lock '${name}' was released early`));
    },
    (error: unknown) => {
      if (!released()) lost.abort(error);
    },
  );
  return lost.signal;
}
