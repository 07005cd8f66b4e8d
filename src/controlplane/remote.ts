import { RemoteFileNotFoundError, SshCommandError } from '../ssh/errors';
import type { SshSession } from '../ssh/session';
import { type ControlPlane, type DiscoveryOverrides, discoverControlPlane, type NodeFiles } from './discover';
import { DiscoveryError } from './errors';
import { parseProcCmdlines } from './kubelet';

const LIST_FILES = '[ -d "$1" ] || exit 66; find -L "$1" -mindepth 1 -maxdepth 1 -type f -print0';
const EXISTING = 'for f; do [ -e "$f" ] && printf "%s\\0" "$f"; done; exit 0';
// /proc rather than ps: ps is not on every node image, /proc is.
const PROCESSES =
  'for d in /proc/[0-9]*; do [ -r "$d/cmdline" ] || continue; cat "$d/cmdline" 2>/dev/null; printf "\\n"; done; exit 0';

/** NodeFiles over an SSH session; with sudo, since kubeadm's manifests are root-only (0600). */
export function sshNodeFiles(session: SshSession, options: { sudo?: boolean } = {}): NodeFiles {
  const sudo = options.sudo ?? true;
  const nulSeparated = (stdout: Buffer) =>
    stdout
      .toString('utf8')
      .split('\0')
      .filter((s) => s.length > 0);
  return {
    async readText(path) {
      try {
        return (await session.readFile(path, { sudo, maxBytes: 4 * 1024 * 1024 })).toString('utf8');
      } catch (error) {
        if (error instanceof RemoteFileNotFoundError) return undefined;
        if (error instanceof SshCommandError && /permission denied/i.test(error.stderr)) {
          throw new DiscoveryError(`cannot read ${path} on ${session.target}: permission denied`, {
            hint: sudo
              ? 'the file is not readable even as root; check the path'
              : 'kubeadm keeps manifests and keys root-only: log in as root or as a user with sudo',
            cause: error,
          });
        }
        throw error;
      }
    },
    async listFiles(path) {
      const result = await session.exec(['sh', '-c', LIST_FILES, 'sh', path], { sudo });
      if (result.exitCode === 66) return undefined;
      if (result.exitCode !== 0) {
        throw new SshCommandError(
          session.target,
          `find ${path}`,
          result.exitCode,
          result.signal,
          result.stderr,
        );
      }
      return nulSeparated(result.stdout).map((p) => p.slice(p.lastIndexOf('/') + 1));
    },
    async existing(paths) {
      if (paths.length === 0) return new Set();
      const result = await session.exec(['sh', '-c', EXISTING, 'sh', ...paths], { sudo, check: true });
      return new Set(nulSeparated(result.stdout));
    },
    async processes() {
      const result = await session.exec(['sh', '-c', PROCESSES], { sudo, check: true });
      return parseProcCmdlines(result.stdout.toString('utf8'));
    },
  };
}

/** Discovery over SSH: every explicit input in `overrides` wins over what is found. */
export function discoverOverSsh(
  session: SshSession,
  overrides: DiscoveryOverrides = {},
  options: { sudo?: boolean } = {},
): Promise<ControlPlane> {
  return discoverControlPlane(sshNodeFiles(session, options), overrides);
}
