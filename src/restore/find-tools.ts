import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EtcdToolError, type EtcdTools, etcdVersionOf, minorOf } from './etcd-tools';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * The etcd tools to restore with on this runner: from a folder the user names (e.g. an unpacked etcd release),
 * else from PATH. etcdutl is preferred; etcd 3.4 has `snapshot restore` in etcdctl.
 */
export async function findEtcdTools(
  options: { dir?: string; wantVersion?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<EtcdTools> {
  const env = options.env ?? process.env;
  const find = (name: string) => {
    if (options.dir) {
      const path = join(options.dir, name);
      return executable(path) ? path : undefined;
    }
    return onPath(name, env);
  };
  const where = options.dir ? `in ${options.dir}` : 'on PATH';
  const etcd = find('etcd');
  const etcdutl = find('etcdutl');
  const etcdctl = find('etcdctl');
  if (!etcd || !(etcdutl || etcdctl)) {
    throw new EtcdToolError(`no etcd and etcdutl (or etcdctl) ${where}`, {
      hint: `put the etcd ${options.wantVersion ? `${minorOf(options.wantVersion)}.x ` : ''}release binaries ${options.dir ? 'there' : 'on PATH'}, or name their folder with the etcd tools input`,
    });
  }
  const version = await etcdVersionOf(etcd);
  const restoreTool = etcdutl ?? etcdctl!;
  return { etcd, restoreTool, restoreToolKind: etcdutl ? 'etcdutl' : 'etcdctl', version };
}
