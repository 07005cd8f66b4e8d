import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type Sandbox, type SandboxNodeInfo, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { DirStore } from '../../src/store/dir-store';
import { cliNodeArgs } from '../support/cli-node-args';
import {
  type CliRun,
  expectNodeClean,
  expectOneLineFailure,
  expectServing,
  filesUnder,
  nodeSnapshotLeftovers,
  runCli,
} from './support';

const skip = sandboxSkipReason('3.5');

type Pod = {
  spec: {
    containers: Array<{ name: string; command?: unknown; args?: string[] }>;
    volumes?: Array<{ name: string; hostPath?: { path: string }; emptyDir?: object }>;
  };
};

/**
 * Faults on the control-plane node itself — its files, its users, its disk — driven through the CLI against one
 * single-member sandbox. Each case checks the one-line error (or a good backup), a clean runner temp dir and
 * node, and that etcd still serves.
 */
describe.skipIf(skip !== undefined)(
  `faults on the node, through the CLI (etcd 3.5, 1 member)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let node: SandboxNodeInfo;
    let work: string;
    let recipient: string;
    let identity: string;
    let etcdManifest: string;
    let apiserverManifest: string;
    let caseCount = 0;
    let nodeBefore: string[] = [];

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'node-faults-'));
      identity = await generateIdentity();
      recipient = await identityToRecipient(identity);
      sandbox = await startSandbox({ etcd: '3.5', fill: 2 * 1024 * 1024 });
      node = sandbox.node(0);
      const cat = (path: string) => sandbox.runOnNode(node, ['cat', path]).then((r) => r.stdout);
      etcdManifest = await cat('/etc/kubernetes/manifests/etcd.yaml');
      apiserverManifest = await cat('/etc/kubernetes/manifests/kube-apiserver.yaml');
    });
    afterAll(async () => {
      await sandbox?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });
    beforeEach(async () => {
      nodeBefore = await nodeSnapshotLeftovers(sandbox, node);
    });

    function newCase(name: string) {
      const dir = join(work, `${++caseCount}-${name}`);
      const runnerTemp = join(dir, 'runner-temp');
      mkdirSync(runnerTemp, { recursive: true });
      return { runnerTemp, storeDir: join(dir, 'store') };
    }

    function backup(
      storeDir: string,
      runnerTemp: string,
      extra: string[] = [],
      user: { name: string; keyPath: string } = { name: 'root', keyPath: node.users.root.privateKeyPath },
    ): Promise<CliRun> {
      return runCli(
        [
          'backup',
          '--host',
          node.host,
          '--port',
          String(node.port),
          '--user',
          user.name,
          '--key',
          user.keyPath,
          '--fingerprint',
          node.hostKeyFingerprint,
          '--store',
          `dir:${storeDir}`,
          '--recipient',
          recipient,
          '--cluster',
          'node-faults',
          ...extra,
        ],
        { env: { RUNNER_TEMP: runnerTemp } },
      );
    }

    async function storedNames(storeDir: string): Promise<string[]> {
      return (await new DirStore(storeDir).list()).backups.map((b) => b.name);
    }

    async function writeOnNode(path: string, content: string): Promise<void> {
      const folder = path.slice(0, path.lastIndexOf('/'));
      await sandbox.runOnNode(node, ['mkdir', '-p', folder]);
      await sandbox.runOnNode(node, ['sh', '-c', 'cat > "$1"', 'sh', path], { input: content });
    }

    /** Puts the real manifests through `change` into a folder of their own, which --static-pod-path names. */
    async function manifestsIn(folder: string, change: (etcd: Pod) => Pod | string): Promise<string> {
      const changed = change(parse(etcdManifest) as Pod);
      await writeOnNode(`${folder}/etcd.yaml`, typeof changed === 'string' ? changed : stringify(changed));
      await writeOnNode(`${folder}/kube-apiserver.yaml`, apiserverManifest);
      return folder;
    }

    const etcdContainer = (pod: Pod) => pod.spec.containers.find((c) => c.name === 'etcd')!;

    it('refuses a malformed etcd.yaml with one line naming the file, and leaves the node as it was', async () => {
      const { runnerTemp, storeDir } = newCase('malformed');
      const path = '/etc/kubernetes/manifests/etcd.yaml';
      await writeOnNode(path, `${etcdManifest}\n  - [unclosed: {\n`);
      let result: CliRun;
      try {
        result = await backup(storeDir, runnerTemp);
      } finally {
        await writeOnNode(path, etcdManifest);
      }
      expectOneLineFailure(result, 'backup', /cannot parse \/etc\/kubernetes\/manifests\/etcd\.yaml: /);
      expect(await storedNames(storeDir)).toEqual([]);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectServing(sandbox, node);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    it('refuses a kubelet config path that does not exist, naming it and the input to check', async () => {
      const { runnerTemp, storeDir } = newCase('kubelet-config-override');
      const result = await backup(storeDir, runnerTemp, ['--kubelet-config', '/etc/kubernetes/no-such.yaml']);
      expectOneLineFailure(
        result,
        'backup',
        /kubelet config \/etc\/kubernetes\/no-such\.yaml does not exist.*kubelet-config/,
      );
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    it('with the kubelet config gone while etcd keeps running, warns, falls back to the kubeadm folder and backs up', async () => {
      const { runnerTemp, storeDir } = newCase('kubelet-config-missing');
      const config = '/var/lib/kubelet/config.yaml';
      const after = sandbox.logOffset(node);
      await sandbox.runOnNode(node, ['mv', config, `${config}.held`]);
      let result: CliRun;
      try {
        result = await backup(storeDir, runnerTemp);
      } finally {
        await sandbox.runOnNode(node, ['mv', `${config}.held`, config]);
      }
      // A kubelet reads its config once at start; its pods run on without the file.
      expect(sandbox.supervisorLog(node).slice(after)).not.toMatch(/pod-stopped/);
      expect(result.stderr).toMatch(/warning: .*config\.yaml, but that file is missing/);
      expect(result.code, result.stderr).toBe(0);
      expect(await storedNames(storeDir)).toEqual([result.stdout.trim()]);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    describe('unexpected manifest shapes (in a folder of their own, named by --static-pod-path)', () => {
      const shapes: Array<{ name: string; change: (pod: Pod) => Pod | string; outcome: 'backup' | RegExp }> =
        [
          {
            name: 'the etcd command as one flow-style list',
            change: (pod) => {
              const text = stringify(pod);
              const c = etcdContainer(pod);
              const flow = `[${(c.command as string[]).map((a) => JSON.stringify(a)).join(', ')}]`;
              return text.replace(/command:\n(\s+- .*\n)+/, `command: ${flow}\n`);
            },
            outcome: 'backup',
          },
          {
            name: 'the etcd binary in command and every flag in args',
            change: (pod) => {
              const c = etcdContainer(pod);
              const [binary, ...flags] = c.command as string[];
              c.command = [binary];
              c.args = flags;
              return pod;
            },
            outcome: 'backup',
          },
          {
            name: 'no --data-dir flag (etcd’s default data dir)',
            change: (pod) => {
              const c = etcdContainer(pod);
              c.command = (c.command as string[]).filter((a) => !a.startsWith('--data-dir'));
              return pod;
            },
            outcome: 'backup',
          },
          {
            name: 'no hostPath volumes (emptyDir)',
            change: (pod) => {
              for (const v of pod.spec.volumes ?? []) {
                delete v.hostPath;
                v.emptyDir = {};
              }
              return pod;
            },
            outcome: 'backup',
          },
          {
            name: 'etcd started through a shell string',
            change: (pod) => {
              const c = etcdContainer(pod);
              c.command = ['/bin/sh', '-c', `exec ${(c.command as string[]).join(' ')}`];
              return pod;
            },
            // Found by its container name; the client certificate comes from kube-apiserver's flags.
            outcome: 'backup',
          },
          {
            name: 'a YAML list instead of a Pod',
            change: (pod) => stringify([pod]),
            outcome: /\/etcd\.yaml/,
          },
        ];
      for (const [i, shape] of shapes.entries()) {
        it(`${shape.outcome === 'backup' ? 'backs up' : 'fails with one line'} with ${shape.name}`, async () => {
          const { runnerTemp, storeDir } = newCase(`shape-${i}`);
          const folder = await manifestsIn(`/etc/kubernetes/shape-${i}`, shape.change);
          const result = await backup(storeDir, runnerTemp, ['--static-pod-path', folder]);
          if (shape.outcome === 'backup') {
            expect(result.code, result.stderr).toBe(0);
            expect(await storedNames(storeDir)).toEqual([result.stdout.trim()]);
          } else {
            expectOneLineFailure(result, 'backup', shape.outcome);
            expect(await storedNames(storeDir)).toEqual([]);
          }
          expect(filesUnder(runnerTemp)).toEqual([]);
          await expectNodeClean(sandbox, node, nodeBefore);
        });
      }
    });

    it('runs none of the hostile CLI values it is given: each is refused by name or passed on as plain data', async () => {
      const tag = `faults-cli-canary-${Date.now()}`;
      const hostile = `x; touch /tmp/${tag}-semi $(touch /tmp/${tag}-subst) \`touch /tmp/${tag}-tick\``;
      const cases: Array<[string[], RegExp]> = [
        [['--cluster', hostile], /input '--cluster': expected 1-63 letters/],
        [['--member', hostile], /member 'x; touch .* is not in the cluster/],
        [['--etcd-ca-file', `/etc/kubernetes/pki/etcd/ca.crt ${hostile}`], /ca\.crt x; touch/],
        [['--etcd-endpoint', hostile], /input '--etcd-endpoint': expected a URL/],
        [['--user', hostile], /authentication refused|invalid user|cannot/i],
      ];
      for (const [extra, cause] of cases) {
        const { runnerTemp, storeDir } = newCase('cli-hostile');
        const result = await backup(storeDir, runnerTemp, extra);
        expectOneLineFailure(result, 'backup', cause);
        expect(filesUnder(runnerTemp)).toEqual([]);
      }
      const found = await sandbox.runOnNode(node, [
        'sh',
        '-c',
        `ls -d /tmp/${tag}* /root/${tag}* 2>/dev/null; exit 0`,
      ]);
      expect(found.stdout.trim()).toBe('');
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    it('plans a restore with hostile paths as plain data, running none of them on the node or the runner', async () => {
      const tag = `faults-restore-canary-${Date.now()}`;
      const hostile = `x; touch /tmp/${tag}-semi $(touch /tmp/${tag}-subst) \`touch /tmp/${tag}-tick\``;
      const { runnerTemp, storeDir } = newCase('restore-hostile');
      expect((await backup(storeDir, runnerTemp)).code).toBe(0);
      const identityFile = join(work, 'restore-hostile.agekey');
      writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 });
      const restore = (extra: string[]) =>
        runCli(
          [
            'restore',
            ...cliNodeArgs(node),
            '--store',
            `dir:${storeDir}`,
            '--identity',
            identityFile,
            '--dry-run',
            ...extra,
            'latest',
          ],
          { env: { RUNNER_TEMP: runnerTemp } },
        );
      const results = [
        await restore(['--mode', 'new-dir', '--new-data-dir', `/var/lib/etcd-${hostile}`]),
        await restore([
          '--mode',
          'new-dir',
          '--new-data-dir',
          `/var/lib/../../tmp/${tag}-dotdot\nsecond line`,
        ]),
        await restore(['--cluster', hostile]),
      ];
      for (const result of results) {
        // Refused by name in one line, or planned with the value as data; never run.
        if (result.code !== 0) expectOneLineFailure(result, 'restore', /./);
        expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
        expect(filesUnder(runnerTemp)).toEqual([]);
      }
      const found = await sandbox.runOnNode(node, ['sh', '-c', `ls -d /tmp/${tag}* 2>/dev/null; exit 0`]);
      expect(found.stdout.trim()).toBe('');
      expect(readdirSync('/tmp').filter((f) => f.startsWith(tag))).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
      await expectServing(sandbox, node);
    });

    it('tells a user without sudo, who cannot read the root-only manifests, what it needs, in one line', async () => {
      const { runnerTemp, storeDir } = newCase('no-sudo');
      const keysDir = join(sandbox.info.stateDir, 'keys');
      // A plain user with the root user's key (sshd reads authorized_keys from the sandbox state dir).
      await sandbox.runOnNode(node, ['useradd', '--create-home', '--password', '*', 'plain-user']);
      writeFileSync(
        join(node.stateDir, 'authorized_keys', 'plain-user'),
        readFileSync(`${keysDir}/root.pub`),
      );
      const key = join(work, 'plain-user-key');
      copyFileSync(node.users.root.privateKeyPath, key);
      const result = await backup(storeDir, runnerTemp, [], { name: 'plain-user', keyPath: key });
      expectOneLineFailure(result, 'backup', /plain-user.*sudo/);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
    });

    it('fails with one line when the node’s disk is full for etcdctl’s snapshot, and removes the partial file', async () => {
      const { runnerTemp, storeDir } = newCase('node-disk-full');
      // A tiny /tmp in the node's own mount namespace (private propagation: the host's /tmp is untouched).
      await sandbox.runOnNode(node, ['mount', '-t', 'tmpfs', '-o', 'size=256k,mode=1777', 'tmpfs', '/tmp']);
      let result: CliRun;
      let leftInTmp: string;
      try {
        result = await backup(storeDir, runnerTemp, ['--method', 'etcdctl']);
        leftInTmp = (await sandbox.runOnNode(node, ['ls', '-A', '/tmp'])).stdout;
      } finally {
        await sandbox.runOnNode(node, ['umount', '/tmp']);
      }
      expectOneLineFailure(result, 'backup', /etcdctl snapshot save failed.*no space left on device/i);
      expect(leftInTmp.trim()).toBe('');
      expect(await storedNames(storeDir)).toEqual([]);
      expect(filesUnder(runnerTemp)).toEqual([]);
      await expectNodeClean(sandbox, node, nodeBefore);
      await expectServing(sandbox, node);
    });
  },
);
