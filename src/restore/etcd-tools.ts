import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EtcdBackupError } from '../errors';

const execFileAsync = promisify(execFile);

/** The etcd programs a restore or a drill runs on the runner, and the version they report. */
export interface EtcdTools {
  etcd: string;
  /** etcdutl (3.5+), or etcdctl on 3.4, which has `snapshot restore` itself. */
  restoreTool: string;
  restoreToolKind: 'etcdutl' | 'etcdctl';
  version: string;
}

export class EtcdToolError extends EtcdBackupError {}

/** `etcd --version` → '3.5.21'. */
export async function etcdVersionOf(etcd: string): Promise<string> {
  const { stdout } = await execFileAsync(etcd, ['--version']);
  const match = /etcd Version: (\S+)/.exec(stdout);
  if (!match) throw new EtcdToolError(`'${etcd} --version' did not print a version`);
  return match[1]!;
}

export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/** Which restore options a tool version has: --bump-revision came in 3.4.27 and 3.5.10. */
export function supportsBumpRevision(version: string): boolean {
  const [major, minor, patch] = version.split('.').map((p) => Number.parseInt(p, 10)) as [
    number,
    number,
    number,
  ];
  if (major !== 3) return major > 3;
  if (minor === 4) return patch >= 27;
  if (minor === 5) return patch >= 10;
  return minor > 5;
}
