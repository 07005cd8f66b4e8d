import { EtcdBackupError } from '../errors';

/** Exit codes of `inspect` and of anything that refuses a snapshot. */
export const SNAPSHOT_EXIT = {
  intact: 0,
  /** Bad command line or a file that cannot be read at all (missing, a directory, no permission). */
  unreadable: 2,
  /** The file is not an intact etcd snapshot: the one-line reason names the page and offset. */
  damaged: 3,
  /** A raw member/snap/db copy: structurally sound, but nothing proves it is the bytes etcd sent. */
  noTrailer: 4,
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
