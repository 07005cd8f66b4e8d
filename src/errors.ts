import { EXIT } from './exit-codes';
/**
 * Every failure the user can act on is an EtcdBackupError: a one-line message naming the cause, and a hint
 * saying what to do next. Each domain (ssh, discovery, snapshot, store, restore, input) subclasses it so callers
 * can branch on the kind; the CLI and the actions print `message` (and `hint`) and never a stack trace.
 */
export class EtcdBackupError extends Error {
  /** Process exit code for the CLI. 1 is a generic failure; domains pick their own. */
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.failed;
  }
}

/** Bad user input: names the input and what was expected. */
export class InputError extends EtcdBackupError {
  constructor(input: string, expected: string, options: { hint?: string } = {}) {
    super(`input '${input}': expected ${expected}`, { ...options, exitCode: EXIT.badInput });
  }
}

/** One line for a human: the message plus, if there is one, the hint. */
export function describeError(error: unknown): string {
  if (error instanceof EtcdBackupError) {
    return error.hint ? `${error.message} (${error.hint})` : error.message;
  }
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}

/** The first line of an error's message (or of what was thrown), for one-line reports. */
export function errorLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
