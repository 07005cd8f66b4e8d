/**
 * The CLI's exit codes, for every command, in one place: errors take their code from here, each command's
 * help lists the ones it can return, and the README's table is held equal to this one by a test.
 */
export const EXIT = {
  done: 0,
  failed: 1,
  badInput: 2,
  verificationFailed: 3,
  refused: 4,
  drillFailed: 5,
  restoreRefused: 6,
  restoreRolledBack: 7,
  restoreIncomplete: 8,
  ssh: 9,
  discovery: 10,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const REFUSED =
  'refused: the cluster is unsafe to snapshot (no quorum or leader, an alarm, a restore that did not finish)';

/** Backup's own wording of 4. */
export const BACKUP_REFUSED = [4, REFUSED] as const;

/** What each code means, as the README's table and the commands' help say it. */
export const EXIT_MEANINGS: Record<ExitCode, string> = {
  0: 'done',
  1: 'failed (the one-line message says why and what to do next)',
  2: 'bad input or usage: an option, argument or input file is wrong (the message names it)',
  3: 'a snapshot or backup failed verification (damaged, tampered, truncated)',
  4: `${REFUSED}; inspect: no integrity trailer`,
  5: 'a drill found the restored data different from the snapshot',
  6: 'restore: refused before touching anything (also when an earlier restore did not finish: run `restore --recover`)',
  7: 'restore: failed and rolled back',
  8: 'restore: rollback or recovery incomplete (the message says what is left)',
  9: 'SSH: the node could not be reached, authenticated or trusted (host key), or a remote command failed or timed out',
  10: 'discovery: etcd could not be found or read on the node (the hint names the option that gives it)',
};

/** A code a command can return, with its own wording where the command means something narrower. */
export type CommandExit = ExitCode | readonly [ExitCode, string];

/** The `exit codes` part of a command's help, from the codes it can return. */
export function exitCodesHelp(codes: readonly CommandExit[]): string {
  const lines = codes.map((entry) => {
    const [code, meaning] = typeof entry === 'number' ? [entry, EXIT_MEANINGS[entry]] : entry;
    return `  ${String(code).padEnd(3)} ${meaning}`;
  });
  return ['exit codes', ...lines].join('\n');
}
