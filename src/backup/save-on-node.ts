import { PassThrough, type Readable } from 'node:stream';
import { optionName } from '../options/naming';
import { type ExecStream, SshCommandError, type SshSession } from '../ssh';
import { EtcdctlError } from './etcdctl-error';

/** Shell that sets $pack to the command that packs stdin to stdout as "$packer" says (zstd, gzip or none). */
const CHOOSE_PACKER =
  "case $packer in zstd) pack='zstd -q -3 -c' ;; gzip) pack='gzip -1 -c' ;; *) pack=cat ;; esac";

/**
 * Shell that writes "$file" to stdout packed as "$packer" says, and removes "$dir" (the file's private home)
 * before it sends a byte: the one definition of how the node sends a finished snapshot. The open descriptor
 * keeps the data readable; once the shell and its packer end, however they end, the kernel frees it, so no
 * trap has to run for the plaintext to go (a cut link can kill the packer and deliver the watcher's signal at
 * once, and a shell hit by a second signal inside its EXIT trap leaves the trap unfinished).
 */
export const SEND_FILE = [CHOOSE_PACKER, 'exec 4<"$file" || exit 1', 'rm -rf -- "$dir"', '$pack <&4'].join(
  '\n',
);

/**
 * Traps that remove "$dir" on every way out, stop the watcher of the runner ($watcher) there, and stop the save
 * ($saver) and the sender ($sender) on a signal; a signal arriving while they run is ignored, not re-entered.
 */
export const REMOVE_DIR_ON_EXIT = [
  'trap \'trap "" HUP INT TERM PIPE; [ -z "$watcher" ] || kill "$watcher" 2>/dev/null; rm -rf -- "$dir"\' EXIT',
  'trap \'trap "" HUP INT TERM PIPE; [ -z "$sender" ] || kill "$sender" 2>/dev/null; [ -z "$saver" ] || { kill "$saver"; wait "$saver"; } 2>/dev/null; exit 129\' HUP INT TERM PIPE',
].join('\n');

/** The exit code of the save-and-send command when etcdctl failed after the sending had begun. */
export const SAVE_FAILED_WHILE_SENDING = 90;

/**
 * Sends the snapshot while etcdctl still writes it. etcdctl writes "$file.part" (every version from 3.4 to
 * 3.7: open with O_TRUNC, copy, fsync, rename); the shell makes that file first and holds it open, so GNU
 * tail follows the same inode through the rename and stops once the save has ended (--pid). The size is not
 * known up front, so the first line is "-". After the save the dir is removed: the rest is read through the
 * open descriptor. A save that fails now stops the sender and exits with SAVE_FAILED_WHILE_SENDING. Without
 * GNU tail (busybox), the save ends before the send starts.
 */
const FOLLOW_THE_SAVE = [
  'while [ ! -s /dev/fd/4 ] && kill -0 "$saver" 2>/dev/null; do sleep 0.05; done',
  '[ -s /dev/fd/4 ] || { wait "$saver" || exit $?; exit 1; }',
  CHOOSE_PACKER,
  "printf '%s\\n' -",
  'tail -q -s 0.1 -c +1 -f --pid="$saver" /dev/fd/4 | $pack &',
  'sender=$!',
  `wait "$saver" || { kill "$sender" 2>/dev/null; exit ${SAVE_FAILED_WHILE_SENDING}; }`,
  'saver=',
  'rm -rf -- "$dir"',
  'wait "$sender" || exit $?',
  'sender=',
].join('\n');

/**
 * One command on the node saves the snapshot and sends it: a private temp dir, `etcdctl snapshot save` into
 * it, then the file packed as asked — while the save runs when the node has GNU tail (FOLLOW_THE_SAVE), after
 * it otherwise, with the size as the first line. The plaintext lives only in that dir, and only until the save
 * has ended and the sender has it open; before that, every way out removes it:
 * - the save fails: the shell exits through its EXIT trap;
 * - the runner is gone (killed, or the link cut): the runner keeps the command's stdin open until the end, so
 *   its end means the runner is gone; the watcher then signals the shell, which stops the save and exits;
 * - a signal: the shell's trap stops the save and the sender, and exits.
 * The save and the follower run in the background because a shell runs its traps only between commands, and
 * `wait` is one.
 */
