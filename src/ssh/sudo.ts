import { firstLine, SshSudoDeniedError, SshSudoPasswordRequiredError } from './errors';
import { buildCommand } from './quote';

/** root: already root; nopasswd: `sudo -n` works; password: `sudo -S` with the password on stdin. */
export type SudoMode = 'root' | 'nopasswd' | 'password';

/**
 * The words put in front of a command to run it as root. With a password, `-k` makes sudo ask every time, so
 * the password line we write to stdin is always consumed by sudo and never reaches the command; `-p ''` keeps
 * the prompt out of stderr. The password itself never appears on a command line.
 */
export function sudoPrefix(mode: SudoMode): string[] {
  switch (mode) {
    case 'root':
      return [];
    case 'nopasswd':
      return ['sudo', '-n', '--'];
    case 'password':
      return ['sudo', '-k', '-S', '-p', '', '--'];
  }
}

/** What probing needs of a session: running an already-quoted command line with a sudo password on its stdin. */
export interface RawCommandRunner {
  readonly target: string;
  startRaw(
    commandLine: string,
    label: string,
    stdin: undefined,
    sudoPassword: string | undefined,
    timeoutMs: number | undefined,
  ): Promise<{ done: Promise<{ stderr: string; exitCode: number | null }> }>;
}

/**
 * Finds out once per session how to become root, so the first real command does not fail halfway with a sudo
 * message mixed into its output (and a first-use sudo lecture is absorbed here).
 */
export async function probeSudo(
  session: RawCommandRunner,
  username: string,
  password: string | undefined,
): Promise<SudoMode> {
  if (username === 'root') return 'root';
  const run = async (argv: string[], withPassword: string | undefined) => {
    const { done } = await session.startRaw(
      buildCommand(['env', 'LC_ALL=C', ...argv]),
      'sudo check',
      undefined,
      withPassword,
      30_000,
    );
    return done.then(
      (r) => ({ ok: true, stderr: r.stderr, exitCode: r.exitCode }),
      (error: unknown) => {
        const e = error as { stderr?: string; remoteExitCode?: number | null };
        if (e.stderr === undefined) throw error;
        return { ok: false, stderr: e.stderr, exitCode: e.remoteExitCode ?? null };
      },
    );
  };

  const passwordless = await run(['sudo', '-n', 'true'], undefined);
  if (passwordless.ok) return 'nopasswd';
  if (passwordless.exitCode === 127) {
    throw new SshSudoDeniedError(session.target, username, 'sudo is not installed on the node');
  }
  const needsPassword = /password is required|a terminal is required/i.test(passwordless.stderr);
  if (!needsPassword) {
    throw new SshSudoDeniedError(session.target, username, describeSudoRefusal(passwordless.stderr));
  }
  if (password === undefined) throw new SshSudoPasswordRequiredError(session.target, username);

  const withPassword = await run(sudoPrefix('password').concat(['true']), password);
  if (withPassword.ok) return 'password';
  throw new SshSudoDeniedError(session.target, username, describeSudoRefusal(withPassword.stderr));
}

function describeSudoRefusal(stderr: string): string {
  if (/incorrect password|try again|no password was provided/i.test(stderr))
    return 'the sudo password was not accepted';
  if (/not in the sudoers|not allowed to/i.test(stderr)) return 'the user may not use sudo';
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/unable to resolve host/i.test(l))
    .join(' ');
  return firstLine(line) || 'sudo failed';
}
