import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temp dir only we can read (0700; files in it are created 0600). Plaintext snapshots live here for as short
 * a time as possible; the dir is removed by `dispose()`, and on exit, SIGINT and SIGTERM if still there.
 */
export interface PrivateTempDir {
  path: string;
  file(name: string): string;
  dispose(): void;
}

const live = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeAll();
      // Re-raise so the exit status says we were cancelled.
      process.kill(process.pid, signal);
    });
  }
}

export function createPrivateTempDir(
  prefix = 'etcd-backup-',
  parent = process.env.RUNNER_TEMP || tmpdir(),
): PrivateTempDir {
  hookProcessExit();
  const path = mkdtempSync(join(parent, prefix));
  live.add(path);
  return {
    path,
    file: (name) => join(path, name),
    dispose: () => {
      rmSync(path, { recursive: true, force: true });
      live.delete(path);
    },
  };
}
