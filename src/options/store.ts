import { InputError } from '../errors';
import { parseSelector, type Selector } from '../store/catalog';
import { openStore, parseStoreSpec, STORE_FORMS, type StoreSpec } from '../store/open-store';
import { parseDuration, type RetentionPolicy } from '../store/retention';
import type { BackupStore } from '../store/store';
import { shown } from '../util/shown';
import { textOption, wholeNumber } from './option';
import { type OptionValues, read, written } from './values';

/** Where backups are kept and which one to take. New store kinds add their options here. */
export const STORE = {
  store: textOption<StoreSpec>('store', {
    flag: 'store',
    input: 'store',
    arg: 'S',
    help: 'dir:PATH | artifact | release (one release per backup) | release:TAG (rolling release)\n| s3://BUCKET/PREFIX (credentials and region from the AWS_* environment)',
    parse: (text, name) => parseStoreSpec(text, name),
  }),
  repository: textOption('repository', {
    flag: 'repo',
    input: 'repository',
    env: 'GITHUB_REPOSITORY',
    arg: 'O/N',
    help: 'repository of an artifact or release store',
    parse: (text, name) => {
      if (!/^[^/\s]+\/[^/\s]+$/.test(text)) throw new InputError(name, `owner/name (got ${shown(text)})`);
      return text;
    },
  }),
  githubToken: textOption('githubToken', {
    input: 'github_token',
    env: 'GITHUB_TOKEN',
    secret: true,
    help: 'token for artifact and release stores',
  }),
  runId: textOption('runId', {
    flag: 'run-id',
    input: 'run_id',
    arg: 'N',
    help: "artifact store: read workflow run N's artifacts",
    parse: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a workflow run id'),
  }),
  retentionDays: textOption('retentionDays', {
    flag: 'retention-days',
    input: 'retention_days',
    arg: 'N',
    help: 'artifact store: days GitHub keeps the artifacts (1-90, up to 400 in private repos)',
    parse: wholeNumber(1, 400, 'a whole number of days'),
  }),
  keepLast: textOption('keepLast', {
    flag: 'keep-last',
    input: 'keep_last',
    arg: 'N',
    help: 'keep the newest N backups of each cluster',
    parse: wholeNumber(1, 100_000, 'a number of backups'),
  }),
  maxAge: textOption('maxAge', {
    flag: 'max-age',
    input: 'max_age',
    arg: 'D',
    help: 'keep backups younger than D (s, m, h, d or w: 30d, 12h, 2w)',
    parse: (text, name) => parseDuration(text, name),
  }),
  backup: textOption<Selector>('backup', {
    input: 'backup',
    help: 'latest, a backup name, or an ISO 8601 time (the newest backup at or before it)',
    parse: parseSelectorAs,
  }),
  cluster: textOption('cluster', {
    flag: 'cluster',
    input: 'cluster',
    arg: 'C',
    help: "only this cluster's backups",
  }),
};

export function parseSelectorAs(text: string, name: string): Selector {
  try {
    return parseSelector(text);
  } catch {
    throw new InputError(name, `latest, a backup name or an ISO 8601 time (got ${shown(text)})`);
  }
}

/** The store options, read and checked before any work. Writing verbs may set the artifacts' retention. */
export function storeFrom(values: OptionValues, options: { writes: boolean }): BackupStore {
  const given = read(values, STORE.store);
  if (given === undefined && values.surface === 'cli')
    throw new InputError(values.nameOf(STORE.store), STORE_FORMS);
  const spec = given ?? { kind: 'artifact' };
  const storeText = () => values.texts(STORE.store)[0] ?? 'artifact';
  const repository = read(values, STORE.repository);
  const token = read(values, STORE.githubToken);
  const runId = options.writes ? undefined : read(values, STORE.runId);
  if (runId !== undefined && spec.kind !== 'artifact') {
    throw new InputError(
      values.nameOf(STORE.runId),
      `only with ${written(values, STORE.store, 'artifact')} (${values.nameOf(STORE.store)} is '${storeText()}')`,
    );
  }
  const retentionDays = options.writes ? read(values, STORE.retentionDays) : undefined;
  if (retentionDays !== undefined && spec.kind !== 'artifact') {
    throw new InputError(
      values.nameOf(STORE.retentionDays),
      `only with ${written(values, STORE.store, 'artifact')} (${values.nameOf(STORE.store)} is '${storeText()}'); use ${values.nameOf(STORE.keepLast)} or ${values.nameOf(STORE.maxAge)}`,
    );
  }
  return openStore(spec, {
    ...(token ? { token } : {}),
    ...(repository ? { repository } : {}),
    ...(runId !== undefined ? { runId } : {}),
    ...(retentionDays !== undefined ? { retentionDays } : {}),
  });
}

export function retentionFrom(values: OptionValues): RetentionPolicy {
  const keepLast = read(values, STORE.keepLast);
  const maxAgeMs = read(values, STORE.maxAge);
  return {
    ...(keepLast !== undefined ? { keepLast } : {}),
    ...(maxAgeMs !== undefined ? { maxAgeMs } : {}),
  };
}

/** Which backup: the CLI's positional argument or the action's `backup` input; latest by default. */
export function selectorFrom(values: OptionValues, positional?: string): Selector {
  if (positional !== undefined) return parseSelectorAs(positional, 'BACKUP');
  return read(values, STORE.backup) ?? { latest: true };
}
