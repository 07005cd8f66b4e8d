import type { DiscoveryOverrides } from '../controlplane';
import { validateOverrides } from '../controlplane/discover';
import { OVERRIDE_INPUTS } from '../controlplane/errors';
import {
  chooseEncryption,
  type EncryptionChoice,
  type OpeningKeys,
  parseIdentityFile,
} from '../envelope/encryption';
import { EnvelopeError } from '../envelope/errors';
import { InputError } from '../errors';
import { parseSelector, type Selector } from '../store/catalog';
import { openStore, parseStoreSpec } from '../store/open-store';
import type { RetentionPolicy } from '../store/retention';
import type { BackupStore } from '../store/store';
import {
  choiceInput,
  durationInput,
  integerInput,
  listInput,
  optionalInput,
  secretInput,
  shown,
} from './inputs';

/** `store` (artifact, release, release:TAG, dir:PATH) plus the GitHub context it needs. */
export function storeFromInputs(options: { writes: boolean }): { store: BackupStore; spec: string } {
  const spec = optionalInput('store') ?? 'artifact';
  const parsed = parseStoreSpec(spec, 'store');
  const token = secretInput('github_token');
  const repository = optionalInput('repository');
  if (repository !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new InputError('repository', `owner/name (got ${shown(repository)})`);
  }
  let runId: number | undefined;
  if (!options.writes) {
    runId = integerInput('run_id', { min: 1, max: Number.MAX_SAFE_INTEGER, what: 'a workflow run id' });
    if (runId !== undefined && parsed.kind !== 'artifact') {
      throw new InputError('run_id', `only with store: artifact (store is '${spec}')`);
    }
  }
  const retentionDays = options.writes
    ? integerInput('retention_days', { min: 1, max: 400, what: 'a whole number of days' })
    : undefined;
  if (retentionDays !== undefined && parsed.kind !== 'artifact') {
    throw new InputError(
      'retention_days',
      `only with store: artifact (store is '${spec}'); use keep_last or max_age`,
    );
  }
  const store = openStore(parsed, {
    ...(token ? { token } : {}),
    ...(repository ? { repository } : {}),
    ...(runId !== undefined ? { runId } : {}),
    ...(retentionDays !== undefined ? { retentionDays } : {}),
  });
  return { store, spec };
}

/** How the backup is sealed: age recipients, a passphrase, or `encryption: none` said out loud. */
export function encryptionFromInputs(): EncryptionChoice {
  const recipients = listInput('age_recipients');
  const passphrase = secretInput('encryption_passphrase', { keepWhitespace: true });
  const encryption = choiceInput('encryption', ['age', 'none'] as const, 'age');
  try {
    return chooseEncryption({ recipients, ...(passphrase ? { passphrase } : {}), encryption });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    if (error.kind === 'plaintext-refused') {
      throw new InputError(
        'age_recipients',
        'age public keys (age1…), or encryption_passphrase, or encryption: none to store plaintext on purpose',
        {
          hint: 'a snapshot holds every Secret of the cluster; make a key pair with age-keygen and give the public key here',
        },
      );
    }
    if (encryption === 'none') {
      throw new InputError(
        'encryption',
        "'age' when age_recipients or encryption_passphrase are given (got 'none')",
      );
    }
    if (recipients.length && passphrase) {
      throw new InputError(
        'encryption_passphrase',
        'nothing when age_recipients are given (age takes one or the other)',
      );
    }
    throw new InputError(
      'age_recipients',
      `age public keys (age1… or age1pq1…): ${error.message}`,
      error.hint ? { hint: error.hint } : {},
    );
  }
}

/** What opens an encrypted backup: age identities (one or more, one per line) and/or the passphrase. */
export function openingKeysFromInputs(): OpeningKeys {
  const identityText = secretInput('age_identity');
  const identities = identityText ? parseIdentityFile(identityText) : [];
  for (const identity of identities) {
    if (!/^AGE-SECRET-KEY-/.test(identity)) {
      throw new InputError(
        'age_identity',
        'age secret keys (AGE-SECRET-KEY-1…), one per line, as age-keygen writes them',
      );
    }
  }
  const passphrase = secretInput('encryption_passphrase', { keepWhitespace: true });
  return { identities, passphrases: passphrase ? [passphrase] : [] };
}

/** `backup`: latest, a backup name, or an ISO time (the newest backup at or before it). */
export function selectorFromInputs(): Selector {
  const value = optionalInput('backup') ?? 'latest';
  try {
    return parseSelector(value);
  } catch {
    throw new InputError('backup', `latest, a backup name or an ISO 8601 time (got ${shown(value)})`);
  }
}

export function retentionFromInputs(): RetentionPolicy {
  const keepLast = integerInput('keep_last', { min: 1, max: 100_000, what: 'a number of backups' });
  const maxAgeMs = durationInput('max_age');
  return {
    ...(keepLast !== undefined ? { keepLast } : {}),
    ...(maxAgeMs !== undefined ? { maxAgeMs } : {}),
  };
}

/** etcd_endpoint, etcd_ca_file, etcd_cert_file, etcd_key_file: each overrides what discovery reads on the node. */
export function etcdOverridesFromInputs(): DiscoveryOverrides {
  const pick = (input: string, key: keyof DiscoveryOverrides) => {
    const value = optionalInput(input);
    return value === undefined ? {} : { [key]: value };
  };
  const overrides: DiscoveryOverrides = {
    ...pick('etcd_endpoint', 'clientUrl'),
    ...pick('etcd_ca_file', 'caFile'),
    ...pick('etcd_cert_file', 'certFile'),
    ...pick('etcd_key_file', 'keyFile'),
  };
  // Checked here, before connecting, and named as action.yml spells them.
  validateOverrides(overrides, (key) => OVERRIDE_INPUTS[key].replace(/-/g, '_'));
  return overrides;
}
