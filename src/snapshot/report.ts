import type { Problem } from './problem';
import type { TrailerVerdict } from './trailer';

export type EtcdCompat = '3.4' | '3.5' | '3.6' | '3.7';

/**
 * Everything `inspect --json` prints. The first fields are etcd's own `snapshot status` fields (null when
 * the structure is too damaged for etcd to have answered); the rest is what etcd does not check.
 */
export interface SnapshotReport {
  hash: number | null;
  revision: number | null;
  totalKey: number | null;
  totalSize: number | null;
  /** Only in 3.6 and 3.7 mode, as etcdutl prints it there: the normalised storage version or "". */
  version?: string;
  /** meta/finishedCompactRev: everything older is gone from the snapshot. null if never compacted. */
  compactRevision: number | null;
  /** Hex SHA-256 of the database part (the file without its trailer). */
  sha256: string;
  trailer: TrailerVerdict;
  /** True for a raw member/snap/db copy: nothing proves these are the bytes etcd sent. */
  noIntegrityTrailer: boolean;
  integrity: {
    /** No error-level problem: structure sound and, if there is a trailer, it matches. */
    ok: boolean;
    problems: Problem[];
    /** All problems found; `problems` keeps only the first ones. */
    problemCount: number;
  };
  path: string;
  fileSize: number;
  /** Which etcd's `snapshot status` semantics the status fields follow, and why. */
  etcdCompat: EtcdCompat;
  etcdCompatSource: 'storage-version' | 'no-storage-version' | 'option';
  /** meta/storageVersion as stored, or null (etcd before 3.6). */
  storageVersion: string | null;
  pageSize: number | null;
  pages: PageCounts | null;
  /** Entries per top-level bucket (key, meta, lease, auth, ...). */
  buckets: Record<string, number>;
}

export interface PageCounts {
  /** meta pgid: pages [0, total) make up the database. */
  total: number;
  /** Meta, freelist and tree pages (with their overflow pages). */
  reachable: number;
  /**
   * Pages not reached. Without a persisted freelist (etcd on Linux) bbolt rebuilds the freelist as exactly
   * these pages, so they cannot be "unreachable unfreed"; their bytes are covered only by the trailer.
   */
  free: number;
  freelist: 'persisted' | 'not-persisted';
}
