import { EtcdBackupError } from '../errors';
import { EXIT, type ExitCode } from '../exit-codes';

export type EnvelopeFailure =
  | 'plaintext-refused'
  | 'bad-key'
  | 'wrong-key'
  | 'tampered'
  | 'truncated'
  | 'not-an-envelope'
  | 'snapshot-mismatch';

/** A key the user gave is wrong input; a blob that does not check out failed verification. */
const EXIT_FOR: Record<EnvelopeFailure, ExitCode> = {
  'plaintext-refused': EXIT.badInput,
  'bad-key': EXIT.badInput,
  'wrong-key': EXIT.badInput,
  tampered: EXIT.verificationFailed,
  truncated: EXIT.verificationFailed,
  'not-an-envelope': EXIT.verificationFailed,
  'snapshot-mismatch': EXIT.verificationFailed,
};

/** Sealing or opening a backup failed; `reason` lets callers branch without parsing the message. */
export class EnvelopeError extends EtcdBackupError {
  constructor(
    readonly reason: EnvelopeFailure,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, { exitCode: EXIT_FOR[reason], ...options });
  }
}
