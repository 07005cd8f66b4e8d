import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands';

const run = promisify(execFile);
const node = join(process.cwd(), 'node_modules/.bin/node');
const cli = join(process.cwd(), 'dist/cli/index.js');

async function bundled(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(node, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The bundle loads each verb's chunk on demand; a chunk that cannot load (e.g. missing the ESM banner that
// defines __dirname for bundled CommonJS) only shows when that verb runs from dist/.
describe('the bundled CLI (dist/cli)', () => {
  for (const verb of Object.keys(commands)) {
    it(`loads and prints the help of ${verb}`, async () => {
      const result = await bundled([verb, '--help']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: etcd-backup ${verb} `));
    });
  }

  it('inspects a file with one line naming the problem, through the bundled verifier', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-cli-'));
    try {
      const empty = join(dir, 'empty.db');
      await writeFile(empty, '');
      const result = await bundled(['inspect', empty]);
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/empty/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails a backup to a closed port with one line, after loading ssh2 and gRPC', async () => {
    const result = await bundled([
      'backup',
      '--host',
      '127.0.0.1',
      '--port',
      '1',
      '--key',
      '/dev/null',
      '--fingerprint',
      'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '--store',
      'dir:/nonexistent-bundle-test',
      '--encryption',
      'none',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^etcd-backup backup: /);
  });
});
