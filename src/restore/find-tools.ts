import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { optionName } from '../options/naming';
import type { Logger } from '../util/log';
import { shown } from '../util/shown';
import { downloadEtcdTools } from './download-tools';
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
  const where = options.dir ? `in ${shown(options.dir, 200)}` : 'on PATH';
  const etcd = find('etcd');
  const etcdutl = find('etcdutl');
  const etcdctl = find('etcdctl');
  if (!etcd || !(etcdutl || etcdctl)) {
    throw new EtcdToolError(`no etcd and etcdutl (or etcdctl) ${where}`, {
      hint: `put the etcd ${options.wantVersion ? `${minorOf(options.wantVersion)}.x ` : ''}release binaries ${options.dir ? 'there' : 'on PATH'}, or name their folder with ${optionName('etcdTools')}`,
    });
  }
  const version = await etcdVersionOf(etcd);
  const restoreTool = etcdutl ?? etcdctl!;
  return { etcd, restoreTool, restoreToolKind: etcdutl ? 'etcdutl' : 'etcdctl', version };
}

export interface RunnerToolOptions {
  /** A folder the user named: used as is, never replaced by a download. */
  dir?: string;
  /** Fetch etcd's release for the snapshot's exact version when PATH has none of its major.minor. */
  download?: boolean;
  downloadUrl?: string;
  env?: NodeJS.ProcessEnv;
  log: Logger;
}

/**
 * How a restore gets the runner's etcd tools once it knows the snapshot's version: the named folder, else
 * PATH when it has the same major.minor, else (if allowed) etcd's release for that version, downloaded and
 * verified. When nothing fits, PATH's tools (or the error) are returned and the plan says what is wrong.
 */
export function runnerTools(options: RunnerToolOptions): (snapshotVersion: string) => Promise<EtcdTools> {
  return async (snapshotVersion) => {
    if (options.dir) return findEtcdTools({ dir: options.dir, wantVersion: snapshotVersion });
    let onPathTools: EtcdTools | undefined;
    let onPathError: unknown;
    try {
      onPathTools = await findEtcdTools({
        wantVersion: snapshotVersion,
        ...(options.env ? { env: options.env } : {}),
      });
      if (minorOf(onPathTools.version) === minorOf(snapshotVersion)) return onPathTools;
    } catch (error) {
      onPathError = error;
    }
    if (!options.download) {
      if (onPathTools) return onPathTools;
      throw onPathError;
    }
    if (onPathTools)
      options.log.info(
        `etcd tools on PATH are ${onPathTools.version}, the snapshot is from ${snapshotVersion}: downloading ${snapshotVersion}`,
      );
    const dir = await downloadEtcdTools({
      version: snapshotVersion,
      ...(options.downloadUrl ? { baseUrl: options.downloadUrl } : {}),
      log: options.log,
    });
    return findEtcdTools({ dir, wantVersion: snapshotVersion });
  };
}
