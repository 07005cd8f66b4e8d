import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drain, type Handler, readJson, sendJson } from './http';
import type { OpenApiChecker, Violation } from './openapi';

/**
 * GitHub's releases REST API, run locally: releases, asset upload (raw body at `upload_url`), listing with
 * Link pagination, download (302 to the bytes, as github.com does), delete, and tag refs. Asset bytes live
 * in a temp dir, so multi-GiB assets cost disk, not memory. It enforces GitHub's limits (assets must be
 * under 2 GiB, 1000 assets per release, unique asset names) and every JSON answer is checked against the
 * OpenAPI description. Faults (5xx, 429, rate limits) can be injected per route.
 */
export interface LocalAsset {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  size: number;
  sha256: string;
  state: 'uploaded' | 'open';
  createdAt: Date;
  path: string | undefined;
}

export interface LocalRelease {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  createdAt: Date;
  assets: LocalAsset[];
}

export interface Fault {
  /** Matched against `METHOD /path` (path without query). */
  match: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

export const MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_ASSETS_PER_RELEASE = 1000;

export class ReleasesServer {
  readonly releases: LocalRelease[] = [];
  readonly tags = new Set<string>();
  readonly violations: Violation[] = [];
  readonly faults: Fault[] = [];
  private nextId = 500;
  private dir = '';

  constructor(
    readonly repository: { owner: string; repo: string },
    readonly token: string,
    private readonly openApi: OpenApiChecker,
    private readonly publicUrl: () => string,
  ) {}

