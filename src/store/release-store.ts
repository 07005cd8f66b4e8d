import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { DigestStream } from '../envelope/digest';
import {
  type BackupMetadata,
  type BlobDescription,
  completeMetadata,
  type MetadataDraft,
  parseBackupName,
  parseMetadataJson,
} from '../format';
import { formatBytes, ProgressMeter, type ProgressSink } from '../util/progress';
import { StoreError } from './errors';
import { DEFAULT_RETRY, isRateLimit, type RetryPolicy, withRetry } from './retry';
import { spool } from './spool';
import {
  type BackupStore,
  blobFileName,
  METADATA_SUFFIX,
  metadataFileName,
  type StoredBackup,
  type StoreListing,
} from './store';
import { verifyingStream } from './verify';

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
  retry?: Partial<RetryPolicy>;
  tempDir?: string;
  progress?: ProgressSink;
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

function partName(blobName: string, index: number): string {
  return `${blobName}.part${String(index).padStart(3, '0')}`;
}

/** Asset names of a backup's blob: one, or one per part. */
function blobAssetNames(
  metadata: Pick<BackupMetadata, 'name' | 'envelope'>,
  blob: BlobDescription,
): string[] {
  const name = blobFileName(metadata);
  return blob.parts && blob.parts.length > 1 ? blob.parts.map((p) => partName(name, p.index)) : [name];
}

/**
 * Backups as GitHub release assets, through @actions/github's Octokit. Blobs are staged on disk, uploaded
 * with an exact Content-Length and streamed from the file; blobs over the part size are split into
 * `<blob>.partNNN` assets that the metadata lists with their own SHA-256. The metadata asset is uploaded
 * last. Every call retries 5xx, 429 and rate limits, waiting what GitHub asks for.
 */
export class ReleaseStore implements BackupStore {
  readonly location: string;
  private readonly retry: RetryPolicy;
  private readonly partSize: number;
  private octokitPromise: Promise<Octokit> | undefined;

  constructor(private readonly options: ReleaseStoreOptions) {
    this.location = options.tag ? `release:${options.tag}` : 'release';
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (!(this.partSize > 0 && this.partSize <= 2 ** 31 - 1)) {
      throw new StoreError('bad-location', `part size ${this.partSize} must be between 1 byte and 2 GiB`);
    }
  }

  private octokit(): Promise<Octokit> {
    this.octokitPromise ??= import('@actions/github').then((github) =>
      github.getOctokit(this.options.token, {
        baseUrl: this.options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        log: { debug() {}, info() {}, warn() {}, error() {} },
      }),
    );
    return this.octokitPromise;
  }

  private get repo() {
    return { owner: this.options.owner, repo: this.options.repo };
  }

  private tagFor(name: string): string {
    return this.options.tag ?? `${this.options.tagPrefix ?? 'etcd-backup-'}${name}`;
  }

