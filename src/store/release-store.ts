import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseBackupName } from '../format';
import { optionName } from '../options/naming';
import { formatBytes } from '../util/progress';
import type { BlobBackend, BlobInfo, BlobSource } from './backend';
import { StoreError } from './errors';
import { isRateLimit, isTransientHttp, requestedWaitMs } from './retry';
import { backupNameOfKey } from './store';

/** GitHub rejects assets of 2 GiB and more; 2 GB (decimal) leaves room. */
export const DEFAULT_PART_SIZE = 2_000_000_000;
export const MAX_ASSETS_PER_RELEASE = 1000;

export interface ReleaseStoreOptions {
  token: string;
  owner: string;
  repo: string;
  /** REST API base; defaults to GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string;
  /**
   * A rolling release: every backup becomes assets of the release with this tag (created as a
   * pre-release if missing). Without it, each backup gets its own release tagged `<tagPrefix><name>`.
   */
  tag?: string;
  tagPrefix?: string;
  /** Blobs larger than this are split into parts; tests use small values, production keeps the default. */
  partSize?: number;
}

interface Asset {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
}

interface Release {
  id: number;
  tag_name: string;
  upload_url: string;
  draft: boolean;
  immutable?: boolean;
  assets: Asset[];
}

type Octokit = Awaited<ReturnType<typeof import('@actions/github')['getOctokit']>>;

interface HttpError {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

/**
 * Blobs as GitHub release assets, through @actions/github's Octokit: in one rolling release, or one release
 * per backup (removed with its tag when its last asset goes). Assets are uploaded with an exact
 * Content-Length, streamed; they must stay under 2 GiB, so the catalog splits larger blobs into parts.
 */
export class ReleaseBackend implements BlobBackend {
  readonly location: string;
  readonly maxBlobSize: number;
  private octokitPromise: Promise<Octokit> | undefined;

  constructor(private readonly options: ReleaseStoreOptions) {
    this.location = options.tag ? `release:${options.tag}` : 'release';
    this.maxBlobSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (!(this.maxBlobSize > 0 && this.maxBlobSize <= 2 ** 31 - 1)) {
      throw new StoreError('bad-location', `part size ${this.maxBlobSize} must be between 1 byte and 2 GiB`);
    }
  }

  private octokit(): Promise<Octokit> {
    this.octokitPromise ??= import('@actions/github').then((github) =>
      github.getOctokit(this.options.token, {
        baseUrl: this.apiUrl,
        log: { debug() {}, info() {}, warn() {}, error() {} },
      }),
    );
    return this.octokitPromise;
  }

  private get apiUrl(): string {
    return this.options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  }

  private get repo() {
    return { owner: this.options.owner, repo: this.options.repo };
  }

  private tagFor(key: string): string {
    if (this.options.tag) return this.options.tag;
    const name = backupNameOfKey(key);
    if (!name) throw new StoreError('bad-location', `${key} is not the name of a backup's blob or metadata`);
    return `${this.options.tagPrefix ?? 'etcd-backup-'}${name}`;
  }

  async put(key: string, source: BlobSource): Promise<void> {
    if (source.size === undefined) {
      throw new StoreError('bad-location', `upload ${key}: release assets need their size before the upload`);
    }
    const release = await this.releaseForPut(this.tagFor(key));
    // An asset left by an upload that never finished, or the blob of an incomplete backup: replace it.
    for (const stale of (await this.assets(release)).filter((a) => a.name === key))
      await this.deleteAsset(stale);
    const what = `upload ${key} (${formatBytes(source.size)})`;
    const asset = (await this.postAsset(what, key, uploadUrl(release.upload_url, key), source)) as Asset;
    if (source.sha256 && asset.digest && asset.digest !== `sha256:${source.sha256}`) {
      throw new StoreError(
        'digest-mismatch',
        `${what}: GitHub recorded ${asset.digest}, not sha256:${source.sha256}`,
        {
          hint: 'the upload was damaged in transit; run the backup again',
        },
      );
    }
  }

  async get(key: string): Promise<Readable> {
    const release = await this.releaseByTag(this.tagFor(key));
    const asset =
      release && (await this.assets(release)).find((a) => a.name === key && a.state === 'uploaded');
    if (!asset) throw new StoreError('not-found', `${this.location} has no asset ${key}`);
    return this.download(asset);
  }

