import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import { formatBytes } from '../util/progress';

export class SnapshotRejectedError extends EtcdBackupError {
  constructor(message: string) {
    super(message, {
      hint: 'the snapshot was not stored; run the backup again, and if it fails again inspect the member (etcdutl check)',
      exitCode: EXIT.verificationFailed,
    });
  }
}

/** The runner has no room for the snapshot in its temp dir. */
export class RunnerDiskFullError extends EtcdBackupError {
  constructor(dir: string, dbSize: bigint | undefined, cause: unknown) {
    const size = dbSize === undefined ? '' : ` (the database is ${formatBytes(Number(dbSize))})`;
    super(`no space left on the runner in ${dir} for the snapshot${size}`, {
      hint: 'nothing was stored; free space there, or point RUNNER_TEMP (or TMPDIR) at a disk with room for the snapshot and its sealed copy',
      cause,
    });
  }
}

/** Whether the error, or one it was caused by, is a system error with one of these codes. */
function hasErrorCode(error: unknown, codes: string[]): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (codes.includes((e as NodeJS.ErrnoException).code ?? '')) return true;
  }
  return false;
}

/**
 * The snapshot and its sealed copy are written under the runner's temp dir; a full disk there is the runner's
 * problem, not the link's, and the message says so.
 */
export function onRunnerDisk<T>(dir: string, dbSize: bigint | undefined, step: () => Promise<T>): Promise<T> {
  return step().catch((error: unknown) => {
    throw hasErrorCode(error, ['ENOSPC', 'EDQUOT']) ? new RunnerDiskFullError(dir, dbSize, error) : error;
  });
}