  async init(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'local-releases-'));
  }

  async dispose(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /** Next `times` requests matching `match` get `status` (with e.g. retry-after or x-ratelimit-* headers). */
  failNext(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** Adds `count` empty assets to a release, to reach GitHub's per-release limit without uploading. */
  seedAssets(release: LocalRelease, count: number, prefix = 'filler'): void {
    for (let i = 0; i < count; i++) {
      release.assets.push({
        id: this.nextId++,
        name: `${prefix}-${i}.bin`,
        label: null,
        contentType: 'application/octet-stream',
        size: 0,
        sha256: createHash('sha256').digest('hex'),
        state: 'uploaded',
        createdAt: new Date(),
        path: undefined,
      });
    }
  }

  readonly handler: Handler = async (req, res, url) => {
    const prefix = `/repos/${this.repository.owner}/${this.repository.repo}/`;
    const blob = /^\/_local\/assets\/(\d+)$/.exec(url.pathname);
    if (blob) {
      await this.serveBytes(Number(blob[1]), req, res);
      return true;
    }
    if (!url.pathname.startsWith(prefix)) return false;
    const rest = url.pathname.slice(prefix.length);
    if (!/^(releases(\/|$)|git\/refs\/tags(\/|%2F))/i.test(rest)) return false;
    const method = req.method ?? 'GET';
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(`${method} ${url.pathname}`));
    if (fault) {
      fault.times--;
      await drain(req);
      sendJson(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers);
      return true;
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      await drain(req);
      sendJson(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return true;
    }
    await this.route(method, rest, req, res, url);
    return true;
  };

  private async route(
    method: string,
    rest: string,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const byTag = /^releases\/tags\/(.+)$/.exec(rest);
    const assetId = /^releases\/assets\/(\d+)$/.exec(rest);
    const assetsOf = /^releases\/(\d+)\/assets$/.exec(rest);
    const releaseId = /^releases\/(\d+)$/.exec(rest);
    // Octokit sends `{ref}` encoded (tags%2Fname); GitHub accepts it either way.
    const tagRef = /^git\/refs\/tags\/(.+)$/.exec(
      `git/refs/${decodeURIComponent(rest.slice('git/refs/'.length))}`,
    );
    if (rest === 'releases' && method === 'GET') return this.listReleases(req, res, url);
    if (rest === 'releases' && method === 'POST') return this.createRelease(req, res);
    if (byTag && method === 'GET') return this.releaseByTag(decodeURIComponent(byTag[1]!), req, res);
    if (assetId) return this.asset(method, Number(assetId[1]), req, res);
    if (assetsOf && method === 'POST') return this.upload(Number(assetsOf[1]), req, res, url);
    if (assetsOf && method === 'GET') return this.listAssets(Number(assetsOf[1]), req, res, url);
    if (releaseId) return this.release(method, Number(releaseId[1]), req, res);
    if (tagRef && method === 'DELETE') return this.deleteTag(decodeURIComponent(tagRef[1]!), req, res);
    await drain(req);
    sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  private async deleteTag(tag: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await drain(req);
    if (!this.tags.delete(tag)) {
      return this.json(res, 'DELETE', '/repos/{owner}/{repo}/git/refs/{ref}', 422, {
        message: 'Reference does not exist',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    res.writeHead(204).end();
  }

  private json(
    res: ServerResponse,
    method: string,
    path: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const error = this.openApi.check(method, path, status, body);
    if (error) this.violations.push({ operation: `${method} ${path}`, status, errors: error });
    sendJson(res, status, body, {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...headers,
    });
  }

  private notFound(res: ServerResponse, method: string, path: string): void {
    this.json(res, method, path, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
  }

  private user() {
    const base = this.publicUrl();
    return {
      login: 'github-actions[bot]',
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      avatar_url: `${base}/avatars/41898282`,
      gravatar_id: '',
      url: `${base}/users/github-actions%5Bbot%5D`,
      html_url: `${base}/apps/github-actions`,
      followers_url: `${base}/users/github-actions%5Bbot%5D/followers`,
      following_url: `${base}/users/github-actions%5Bbot%5D/following{/other_user}`,
      gists_url: `${base}/users/github-actions%5Bbot%5D/gists{/gist_id}`,
      starred_url: `${base}/users/github-actions%5Bbot%5D/starred{/owner}{/repo}`,
      subscriptions_url: `${base}/users/github-actions%5Bbot%5D/subscriptions`,
      organizations_url: `${base}/users/github-actions%5Bbot%5D/orgs`,
      repos_url: `${base}/users/github-actions%5Bbot%5D/repos`,
      events_url: `${base}/users/github-actions%5Bbot%5D/events{/privacy}`,
      received_events_url: `${base}/users/github-actions%5Bbot%5D/received_events`,
      type: 'Bot',
      site_admin: false,
    };
  }

  private repoUrl(): string {
    return `${this.publicUrl()}/repos/${this.repository.owner}/${this.repository.repo}`;
  }

  private assetJson(a: LocalAsset) {
    return {
      url: `${this.repoUrl()}/releases/assets/${a.id}`,
      browser_download_url: `${this.publicUrl()}/_local/assets/${a.id}`,
      id: a.id,
      node_id: Buffer.from(`ReleaseAsset${a.id}`).toString('base64'),
      name: a.name,
      label: a.label,
      state: a.state,
      content_type: a.contentType,
      size: a.size,
      digest: `sha256:${a.sha256}`,
      download_count: 0,
      created_at: a.createdAt.toISOString(),
      updated_at: a.createdAt.toISOString(),
      uploader: this.user(),
    };
  }

  private releaseJson(r: LocalRelease) {
    const url = `${this.repoUrl()}/releases/${r.id}`;
    return {
      url,
      html_url: `${this.publicUrl()}/${this.repository.owner}/${this.repository.repo}/releases/tag/${encodeURIComponent(r.tag)}`,
      assets_url: `${url}/assets`,
      upload_url: `${url}/assets{?name,label}`,
      tarball_url: `${this.repoUrl()}/tarball/${encodeURIComponent(r.tag)}`,
      zipball_url: `${this.repoUrl()}/zipball/${encodeURIComponent(r.tag)}`,
      id: r.id,
      node_id: Buffer.from(`Release${r.id}`).toString('base64'),
      tag_name: r.tag,
      target_commitish: 'main',
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      immutable: r.immutable,
      created_at: r.createdAt.toISOString(),
      published_at: r.draft ? null : r.createdAt.toISOString(),
      author: this.user(),
      assets: r.assets.map((a) => this.assetJson(a)),
    };
  }

  private page<T>(
    items: T[],
    url: URL,
    res: ServerResponse,
  ): { slice: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30), 1), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string) => {
      const u = new URL(url.pathname, this.publicUrl());
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return `<${u}>; rel="${rel}"`;
    };
    const links = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    void res;
    return {
      slice: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  }

  private async listReleases(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    await drain(req);
    const { slice, headers } = this.page([...this.releases].reverse(), url, res);
    this.json(
      res,
      'GET',
      '/repos/{owner}/{repo}/releases',
      200,
      slice.map((r) => this.releaseJson(r)),
      headers,
    );
  }

  private async createRelease(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = '/repos/{owner}/{repo}/releases';
    const tag = body.tag_name;
    if (typeof tag !== 'string' || tag === '') {
      return this.json(res, 'POST', path, 422, {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest',
        errors: [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }],
      });
    }
    if (this.releases.some((r) => r.tag === tag)) {
      return this.json(res, 'POST', path, 422, {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest',
        errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      });
    }
    const release: LocalRelease = {
      id: this.nextId++,
      tag,
      name: typeof body.name === 'string' ? body.name : null,
      body: typeof body.body === 'string' ? body.body : null,
      draft: body.draft === true,
      prerelease: body.prerelease === true,
      immutable: false,
      createdAt: new Date(),
      assets: [],
    };
    this.releases.push(release);
    this.tags.add(tag);
    this.json(res, 'POST', path, 201, this.releaseJson(release), {
      location: `${this.repoUrl()}/releases/${release.id}`,
    });
  }

  private async releaseByTag(tag: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await drain(req);
    const release = this.releases.find((r) => r.tag === tag && !r.draft);
    if (!release) return this.notFound(res, 'GET', '/repos/{owner}/{repo}/releases/tags/{tag}');
    this.json(res, 'GET', '/repos/{owner}/{repo}/releases/tags/{tag}', 200, this.releaseJson(release));
  }

  private async release(
    method: string,
    id: number,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const path = '/repos/{owner}/{repo}/releases/{release_id}';
    const release = this.releases.find((r) => r.id === id);
    let body: Record<string, unknown> = {};
    if (method === 'PATCH') body = await readJson(req);
    else await drain(req);
    if (!release) return this.notFound(res, method, path);
    if (method === 'GET') return this.json(res, 'GET', path, 200, this.releaseJson(release));
    if (method === 'PATCH') {
      if (typeof body.draft === 'boolean') release.draft = body.draft;
      if (typeof body.prerelease === 'boolean') release.prerelease = body.prerelease;
      if (typeof body.name === 'string') release.name = body.name;
      return this.json(res, 'PATCH', path, 200, this.releaseJson(release));
    }
    if (method === 'DELETE') {
      this.releases.splice(this.releases.indexOf(release), 1);
      await Promise.all(release.assets.map((a) => (a.path ? rm(a.path, { force: true }) : undefined)));
      res.writeHead(204).end();
      return;
    }
    sendJson(res, 404, { message: 'Not Found' });
  }

  private async listAssets(id: number, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    await drain(req);
    const path = '/repos/{owner}/{repo}/releases/{release_id}/assets';
    const release = this.releases.find((r) => r.id === id);
    if (!release)
      return sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const { slice, headers } = this.page(release.assets, url, res);
    this.json(
      res,
      'GET',
      path,
      200,
      slice.map((a) => this.assetJson(a)),
      headers,
    );
  }

  private async upload(id: number, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = '/repos/{owner}/{repo}/releases/{release_id}/assets';
    const release = this.releases.find((r) => r.id === id);
    const name = url.searchParams.get('name') ?? '';
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    const invalid = (code: string, field: string, message?: string) =>
      this.json(res, 'POST', path, 422, {
        message: 'Validation Failed',
        request_id: 'LOCAL:0000',
        documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
        errors: [{ resource: 'ReleaseAsset', code, field, ...(message ? { message } : {}) }],
      });
    if (!release) {
      await drain(req);
      return sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    if (!req.headers['content-type']) {
      await drain(req);
      return sendJson(res, 400, { message: 'Content-Type header is required' });
    }
    if (!Number.isFinite(length)) {
      await drain(req);
      return sendJson(res, 411, { message: 'Content-Length header is required' });
    }
    if (!name) {
      await drain(req);
      return invalid('missing_field', 'name');
    }
    if (release.immutable) {
      await drain(req);
      return invalid('custom', 'release', 'Cannot upload assets to an immutable release.');
    }
    if (length > MAX_ASSET_BYTES) {
      await drain(req);
      return invalid('custom', 'size', `size must be less than or equal to ${MAX_ASSET_BYTES}`);
    }
    if (release.assets.length >= MAX_ASSETS_PER_RELEASE) {
      await drain(req);
      return invalid('custom', 'file_count', `file_count limited to ${MAX_ASSETS_PER_RELEASE} assets`);
    }
    if (release.assets.some((a) => a.name === name)) {
      await drain(req);
      return invalid('already_exists', 'name');
    }
    const asset: LocalAsset = {
      id: this.nextId++,
      name,
      label: url.searchParams.get('label'),
      contentType: req.headers['content-type'],
      size: 0,
      sha256: '',
      state: 'open',
      createdAt: new Date(),
      path: join(this.dir, `asset-${this.nextId}`),
    };
    release.assets.push(asset);
    const hash = createHash('sha256');
    const counter = new Transform({
      transform(chunk: Buffer, _e, done) {
        hash.update(chunk);
        asset.size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, createWriteStream(asset.path!));
    } catch {
      // A broken upload stays behind in state 'open', as on github.com; clients must delete it.
      return;
    }
    if (asset.size !== length) return;
    asset.sha256 = hash.digest('hex');
    asset.state = 'uploaded';
    this.json(res, 'POST', path, 201, this.assetJson(asset));
  }

  private async asset(method: string, id: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await drain(req);
    const path = '/repos/{owner}/{repo}/releases/assets/{asset_id}';
    const release = this.releases.find((r) => r.assets.some((a) => a.id === id));
    const asset = release?.assets.find((a) => a.id === id);
    if (!release || !asset) return this.notFound(res, method, path);
    if (method === 'DELETE') {
      release.assets.splice(release.assets.indexOf(asset), 1);
      if (asset.path) await rm(asset.path, { force: true });
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET') return sendJson(res, 404, { message: 'Not Found' });
    if ((req.headers.accept ?? '').includes('application/octet-stream')) {
      res.writeHead(302, { location: `${this.publicUrl()}/_local/assets/${id}`, 'content-length': 0 });
      res.end();
      return;
    }
    this.json(res, 'GET', path, 200, this.assetJson(asset));
  }

  private async serveBytes(id: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await drain(req);
    const asset = this.releases.flatMap((r) => r.assets).find((a) => a.id === id);
    if (asset?.state !== 'uploaded') return sendJson(res, 404, { message: 'Not Found' });
    const size = asset.path ? (await stat(asset.path)).size : 0;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': size,
      'content-disposition': `attachment; filename=${asset.name}`,
    });
    if (!asset.path) return void res.end();
    await pipeline(createReadStream(asset.path), res).catch(() => {});
  }
}
