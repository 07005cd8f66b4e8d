import { DigestStream } from '../envelope/digest';
import { digestMismatch, StoreError } from './errors';

/**
 * A pass-through that fails, instead of ending, when the bytes that went through are not the recorded ones.
 * Every store's get() ends its blob stream with one of these.
 */
export function verifyingStream(what: string, expected: { sha256: string; size: number }): DigestStream {
  return new DigestStream((d) => {
    if (d.size < expected.size) {
      return new StoreError('truncated', `${what} is truncated: got ${d.size} of ${expected.size} bytes`, {
        hint: 'the transfer was cut short or the stored copy is incomplete; try again or pick another backup',
      });
    }
    if (d.size !== expected.size || d.sha256 !== expected.sha256)
      return digestMismatch(what, d.sha256, expected.sha256);
    return undefined;
  });
}
