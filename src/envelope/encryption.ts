import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import type { EncryptionDescription } from '../format';
import { EnvelopeError } from './errors';

/**
 * How a backup is encrypted. age allows either recipients or one passphrase per file, never both (a scrypt
 * stanza must be the only one in the header). `none` exists only as a deliberate opt-out.
 */
export type EncryptionChoice =
  | { kind: 'recipients'; recipients: string[] }
  | { kind: 'passphrase'; passphrase: string; scryptWorkFactor?: number }
  | { kind: 'none' };

export interface EncryptionInputs {
  /** age public keys: X25519 (`age1…`) or post-quantum hybrid (`age1pq1…`). */
  recipients?: string[];
  passphrase?: string;
  /** `none` must be said out loud to store plaintext; anything else means "encrypt". */
  encryption?: 'age' | 'none';
}

const PLAINTEXT_HINT =
  "a snapshot holds every Secret of the cluster; give age recipients or a passphrase, or set encryption 'none' to store it unencrypted on purpose";

/** Turns user inputs into one choice, refusing plaintext unless it was asked for by name. */
export function chooseEncryption(inputs: EncryptionInputs): EncryptionChoice {
  const recipients = (inputs.recipients ?? []).map((r) => r.trim()).filter((r) => r !== '');
  const passphrase = inputs.passphrase ?? '';
  if (inputs.encryption === 'none') {
    if (recipients.length > 0 || passphrase !== '') {
      throw new EnvelopeError(
        'bad-key',
        "encryption 'none' was chosen but recipients or a passphrase were also given",
        {
          hint: "drop encryption 'none' to encrypt, or drop the keys to store plaintext",
        },
      );
    }
    return { kind: 'none' };
  }
  if (recipients.length > 0 && passphrase !== '') {
    throw new EnvelopeError(
      'bad-key',
      'both age recipients and a passphrase were given; age allows one or the other',
      {
        hint: 'use recipients (recommended: the private key never needs to reach the backup job) or a passphrase',
      },
    );
  }
  if (recipients.length > 0) {
    for (const r of recipients) checkRecipient(r);
    return { kind: 'recipients', recipients };
  }
  if (passphrase !== '') return { kind: 'passphrase', passphrase };
  throw new EnvelopeError('plaintext-refused', 'refusing to store an unencrypted snapshot', {
    hint: PLAINTEXT_HINT,
  });
}

function checkRecipient(recipient: string): void {
  try {
    new Encrypter().addRecipient(recipient);
  } catch {
    throw new EnvelopeError('bad-key', `'${abbreviateKey(recipient)}' is not an age recipient`, {
      hint: 'recipients are public keys starting with age1 (X25519) or age1pq1 (hybrid), e.g. from age-keygen -y',
    });
  }
}

/** The metadata's view of a choice: public keys or the fact of a passphrase, never a secret. */
export function describeEncryption(choice: EncryptionChoice): EncryptionDescription {
  switch (choice.kind) {
    case 'recipients':
      return { kind: 'age-recipients', recipients: [...choice.recipients] };
    case 'passphrase':
      return { kind: 'age-passphrase' };
    case 'none':
      return { kind: 'none' };
  }
}

export function makeEncrypter(choice: Exclude<EncryptionChoice, { kind: 'none' }>): Encrypter {
  const encrypter = new Encrypter();
  if (choice.kind === 'passphrase') {
    encrypter.setPassphrase(choice.passphrase);
    if (choice.scryptWorkFactor !== undefined) encrypter.setScryptWorkFactor(choice.scryptWorkFactor);
  } else {
    for (const r of choice.recipients) encrypter.addRecipient(r);
  }
  return encrypter;
}

/** What can open a backup: age identities (secret keys) and/or passphrases. */
export interface OpeningKeys {
  identities?: string[];
  passphrases?: string[];
}

export function makeDecrypter(keys: OpeningKeys): Decrypter {
  const decrypter = new Decrypter();
  for (const identity of keys.identities ?? []) {
    try {
      decrypter.addIdentity(identity);
    } catch {
      throw new EnvelopeError('bad-key', 'an identity given to decrypt with is not an age secret key', {
        hint: 'identities start with AGE-SECRET-KEY-1 (X25519) or AGE-SECRET-KEY-PQ-1 (hybrid), as written by age-keygen',
      });
    }
  }
  for (const passphrase of keys.passphrases ?? []) decrypter.addPassphrase(passphrase);
  return decrypter;
}

/** Reads an age identity file: one key per line, `#` comments and blank lines ignored. */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The public keys that the given identities answer to, for error messages. */
export async function recipientsOf(identities: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const identity of identities) {
    try {
      out.push(await identityToRecipient(identity));
    } catch {
      // Invalid identities are reported by makeDecrypter.
    }
  }
  return out;
}

/** age1pq1 keys are about 2000 characters; messages show the start and the end. */
export function abbreviateKey(key: string): string {
  return key.length <= 24 ? key : `${key.slice(0, 14)}…${key.slice(-8)}`;
}
