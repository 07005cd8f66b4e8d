import { InputError } from '../errors';
import { optionName } from '../options/naming';
import { shown } from '../util/shown';
import { ArtifactStore } from './artifact-store';
import { DirStore } from './dir-store';
import { StoreError } from './errors';
import { ReleaseStore } from './release-store';
import type { BackupStore } from './store';

export type StoreSpec =
  | { kind: 'dir'; path: string }
  | { kind: 'artifact' }
  | { kind: 'release'; tag: string | undefined };

/** `dir:PATH`, `artifact`, `release` (one release per backup) or `release:TAG` (one rolling release). */
export function parseStoreSpec(spec: string, input = '--store'): StoreSpec {
  const value = spec.trim();
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  if (value === 'artifact') return { kind: 'artifact' };
  if (value === 'release') return { kind: 'release', tag: undefined };
  if (value.startsWith('release:') && value.length > 8) return { kind: 'release', tag: value.slice(8) };
  throw new InputError(input, `dir:PATH, artifact, release or release:TAG (got ${shown(spec)})`);
}

export interface StoreContext {
  /** GitHub token; defaults to GITHUB_TOKEN / GH_TOKEN from the environment. */
  token?: string;
  /** owner/name; defaults to GITHUB_REPOSITORY. */
  repository?: string;
  apiUrl?: string;
  /** Read artifacts of this workflow run instead of the current one. */
  runId?: number;
  retentionDays?: number;
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

export function openStore(spec: StoreSpec | string, context: StoreContext = {}): BackupStore {
  const parsed = typeof spec === 'string' ? parseStoreSpec(spec) : spec;
  const env = context.env ?? process.env;
  switch (parsed.kind) {
    case 'dir':
      return new DirStore(parsed.path);
    case 'artifact': {
      if (context.runId !== undefined) {
        const { owner, repo } = repositoryOf(context, env);
        return new ArtifactStore({
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
      return new ArtifactStore(
        context.retentionDays === undefined ? {} : { retentionDays: context.retentionDays },
      );
    }
    case 'release': {
      const { owner, repo } = repositoryOf(context, env);
      return new ReleaseStore({
        token: tokenOf(context, env, 'release assets (needs contents: write)'),
        owner,
        repo,
        apiUrl: context.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com',
        ...(parsed.tag ? { tag: parsed.tag } : {}),
      });
    }
  }
}