  async list(): Promise<BlobInfo[]> {
    const releases = this.options.tag
      ? [await this.releaseByTag(this.options.tag)]
      : await this.ownReleases();
    const blobs: BlobInfo[] = [];
    for (const release of releases) {
      if (!release) continue;
      // A per-backup release holds a handful of assets, all embedded in the release object: no extra call.
      const assets = this.options.tag ? await this.assets(release) : release.assets;
      for (const a of assets.filter((x) => x.state === 'uploaded')) {
        blobs.push({
          key: a.name,
          size: a.size,
          ...(a.digest ? { sha256: a.digest.replace(/^sha256:/, '') } : {}),
        });
      }
    }
    return blobs;
  }

  async delete(key: string): Promise<void> {
    const release = await this.releaseByTag(this.tagFor(key));
    const assets = release ? await this.assets(release) : [];
    const asset = assets.find((a) => a.name === key);
    if (!release || !asset) throw new StoreError('not-found', `${this.location} has no asset ${key}`);
    await this.deleteAsset(asset);
    if (!this.options.tag && assets.length === 1) await this.deleteRelease(release);
  }

  /** Refuses a backup that would take the release past GitHub's asset limit. */
  async prepare(keys: string[]): Promise<void> {
    const release = await this.releaseByTag(this.tagFor(keys[0]!));
    if (!release) return;
    const present = (await this.assets(release)).filter((a) => !keys.includes(a.name)).length;
    if (present + keys.length > MAX_ASSETS_PER_RELEASE) throw this.tooManyAssets(present, keys.length);
  }

  // --- internals ---------------------------------------------------------------------------------------

  private async call<T>(what: string, request: (octokit: Octokit) => Promise<T>): Promise<T> {
    const octokit = await this.octokit();
    try {
      return await request(octokit);
    } catch (error) {
      throw this.translate(what, error);
    }
  }

  private translate(what: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const e = error as HttpError;
    const detail = JSON.stringify(e.response?.data ?? '');
    const message = (e.message ?? String(error)).split('\n')[0]!;
    if (e.status === 422 && /file_count/.test(detail))
      return this.tooManyAssets(MAX_ASSETS_PER_RELEASE, 1, error);
    if (e.status === 422 && /already_exists/.test(detail)) {
      return new StoreError('duplicate', `${what}: it already exists`, { cause: error });
    }
    if (e.status === 422 && /size must be/.test(detail)) {
      return new StoreError('limit', `${what}: GitHub refused the asset's size`, {
        hint: 'assets must be under 2 GiB; lower the part size',
        cause: error,
      });
    }
    if (e.status === 401) {
      return new StoreError('permission', `${what}: the token was refused (401)`, {
        hint: `check ${optionName('githubToken')}; it may have expired`,
        cause: error,
      });
    }
    if (e.status === 403 && !isRateLimit(e)) {
      return new StoreError('permission', `${what}: forbidden (403): ${message}`, {
        hint: 'the token needs contents: write (add `permissions: contents: write` to the job)',
        cause: error,
      });
    }
    const retryAfterMs = requestedWaitMs(e);
    const wait = retryAfterMs === undefined ? {} : { retryAfterMs };
    if (e.status !== undefined && isRateLimit(e)) {
      return new StoreError('rate-limited', `${what}: GitHub's rate limit was hit`, {
        hint: 'wait, or use a token with a higher limit (a GitHub App or PAT instead of GITHUB_TOKEN)',
        cause: error,
        transient: true,
        ...wait,
      });
    }
    if (e.status === 404) return new StoreError('not-found', `${what}: not found (404)`, { cause: error });
    return new StoreError('unavailable', `${what}: ${message}`, {
      hint: 'GitHub did not answer well; try again later',
      cause: error,
      transient: isTransientHttp(e),
      ...wait,
    });
  }

  private tooManyAssets(present: number, needed: number, cause?: unknown): StoreError {
    return new StoreError(
      'limit',
      `${this.location} has ${present} assets; this backup needs ${needed} more, over GitHub's limit of ${MAX_ASSETS_PER_RELEASE} per release`,
      {
        hint: `prune old backups (etcd-backup prune --store ${this.location} --keep-last N) or switch to a new release tag`,
        cause,
      },
    );
  }

  private async releaseByTag(tag: string): Promise<Release | undefined> {
    try {
      const octokit = await this.octokit();
      const { data } = await octokit.rest.repos.getReleaseByTag({ ...this.repo, tag });
      return data as Release;
    } catch (error) {
      if ((error as HttpError).status === 404) return undefined;
      throw this.translate(`find release ${tag}`, error);
    }
  }

  private async releaseForPut(tag: string): Promise<Release> {
    const release = (await this.releaseByTag(tag)) ?? (await this.createRelease(tag));
    if (release.immutable) {
      throw new StoreError(
        'bad-location',
        `release ${tag} is immutable: assets can no longer be added or removed`,
        {
          hint: 'use another release tag, or turn off immutable releases for this repository',
        },
      );
    }
    return release;
  }

