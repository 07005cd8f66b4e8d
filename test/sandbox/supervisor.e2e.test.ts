import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEtcdMinors } from '../../sandbox/etcd-binaries';
import { type Sandbox, type SandboxNodeInfo, sandboxSkipReason, startSandbox } from '../../sandbox/index';

const minor = availableEtcdMinors().at(-1);
const missing = minor === undefined ? 'no etcd build available' : sandboxSkipReason(minor);
const MANIFEST = '/etc/kubernetes/manifests/etcd.yaml';

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(missing !== undefined)(
  `the kubelet-like supervisor${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let node: SandboxNodeInfo;

    const inNode = (argv: string[], input?: string) =>
      sandbox.runOnNode(node, argv, input === undefined ? {} : { input });
    const etcdPids = async () =>
      (await sandbox.runOnNode(node, ['pgrep', '-x', 'etcd'], { allowFailure: true })).stdout.trim();
    /** Writes a manifest the way an operator should: next to the folder, then an atomic rename into it. */
    const installManifest = async (text: string) => {
      await inNode(['tee', '/etc/kubernetes/etcd.yaml.new'], text);
      await inNode(['mv', '/etc/kubernetes/etcd.yaml.new', MANIFEST]);
    };

    beforeAll(async () => {
      sandbox = await startSandbox({ etcd: minor, members: 1, seed: false });
      node = sandbox.info.nodes[0]!;
      const client = sandbox.etcdClientFor(node);
      await client.put('/sandbox/marker', 'before-any-change');
      client.close();
    });

    afterAll(async () => {
      await sandbox?.stop();
    });

    it('stops etcd and closes its port when the manifest leaves the folder, and starts it again when it comes back', async () => {
      expect(await etcdPids()).not.toBe('');
      const offset = sandbox.logOffset(node);
      await inNode(['mv', MANIFEST, '/etc/kubernetes/etcd.yaml.parked']);
      await sandbox.waitForLog(node, /pod-stopped pod=etcd-\S+ manifest=etcd.yaml reason=manifest-removed/, {
        after: offset,
      });
      expect(await etcdPids()).toBe('');
      expect(await portOpen(node.ip, 2379)).toBe(false);
      const inside = await inNode(['bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/2379'], undefined).catch(
        (e: Error) => e,
      );
      expect(inside).toBeInstanceOf(Error);

      await inNode(['mv', '/etc/kubernetes/etcd.yaml.parked', MANIFEST]);
      await sandbox.waitForEtcd(node, 30_000);
      expect(await etcdPids()).not.toBe('');
      const client = sandbox.etcdClientFor(node);
      expect((await client.range('/sandbox/marker')).kvs[0]!.value.toString()).toBe('before-any-change');
      client.close();
    });

    it('serves the same data from a new directory when --data-dir and the etcd-data hostPath change together', async () => {
      const original = (await inNode(['cat', MANIFEST])).stdout;
      await inNode(['mv', MANIFEST, '/etc/kubernetes/etcd.yaml.parked']);
      await eventually(async () => (await etcdPids()) === '', 15_000, 'etcd to stop');
      await inNode(['cp', '-a', '/var/lib/etcd', '/var/lib/etcd-moved']);
      await inNode(['rm', '/etc/kubernetes/etcd.yaml.parked']);
      const moved = original
        .replace('--data-dir=/var/lib/etcd\n', '--data-dir=/var/lib/etcd-moved\n')
        .replace('- mountPath: /var/lib/etcd\n', '- mountPath: /var/lib/etcd-moved\n')
        .replace('path: /var/lib/etcd\n', 'path: /var/lib/etcd-moved\n');
      expect(moved.match(/etcd-moved/g)).toHaveLength(3);
      await installManifest(moved);
      await sandbox.waitForEtcd(node, 30_000);
      const cmdline = (await inNode(['bash', '-c', 'tr "\\0" " " < /proc/$(pgrep -x etcd)/cmdline'])).stdout;
      expect(cmdline).toContain('--data-dir=/var/lib/etcd-moved');
      const client = sandbox.etcdClientFor(node);
      expect((await client.range('/sandbox/marker')).kvs[0]!.value.toString()).toBe('before-any-change');
      await client.put('/sandbox/marker', 'after-move');
      client.close();
      // The old directory is no longer written to: its WAL does not hold the new value.
      const oldWal = await inNode([
        'bash',
        '-c',
        'cat /var/lib/etcd/member/wal/*.wal | grep -c after-move || true',
      ]);
      expect(oldWal.stdout.trim()).toBe('0');
      await installManifest(original);
      await sandbox.waitForEtcd(node, 30_000);
    });

    it('fails to start etcd, crash-looping with back-off, when --data-dir points at a path no volume mounts', async () => {
      const original = (await inNode(['cat', MANIFEST])).stdout;
      const offset = sandbox.logOffset(node);
      await installManifest(
        original.replace('--data-dir=/var/lib/etcd\n', '--data-dir=/var/lib/etcd-unmounted\n'),
      );
      await sandbox.waitForLog(node, /container-exited pod=etcd-\S+ container=etcd .*code=1 /, {
        after: offset,
      });
      await sandbox.waitForLog(node, /container-started pod=etcd-\S+ container=etcd .*attempt=2/, {
        after: offset,
        timeoutMs: 10_000,
      });
      await sandbox.waitForLog(node, /container-backoff pod=etcd-\S+ container=etcd delayMs=2000/, {
        after: offset,
        timeoutMs: 10_000,
      });
      expect(await portOpen(node.ip, 2379)).toBe(false);
      const stderr = (await inNode(['cat', `${node.stateDir}/pods/etcd-${node.name}/etcd.stderr`])).stdout;
      expect(stderr).toMatch(/etcd-unmounted.*read-only file system/);
      // Nothing was created on the node: the path would only have existed inside the container.
      expect((await inNode(['ls', '/var/lib'])).stdout).not.toContain('etcd-unmounted');

      await installManifest(original);
      await sandbox.waitForEtcd(node, 30_000);
    });

    it('restarts a container that dies, and runs labelled stand-ins for the other control-plane pods', async () => {
      const offset = sandbox.logOffset(node);
      await inNode(['pkill', '-KILL', '-x', 'etcd']);
      await sandbox.waitForLog(node, /container-exited pod=etcd-\S+ container=etcd .*signal=SIGKILL/, {
        after: offset,
      });
      await sandbox.waitForLog(node, /container-started pod=etcd-\S+ container=etcd .*attempt=2/, {
        after: offset,
      });
      await sandbox.waitForEtcd(node, 30_000);

      const apiserver = async () =>
        (
          await inNode(['pgrep', '-f', '^kube-apiserver --advertise-address='], undefined).catch(
            () => undefined,
          )
        )?.stdout.trim();
      expect(await apiserver()).toBeTruthy();
      await inNode(['mv', '/etc/kubernetes/manifests/kube-apiserver.yaml', '/etc/kubernetes/']);
      await eventually(async () => !(await apiserver()), 10_000, 'kube-apiserver to stop');
      await inNode(['mv', '/etc/kubernetes/kube-apiserver.yaml', '/etc/kubernetes/manifests/']);
      await eventually(async () => Boolean(await apiserver()), 10_000, 'kube-apiserver to start');
    });

    it('ignores dotfiles and files that are not YAML or JSON in the manifests folder', async () => {
      const offset = sandbox.logOffset(node);
      const manifest = (await inNode(['cat', MANIFEST])).stdout;
      await inNode(['tee', '/etc/kubernetes/manifests/.etcd.yaml.swp'], manifest);
      await inNode(['tee', '/etc/kubernetes/manifests/etcd.yaml.bak'], manifest);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-started|pod-stopped/);
      await inNode([
        'rm',
        '/etc/kubernetes/manifests/.etcd.yaml.swp',
        '/etc/kubernetes/manifests/etcd.yaml.bak',
      ]);
    });
  },
);
