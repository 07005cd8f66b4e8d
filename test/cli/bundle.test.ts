import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands';
import { EXIT } from '../../src/exit-codes';
import { runCli } from '../support/cli';

const bundled = (args: string[]) => runCli(args, { bundle: true, env: { NO_COLOR: '1' } });

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

  it('fails a backup to a closed port with one line and the SSH exit code, after loading ssh2 and gRPC', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-cli-'));
    const key = join(dir, 'id_ed25519');
    await writeFile(key, utils.generateKeyPairSync('ed25519').private, { mode: 0o600 });
    const result = await bundled([
      'backup',
      '--host',
      '127.0.0.1',
      '--port',
      '1',
      '--key',
      key,
      '--fingerprint',
      'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '--store',
      'dir:/nonexistent-bundle-test',
      '--encryption',
      'none',
    ]);
    await rm(dir, { recursive: true, force: true });
    expect(result.code, result.stderr).toBe(EXIT.ssh);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^etcd-backup backup: ssh /);
  });
});
