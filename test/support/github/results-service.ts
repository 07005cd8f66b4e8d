import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import type { Azurite } from './azurite';
import { drain, type Handler, readJson, sendJson } from './http';
import type { OpenApiChecker, Violation } from './openapi';

/**
 * The artifact half of GitHub Actions, run locally: the results service's Twirp JSON methods that
 * @actions/artifact calls (CreateArtifact, FinalizeArtifact, ListArtifacts, GetSignedArtifactURL,
 * DeleteArtifact), with the bytes in Azurite behind SAS URLs, plus the REST routes used to reach another
 * run's artifacts (`findBy`). Artifacts belong to workflow runs; `run()` makes one and gives its identity.
 */
export interface WorkflowRun {
  /** Public run id (GITHUB_RUN_ID). */
  runId: number;
  runBackendId: string;
  jobBackendId: string;
}

export interface StoredArtifact {
  id: number;
  run: WorkflowRun;
  name: string;
  blobName: string;
  mimeType: string;
  size: number;
  /** `sha256:<hex>` as sent by FinalizeArtifact. */
  digest: string | undefined;
  createdAt: Date;
  expiresAt: Date | undefined;
  finalized: boolean;
  expired: boolean;
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';
const CONTAINER = 'actions-results';

export class ResultsService {
  readonly artifacts: StoredArtifact[] = [];
  readonly violations: Violation[] = [];
  private readonly runs = new Map<number, WorkflowRun>();
  private nextArtifactId = 1000;
  private nextRunId = 7000;
  private readonly faults: { method: string; status: number; remaining: number }[] = [];
  private readonly credential: StorageSharedKeyCredential;

  constructor(
    private readonly azurite: Azurite,
    readonly repository: { owner: string; repo: string },
    private readonly openApi: OpenApiChecker,
    private readonly publicUrl: () => string,
  ) {
    this.credential = new StorageSharedKeyCredential(azurite.account, azurite.accountKey);
  }

  async init(): Promise<void> {
    const service = new BlobServiceClient(this.azurite.blobEndpoint, this.credential);
    await service.getContainerClient(CONTAINER).createIfNotExists();
  }

  /** A new workflow run (one job), as the runner would see it. */
  run(): WorkflowRun {
    const run = { runId: this.nextRunId++, runBackendId: randomUUID(), jobBackendId: randomUUID() };
    this.runs.set(run.runId, run);
    return run;
  }