  async put(name: string, blob: Readable, draft: MetadataDraft): Promise<BackupMetadata> {
    let dir: string | undefined;
    try {
      // Checked before the blob is read, so a refusal does not cost a multi-GiB spool first.
      const release = await this.releaseForPut(name);
      let assets = await this.assets(release);
      this.checkRoom(name, assets, [blobFileName(draft)]);

      dir = await mkdtemp(
        join(this.options.tempDir ?? process.env.RUNNER_TEMP ?? tmpdir(), 'etcd-backup-release-'),
      );
      const spooled = await spool(blob, dir, blobFileName(draft), this.partSize);
      const description: BlobDescription = { sha256: spooled.sha256, size: spooled.size };
      if (spooled.parts.length > 1) description.parts = spooled.parts;
      const metadata = completeMetadata(draft, description);
      const names = blobAssetNames(metadata, description);

      // Blob assets without metadata are a previous attempt that never finished: replace them.
      for (const a of assets.filter((x) => names.includes(x.name))) await this.deleteAsset(a);
      assets = assets.filter((x) => !names.includes(x.name));
      this.checkRoom(name, assets, names);

      let offset = 0;
      for (const [i, assetName] of names.entries()) {
        const size = description.parts?.[i]?.size ?? description.size;
        const sha256 = description.parts?.[i]?.sha256 ?? description.sha256;
        const start = offset;
        await this.upload(release, assetName, 'application/octet-stream', size, sha256, () =>
          size === 0 ? Readable.from([]) : createReadStream(spooled.path, { start, end: start + size - 1 }),
        );
        offset += size;
      }
      const json = Buffer.from(`${JSON.stringify(metadata, null, 2)}\n`);
      await this.upload(release, metadataFileName(name), 'application/json', json.length, undefined, () =>
        Readable.from([json]),
      );
      return metadata;
    } catch (error) {
      blob.destroy();
      throw error;
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }

  /** Refuses a duplicate name, or a backup that would take the release past GitHub's asset limit. */
  private checkRoom(name: string, assets: Asset[], blobAssets: string[]): void {
    if (assets.some((a) => a.name === metadataFileName(name))) {
      throw new StoreError('duplicate', `${this.location} already has a backup named ${name}`, {
        hint: 'delete it first (etcd-backup prune or the releases page) if you mean to replace it',
      });
    }
    const present = assets.filter((a) => !blobAssets.includes(a.name)).length;
    const needed = blobAssets.length + 1;
    if (present + needed > MAX_ASSETS_PER_RELEASE) throw this.tooManyAssets(present, needed);
  }

  async list(): Promise<StoreListing> {
    const listing: StoreListing = { backups: [], problems: [] };
    const releases = this.options.tag
      ? [await this.releaseByTag(this.options.tag)]
      : await this.ownReleases();
    for (const release of releases) {
      if (!release) continue;
      // A per-backup release holds a handful of assets, all embedded in the release object: no extra call.
      const assets = this.options.tag ? await this.assets(release) : release.assets;
      const byName = new Map(assets.map((a) => [a.name, a]));
      for (const asset of assets) {
        if (!asset.name.endsWith(METADATA_SUFFIX)) continue;
        const name = asset.name.slice(0, -METADATA_SUFFIX.length);
        if (!parseBackupName(name)) continue;
        try {
          const metadata = await this.readMetadata(name, asset);
          const missing = blobAssetNames(metadata, metadata.envelope.blob).filter(
            (n) => byName.get(n)?.state !== 'uploaded',
          );
          if (missing.length > 0)
            listing.problems.push(`${name}: blob asset(s) missing: ${missing.join(', ')}`);
          else listing.backups.push(metadata);
        } catch (error) {
          listing.problems.push(`${name}: ${(error as Error).message}`);
        }
      }
    }
    return listing;
  }

  async get(name: string): Promise<StoredBackup> {
    const { metadata, assets } = await this.find(name);
    const blob = metadata.envelope.blob;
    const names = blobAssetNames(metadata, blob);
    const parts = names.map((assetName, i) => {
      const asset = assets.find((a) => a.name === assetName && a.state === 'uploaded');
      if (!asset) {
        throw new StoreError('incomplete', `${this.location}: backup ${name} is missing asset ${assetName}`, {
          hint: 'the asset was deleted; this backup cannot be restored, pick another',
        });
      }
      const expected = blob.parts?.[i] ?? { sha256: blob.sha256, size: blob.size };
      return { asset, expected };
    });
    const self = this;
    async function* chunks() {
      for (const { asset, expected } of parts) {
        const check = verifyingStream(`release asset ${asset.name}`, expected);
        const source = await self.download(asset);
        const done = pipeline(source, check);
        done.catch(() => {});
        for await (const chunk of check) yield chunk as Buffer;
        await done;
      }
    }
    const whole = verifyingStream(`${this.location}/${name}`, blob);
    const meter = this.options.progress
      ? new ProgressMeter(`download ${name}`, this.options.progress, blob.size)
      : undefined;
    const stages = meter ? [meter, whole] : [whole];
    pipeline(Readable.from(chunks()), ...(stages as [DigestStream])).catch((error: unknown) =>
      whole.destroy(error as Error),
    );
    return { metadata, blob: whole };
  }

  async delete(name: string): Promise<void> {
    const { metadata, assets, release } = await this.find(name);
    if (!this.options.tag) {
      await this.call(`delete release ${release.tag_name}`, (o) =>
        o.rest.repos.deleteRelease({ ...this.repo, release_id: release.id }),
      );
      await this.call(`delete tag ${release.tag_name}`, (o) =>
        o.rest.git.deleteRef({ ...this.repo, ref: `tags/${release.tag_name}` }),
      ).catch((error: unknown) => {
        // 422 "Reference does not exist": someone removed the tag already.
        if ((error as StoreError).cause && ((error as StoreError).cause as HttpError).status === 422) return;
        throw error;
      });
      return;
    }
    // Metadata first: from then on the backup is no longer listed, even if removing its blob fails.
    const metaAsset = assets.find((a) => a.name === metadataFileName(name));
    if (metaAsset) await this.deleteAsset(metaAsset);
    const names = new Set(blobAssetNames(metadata, metadata.envelope.blob));
    for (const a of assets.filter((x) => names.has(x.name))) await this.deleteAsset(a);
  }

  // --- internals ---------------------------------------------------------------------------------------

  private async call<T>(what: string, request: (octokit: Octokit) => Promise<T>): Promise<T> {
    const octokit = await this.octokit();
    try {
      return await withRetry(what, () => request(octokit), this.retry);
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
        hint: 'check the github-token input; it may have expired',
        cause: error,
      });
    }
    if (e.status === 403 && !isRateLimit(e)) {
      return new StoreError('permission', `${what}: forbidden (403): ${message}`, {
        hint: 'the token needs contents: write (add `permissions: contents: write` to the job)',
        cause: error,
      });
    }
    if (e.status !== undefined && isRateLimit(e)) {
      return new StoreError(
        'rate-limited',
        `${what}: still rate limited after ${this.retry.attempts} tries`,
        {
          hint: 'wait, or use a token with a higher limit (a GitHub App or PAT instead of GITHUB_TOKEN)',
          cause: error,
        },
      );
    }
    if (e.status === 404) return new StoreError('not-found', `${what}: not found (404)`, { cause: error });
    return new StoreError('unavailable', `${what}: ${message}`, {
      hint: `GitHub did not answer well after ${this.retry.attempts} tries; try again later`,
      cause: error,
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
      const { data } = await withRetry(
        `find release ${tag}`,
        () => octokit.rest.repos.getReleaseByTag({ ...this.repo, tag }),
        this.retry,
      );
      return data as Release;
    } catch (error) {
      if ((error as HttpError).status === 404) return undefined;
      throw this.translate(`find release ${tag}`, error);
    }
  }

