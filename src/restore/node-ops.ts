import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { EtcdBackupError } from '../errors';
import { firstLine, SshCommandError } from '../ssh/errors';
import type { SshSession } from '../ssh/session';
import type { Logger } from '../util/log';
import { LocalSendError, sendPacked, wireCodecs } from './wire';

/** Small, checked actions on a control-plane node, each one command run as root with quoted argv. */

export class NodeActionError extends EtcdBackupError {}

const STAT_DIR = 'stat -c "%u:%g %d" -- "$1" && stat -c "%d" -- "$(dirname -- "$1")"';

export interface DirFacts {
  /** uid:gid of the dir, for chown of what replaces it. */
  owner: string;
  /** True when the dir is a mount point (a rename would fail with EBUSY). */
  mountPoint: boolean;
}

export async function statDir(session: SshSession, path: string): Promise<DirFacts | undefined> {
  const r = await session.exec(['sh', '-c', `[ -d "$1" ] || exit 66; ${STAT_DIR}`, 'sh', path], {
    sudo: true,
  });
  if (r.exitCode === 66) return undefined;
  if (r.exitCode !== 0)
    throw new NodeActionError(`cannot stat ${path} on ${session.target}: ${firstLine(r.stderr)}`);
  const [first, second] = r.stdout.toString('utf8').trim().split('\n');
  const [owner, device] = (first ?? '').split(' ');
  return { owner: owner!, mountPoint: device !== second?.trim() };
}

/** Free bytes on the filesystem that holds path (the nearest existing ancestor), from POSIX `df -P -k`. */
export async function freeBytes(session: SshSession, path: string): Promise<number> {
  const script = 'p=$1; while [ ! -e "$p" ]; do p=$(dirname -- "$p"); done; exec df -P -k -- "$p"';
  const r = await session.exec(['sh', '-c', script, 'sh', path], { sudo: true, check: true });
  const line = r.stdout.toString('utf8').trim().split('\n').pop() ?? '';
  const available = Number(line.trim().split(/\s+/)[3]);
  if (!Number.isFinite(available)) throw new NodeActionError(`cannot read free space of ${path} from df`);
  return available * 1024;
}

export async function existing(session: SshSession, paths: string[]): Promise<Set<string>> {
  const script = 'for f; do if [ -e "$f" ] || [ -L "$f" ]; then printf "%s\\0" "$f"; fi; done; exit 0';
  const r = await session.exec(['sh', '-c', script, 'sh', ...paths], { sudo: true, check: true });
  return new Set(
    r.stdout
      .toString('utf8')
      .split('\0')
      .filter((p) => p),
  );
}

/** rename(2) from → to; refuses to overwrite. With ifPresent, a missing `from` is not an error. */
export async function move(
  session: SshSession,
  from: string,
  to: string,
  options: { ifPresent?: boolean } = {},
): Promise<boolean> {
  const script = [
    `if [ ! -e "$1" ] && [ ! -L "$1" ]; then [ "$3" = 1 ] && exit 65; exit 66; fi`,
    'if [ -e "$2" ] || [ -L "$2" ]; then echo "$2 already exists" >&2; exit 73; fi',
    'exec mv -- "$1" "$2"',
  ].join('\n');
  const r = await session.exec(['sh', '-c', script, 'sh', from, to, options.ifPresent ? '1' : '0'], {
    sudo: true,
  });
  if (r.exitCode === 0) return true;
  if (r.exitCode === 65) return false;
  if (r.exitCode === 66) throw new NodeActionError(`${from} does not exist on ${session.target}`);
  throw new NodeActionError(`cannot move ${from} to ${to} on ${session.target}: ${firstLine(r.stderr)}`);
}

export async function makeDir(session: SshSession, path: string): Promise<void> {
  await session.exec(['mkdir', '-p', '-m', '0700', '--', path], { sudo: true, check: true });
}

/** Removes an empty dir we made; leaves it (and says nothing) when something is still in it. */
export async function removeEmptyDir(session: SshSession, path: string): Promise<void> {
  await session.exec(['sh', '-c', 'rmdir -- "$1" 2>/dev/null; exit 0', 'sh', path], { sudo: true });
}

/** Writes a small file (0600) through a temp name next to it and a rename, so readers see all or nothing. */
export async function writeFileAtomically(session: SshSession, path: string, content: string): Promise<void> {
  const script = 'umask 077; t="$1.tmp-$$"; cat >"$t" && mv -- "$t" "$1" || { rm -f -- "$t"; exit 1; }';
  const r = await session.exec(['sh', '-c', script, 'sh', path], { sudo: true, stdin: content });
  if (r.exitCode !== 0)
    throw new NodeActionError(`cannot write ${path} on ${session.target}: ${firstLine(r.stderr)}`);
}

/**
 * Whether a program runs on the node (argv[0]'s base name, read from /proc so no ps is needed) or, for etcd,
 * still listens on its client port (read from /proc/net/tcp{,6}: the socket outlives the process briefly).
 */
