import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');

/** Node 24 from the dev dependency: the machine's own node may be older. */
export const NODE24 = join(ROOT, 'node_modules', '.bin', 'node');

/** tsx's loader by its path, so the sources run from any working directory. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to a clean environment (PATH and HOME only), so no ETCD_BACKUP_* of the test's own leaks in. */
  env?: Record<string, string>;
  /** Start from the test's whole environment instead of a clean one. */
  inheritEnv?: boolean;
  /** Run the bundle (dist/cli/index.js) instead of the sources, as an installed etcd-backup does. */
  bundle?: boolean;
  /** The node that runs it (default Node 24); a test of the version check gives an older one. */
  node?: string;
  cwd?: string;
  /** A run that outlives this is killed with SIGKILL and its output kept (default 90 s). */
  timeoutMs?: number;
  /** Runs while the CLI does: may watch its stderr and signal it, as a cancelled job would. */
  whileRunning?: (child: {
    pid: number;
    kill(signal: NodeJS.Signals): void;
    stderr(): string;
  }) => Promise<void>;
}

/** A CLI run in progress: its output so far, a way to wait for a line, to signal it, and its exit. */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  /** Resolves with what the user saw once the process has exited. */
  readonly done: Promise<CliRun>;
  /** The exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;

  constructor(argv: string[], options: CliOptions = {}) {
    const entry = options.bundle
      ? [join(ROOT, 'dist', 'cli', 'index.js')]
      : ['--import', TSX, join(ROOT, 'src', 'cli', 'index.ts')];
    const base = options.inheritEnv
      ? process.env
      : { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
    this.child = spawn(options.node ?? NODE24, [...entry, ...argv], {
      cwd: options.cwd ?? ROOT,
      env: { ...base, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.stdout += d.toString('utf8');
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString('utf8');
      if (process.env.CLI_TEST_LOG) process.stderr.write(d);
    });
    this.done = new Promise<CliRun>((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('close', (code, signal) =>
        resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }),
      );
    });
    this.exited = this.done.then((run) => run.code);
  }

  /** Waits until the CLI has printed a line matching `pattern` on stderr; fails if it exits first. */
  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.stderr)) {
      if (Date.now() > deadline || this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`the CLI never printed ${pattern}; its stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Kills it if it still runs (a test's clean-up). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}

/** Starts `etcd-backup <argv>`; the caller waits on it, signals it and reads its output. */
export function startCli(argv: string[], options: CliOptions = {}): CliProcess {
  return new CliProcess(argv, options);
}

/**
 * The one way tests run `etcd-backup <argv>` in a process of its own, as a user runs it from a clone (the
 * sources through tsx) or installed (the bundle). It returns what the user would see: exit code, signal, output.
 */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  const cli = startCli(argv, options);
  const timeoutMs = options.timeoutMs ?? 90_000;
  const timer = setTimeout(() => {
    cli.stderr += `\n[test: killed after ${timeoutMs} ms]\n`;
    cli.kill('SIGKILL');
  }, timeoutMs);
  try {
    if (options.whileRunning) {
      await options.whileRunning({
        pid: cli.child.pid!,
        kill: (signal) => cli.kill(signal),
        stderr: () => cli.stderr,
      });
    }
    const run = await cli.done;
    return { ...run, stderr: cli.stderr };
  } finally {
    clearTimeout(timer);
  }
}
