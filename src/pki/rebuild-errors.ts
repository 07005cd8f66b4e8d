import { EtcdBackupError } from '../errors';

/** The rebuild will not start: nothing on the nodes was changed (exit 6, as a refused restore). */
export class RebuildRefusedError extends EtcdBackupError {
  constructor(message: string, hint = 'nothing was changed on the node') {
    super(message, { hint, exitCode: 6 });
  }
}

/** A step of the rebuild failed (the caller rolls back, then says whether that worked: exit 7 or 8). */
export class RebuildFailedError extends EtcdBackupError {}