  private async releaseForPut(name: string): Promise<Release> {
    const tag = this.tagFor(name);
    const existing = await this.releaseByTag(tag);
    if (existing && !this.options.tag) {
      throw new StoreError('duplicate', `a release tagged ${tag} already exists`, {
        hint: 'delete it first if you mean to replace that backup',
      });
    }
    const release = existing ?? (await this.createRelease(tag, name));
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

  private async createRelease(tag: string, name: string): Promise<Release> {
    try {
      const { data } = await this.call(`create release ${tag}`, (o) =>
        o.rest.repos.createRelease({
          ...this.repo,
          tag_name: tag,
          name: this.options.tag ? `etcd backups (${tag})` : `etcd backup ${name}`,
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

  private async find(name: string): Promise<{ metadata: BackupMetadata; assets: Asset[]; release: Release }> {
    const tag = this.tagFor(name);
    const release = await this.releaseByTag(tag);
    const assets = release ? await this.assets(release) : [];
    const metaAsset = assets.find((a) => a.name === metadataFileName(name));
    if (!release || !metaAsset) {
      throw new StoreError('not-found', `${this.location} has no backup named ${name}`, {
        hint: `list what is there with: etcd-backup list --store ${this.location}`,
      });
    }
    return { metadata: await this.readMetadata(name, metaAsset), assets, release };
  }

  private async readMetadata(name: string, asset: Asset): Promise<BackupMetadata> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.download(asset)) chunks.push(chunk as Buffer);
    const metadata = parseMetadataJson(Buffer.concat(chunks).toString('utf8'), `release asset ${asset.name}`);
    if (metadata.name !== name) {
      throw new StoreError(
        'digest-mismatch',
        `release asset ${asset.name} describes backup ${metadata.name}`,
      );
    }
    return metadata;
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

  private async upload(
    release: Release,
    assetName: string,
    contentType: string,
    size: number,
    sha256: string | undefined,
    body: () => Readable,
  ): Promise<void> {
    const what = `upload ${assetName} (${formatBytes(size)})`;
    const attempt = async () => {
      let data: Readable = body();
      if (this.options.progress && size > 0) {
        const meter = new ProgressMeter(`upload ${assetName}`, this.options.progress, size);
        data = data.pipe(meter);
      }
      const asset = (await this.postAsset(
        uploadUrl(release.upload_url, assetName),
        data,
        contentType,
        size,
      )) as Asset;
      if (sha256 && asset.digest && asset.digest !== `sha256:${sha256}`) {
        throw new StoreError(
          'digest-mismatch',
          `${what}: GitHub recorded ${asset.digest}, not sha256:${sha256}`,
          {
            hint: 'the upload was damaged in transit; run the backup again',
          },
        );
      }
    };
    // After a failed try GitHub may keep a half-written asset (state "open") under the name: remove it.
    const cleanUp = async () => {
      const stale = (await this.assets(release)).filter((a) => a.name === assetName);
      for (const a of stale) await this.deleteAsset(a);
    };
    try {
      await withRetry(what, attempt, this.retry, cleanUp);
    } catch (error) {
      throw this.translate(what, error);
    }
  }

  /**
   * POSTs an asset body with @actions/http-client (node:http, proxy-aware) rather than Octokit's fetch:
   * undici's fetch was measured buffering a streamed request body (a 1 GiB upload grew RSS by 1 GiB),
   * while node:http honours backpressure.
   */
  private async postAsset(url: string, data: Readable, contentType: string, size: number): Promise<unknown> {
    const { HttpClient } = await import('@actions/http-client');
    const client = new HttpClient('etcd-backup-action', [], { allowRetries: false, keepAlive: false });
    const response = await client.sendStream('POST', url, data, {
      authorization: `token ${this.options.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': contentType,
      'content-length': String(size),
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
  }
}

/** Expands the `{?name,label}` template of a release's upload_url for one asset name. */
function uploadUrl(template: string, name: string): string {
  return `${template.replace(/\{\?[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
}
