import { readFileSync } from 'node:fs';
import { type OpeningKeys, parseIdentityFile } from '../envelope/encryption';
import { InputError } from '../errors';

export const openingKeyOptionSpec = {
  identity: { type: 'string', multiple: true },
} as const;

export const OPENING_KEYS_HELP = `  --identity FILE   age identity file (AGE-SECRET-KEY-1…); repeatable; or the identity itself in
                    ETCD_BACKUP_IDENTITY; or the passphrase in ETCD_BACKUP_PASSPHRASE`;

/** Keys to open an encrypted backup with: identity files, ETCD_BACKUP_IDENTITY, ETCD_BACKUP_PASSPHRASE. */
export function openingKeysFrom(
  values: { identity?: string[] },
  env: NodeJS.ProcessEnv = process.env,
): OpeningKeys {
  const identities: string[] = [];
  for (const file of values.identity ?? []) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new InputError('--identity', `a readable age identity file (${file})`);
    }
    identities.push(...parseIdentityFile(text));
  }
  if (env.ETCD_BACKUP_IDENTITY) identities.push(...parseIdentityFile(env.ETCD_BACKUP_IDENTITY));
  const passphrases = env.ETCD_BACKUP_PASSPHRASE ? [env.ETCD_BACKUP_PASSPHRASE] : [];
  return { identities, passphrases };
}
