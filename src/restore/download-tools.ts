import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tc from '@actions/tool-cache';
import { errorLine, InputError } from '../errors';
import type { Logger } from '../util/log';
import { shown } from '../util/shown';
import { EtcdToolError } from './etcd-tools';

export const DEFAULT_ETCD_DOWNLOAD_URL = 'https://github.com/etcd-io/etcd/releases/download';

const ARCH: Partial<Record<NodeJS.Architecture, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  ppc64: 'ppc64le',
  s390x: 's390x',
};

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The base URL of etcd's release assets: https, or plain http to loopback only (a local mirror or a test). */
export function parseDownloadUrl(value: string, input = '--etcd-download-url'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, `an https:// URL (got ${shown(value)})`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new InputError(input, `an https:// URL, or http:// to a loopback address (got ${shown(value)})`);
  if (url.search || url.hash)
    throw new InputError(input, `a URL without ?query or #fragment (got ${shown(value)})`);
  return url.href.replace(/\/+$/, '');
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Outside a GitHub runner tool-cache has no folders of its own; give it ours. */
function ensureToolCacheEnv(): void {
  process.env.RUNNER_TOOL_CACHE ||= join(homedir(), '.cache', 'etcd-backup-action', 'tool-cache');
  process.env.RUNNER_TEMP ||= tmpdir();
  mkdirSync(process.env.RUNNER_TOOL_CACHE, { recursive: true });
}

function describeDownloadError(error: unknown, url: string, version: string): EtcdToolError {
  const status = (error as { httpStatusCode?: number }).httpStatusCode;
  const why = status ? `HTTP ${status}` : errorLine(error);
  return new EtcdToolError(`cannot download etcd ${version} from ${url}: ${why}`, {
    hint:
      status === 404
        ? `check that etcd v${version} is published there (--etcd-download-url / etcd_download_url), or put etcd and etcdutl ${version} on PATH or name their folder with --etcd-tools / etcd_tools`
        : 'check the network and the download URL, or put the etcd tools on the runner yourself (--etcd-tools / etcd_tools)',
    cause: error,
  });
}

/**
 * tool-cache reports through @actions/core, which writes `::debug::` lines to stdout. On a runner those are
 * workflow commands; from the CLI they would mix into its output (--json), so they are dropped there.
 */
async function withoutToolkitDebug<T>(fn: () => Promise<T>): Promise<T> {
  if (process.env.GITHUB_ACTIONS === 'true') return fn();
  const write = process.stdout.write;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (String(chunk).startsWith('::debug::')) {
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

/**
 * etcd's release tarball for exactly `version`, checked against the release's SHA256SUMS, unpacked and kept in
 * the tool cache (RUNNER_TOOL_CACHE); a second call finds it there without a request. Returns the folder with
 * etcd, etcdctl and (from 3.5) etcdutl.
 */
export async function downloadEtcdTools(options: {
  version: string;
  baseUrl?: string;
  arch?: string;
  log: Logger;
}): Promise<string> {
  return withoutToolkitDebug(() => download(options));
}

async function download(options: { version: string; baseUrl?: string; arch?: string; log: Logger }) {
  ensureToolCacheEnv();
  const { version, log } = options;
  requirePlainVersion(version);
  const arch = releaseArch(options.arch);
  const cached = tc.find('etcd', version, arch);
  if (cached && existsSync(join(cached, 'etcd'))) {
    log.info(`etcd ${version} tools from the tool cache: ${cached}`);
    return cached;
  }
  const release = releaseOf(options.baseUrl ?? DEFAULT_ETCD_DOWNLOAD_URL, version, arch);
  log.info(`downloading etcd ${version} tools from ${release.tarUrl}`);
  return fetchIntoToolCache(release, log);
}

function requirePlainVersion(version: string): void {
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new EtcdToolError(`cannot download etcd tools for version '${version}'`, {
      hint: 'the backup does not record a plain etcd version; give the tools with --etcd-tools / etcd_tools',
    });
}

function releaseArch(given: string | undefined): string {
  const arch = given ?? ARCH[process.arch];
  if (!arch)
    throw new EtcdToolError(`etcd publishes no release for this runner's architecture (${process.arch})`, {
      hint: 'give the tools with --etcd-tools / etcd_tools',
    });
  return arch;
}

/** One etcd release for one architecture: its tarball (named `name`.tar.gz) and the SHA256SUMS beside it. */
interface Release {
  version: string;
  arch: string;
  name: string;
  tarUrl: string;
  sumsUrl: string;
}

function releaseOf(baseUrl: string, version: string, arch: string): Release {
  const base = parseDownloadUrl(baseUrl);
  const name = `etcd-v${version}-linux-${arch}`;
  return {
    version,
    arch,
    name,
    tarUrl: `${base}/v${version}/${name}.tar.gz`,
    sumsUrl: `${base}/v${version}/SHA256SUMS`,
  };
}

/** Downloads, checks and unpacks the release, keeps it in the tool cache, and removes what it downloaded. */
async function fetchIntoToolCache(release: Release, log: Logger): Promise<string> {
  const { version, arch, name } = release;
  const downloaded: string[] = [];
  try {
    const sumsFile = await fetchFile(release.sumsUrl, version);
    downloaded.push(sumsFile);
    const want = listedSha256(sumsFile, release);
    const tarball = await fetchFile(release.tarUrl, version);
    downloaded.push(tarball);
    await checkSha256(tarball, want, release);
    const unpacked = await tc.extractTar(tarball, undefined, 'xz');
    downloaded.push(unpacked);
    const kept = await tc.cacheDir(toolsDirIn(unpacked, name), 'etcd', version, arch);
    log.info(`etcd ${version} tools verified (sha256 ${want.slice(0, 16)}…) and cached in ${kept}`);
    return kept;
  } finally {
    for (const path of downloaded) rmSync(path, { recursive: true, force: true });
  }
}

async function fetchFile(url: string, version: string): Promise<string> {
  try {
    return await tc.downloadTool(url);
  } catch (error) {
    throw describeDownloadError(error, url, version);
  }
}

/** The tarball's SHA-256 as the release's SHA256SUMS lists it. */
function listedSha256(sumsFile: string, { name, sumsUrl }: Release): string {
  const want = readFileSync(sumsFile, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find(([, file]) => file?.replace(/^\*/, '') === `${name}.tar.gz`)?.[0]
    ?.toLowerCase();
  if (!want || !/^[0-9a-f]{64}$/.test(want))
    throw new EtcdToolError(`${sumsUrl} lists no SHA-256 for ${name}.tar.gz`, {
      hint: 'check the download URL, or give the tools with --etcd-tools / etcd_tools',
    });
  return want;
}

async function checkSha256(tarball: string, want: string, { name, tarUrl }: Release): Promise<void> {
  const got = await sha256Of(tarball);
  if (got !== want)
    throw new EtcdToolError(
      `${name}.tar.gz from ${tarUrl} does not match its SHA256SUMS entry (got ${got}, expected ${want})`,
      {
        hint: 'the download is damaged or not what etcd published; it was not used. Try again, or check the download URL',
      },
    );
}

/** The release's folder in the unpacked tarball, once it holds etcd and etcdutl or etcdctl. */
function toolsDirIn(unpacked: string, name: string): string {
  const dir = join(unpacked, name);
  if (!existsSync(join(dir, 'etcd')) || !['etcdutl', 'etcdctl'].some((t) => existsSync(join(dir, t))))
    throw new EtcdToolError(`${name}.tar.gz has no ${name}/etcd and etcdutl (or etcdctl)`, {
      hint: 'check that the download URL points at etcd releases',
    });
  return dir;
}
