/**
 * Remote commands travel as one string that the user's login shell parses, so every argv element is wrapped
 * in single quotes (inside which POSIX shells interpret nothing) and each embedded single quote becomes
 * `'\''`. The remote side then sees exactly the argv we meant, whatever bytes it holds.
 */
export function quoteArg(arg: string): string {
  if (arg.includes('\0')) throw new TypeError('a command argument cannot contain a NUL byte');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function buildCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new TypeError('a command needs at least one argument');
  return argv.map(quoteArg).join(' ');
}

/** A short, log-safe rendering of a command for error messages: the first few words, never stdin. */
export function describeCommand(argv: readonly string[]): string {
  const shown = argv.slice(0, 4).join(' ');
  const text = argv.length > 4 ? `${shown} …` : shown;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
