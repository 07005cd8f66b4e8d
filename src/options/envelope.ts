import {
  chooseEncryption,
  type EncryptionChoice,
  type OpeningKeys,
  parseIdentityFile,
} from '../envelope/encryption';
import { EnvelopeError } from '../envelope/errors';
import { InputError } from '../errors';
import { listOption, oneOf, textOption } from './option';
import { type OptionValues, read, readAll, written } from './values';

function identities(text: string, name: string): string[] {
  const keys = parseIdentityFile(text);
  for (const key of keys) {
    if (!/^AGE-SECRET-KEY-/.test(key)) {
      throw new InputError(
        name,
        'age secret keys (AGE-SECRET-KEY-1…), one per line, as etcd-backup keygen writes them',
      );
    }
  }
  return keys;
}

function recipientLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** How a backup is sealed and opened: age recipients, identities, a passphrase, or plaintext said out loud. */
export const ENVELOPE = {
  recipient: listOption('recipient', {
    flag: 'recipient',
    input: 'age_recipients',
    arg: 'age1…',
    help: 'encrypt to this age public key (etcd-backup keygen prints one); repeatable',
  }),
  recipientsFile: listOption('recipientsFile', {
    flag: 'recipients-file',
    arg: 'FILE',
    fileOnCli: true,
    help: 'age public keys, one per line',
    parse: recipientLines,
  }),
  passphrase: textOption('encryptionPassphrase', {
    input: 'encryption_passphrase',
    env: 'ETCD_BACKUP_PASSPHRASE',
    secret: true,
    keepWhitespace: true,
    help: 'an age passphrase, instead of recipients or identities',
  }),
  encryption: textOption('encryption', {
    flag: 'encryption',
    input: 'encryption',
    arg: 'age|none',
    help: 'age (the default); none stores plaintext, on purpose',
    parse: oneOf(['age', 'none'] as const),
  }),
  compression: textOption('compression', {
    flag: 'compression',
    arg: 'zstd|none',
    help: 'zstd (the default) before encryption',
    parse: oneOf(['zstd', 'none'] as const),
  }),
  identity: listOption('identity', {
    flag: 'identity',
    input: 'age_identity',
    env: 'ETCD_BACKUP_IDENTITY',
    arg: 'FILE',
    secret: true,
    fileOnCli: true,
    help: 'age identity file (AGE-SECRET-KEY-1…, from etcd-backup keygen); repeatable',
    parse: identities,
  }),
};

/** The encryption choice, refusing plaintext unless it was asked for by name; every error names the option. */
export function encryptionFrom(values: OptionValues): EncryptionChoice {
  const recipients = [
    ...readAll(values, ENVELOPE.recipient),
    ...readAll(values, ENVELOPE.recipientsFile).flat(),
  ];
  const passphrase = read(values, ENVELOPE.passphrase);
  const encryption = read(values, ENVELOPE.encryption) ?? 'age';
  const name = (option: Parameters<OptionValues['nameOf']>[0]) => values.nameOf(option);
  try {
    return chooseEncryption({ recipients, ...(passphrase ? { passphrase } : {}), encryption });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    if (error.reason === 'plaintext-refused') {
      throw new InputError(
        name(ENVELOPE.recipient),
        `age public keys (age1…), or ${name(ENVELOPE.passphrase)}, or ${written(values, ENVELOPE.encryption, 'none')} to store plaintext on purpose`,
        {
          hint: `a snapshot holds every Secret of the cluster; make a key pair with etcd-backup keygen and give its public key to ${name(ENVELOPE.recipient)}`,
        },
      );
    }
    if (encryption === 'none') {
      throw new InputError(
        name(ENVELOPE.encryption),
        `'age' when ${name(ENVELOPE.recipient)} or ${name(ENVELOPE.passphrase)} are given (got 'none')`,
      );
    }
    if (recipients.length && passphrase) {
      throw new InputError(
        name(ENVELOPE.passphrase),
        `nothing when ${name(ENVELOPE.recipient)} are given (age takes one or the other)`,
      );
    }
    throw new InputError(
      name(ENVELOPE.recipient),
      `age public keys (age1… or age1pq1…): ${error.message}`,
      error.hint ? { hint: error.hint } : {},
    );
  }
}

/** What opens an encrypted backup: age identities and/or the passphrase. */
export function openingKeysFrom(values: OptionValues): OpeningKeys {
  const passphrase = read(values, ENVELOPE.passphrase);
  return {
    identities: readAll(values, ENVELOPE.identity).flat(),
    passphrases: passphrase ? [passphrase] : [],
  };
}
