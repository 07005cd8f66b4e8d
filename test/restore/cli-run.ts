import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { etcdToolsFor } from '../support/etcd-tools';
import type { Context } from './sandbox-context';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE24 = join(ROOT, 'node_modules/.bin/node');

/** The CLI from source, in its own process (no tsx wrapper process, so signals reach it directly). */
export class CliRun {
  readonly child: ChildProcess;
  stderr = '';
  stdout = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(NODE24, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.stdout += d.toString('utf8');
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString('utf8');
      if (process.env.RESTORE_E2E_LOG) process.stderr.write(d);
    });
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
  }

  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.stderr)) {
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`CLI never logged ${pattern}; its stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill() {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

export async function cliArgs(ctx: Context, name: string): Promise<string[]> {
  return [
    ...(await ctx.cliRestoreArgs()),
    '--etcd-tools',
    etcdToolsFor('3.5')!.etcd.replace(/\/etcd$/, ''),
    name,
  ];
}
