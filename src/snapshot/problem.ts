/** What kind of damage (or oddity) a problem is; stable strings for callers and tests to branch on. */
export type ProblemKind =
  | 'empty-file'
  | 'not-bbolt'
  | 'meta-invalid'
  | 'meta-mismatch'
  | 'truncated'
  | 'padded'
  | 'trailer-missing'
  | 'trailer-mismatch'
  | 'page-out-of-bounds'
  | 'page-beyond-file'
  | 'page-id-mismatch'
  | 'page-type'
  | 'page-multiple-references'
  | 'page-element'
  | 'key-order'
  | 'bucket'
  | 'freelist'
  | 'reachable-freed'
  | 'unreachable-unfreed'
  | 'revision-key'
  | 'kv-decode'
  | 'too-large';

export interface Problem {
  /** 'error': the snapshot must not be trusted. 'warning': usable, but the user should know. */
  severity: 'error' | 'warning';
  kind: ProblemKind;
  /** bbolt page id the problem is about, when there is one. */
  page?: number;
  /** Byte offset in the file, when meaningful. */
  offset?: number;
  /** One line, naming the page/offset. */
  message: string;
}

export type ProblemSink = (problem: Problem) => void;
