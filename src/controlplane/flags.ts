import { posix } from 'node:path';

/** Flags that take no value, so `--client-cert-auth --data-dir=x` does not swallow the next word. */
const BOOLEAN_FLAGS = new Set([
  'client-cert-auth',
  'peer-client-cert-auth',
  'auto-tls',
  'peer-auto-tls',
  'strict-reconfig-check',
  'enable-v2',
  'enable-pprof',
  'force-new-cluster',
  'allow-privileged',
  'experimental-initial-corrupt-check',
  'experimental-compact-hash-check-enabled',
  'debug',
  'logtostderr',
]);

/**
 * Go-style command-line flags as the programs we read them from accept them: `--flag=value`, `--flag value`,
 * `-flag=value`; the last occurrence wins. Words that are not flags are kept as positionals.
 */
export interface ParsedFlags {
  values: Map<string, string>;
  positionals: string[];
}

export function parseFlags(words: readonly string[]): ParsedFlags {
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    const match = /^--?([A-Za-z0-9][A-Za-z0-9._-]*)(?:=([\s\S]*))?$/.exec(word);
    if (!match) {
      positionals.push(word);
      continue;
    }
    const name = match[1]!;
    if (match[2] !== undefined) {
      values.set(name, match[2]);
    } else if (!BOOLEAN_FLAGS.has(name) && i + 1 < words.length && !words[i + 1]!.startsWith('-')) {
      values.set(name, words[++i]!);
    } else {
      values.set(name, 'true');
    }
  }
  return { values, positionals };
}

/** `a,b, c` → ['a', 'b', 'c']; empty or missing → []. */
export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function programName(argv0: string | undefined): string {
  return argv0 ? posix.basename(argv0) : '';
}

/**
 * A container's argv: command then args. A shell wrapper (`sh -c "etcd --a=b …"`) is split on whitespace,
 * which is enough for the flag-only command lines of control-plane components.
 */
export function containerArgv(command: readonly string[], args: readonly string[]): string[] {
  const argv = [...command, ...args];
  const shell = programName(argv[0]);
  if ((shell === 'sh' || shell === 'bash') && argv[1] === '-c' && argv[2] !== undefined) {
    return argv[2]
      .replace(/^\s*exec\s+/, '')
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
  }
  return argv;
}
