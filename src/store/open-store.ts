import { InputError } from '../errors';
import { optionName } from '../options/naming';
import { shown } from '../util/shown';
import { ArtifactBackend } from './artifact-store';
import type { BlobBackend } from './backend';
import { BackupCatalog } from './catalog-store';
import { DirBackend } from './dir-store';
import { StoreError } from './errors';
import { ReleaseBackend } from './release-store';
import { type RetryPolicy, withRetries } from './retry';
import { S3Backend, type S3StoreOptions } from './s3-store';
import type { BackupStore } from './store';

export type StoreSpec =
  | { kind: 'dir'; path: string }
  | { kind: 'artifact' }
  | { kind: 'release'; tag: string | undefined }
  | { kind: 's3'; bucket: string; prefix: string };

export const STORE_FORMS = 'dir:PATH, artifact, release, release:TAG or s3://BUCKET/PREFIX';

// S3's bucket naming rules (dots allowed for older buckets); the prefix is any path without `..` parts.
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `dir:PATH`, `artifact`, `release` (one release per backup), `release:TAG` (one rolling release), `s3://…`. */
export function parseStoreSpec(spec: string, input = '--store'): StoreSpec {
  const value = spec.trim();
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  if (value === 'artifact') return { kind: 'artifact' };
  if (value === 'release') return { kind: 'release', tag: undefined };
  if (value.startsWith('release:') && value.length > 8) return { kind: 'release', tag: value.slice(8) };
  if (value.startsWith('s3://')) return parseS3Url(value, input);
  throw new InputError(input, `${STORE_FORMS} (got ${shown(spec)})`);
}

function parseS3Url(value: string, input: string): StoreSpec {
  const [bucket = '', ...rest] = value.slice('s3://'.length).split('/');
  const prefix = rest.filter((p) => p !== '').join('/');
  if (!BUCKET_PATTERN.test(bucket)) {
    throw new InputError(
      input,
      `s3://BUCKET/PREFIX with a bucket name of 3-63 lowercase letters, digits, dots or hyphens (got ${shown(value)})`,
    );
  }
  if (rest.some((p) => p === '.' || p === '..')) {
    throw new InputError(input, `s3://BUCKET/PREFIX without . or .. in the prefix (got ${shown(value)})`);
  }
  return { kind: 's3', bucket, prefix };
}

/** What only the S3 store takes: everything of S3StoreOptions except where the store URL already says. */
export type S3Settings = Omit<S3StoreOptions, 'bucket' | 'prefix'>;

export interface StoreContext {
  /** GitHub token; defaults to GITHUB_TOKEN / GH_TOKEN from the environment. */
  token?: string;
  /** owner/name; defaults to GITHUB_REPOSITORY. */
  repository?: string;
  apiUrl?: string;
  /** Read artifacts of this workflow run instead of the current one. */
  runId?: number;
  retentionDays?: number;
  s3?: S3Settings;
  /** Tests shorten the back-off; production keeps the default. */
  retry?: Partial<RetryPolicy>;
  env?: NodeJS.ProcessEnv;
}

function repositoryOf(context: StoreContext, env: NodeJS.ProcessEnv): { owner: string; repo: string } {
  const repository = context.repository ?? env.GITHUB_REPOSITORY;
  const match = repository ? /^([^/\s]+)\/([^/\s]+)$/.exec(repository) : null;
  if (!match) throw new InputError(optionName('repository'), 'owner/name (or GITHUB_REPOSITORY set)');
  return { owner: match[1]!, repo: match[2]! };
}

function tokenOf(context: StoreContext, env: NodeJS.ProcessEnv, needs: string): string {
  const token = context.token ?? env.GITHUB_TOKEN ?? env.GH_TOKEN;
  if (!token) {
    throw new StoreError('permission', `no GitHub token for ${needs}`, {
      hint: `give a token in ${optionName('githubToken')}`,
    });
  }
  return token;
}

/** A catalog over the store's backend, every backend call retried the same way. */
export function openStore(spec: StoreSpec | string, context: StoreContext = {}): BackupStore {
  return new BackupCatalog(withRetries(openBackend(spec, context), context.retry));
}

export function openBackend(spec: StoreSpec | string, context: StoreContext = {}): BlobBackend {
  const parsed = typeof spec === 'string' ? parseStoreSpec(spec) : spec;
  const env = context.env ?? process.env;
  if (parsed.kind !== 's3' && context.s3 && Object.keys(context.s3).length > 0) {
    throw new InputError('--store', `s3://BUCKET/PREFIX when S3 options are given (got ${parsed.kind})`);
  }
  switch (parsed.kind) {
    case 'dir':
      return new DirBackend(parsed.path);
    case 's3':
      return new S3Backend({ bucket: parsed.bucket, prefix: parsed.prefix, ...context.s3 });
    case 'artifact': {
      if (context.runId !== undefined) {
        const { owner, repo } = repositoryOf(context, env);
        return new ArtifactBackend({
          findBy: {
            token: tokenOf(context, env, "another run's artifacts (needs actions: read)"),
            workflowRunId: context.runId,
            repositoryOwner: owner,
            repositoryName: repo,
          },
        });
      }
      if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        throw new StoreError(
          'bad-location',
          'the artifact store needs the GitHub Actions runtime of the current job',
          {
            hint: `run it inside a JavaScript action step, or read a finished run with ${optionName('runId')} N (and a token in ${optionName('githubToken')})`,
          },
        );
      }
      return new ArtifactBackend(
        context.retentionDays === undefined ? {} : { retentionDays: context.retentionDays },
      );
    }
    case 'release': {
      const { owner, repo } = repositoryOf(context, env);
      return new ReleaseBackend({
        token: tokenOf(context, env, 'release assets (needs contents: write)'),
        owner,
        repo,
        apiUrl: context.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com',
        ...(parsed.tag ? { tag: parsed.tag } : {}),
      });
    }
  }
}
