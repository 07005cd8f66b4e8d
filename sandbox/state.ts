import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxError } from './errors';

/** Where every sandbox keeps its state: outside /etc, /var/lib and /home, which the nodes overlay. */
export function stateRoot(): string {
  const root = process.env.ETCD_BACKUP_SANDBOX_ROOT ?? '/var/tmp/etcd-backup-sandbox';
  // The path ends up inside overlayfs mount options, where ',' and ':' are separators.
  if (/[,:\s]/.test(root))
    throw new SandboxError(`sandbox state root '${root}' contains ',', ':' or whitespace`);
  return root;
}

export function sandboxDir(name: string): string {
  return join(stateRoot(), 'sandboxes', name);
}

const NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

export function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new SandboxError(`sandbox name '${name}' is not a DNS label of at most 40 characters`, {
      hint: 'use lowercase letters, digits and dashes',
    });
  }
}

/** Claims the name by creating its state directory; fails if another sandbox has it. */
export function claimName(name: string): string {
  checkName(name);
  mkdirSync(join(stateRoot(), 'sandboxes'), { recursive: true, mode: 0o755 });
  const dir = sandboxDir(name);
  try {
    mkdirSync(dir, { mode: 0o755 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new SandboxError(`sandbox '${name}' already exists (${dir})`, {
        hint: `run 'npm run sandbox -- down --name ${name}' or pick another --name`,
      });
    }
    throw e;
  }
  return dir;
}

export function listSandboxes(): string[] {
  const dir = join(stateRoot(), 'sandboxes');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/**
 * Slots number the sandboxes that run at once; every address and kernel object name derives from the slot.
 * A slot is held by an exclusively created file naming its sandbox; a file whose sandbox is gone is stale.
 */
export const SLOT_FIRST = 40;
export const SLOT_LAST = 239;

function slotFile(slot: number): string {
  return join(stateRoot(), 'slots', String(slot));
}

export function allocateSlot(name: string, inUse: (slot: number) => boolean): number {
  mkdirSync(join(stateRoot(), 'slots'), { recursive: true });
  for (let slot = SLOT_FIRST; slot <= SLOT_LAST; slot++) {
    const file = slotFile(slot);
    if (existsSync(file)) {
      const owner = readFileSync(file, 'utf8').trim();
      if (owner && existsSync(sandboxDir(owner))) continue;
      // An empty file may be a claim being written right now; only an old one is stale.
      if (!owner && Date.now() - statSync(file).mtimeMs < 10_000) continue;
      rmSync(file, { force: true });
    }
    if (inUse(slot)) continue;
    try {
      writeFileSync(file, `${name}\n`, { flag: 'wx' });
    } catch {
      continue;
    }
    return slot;
  }
  throw new SandboxError('no free sandbox slot', { hint: "run 'npm run sandbox -- down --all'" });
}

export function releaseSlot(slot: number, name: string): void {
  const file = slotFile(slot);
  if (existsSync(file) && readFileSync(file, 'utf8').trim() === name) rmSync(file, { force: true });
}

/** A process the sandbox started, identified by pid and kernel start time so a reused pid is never killed. */
export interface ProcessRecord {
  role: string;
  pid: number;
  startTime: string;
  /** A substring its /proc/<pid>/cmdline must contain. */
  marker: string;
}

export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command; starttime is field 22 overall.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19];
  } catch {
    return undefined;
  }
}

export function processCmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

export function isSameProcess(record: ProcessRecord): boolean {
  const start = processStartTime(record.pid);
  if (start === undefined || start !== record.startTime) return false;
  return processCmdline(record.pid)?.includes(record.marker) ?? false;
}

export function recordProcess(dir: string, role: string, pid: number, marker: string): ProcessRecord {
  const startTime = processStartTime(pid);
  if (startTime === undefined) throw new SandboxError(`${role} (pid ${pid}) exited right after starting`);
  const record = { role, pid, startTime, marker };
  const records = readProcesses(dir).filter((r) => r.role !== role);
  records.push(record);
  writeFileSync(join(dir, 'processes.json'), `${JSON.stringify(records, null, 2)}\n`);
  return record;
}

export function readProcesses(dir: string): ProcessRecord[] {
  const file = join(dir, 'processes.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ProcessRecord[]) : [];
}
