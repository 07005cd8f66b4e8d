import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE24, runCli } from '../support/cli';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/** A node older than 24 on PATH (often the machine's own), to see what its users see. */
function olderNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' });
    if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) return candidate;
  }
  return undefined;
}

const OLD_NODE = olderNode();
const BUNDLED = existsSync(join(ROOT, 'dist', 'cli', 'index.js'));

describe('etcd-backup --version', () => {
  it("prints the package's version", async () => {
    const result = await runCli(['--version']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`etcd-backup ${pkg.version}\n`);
  });
});

describe.skipIf(!OLD_NODE)(
  `on a Node older than 24${OLD_NODE ? '' : ' (skipped: no older node on PATH)'}`,
  () => {
    for (const bundle of [false, true]) {
      it.skipIf(bundle && !BUNDLED)(
        `says in one line which Node it needs and how to run it, before anything else (${bundle ? 'bundle' : 'sources'})`,
        async () => {
          const result = await runCli(['backup', '--host', 'x', '--store', 'dir:/nonexistent'], {
            node: OLD_NODE!,
            bundle,
          });
          expect(result.code).toBe(1);
          expect(result.stdout).toBe('');
          const lines = result.stderr.trim().split('\n');
          expect(lines, result.stderr).toHaveLength(1);
          expect(lines[0]).toMatch(
            /^etcd-backup needs Node 24 or newer, not v\d+.*npx node dist\/cli\/index\.js/,
          );
        },
      );
    }
  },
);

describe.skipIf(!BUNDLED)(
  `npm install -g${BUNDLED ? '' : ' (skipped: no dist/cli: run npm run bundle)'}`,
  () => {
    let work: string;
    // The installed command finds `node` on PATH through its #! line: Node 24 first, as on a user's machine.
    const path = `${dirname(NODE24)}${delimiter}${process.env.PATH}`;
    const npm = (args: string[]) =>
      run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: ROOT,
        env: { ...process.env, PATH: path },
      });

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'cli-install-'));
    });
    afterAll(async () => {
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('needs no runtime dependency: the bundle carries every library', () => {
      expect(pkg.dependencies ?? {}).toEqual({});
    });

    it('of an npm pack tarball gives an etcd-backup command, offline', async () => {
      await npm(['pack', '--pack-destination', work]);
      const tarball = join(work, `etcd-backup-action-${pkg.version}.tgz`);
      const prefix = join(work, 'from-tarball');
      await npm(['install', '--global', '--offline', '--prefix', prefix, tarball]);
      const command = join(prefix, 'bin', 'etcd-backup');
      expect(statSync(command).mode & 0o111).not.toBe(0);
      const { stdout } = await run(command, ['--version'], { env: { PATH: path } });
      expect(stdout).toBe(`etcd-backup ${pkg.version}\n`);
      const help = await run(command, ['inspect', '--help'], { env: { PATH: path } });
      expect(help.stdout).toMatch(/^usage: etcd-backup inspect /);
    });

    it('of a clone gives an etcd-backup command', async () => {
      const prefix = join(work, 'from-clone');
      await npm(['install', '--global', '--prefix', prefix, ROOT]);
      const { stdout } = await run(join(prefix, 'bin', 'etcd-backup'), ['--version'], {
        env: { PATH: path },
      });
      expect(stdout).toBe(`etcd-backup ${pkg.version}\n`);
    });
  },
);