export const SAVE_AND_SEND = [
  'dir=$(mktemp -d /tmp/etcd-backup.XXXXXXXX) || exit 1',
  'saver= sender= watcher=',
  REMOVE_DIR_ON_EXIT,
  'packer=$1 file=$dir/$2',
  'shift 2',
  // A background job reads /dev/null unless told otherwise: the watcher reads the real stdin through fd 3. It
  // must not hold the command's output open, or sshd would wait for it after the shell ended.
  'exec 3<&0',
  '(cat <&3; kill -TERM $$) >/dev/null 2>&1 &',
  'exec 3<&-',
  'watcher=$!',
  ': >"$file.part" && exec 4<"$file.part" || exit 1',
  '"$@" "$file" >/dev/null &',
  'saver=$!',
  'if tail --pid="$saver" -c 0 /dev/null 2>/dev/null; then',
  FOLLOW_THE_SAVE,
  'else',
  'wait "$saver" || exit $?',
  'saver=',
  'exec 4<&-',
  'size=$(stat -c %s -- "$file") || exit 1',
  'printf \'%s\\n\' "$size"',
  `${SEND_FILE} || exit $?`,
  'fi',
  'exit 0',
].join('\n');

/** The command running, its output positioned after the size line. */
export interface Sending {
  stream: ExecStream;
  /** The saved snapshot's size in bytes, as the node's stat said; unknown while the node sends as it saves. */
  bytes: number | undefined;
  /** Ends the command's stdin: call once the command is done (its end before that means the runner is gone). */
  release(): void;
}

export async function saveAndSend(
  session: SshSession,
  save: string[],
  name: string,
  compression: 'zstd' | 'gzip' | 'none',
): Promise<Sending> {
  const stdin = new PassThrough();
  const stream = await session.execStream(['sh', '-c', SAVE_AND_SEND, 'sh', compression, name, ...save], {
    sudo: true,
    stdin,
  });
  const release = () => stdin.end();
  try {
    const line = await firstLine(stream.stdout);
    if (line === '-') return { stream, bytes: undefined, release };
    const bytes = Number(line);
    if (!Number.isSafeInteger(bytes) || bytes <= 0)
      throw new EtcdctlError(
        `the snapshot saved on ${session.target} has no size (the node printed ${JSON.stringify(line)})`,
      );
    return { stream, bytes, release };
  } catch (error) {
    release();
    stream.stdout.destroy();
    await stream.done.catch(() => {});
    if (error instanceof SshCommandError)
      throw new EtcdctlError(
        `etcdctl snapshot save failed on ${session.target} (exit ${error.remoteExitCode ?? error.signalName}): ${error.stderr.trim().split('\n').pop() ?? ''}`,
        { hint: `see the message above; ${optionName('method')} grpc needs nothing on the node but sshd` },
      );
    throw error;
  }
}

/** Reads up to the first newline; what follows stays in the stream for the next reader. */
function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const done = (error?: Error, line?: string) => {
      stream.off('readable', onReadable);
      stream.off('error', onError);
      stream.off('end', onEnd);
      if (error) reject(error);
      else resolve(line!);
    };
    const onReadable = () => {
      for (let chunk = stream.read() as Buffer | null; chunk; chunk = stream.read() as Buffer | null) {
        head = Buffer.concat([head, chunk]);
        const at = head.indexOf(10);
        if (at >= 0) {
          if (at + 1 < head.length) stream.unshift(head.subarray(at + 1));
          done(undefined, head.subarray(0, at).toString('latin1'));
          return;
        }
        if (head.length > 64) {
          done(new Error(`the node's first line is not a size: ${JSON.stringify(head.toString('latin1'))}`));
          return;
        }
      }
    };
    const onError = (error: Error) => done(error);
    const onEnd = () => done(new Error('the node sent nothing'));
    stream.on('readable', onReadable);
    stream.on('error', onError);
    stream.on('end', onEnd);
  });
}
