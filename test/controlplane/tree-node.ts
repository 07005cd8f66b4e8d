import { posix } from 'node:path';
import type { NodeFiles } from '../../src/controlplane';
import type { ProcessArgv } from '../../src/controlplane/kubelet';

/** A node as a plain file tree plus a process list: what NodeFiles reads, without SSH. */
export function treeNode(files: Record<string, string>, processes: ProcessArgv[] = []): NodeFiles {
  return {
    readText: async (path) => files[path],
    listFiles: async (dir) => {
      const prefix = `${dir.replace(/\/+$/, '')}/`;
      const names = Object.keys(files)
        .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        .map((p) => posix.basename(p));
      return names.length > 0 || Object.keys(files).some((p) => p.startsWith(prefix)) ? names : undefined;
    },
    existing: async (paths) => new Set(paths.filter((p) => p in files)),
    processes: async () => processes,
  };
}