  private async createRelease(tag: string): Promise<Release> {
    try {
      const { data } = await this.call(`create release ${tag}`, (o) =>
        o.rest.repos.createRelease({
          ...this.repo,
          tag_name: tag,
          name: this.options.tag
            ? `etcd backups (${tag})`
            : `etcd backup ${tag.slice((this.options.tagPrefix ?? 'etcd-backup-').length)}`,
          body: 'etcd snapshots stored by etcd-backup-action: encrypted blobs (age) and their metadata (JSON).',
          prerelease: true,
          make_latest: 'false',
        }),
      );
      return data as Release;
    } catch (error) {
      // Not found by tag, yet the tag is taken: a draft release (drafts are invisible to get-by-tag).
      if (error instanceof StoreError && error.reason === 'duplicate') {
        throw new StoreError(
          'bad-location',
          `release ${tag} exists as a draft, which cannot be found by its tag`,
          {
            hint: 'publish it (a pre-release is fine) or choose another release tag',
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  private async deleteRelease(release: Release): Promise<void> {
    await this.call(`delete release ${release.tag_name}`, (o) =>
      o.rest.repos.deleteRelease({ ...this.repo, release_id: release.id }),
    );
    await this.call(`delete tag ${release.tag_name}`, (o) =>
      o.rest.git.deleteRef({ ...this.repo, ref: `tags/${release.tag_name}` }),
    ).catch((error: unknown) => {
      // 422 "Reference does not exist": someone removed the tag already.
      if (((error as StoreError).cause as HttpError | undefined)?.status === 422) return;
      throw error;
    });
  }

  private async ownReleases(): Promise<Release[]> {
    const prefix = this.options.tagPrefix ?? 'etcd-backup-';
    const octokit = await this.octokit();
    const all = await this.call('list releases', () =>
      octokit.paginate(octokit.rest.repos.listReleases, { ...this.repo, per_page: 100 }),
    );
    return (all as Release[]).filter(
      (r) => r.tag_name.startsWith(prefix) && parseBackupName(r.tag_name.slice(prefix.length)),
    );
  }

  private async assets(release: Release): Promise<Asset[]> {
    const octokit = await this.octokit();
    const all = await this.call(`list assets of ${release.tag_name}`, () =>
      octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        ...this.repo,
        release_id: release.id,
        per_page: 100,
      }),
    );
    return all as Asset[];
  }

  private async deleteAsset(asset: Asset): Promise<void> {
    await this.call(`delete asset ${asset.name}`, (o) =>
      o.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: asset.id }),
    ).catch((error: unknown) => {
      if (!(error instanceof StoreError && error.reason === 'not-found')) throw error;
    });
  }

  /** The asset's bytes as a stream: GitHub answers 302 to storage (fetch follows it) or streams directly. */
  private async download(asset: Asset): Promise<Readable> {
    const response = await this.call(`download ${asset.name}`, (o) =>
      o.rest.repos.getReleaseAsset({
        ...this.repo,
        asset_id: asset.id,
        headers: { accept: 'application/octet-stream' },
        request: { parseSuccessResponseBody: false },
      }),
    );
    return Readable.fromWeb(response.data as unknown as WebReadableStream<Uint8Array>);
  }

  /**
   * POSTs an asset body with @actions/http-client (node:http, proxy-aware) rather than Octokit's fetch:
   * undici's fetch was measured buffering a streamed request body (a 1 GiB upload grew RSS by 1 GiB),
   * while node:http honours backpressure.
   */
  private async postAsset(what: string, key: string, url: string, source: BlobSource): Promise<unknown> {
    const { HttpClient } = await import('@actions/http-client');
    const client = new HttpClient('etcd-backup-action', [], { allowRetries: false, keepAlive: false });
    try {
      const response = await client.sendStream('POST', url, source.open(), {
        authorization: `token ${this.options.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': key.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        'content-length': String(source.size),
      });
      const text = await response.readBody();
      const status = response.message.statusCode ?? 0;
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Non-JSON answers (a proxy's error page) are kept as text for the message.
      }
      if (status === 201) return parsed;
      const message = (parsed as { message?: string })?.message ?? `HTTP ${status}`;
      throw Object.assign(new Error(`${message} (${status})`), {
        status,
        response: { data: parsed, headers: response.message.headers as Record<string, string> },
      });
    } catch (error) {
      throw this.translate(what, error);
    }
  }
}

/** Expands the `{?name,label}` template of a release's upload_url for one asset name. */
function uploadUrl(template: string, name: string): string {
  return `${template.replace(/\{\?[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
}