const RUNNING = [
  'name=$1 port=$2',
  'for d in /proc/[0-9]*; do',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
  '  [ "${d#/proc/}" = "$$" ] && continue',
  '  a=$(tr "\\000" "\\n" <"$d/cmdline" 2>/dev/null | head -n 1) || continue',
  // A process that rewrote its title has all its words in argv[0]; the program is the first.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
  '  a=${a%% *}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
  '  [ "${a##*/}" = "$name" ] && { echo "pid ${d#/proc/}"; exit 0; }',
  'done',
  'if [ -n "$port" ]; then',
  '  hex=$(printf ":%04X " "$port")',
  '  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p="$hex" \'index($2 " ", p) && $4 == "0A" { found = 1 } END { exit !found }\' && { echo "port $port"; exit 0; }',
  'fi',
  'exit 1',
].join('\n');

export async function isRunning(
  session: SshSession,
  program: string,
  port?: number,
): Promise<string | undefined> {
  const r = await session.exec(['sh', '-c', RUNNING, 'sh', program, port ? String(port) : ''], {
    sudo: true,
  });
  if (r.exitCode === 0) return r.stdout.toString('utf8').trim();
  if (r.exitCode === 1) return undefined;
  throw new NodeActionError(`cannot list processes on ${session.target}: ${firstLine(r.stderr)}`);
}

/**
 * How often a stop or start is checked: each check is one short command on the node, and every interval of
 * waiting here is the cluster standing still (the timeouts stay as they are).
 */
const POLL_MS = 100;

/** Polls until the program is gone (and its port closed), or fails after the timeout. */
export async function waitUntilGone(
  session: SshSession,
  program: string,
  options: { port?: number; timeoutMs: number; signal?: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const still = await isRunning(session, program, options.port);
    if (!still) return;
    if (options.signal?.aborted) {
      throw new NodeActionError(
        `stopped waiting for ${program} to stop on ${session.target}: ${options.signal.reason instanceof Error ? options.signal.reason.message : 'interrupted'}`,
      );
    }
    if (Date.now() > deadline) {
      throw new NodeActionError(
        `${program} is still running on ${session.target} (${still}) ${Math.round(options.timeoutMs / 1000)}s after its manifest was moved out`,
        {
          hint: 'the kubelet may not be watching the static pod folder; stop the container by hand (crictl stop) and run again',
        },
      );
    }
    await sleep(POLL_MS);
  }
}

export async function waitUntilRunning(
  session: SshSession,
  program: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await isRunning(session, program)) return true;
    if (Date.now() > deadline) return false;
    await sleep(POLL_MS);
  }
}

const UNPACK = [
  'staging=$1 owner=$2 unpack=$3',
  'umask 077',
  'mkdir -m 0700 -- "$staging" || exit 70',
  'if tar "$unpack" -xf - -C "$staging" --no-same-owner && chown -R -- "$owner" "$staging" && chmod 0700 -- "$staging"; then exit 0; fi',
  // Only our own staging dir, which holds nothing but the copy being shipped.
  'rm -rf -- "$staging"',
  'exit 71',
].join('\n');

/**
 * Ships a local dir to the node as a tar stream on the command's stdin, packed with zstd or gzip (wire.ts; no
 * temp file on either side; etcd's 64 MB preallocated WAL compresses to almost nothing) and unpacks it into `staging`, which must not
 * exist, then makes it 0700 and owned by `owner`. A failed unpack removes the partial staging dir. Returns
 * the bytes sent (compressed).
 */
export async function shipDir(
  session: SshSession,
  localDir: string,
  staging: string,
  owner: string,
  log: Logger,
): Promise<number> {
  const codec = (await wireCodecs(session)).tar;
  const tar = spawn('tar', ['-C', localDir, '-cf', '-', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let tarError = '';
  tar.stderr.on('data', (d: Buffer) => {
    tarError += d.toString('utf8');
  });
  const tarDone = new Promise<number | null>((resolve) => tar.on('close', resolve));
  let sent: number;
  try {
    sent = await sendPacked(session, {
      source: tar.stdout,
      pack: codec.pack(),
      argv: ['sh', '-c', UNPACK, 'sh', staging, owner, codec.tarOption],
      label: `ship to ${session.target}, packed with ${codec.name}`,
      log,
    });
  } catch (error) {
    tar.kill();
    if (error instanceof LocalSendError)
      throw new NodeActionError(`cannot pack ${localDir}: ${firstLine(tarError) || error.message}`, {
        hint: 'nothing was changed on the cluster',
        cause: error.failure,
      });
    if (error instanceof SshCommandError) {
      throw new NodeActionError(
        `cannot unpack the restored data into ${staging} on ${session.target}: ${firstLine(error.stderr) || `exit ${error.remoteExitCode}`}`,
        {
          hint: /space/i.test(error.stderr)
            ? 'free space on the node (the restored data dir needs room next to the old one), then run again'
            : 'nothing was changed on the cluster; check the node',
          cause: error,
        },
      );
    }
    throw error;
  }
  const code = await tarDone;
  if (code !== 0)
    throw new NodeActionError(`cannot pack ${localDir}: ${firstLine(tarError) || `tar exit ${code}`}`);
  return sent;
}
