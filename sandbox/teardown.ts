import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deleteNetwork, netnsPids, nodeAddresses } from './network';
import {
  isSameProcess,
  type ProcessRecord,
  readProcesses,
  releaseSlot,
  sandboxDir,
  stateRoot,
} from './state';

export interface SandboxPlan {
  name: string;
  slot: number;
  members: number;
}

export function readPlan(dir: string): SandboxPlan | undefined {
  const file = join(dir, 'sandbox.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SandboxPlan) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(records: ProcessRecord[], timeoutMs: number): Promise<ProcessRecord[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = records.filter(isSameProcess);
  while (alive.length && Date.now() < deadline) {
    await sleep(50);
    alive = alive.filter(isSameProcess);
  }
  return alive;
}

function signal(record: ProcessRecord, sig: NodeJS.Signals): void {
  // Only a process whose start time and command line match what was recorded: never a reused pid.
  if (!isSameProcess(record)) return;
  try {
    process.kill(record.pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * Stops everything a sandbox started and removes its state: the supervisors first (they stop their pods
 * gracefully), then sshd, then whatever is left inside the sandbox's own network namespaces, then the
 * forwarder; then the namespaces, the bridge, the slot and the state directory. Safe on a half-built sandbox.
 */
export async function teardown(name: string): Promise<void> {
  const dir = sandboxDir(name);
  if (!existsSync(dir)) return;
  const plan = readPlan(dir);
  const records = readProcesses(dir);
  // A node's init passes SIGTERM to the supervisor (which stops its pods gracefully); when init exits, the
  // kernel kills whatever is left in the node's PID namespace (sshd, sessions).
  const kubelets = records.filter((r) => r.role.startsWith('node:'));
  for (const r of kubelets) signal(r, 'SIGTERM');
  for (const r of await waitGone(kubelets, 8_000)) signal(r, 'SIGKILL');
  const others = records.filter((r) => !r.role.startsWith('node:'));
  for (const r of others) signal(r, 'SIGTERM');
  for (const r of await waitGone(others, 3_000)) signal(r, 'SIGKILL');
  if (plan) {
    for (let i = 1; i <= 3; i++) {
      const { netns } = nodeAddresses(plan.slot, i);
      // Everything in the sandbox's own namespaces was started by it (sessions, containers left behind).
      for (const pid of await netnsPids(netns)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    await sleep(100);
    await deleteNetwork(plan.slot);
    releaseSlot(plan.slot, name);
  }
  if (process.env.ETCD_BACKUP_SANDBOX_KEEP_LOGS) keepLogs(dir, name);
  rmSync(dir, { recursive: true, force: true });
}

/** Copies a sandbox's logs out of its state before removal (set ETCD_BACKUP_SANDBOX_KEEP_LOGS=1 to debug). */
function keepLogs(dir: string, name: string): void {
  const target = join(stateRoot(), 'logs', `${name}-${new Date().toISOString().replaceAll(':', '')}`);
  const walk = (from: string, rel: string) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory() && !['upper', 'work', 'keys', 'pki', 'run'].includes(entry.name)) {
        walk(join(from, entry.name), join(rel, entry.name));
      } else if (entry.isFile() && /\.(log|stdout|stderr|json)$/.test(entry.name)) {
        mkdirSync(join(target, rel), { recursive: true });
        copyFileSync(join(from, entry.name), join(target, rel, entry.name));
      }
    }
  };
  walk(dir, '');
}
