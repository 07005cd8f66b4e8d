import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { EXIT } from '../../src/exit-codes';
import { type CliRun, runCli } from '../support/cli';
import { cliNodeArgs } from '../support/cli-node-args';

const skip = sandboxSkipReason('3.5');

/** Files etcd-backup inspect left in the memory file system (it unlinks its own before writing). */
const shmLeftovers = () => readdirSync('/dev/shm').filter((f) => f.startsWith('etcd-backup-inspect-'));

/**
 * From nothing to a report on a stored, encrypted backup with this CLI alone: keygen → backup → inspect
 * --store … latest, against a real sshd and etcd.
 */
describe.skipIf(skip !== undefined)(
  `keygen, backup, then inspect of the stored backup (etcd 3.5)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    let store: string;
    let identity: string;
    let runnerTemp: string;
    const names: string[] = [];

    /** The CLI with an empty temp dir of its own, so a file it wrote there would show. */
    const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> =>
      runCli(args, { env: { TMPDIR: runnerTemp, RUNNER_TEMP: runnerTemp, ...env }, timeoutMs: 180_000 });

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'inspect-stored-'));
      store = join(work, 'store');
      identity = join(work, 'backup.agekey');
      runnerTemp = join(work, 'tmp');
      await mkdir(runnerTemp);
      sandbox = await startSandbox({ etcd: '3.5', members: 1 });
      const keygen = await cli(['keygen', identity]);
      expect(keygen.code, keygen.stderr).toBe(0);
      for (let i = 0; i < 2; i++) {
        if (i === 1) {
          const client = sandbox.etcdClientFor(sandbox.node(0));
          try {
            await client.put('/registry/configmaps/default/after-first', 'x');
          } finally {
            client.close();
          }
        }
        const backup = await cli([
          'backup',
          ...cliNodeArgs(sandbox.node(0)),
          '--store',
          `dir:${store}`,
          '--recipient',
          keygen.stdout.trim(),
        ]);
        expect(backup.code, backup.stderr).toBe(0);
        names.push(backup.stdout.trim());
      }
    }, 600_000);
    afterAll(async () => {
      await sandbox?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('reports on the latest backup, decrypted in memory: the same report and inventory as of a file', async () => {
      const result = await cli([
        'inspect',
        '--store',
        `dir:${store}`,
        'latest',
        '--identity',
        identity,
        '--inventory',
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as {
        path: string;
        revision: number;
        totalKey: number;
        inventory: { liveKeys: number; kubernetesObjects: number };
      };
      const metadata = JSON.parse(await readFile(join(store, `${names[1]}.json`), 'utf8')) as {
        etcd: { revision: number; totalKey: number };
      };
      expect(report.revision).toBe(metadata.etcd.revision);
      expect(report.totalKey).toBe(metadata.etcd.totalKey);
      expect(report.path).toContain(names[1]);
      expect(report.inventory.kubernetesObjects).toBeGreaterThan(0);
      expect(result.stderr).toContain(`opening ${names[1]}`);
      // tsx, which runs the sources, keeps its cache there; nothing else may be written.
      expect((await readdir(runnerTemp)).filter((f) => !f.startsWith('tsx-'))).toEqual([]);
      expect(shmLeftovers()).toEqual([]);
    });

    it('diffs two stored backups by name', async () => {
      const result = await cli([
        'inspect',
        '--store',
        `dir:${store}`,
        names[0]!,
        '--diff',
        names[1]!,
        '--identity',
        identity,
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { diff: { added: number } };
      expect(report.diff.added).toBe(1);
    });

    it('takes the identity from ETCD_BACKUP_IDENTITY too, and without any key says which option gives it', async () => {
      const viaEnv = await cli(['inspect', '--store', `dir:${store}`, 'latest'], {
        ETCD_BACKUP_IDENTITY: await readFile(identity, 'utf8'),
      });
      expect(viaEnv.code, viaEnv.stderr).toBe(0);
      const without = await cli(['inspect', '--store', `dir:${store}`, 'latest']);
      expect(without.code).not.toBe(0);
      expect(without.stderr).toMatch(/^etcd-backup inspect: .*encrypted.*--identity/m);
    });

    it('calls a stored .age file what it is, names --identity and the --store command, and does not exit 3', async () => {
      const blob = join(store, `${names[1]}.age`);
      const result = await cli(['inspect', blob]);
      expect(result.code).toBe(EXIT.badInput);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('is an age-encrypted backup, not a snapshot');
      expect(lines[0]).toContain(`etcd-backup inspect --store dir:${store} ${names[1]} --identity FILE`);
    });
  },
);