  /** The unsigned JWT the runner hands a JavaScript action; only its `scp` claim is read by the client. */
  runtimeToken(run: WorkflowRun): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const scp = `Actions.ExampleScope Actions.Results:${run.runBackendId}:${run.jobBackendId}`;
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp, exp: Math.floor(Date.now() / 1000) + 3600 })}.local`;
  }

  /** Makes the next `times` calls of a Twirp method (e.g. 'CreateArtifact') answer `status`. */
  failNext(method: string, status: number, times = 1): void {
    this.faults.push({ method, status, remaining: times });
  }

  /** Marks an artifact expired, as GitHub does when its retention runs out. */
  expire(name: string): void {
    for (const a of this.artifacts) if (a.name === name) a.expired = true;
  }

  readonly handler: Handler = async (req, res, url) => {
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      await this.twirp(url.pathname.slice(TWIRP.length), req, res);
      return true;
    }
    const m =
      /^\/repos\/([^/]+)\/([^/]+)\/actions\/(?:runs\/(\d+)\/artifacts|artifacts\/(\d+)(\/zip)?)$/.exec(
        url.pathname,
      );
    if (!m || m[1] !== this.repository.owner || m[2] !== this.repository.repo) return false;
    await drain(req);
    if (m[3] && req.method === 'GET') this.restList(Number(m[3]), url, res);
    else if (m[4] && m[5] && req.method === 'GET') this.restDownload(Number(m[4]), res);
    else if (m[4] && !m[5] && req.method === 'DELETE') this.restDelete(Number(m[4]), res);
    else return false;
    return true;
  };

  private async twirp(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const fault = this.faults.find((f) => f.method === method && f.remaining > 0);
    if (fault) {
      fault.remaining--;
      return sendJson(res, fault.status, { code: 'unavailable', msg: `injected ${fault.status}` });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const run = [...this.runs.values()].find((r) => r.runBackendId === body.workflow_run_backend_id);
    if (!run || !token.includes('.') || body.workflow_job_run_backend_id !== run.jobBackendId) {
      return sendJson(res, 401, { code: 'unauthenticated', msg: 'unknown workflow run or job' });
    }
    const name = typeof body.name === 'string' ? body.name : '';
    switch (method) {
      case 'CreateArtifact': {
        if (this.artifacts.some((a) => a.run === run && a.name === name && a.finalized)) {
          return sendJson(res, 409, {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run',
          });
        }
        const mimeType = typeof body.mime_type === 'string' ? body.mime_type : 'application/zip';
        const fileName = mimeType === 'application/zip' ? `${name}.zip` : name;
        const artifact: StoredArtifact = {
          id: this.nextArtifactId++,
          run,
          name,
          blobName: `${run.runBackendId}/${randomUUID()}/${fileName}`,
          mimeType,
          size: 0,
          digest: undefined,
          createdAt: new Date(),
          expiresAt: typeof body.expires_at === 'string' ? new Date(body.expires_at) : undefined,
          finalized: false,
          expired: false,
        };
        this.artifacts.push(artifact);
        return sendJson(res, 200, { ok: true, signed_upload_url: this.sasUrl(artifact, 'cw') });
      }
      case 'FinalizeArtifact': {
        const artifact = this.artifacts.findLast((a) => a.run === run && a.name === name && !a.finalized);
        if (!artifact)
          return sendJson(res, 404, {
            code: 'not_found',
            msg: 'no artifact is being uploaded under that name',
          });
        artifact.size = Number(body.size ?? 0);
        artifact.digest = typeof body.hash === 'string' ? body.hash : undefined;
        artifact.finalized = true;
        return sendJson(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      case 'ListArtifacts': {
        const found = this.visible(run).filter(
          (a) =>
            (body.name_filter === undefined || a.name === body.name_filter) &&
            (body.id_filter === undefined || String(a.id) === body.id_filter),
        );
        return sendJson(res, 200, {
          artifacts: found.map((a) => ({
            workflow_run_backend_id: run.runBackendId,
            workflow_job_run_backend_id: run.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString(),
            ...(a.digest ? { digest: a.digest } : {}),
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const artifact = this.visible(run).findLast((a) => a.name === name);
        if (!artifact) return sendJson(res, 404, { code: 'not_found', msg: 'artifact not found' });
        return sendJson(res, 200, { signed_url: this.sasUrl(artifact, 'r') });
      }
      case 'DeleteArtifact': {
        const artifact = this.visible(run).findLast((a) => a.name === name);
        if (!artifact) return sendJson(res, 404, { code: 'not_found', msg: 'artifact not found' });
        await this.remove(artifact);
        return sendJson(res, 200, { ok: true, artifact_id: String(artifact.id) });
      }
      default:
        return sendJson(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }

  private visible(run: WorkflowRun): StoredArtifact[] {
    return this.artifacts.filter((a) => a.run === run && a.finalized && !a.expired);
  }

  private restJson(res: ServerResponse, path: string, method: string, status: number, body: unknown): void {
    const error = this.openApi.check(method, path, status, body);
    if (error) this.violations.push({ operation: `${method} ${path}`, status, errors: error });
    sendJson(res, status, body);
  }

  private restArtifact(a: StoredArtifact) {
    const api = `${this.publicUrl()}/repos/${this.repository.owner}/${this.repository.repo}/actions/artifacts/${a.id}`;
    return {
      id: a.id,
      node_id: Buffer.from(`Artifact${a.id}`).toString('base64'),
      name: a.name,
      size_in_bytes: a.size,
      url: api,
      archive_download_url: `${api}/zip`,
      expired: a.expired,
      created_at: a.createdAt.toISOString(),
      updated_at: a.createdAt.toISOString(),
      expires_at: (a.expiresAt ?? new Date(a.createdAt.getTime() + 90 * 86_400_000)).toISOString(),
      digest: a.digest ?? null,
      workflow_run: {
        id: a.run.runId,
        repository_id: 1,
        head_repository_id: 1,
        head_branch: 'main',
        head_sha: '0'.repeat(40),
      },
    };
  }

  private restList(runId: number, url: URL, res: ServerResponse): void {
    const path = '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts';
    const run = this.runs.get(runId);
    const name = url.searchParams.get('name');
    const all = this.artifacts.filter(
      (a) => a.run === run && a.finalized && (name === null || a.name === name),
    );
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    this.restJson(res, path, 'GET', 200, {
      total_count: all.length,
      artifacts: slice.map((a) => this.restArtifact(a)),
    });
  }

  private restDownload(id: number, res: ServerResponse): void {
    const path = '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
    const artifact = this.artifacts.find((a) => a.id === id && a.finalized);
    if (!artifact) {
      this.restJson(res, path, 'GET', 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    if (artifact.expired) {
      this.restJson(res, path, 'GET', 410, {
        message: 'Artifact has expired',
        documentation_url: 'https://docs.github.com/rest/actions/artifacts#download-an-artifact',
      });
      return;
    }
    res.writeHead(302, { location: this.sasUrl(artifact, 'r'), 'content-length': 0 });
    res.end();
  }

  private async restDeleteAsync(id: number, res: ServerResponse): Promise<void> {
    const artifact = this.artifacts.find((a) => a.id === id && a.finalized);
    if (!artifact) {
      const path = '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}';
      return this.restJson(res, path, 'DELETE', 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    await this.remove(artifact);
    res.writeHead(204);
    res.end();
  }

  private restDelete(id: number, res: ServerResponse): void {
    void this.restDeleteAsync(id, res);
  }

  private async remove(artifact: StoredArtifact): Promise<void> {
    this.artifacts.splice(this.artifacts.indexOf(artifact), 1);
    const service = new BlobServiceClient(this.azurite.blobEndpoint, this.credential);
    await service.getContainerClient(CONTAINER).getBlobClient(artifact.blobName).deleteIfExists();
  }

  private sasUrl(artifact: StoredArtifact, permissions: 'cw' | 'r'): string {
    const fileName = artifact.blobName.split('/').pop()!;
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: artifact.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3_600_000),
        protocol: SASProtocol.HttpsAndHttp,
        ...(permissions === 'r'
          ? {
              contentType: artifact.mimeType,
              contentDisposition: `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
            }
          : {}),
      },
      this.credential,
    );
    return `${this.azurite.blobEndpoint}/${CONTAINER}/${artifact.blobName}?${sas.toString()}`;
  }
}
