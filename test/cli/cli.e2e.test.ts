import { readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    it("exits with the table's code for each kind of failure: SSH 9, discovery 10, bad input 2", async () => {
      const node = sandbox.node(0);
      const args = (extra: string[], login = cliNodeArgs(node)) => [
        'backup',
        ...login,
        '--store',
        `dir:${join(work, 'codes')}`,
        '--encryption',
        'none',
        '--no-control-plane-files',
        ...extra,
      ];
      const wrongPin = cliNodeArgs(node).map((a) =>
        a === node.hostKeyFingerprint ? 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' : a,
      );
      const cases: Array<[string, string[], number, RegExp]> = [
        [
          'a host key that is not pinned',
          args([], wrongPin),
          EXIT.ssh,
          /^etcd-backup backup: ssh .*host key mismatch/im,
        ],
        [
          'a kubelet config that is not there',
          args(['--kubelet-config', '/etc/kubernetes/no-such.yaml']),
          EXIT.discovery,
          /^etcd-backup backup: discovery: .*no-such\.yaml.*--kubelet-config/m,
        ],
        ['an option it does not know', args(['--no-such-option']), EXIT.badInput, /--no-such-option/],
        ['a cluster name it cannot use', args(['--cluster', 'a b']), EXIT.badInput, /input '--cluster'/],
      ];
      for (const [what, argv, code, line] of cases) {
        const result = await cli(argv);
        expect(result.code, `${what}: ${result.stderr}`).toBe(code);
        expect(result.stderr, what).toMatch(line);
      }
    });
    it('says what is wrong with a stored backup that does not check out (exit 3), and with a wrong key (exit 2)', async () => {
      const copy = join(work, 'tampered-store');
      await cp(store, copy, { recursive: true });
      const blob = join(copy, `${names[1]}.age`);
      const bytes = await readFile(blob);
      bytes[bytes.length - 100]! ^= 0xff;
      await writeFile(blob, bytes);
      const tampered = await cli(['inspect', '--store', `dir:${copy}`, names[1]!, '--identity', identity]);
      expect(tampered.code, tampered.stderr).toBe(EXIT.verificationFailed);
      expect(tampered.stderr).toMatch(/^etcd-backup inspect: .*(tampered|altered|SHA-256)/m);
      expect(tampered.stderr).not.toMatch(/EBADF/);

      const stranger = join(work, 'stranger.agekey');
      expect((await cli(['keygen', stranger])).code).toBe(0);
      const wrongKey = await cli(['inspect', '--store', `dir:${store}`, 'latest', '--identity', stranger]);
      expect(wrongKey.code, wrongKey.stderr).toBe(EXIT.badInput);
      expect(shmLeftovers()).toEqual([]);
    });
  },
);
