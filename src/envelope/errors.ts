import { EtcdBackupError } from '../errors';

export type EnvelopeFailure =
  | 'plaintext-refused'
  | 'bad-key'
  | 'wrong-key'
  | 'tampered'
  | 'truncated'
  | 'not-an-envelope'
  | 'snapshot-mismatch';

/** Sealing or opening a backup failed; `kind` lets callers branch without parsing the message. */
export class EnvelopeError extends EtcdBackupError {
  constructor(
    readonly kind: EnvelopeFailure,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
