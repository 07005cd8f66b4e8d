import { EtcdBackupError } from '../errors';

export type StoreFailure =
  | 'not-found'
  | 'duplicate'
  | 'digest-mismatch'
  | 'truncated'
  | 'expired'
  | 'limit'
  | 'permission'
  | 'rate-limited'
  | 'unavailable'
  | 'bad-location'
  | 'incomplete'
  | 'locked';

export interface StoreErrorOptions {
  hint?: string;
  cause?: unknown;
  /** A second try may succeed (5xx, rate limit, a dropped connection). */
  transient?: boolean;
  /** How long the service asked us to wait before that try. */
  retryAfterMs?: number;
}

/** A store could not keep or give back a backup; `reason` lets callers branch without parsing text. */
export class StoreError extends EtcdBackupError {
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly reason: StoreFailure,
    message: string,
    options: StoreErrorOptions = {},
  ) {
    super(message, options);
    this.transient = options.transient ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function digestMismatch(what: string, actual: string, expected: string): StoreError {
  return new StoreError(
    'digest-mismatch',
    `${what}: SHA-256 ${actual.slice(0, 12)}… does not match the recorded ${expected.slice(0, 12)}…`,
    { hint: 'the stored copy is damaged or was replaced; do not restore it, pick another backup' },
  );
}
