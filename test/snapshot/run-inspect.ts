import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the real CLI (`etcd-backup inspect ...`) from the sources and returns what a user would see. */
export function runInspect(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      // Node 24 from the dev dependency (the machine's node may be older), with tsx to run the sources.
      join(ROOT, 'node_modules', '.bin', 'node'),
      ['--import', 'tsx', join(ROOT, 'src', 'cli', 'index.ts'), 'inspect', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
