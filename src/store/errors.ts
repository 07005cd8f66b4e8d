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
  | 'incomplete';

/** A store could not keep or give back a backup; `kind` lets callers branch without parsing text. */
export class StoreError extends EtcdBackupError {
  constructor(
    readonly kind: StoreFailure,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

export function digestMismatch(what: string, actual: string, expected: string): StoreError {
  return new StoreError(
    'digest-mismatch',
    `${what}: SHA-256 ${actual.slice(0, 12)}… does not match the recorded ${expected.slice(0, 12)}…`,
    { hint: 'the stored copy is damaged or was replaced; do not restore it, pick another backup' },
  );
}
