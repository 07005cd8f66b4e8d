import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EtcdBinaries, findEtcd } from '../../sandbox/etcd-binaries';
import { InputError } from '../../src/errors';
import { downloadEtcdTools, parseDownloadUrl } from '../../src/restore/download-tools';
import { EtcdToolError } from '../../src/restore/etcd-tools';
import { runnerTools } from '../../src/restore/find-tools';
import { silentLogger } from '../../src/util/log';
import { ReleaseServer } from './release-server';

const etcd35 = findEtcd('3.5');
const VERSION = 'missing' in etcd35 ? '3.5.21' : etcd35.version;
const NAME = `etcd-v${VERSION}-linux-amd64`;
const skip = 'missing' in etcd35 ? etcd35.missing : undefined;

describe.skipIf(skip !== undefined)(
  `etcd tools downloaded with tool-cache from a release server${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    const work = mkdtempSync(join(tmpdir(), 'tool-download-'));
    let releases: ReleaseServer;
    let requests: string[];
    let base: string;
    const savedEnv = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };

    beforeAll(async () => {
      releases = await new ReleaseServer(etcd35 as EtcdBinaries, work).start();
      requests = releases.requests;
      base = releases.base;
    }, 60_000);

    beforeEach(() => {
      // A fresh tool cache per case; tool-cache reads these on every call.
      process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(work, 'cache-'));
      process.env.RUNNER_TEMP = mkdtempSync(join(work, 'temp-'));
      requests.length = 0;
    });

    afterAll(async () => {
      await releases?.stop();
      for (const [name, value] of [
        ['RUNNER_TOOL_CACHE', savedEnv.cache],
        ['RUNNER_TEMP', savedEnv.temp],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(work, { recursive: true, force: true });
    });

    it('downloads the exact version when PATH has another minor, verifies it, caches it, and the second call makes no request', async () => {
      // PATH with only Debian's etcd 3.4 (or nothing): the runner has no 3.5 tools of its own.
      const get = runnerTools({
        download: true,
        downloadUrl: `${base}/good`,
        env: { PATH: '/usr/bin' },
        log: silentLogger,
      });
      const tools = await get(VERSION);
      expect(tools.version).toBe(VERSION);
      expect(tools.restoreToolKind).toBe('etcdutl');
      expect(tools.restoreTool).toContain(join(process.env.RUNNER_TOOL_CACHE!, 'etcd', VERSION));
      expect(execFileSync(tools.restoreTool, ['version'], { encoding: 'utf8' })).toContain(
        `etcdutl version: ${VERSION}`,
      );
      expect(requests).toEqual([`/good/v${VERSION}/SHA256SUMS`, `/good/v${VERSION}/${NAME}.tar.gz`]);

      requests.length = 0;
      const again = await downloadEtcdTools({
        version: VERSION,
        baseUrl: `${base}/good`,
        arch: 'amd64',
        log: silentLogger,
      });
      expect(join(again, 'etcdutl')).toBe(tools.restoreTool);
      expect(requests).toEqual([]);
      // Nothing left behind in RUNNER_TEMP: the tarball and its unpacked copy are gone.
      expect(execFileSync('ls', ['-A', process.env.RUNNER_TEMP!], { encoding: 'utf8' })).toBe('');
    }, 60_000);

    it('refuses a tarball whose SHA-256 is not the one in SHA256SUMS, and caches nothing', async () => {
      const error = await downloadEtcdTools({
        version: VERSION,
        baseUrl: `${base}/tampered`,
        arch: 'amd64',
        log: silentLogger,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EtcdToolError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^${NAME}\\.tar\\.gz from http://127\\.0\\.0\\.1:\\d+/tampered/v${VERSION}/${NAME}\\.tar\\.gz does not match its SHA256SUMS entry \\(got [0-9a-f]{64}, expected [0-9a-f]{64}\\)$`,
        ),
      );
      expect((error as EtcdToolError).hint).toMatch(/not used/);
      expect(execFileSync('ls', ['-A', process.env.RUNNER_TOOL_CACHE!], { encoding: 'utf8' })).toBe('');
    }, 60_000);

    it('says in one line which URL answered 404 and what to do', async () => {
      const error = await downloadEtcdTools({
        version: '3.5.99',
        baseUrl: `${base}/good`,
        arch: 'amd64',
        log: silentLogger,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EtcdToolError);
      const message = (error as Error).message;
      expect(message).toBe(`cannot download etcd 3.5.99 from ${base}/good/v3.5.99/SHA256SUMS: HTTP 404`);
      expect(message).not.toContain('\n');
      expect((error as EtcdToolError).hint).toMatch(/--etcd-download-url.*--etcd-tools/);
    }, 60_000);

    it('does not download unless asked: PATH tools of another minor are returned for the plan to refuse', async () => {
      const tools = await runnerTools({ env: { PATH: '/usr/bin' }, log: silentLogger })(VERSION).catch(
        (e: unknown) => e,
      );
      // Debian's 3.4 where installed, else the "no tools on PATH" error; never a request.
      if (tools instanceof Error) expect(tools.message).toMatch(/no etcd and etcdutl/);
      else expect((tools as { version: string }).version).toMatch(/^3\.4\./);
      expect(requests).toEqual([]);
    });
  },
);

describe('the etcd download URL', () => {
  it('is https, or http to loopback only', () => {
    expect(parseDownloadUrl('https://mirror.example/etcd/')).toBe('https://mirror.example/etcd');
    expect(parseDownloadUrl('http://127.0.0.1:8080/r')).toBe('http://127.0.0.1:8080/r');
    expect(parseDownloadUrl('http://[::1]/r')).toBe('http://[::1]/r');
    expect(() => parseDownloadUrl('http://mirror.example/etcd')).toThrow(InputError);
    expect(() => parseDownloadUrl('http://mirror.example/etcd')).toThrow(/--etcd-download-url.*https/);
    expect(() => parseDownloadUrl('ftp://127.0.0.1/x', 'etcd_download_url')).toThrow(/etcd_download_url/);
    expect(() => parseDownloadUrl('not a url')).toThrow(/--etcd-download-url/);
  });
});
