import { type Azurite, startAzurite } from './azurite';
import { LocalServer, type LoggedRequest } from './http';
import { openApiChecker, type Violation } from './openapi';
import { ReleasesServer } from './releases-server';
import { ResultsService, type WorkflowRun } from './results-service';

/**
 * GitHub, as far as our actions can tell, on one loopback port: the Actions results service (artifacts,
 * blobs in Azurite), the REST routes for other runs' artifacts, and releases with asset uploads. Start it
 * per test file; `runnerEnv(run)` gives what the runner injects into a JavaScript action.
 */
export interface LocalGitHubOptions {
  /** Start Azurite and the results service (needed for artifacts). Default true. */
  artifacts?: boolean;
  /** Serve the releases API. Default true. */
  releases?: boolean;
  owner?: string;
  repo?: string;
  /** The token the releases API and REST artifact routes accept. */
  token?: string;
}

export class LocalGitHub {
  readonly server = new LocalServer();
  results: ResultsService | undefined;
  releases: ReleasesServer | undefined;
  azurite: Azurite | undefined;
  readonly owner: string;
  readonly repo: string;
  readonly token: string;

  constructor(options: LocalGitHubOptions) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'platform';
    this.token = options.token ?? 'ghs_localtesttoken';
  }

  /** The REST API base (GITHUB_API_URL) and results service origin (ACTIONS_RESULTS_URL): the same server. */
  get url(): string {
    return this.server.url;
  }

  get requests(): LoggedRequest[] {
    return this.server.requests;
  }

  get repository(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** JSON answers that do not match GitHub's OpenAPI description; tests assert this stays empty. */
  violations(): Violation[] {
    return [...(this.results?.violations ?? []), ...(this.releases?.violations ?? [])];
  }

  /** A new workflow run on the results service. */
  run(): WorkflowRun {
    if (!this.results) throw new Error('started without artifacts');
    return this.results.run();
  }

  /**
   * The environment a runner gives a JavaScript action in `run`. GITHUB_SERVER_URL is deliberately absent:
   * @actions/artifact treats any host but github.com, *.ghe.com or *.localhost as GHES and refuses to work.
   */
  runnerEnv(run?: WorkflowRun): Record<string, string> {
    const env: Record<string, string> = {
      GITHUB_API_URL: this.url,
      GITHUB_REPOSITORY: this.repository,
      GITHUB_REPOSITORY_OWNER: this.owner,
      GITHUB_RUN_ATTEMPT: '1',
    };
    if (run && this.results) {
      env.ACTIONS_RUNTIME_TOKEN = this.results.runtimeToken(run);
      env.ACTIONS_RESULTS_URL = `${this.url}/`;
      env.GITHUB_RUN_ID = String(run.runId);
    }
    return env;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.releases?.dispose();
    await this.azurite?.stop();
  }
}

export async function startLocalGitHub(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  const github = new LocalGitHub(options);
  const openApi = await openApiChecker();
  const repository = { owner: github.owner, repo: github.repo };
  try {
    if (options.artifacts ?? true) {
      github.azurite = await startAzurite();
      github.results = new ResultsService(github.azurite, repository, openApi, () => github.url);
      await github.results.init();
      github.server.use(github.results.handler);
    }
    if (options.releases ?? true) {
      github.releases = new ReleasesServer(repository, github.token, openApi, () => github.url);
      await github.releases.init();
      github.server.use(github.releases.handler);
    }
    await github.server.start();
    return github;
  } catch (error) {
    await github.stop();
    throw error;
  }
}

/** Sets variables (undefined removes one) and returns a function that puts the old values back. */
export function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(vars)) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
