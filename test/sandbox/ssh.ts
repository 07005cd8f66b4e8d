import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../sandbox/exec';
import type { SandboxNodeInfo, SandboxUser } from '../../sandbox/index';

/** Runs a command on a sandbox node with the real OpenSSH client, pinning the host key the sandbox printed. */
export async function ssh(
  node: SandboxNodeInfo,
  user: SandboxUser,
  command: string,
  options: { input?: string; allowFailure?: boolean; timeoutMs?: number } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-ssh-'));
  try {
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, `${node.knownHostsLine}\n`);
    const args = ['-i', user.privateKeyPath, '-p', String(node.port)];
    args.push('-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`);
    args.push('-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', 'LogLevel=ERROR');
    // SANDBOX_SSH_DEBUG=<dir> keeps a verbose client log of every connection there.
    const debugDir = process.env.SANDBOX_SSH_DEBUG;
    if (debugDir) args.push('-v', '-E', join(debugDir, `${node.host}-${Date.now()}-${process.pid}.log`));
    args.push(`${user.username}@${node.host}`, command);
    return await run('ssh', args, { ...options, timeoutMs: options.timeoutMs ?? 60_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
