import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Sandbox, SandboxNodeInfo } from '../../sandbox/index';
import type { CliRun } from '../support/cli';

export { type CliRun, runCli } from '../support/cli';

/**
 * A failure a user can act on: exit code set, exactly one `etcd-backup <verb>: …` line (the CLI's error line)
 * matching `cause`, and never a stack trace. Progress and warnings may precede it on stderr.
 */
export function expectOneLineFailure(result: CliRun, verb: string, cause: RegExp): string {
  const context = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
  expect(result.signal, context).toBeNull();
  expect(result.code, context).not.toBe(0);
  const lines = result.stderr.split('\n');
  const errors = lines.filter((l) => l.startsWith(`etcd-backup ${verb}: `));
  expect(errors, context).toHaveLength(1);
  expect(errors[0], context).toMatch(cause);
  expect(
    lines.filter((l) => /^\s+at\s/.test(l) || /^\w*Error: /.test(l)),
    context,
  ).toEqual([]);
  // The error line is the last thing printed: nothing after it half-finished.
  expect(lines.filter(Boolean).at(-1), context).toBe(errors[0]);
  // FAULTS_SHOW_ERRORS=1 prints each error line, to see what users see (docs/RELIABILITY.md quotes them).
  if (process.env.FAULTS_SHOW_ERRORS) console.log(`[${verb} error] ${errors[0]}`);
  return errors[0]!;
}

/** Every file under dir (recursively), for "nothing left behind" checks. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name));
}

/** Waits until probe returns something, polling every 50 ms. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Snapshot files a backup (method etcdctl) may have put on the node: its /tmp dirs and the crictl way's files. */
export async function nodeSnapshotLeftovers(sandbox: Sandbox, node: SandboxNodeInfo): Promise<string[]> {
  const found = await sandbox.runOnNode(node, [
    'sh',
    '-c',
    'ls -d /tmp/etcd-backup.* /var/lib/etcd/etcd-backup-*.db 2>/dev/null; exit 0',
  ]);
  return found.stdout.split('\n').filter(Boolean);
}

/**
 * What a backup may leave on the node after any outcome: no snapshot files beyond those there before the case,
 * and no process still holding a backup lock (a fresh `flock -n` on every lock file succeeds).
 */
export async function expectNodeClean(
  sandbox: Sandbox,
  node: SandboxNodeInfo,
  before: readonly string[] = [],
): Promise<void> {
  const leftovers = (await nodeSnapshotLeftovers(sandbox, node)).filter((f) => !before.includes(f));
  expect(leftovers).toEqual([]);
  const locks = await sandbox.runOnNode(node, [
    'sh',
    '-c',
    'for f in /run/lock/etcd-backup-*.lock; do [ -e "$f" ] || continue; flock -n "$f" true || echo "held: $f"; done; exit 0',
  ]);
  expect(locks.stdout.trim()).toBe('');
}

/** The cluster still serves a linearizable read and a write through this node. */
export async function expectServing(sandbox: Sandbox, node: SandboxNodeInfo): Promise<void> {
  await sandbox.waitForEtcd(node, 60_000);
  const client = sandbox.etcdClientFor(node);
  try {
    await client.put('/test/faults/still-serving', new Date().toISOString());
  } finally {
    client.close();
  }
}

/** Retries an assertion until it passes or the time is up (then its last failure is thrown). */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
