import { InputError } from '../errors';
import { openStore, parseStoreSpec, STORE_FORMS } from './open-store';
import { parseDuration, type RetentionPolicy } from './retention';
import type { BackupStore } from './store';

/** The options every store-reading verb shares. */
export const STORE_OPTIONS = {
  store: { type: 'string' },
  repo: { type: 'string' },
  'run-id': { type: 'string' },
} as const;

export const STORE_HELP = `  --store S         dir:PATH | artifact | release (one release per backup) | release:TAG (rolling release)
  --repo O/N        repository for artifact/release stores (default: GITHUB_REPOSITORY)
  --run-id N        artifact store: read workflow run N instead of the current job's run
                    (GitHub stores read the token from GITHUB_TOKEN)`;

/** For verbs that store backups: `--retention-days N` applies to workflow artifacts. */
export const STORE_WRITE_OPTIONS = { 'retention-days': { type: 'string' } } as const;
export const STORE_WRITE_HELP = `  --retention-days N  artifact store: days GitHub keeps the artifacts (1-90, up to 400 in private repos)`;

export function storeFromOptions(values: {
  store?: string;
  repo?: string;
  'run-id'?: string;
  'retention-days'?: string;
}): BackupStore {
  if (!values.store) throw new InputError('--store', STORE_FORMS);
  const spec = parseStoreSpec(values.store);
  let runId: number | undefined;
  if (values['run-id'] !== undefined) {
    runId = Number(values['run-id']);
    if (!Number.isSafeInteger(runId) || runId <= 0)
      throw new InputError('--run-id', 'a workflow run id (a positive number)');
    if (spec.kind !== 'artifact') throw new InputError('--run-id', 'only with --store artifact');
  }
  let retentionDays: number | undefined;
  if (values['retention-days'] !== undefined) {
    retentionDays = Number(values['retention-days']);
    if (!Number.isSafeInteger(retentionDays) || retentionDays < 1 || retentionDays > 400) {
      throw new InputError('--retention-days', 'a whole number of days from 1 to 400');
    }
  }
  return openStore(spec, {
    ...(values.repo ? { repository: values.repo } : {}),
    ...(runId !== undefined ? { runId } : {}),
    ...(retentionDays !== undefined ? { retentionDays } : {}),
  });
}

/** `--keep-last N` and `--max-age D`, for prune and for backup's retention after a new backup. */
export const RETENTION_OPTIONS = {
  'keep-last': { type: 'string' },
  'max-age': { type: 'string' },
} as const;

export function retentionPolicyFrom(values: { 'keep-last'?: string; 'max-age'?: string }): RetentionPolicy {
  const policy: RetentionPolicy = {};
  if (values['keep-last'] !== undefined) {
    const n = Number(values['keep-last']);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new InputError('--keep-last', 'a whole number of at least 1');
    policy.keepLast = n;
  }
  if (values['max-age'] !== undefined) policy.maxAgeMs = parseDuration(values['max-age'], '--max-age');
  return policy;
}
