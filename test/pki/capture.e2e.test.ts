import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import { main } from '../../src/cli/main';
import { openFiles } from '../../src/pki/bundle';
import { fetchBackup } from '../../src/restore/fetch';
import { DirStore } from '../../src/store/dir-store';
import { silentLogger } from '../../src/util/log';
import { sshTo } from '../restore/sandbox-context';

const reason = sandboxSkipReason('3.5');

/** Every regular file under the folder on the node, with `stat` and `sha256sum` as the node sees them. */
async function filesOnNode(sandbox: Sandbox, node: Sandbox['info']['nodes'][number], dir: string) {
  const out = await sandbox.runOnNode(node, [
    'find',
    dir,
    '-type',
    'f',
    '-exec',
    'sh',
    '-c',
    'for f; do printf "%s %s " "$(stat -c "%a %U:%G" "$f")" "$(sha256sum "$f" | cut -d" " -f1)"; echo "$f"; done',
    'sh',
    '{}',
    '+',
  ]);
  return new Map(
    out.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const [mode, owner, sha256, path] = line.split(' ') as [string, string, string, string];
        return [path, { mode: mode.padStart(4, '0'), owner, sha256 }] as const;
      }),
  );
}

describe.skipIf(reason !== undefined)(
  `control-plane files in the backup, 3 members${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    let store: DirStore;
    const identity = generateIdentity();

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'pki-capture-'));
      store = new DirStore(join(work, 'store'));
      sandbox = await startSandbox({ etcd: '3.5', members: 3 });
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await rm(work, { recursive: true, force: true });
    });

    // Backups of a quiet cluster in one second would share a name (time and revision): each gets its own second.
    let clock = 0;
    const nextSecond = () => {
      clock = Math.max(clock + 1000, Date.now());
      return new Date(clock);
    };
    const backupFrom = async (index: number, extra: Partial<Parameters<typeof backup>[0]> = {}) => {
      const node = sandbox.info.nodes[index]!;
      return backup({
        ssh: await sshTo(node, node.users.sudo),
        now: nextSecond,
        cluster: 'pki',
        store,
        encryption: { kind: 'recipients', recipients: [await identityToRecipient(await identity)] },
        log: silentLogger,
        ...extra,
      });
    };

    it('keeps the node’s own PKI, manifests, kubelet config and kubeconfigs, listed with mode, owner and SHA-256', async () => {
      const node = sandbox.info.nodes[1]!;
      const { metadata } = await backupFrom(1);
      expect(metadata.schemaVersion).toBe(2);
      const files = metadata.controlPlane!.nodes;
      expect(files.map((n) => n.node)).toEqual([node.name]);
      expect(files[0]!.addresses).toContain(node.ip);
      const listed = new Map(files[0]!.files.map((f) => [f.path, f]));

      const onNode = await filesOnNode(sandbox, node, '/etc/kubernetes');
      for (const [path, want] of onNode) {
        const got = listed.get(path);
        expect(got, path).toBeDefined();
        expect({ mode: got!.mode, owner: `${got!.owner}:${got!.group}`, sha256: got!.sha256 }).toEqual(want);
      }
      expect(listed.get('/etc/kubernetes/pki/etcd/ca.key')).toMatchObject({
        kind: 'pki',
        mode: '0600',
        uid: 0,
      });
      expect(listed.get('/etc/kubernetes/manifests/etcd.yaml')?.kind).toBe('manifest');
      expect(listed.get('/etc/kubernetes/admin.conf')?.kind).toBe('kubeconfig');
      expect(listed.get('/var/lib/kubelet/config.yaml')?.kind).toBe('kubelet-config');

      // Neither the metadata nor the stored blob shows a byte of a key.
      const stored = await readdir(join(work, 'store'));
      for (const file of stored) {
        const bytes = await readFile(join(work, 'store', file));
        expect(bytes.includes('PRIVATE KEY'), file).toBe(false);
        expect(bytes.includes('BEGIN CERTIFICATE'), file).toBe(false);
      }
    });

    it('restores the snapshot as before and opens the files, each node its own', async () => {
      const others = await backupFrom(2);
      const fetched = await fetchBackup({
        store,
        selector: { name: others.metadata.name },
        keys: { identities: [await identity] },
        path: join(work, 'fetched.db'),
        log: silentLogger,
      });
      expect(fetched.analysis.report.revision).toBe(others.metadata.etcd.revision);
      const opened = await openFiles(
        fetched.controlPlaneSealed!,
        others.metadata.controlPlane!,
        others.metadata.envelope.encryption,
        { identities: [await identity] },
        others.metadata.name,
      );
      const node3 = sandbox.info.nodes[2]!;
      const server = opened.get(node3.name)!.get('/etc/kubernetes/pki/etcd/server.crt')!;
      expect(new X509Certificate(server).checkIP(node3.ip)).toBe(node3.ip);
      const onNode = await sandbox.runOnNode(node3, ['cat', '/etc/kubernetes/pki/ca.key']);
      expect(opened.get(node3.name)!.get('/etc/kubernetes/pki/ca.key')!.toString()).toBe(onNode.stdout);
    });

    it('leaves them out on request, and refuses them unencrypted, naming the option', async () => {
      const without = await backupFrom(0, { controlPlaneFiles: false });
      expect(without.metadata.schemaVersion).toBe(1);
      expect(without.metadata.controlPlane).toBeUndefined();

      const before = (await store.list()).backups.length;
      await expect(backupFrom(0, { encryption: { kind: 'none' } })).rejects.toThrow(
        /unencrypted \(--encryption none\); leave the control-plane files out with --no-control-plane-files/,
      );
      expect((await store.list()).backups.length).toBe(before);
    });

    it('shows them in list, list --json and inspect --store', async () => {
      const cli = async (...args: string[]) => {
        const out: string[] = [];
        const log = vi
          .spyOn(console, 'log')
          .mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
        try {
          expect(await main(args)).toBe(0);
        } finally {
          log.mockRestore();
        }
        return { stdout: out.join('\n') };
      };
      const json = JSON.parse((await cli('list', '--store', `dir:${join(work, 'store')}`, '--json')).stdout);
      const withFiles = json.backups.filter(
        (b: { controlPlaneFiles: object }) => Object.keys(b.controlPlaneFiles).length,
      );
      expect(withFiles.length).toBe(2);
      const table = (await cli('list', '--store', `dir:${join(work, 'store')}`)).stdout;
      expect(table).toMatch(/NODE FILES/);
      expect(table).toContain(`(${sandbox.info.nodes[2]!.name})`);

      const identityFile = join(work, 'identity.txt');
      await writeFile(identityFile, `${await identity}\n`, { mode: 0o600 });
      const newest = json.backups.find(
        (b: { controlPlaneFiles: object }) => Object.keys(b.controlPlaneFiles).length,
      );
      const inspectArgs = [
        'inspect',
        '--store',
        `dir:${join(work, 'store')}`,
        '--identity',
        identityFile,
        newest.name,
      ];
      const inspected = JSON.parse((await cli(...inspectArgs, '--json')).stdout);
      expect(inspected.controlPlane[0].files).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: '/etc/kubernetes/pki/ca.key', mode: '0600' }),
        ]),
      );
      expect((await cli(...inspectArgs)).stdout).toMatch(/control-plane files: \d+ files of /);
    });
  },
);
