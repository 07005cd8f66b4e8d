import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import { InputError } from '../../src/errors';
import { downloadEtcdTools, parseDownloadUrl } from '../../src/restore/download-tools';
import { EtcdToolError } from '../../src/restore/etcd-tools';
import { runnerTools } from '../../src/restore/find-tools';
import { silentLogger } from '../../src/util/log';

const etcd35 = findEtcd('3.5');
const VERSION = 'missing' in etcd35 ? '3.5.21' : etcd35.version;
const NAME = `etcd-v${VERSION}-linux-amd64`;
const skip = 'missing' in etcd35 ? etcd35.missing : undefined;

describe.skipIf(skip !== undefined)(
  `etcd tools downloaded with tool-cache from a release server${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    const work = mkdtempSync(join(tmpdir(), 'tool-download-'));
    const requests: string[] = [];
    let server: Server;
    let base: string;
    let tarball: Buffer;
    const savedEnv = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP };

    beforeAll(async () => {
      // etcd's release layout, packed from the locally built binaries.
      const found = etcd35 as Exclude<typeof etcd35, { missing: string }>;
      const dir = join(work, 'release', NAME);
      mkdirSync(dir, { recursive: true });
      for (const tool of ['etcd', 'etcdctl', 'etcdutl'] as const) copyFileSync(found[tool]!, join(dir, tool));
      execFileSync('tar', [
        '-C',
        join(work, 'release'),
        '-I',
        'gzip -1',
        '-cf',
        join(work, 'r.tar.gz'),
        NAME,
      ]);
      tarball = readFileSync(join(work, 'r.tar.gz'));
      const good = createHash('sha256').update(tarball).digest('hex');
      const sums = (hash: string) =>
        `${'0'.repeat(64)}  etcd-v${VERSION}-darwin-amd64.zip\n${hash}  ${NAME}.tar.gz\n`;
      server = createServer((req, res) => {
        const url = req.url ?? '';
        requests.push(url);
        const [, flavour, version, file] = url.split('/');
        if (version !== `v${VERSION}`) {
          res.writeHead(404).end('Not Found');
        } else if (file === 'SHA256SUMS') {
          res
            .writeHead(200)
            .end(sums(flavour === 'tampered' ? good.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) : good));
        } else if (file === `${NAME}.tar.gz`) {
          res.writeHead(200, { 'content-length': tarball.length }).end(tarball);
        } else res.writeHead(404).end('Not Found');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    }, 60_000);

    beforeEach(() => {
      // A fresh tool cache per case; tool-cache reads these on every call.
      process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(work, 'cache-'));
      process.env.RUNNER_TEMP = mkdtempSync(join(work, 'temp-'));
      requests.length = 0;
    });

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
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
