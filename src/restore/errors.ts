import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';

/** The restore will not start: nothing on the cluster was changed (exit 6). */
export class RestoreRefusedError extends EtcdBackupError {
  constructor(message: string, hint: string) {
    super(message, { hint, exitCode: EXIT.restoreRefused });
  }
}

/** The restore failed; rolledBack says whether the cluster runs on its old data again (exit 7, else 8). */
export class RestoreFailedError extends EtcdBackupError {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    options: { hint: string; cause?: unknown },
  ) {
    super(message, { ...options, exitCode: rolledBack ? EXIT.restoreRolledBack : EXIT.restoreIncomplete });
  }
}

/** The caller interrupted the restore after the first stop: a failure like any other, rolled back. */
export class RestoreInterruptedError extends EtcdBackupError {}

/** The restored cluster is not what was planned. */
export class RestoreCheckError extends EtcdBackupError {}
