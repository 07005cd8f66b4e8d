import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';

/** Exit codes of `inspect` and of anything that refuses a snapshot. */
export const SNAPSHOT_EXIT = {
  intact: EXIT.done,
  /** Bad command line or a file that cannot be read at all (missing, a directory, no permission). */
  unreadable: EXIT.badInput,
  /** The file is not an intact etcd snapshot: the one-line reason names the page and offset. */
  damaged: EXIT.verificationFailed,
  /** A raw member/snap/db copy: structurally sound, but nothing proves it is the bytes etcd sent. */
  noTrailer: EXIT.refused,
} as const;

/**
 * The only error the snapshot module lets escape. Damage found while verifying is reported in the
 * SnapshotReport, not thrown; this is thrown when the input cannot be read or when a caller asks for an
 * intact snapshot and did not get one.
 */
export class SnapshotError extends EtcdBackupError {
  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, { exitCode: SNAPSHOT_EXIT.damaged, ...options });
  }
}
