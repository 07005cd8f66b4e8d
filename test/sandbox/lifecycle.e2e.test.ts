import { existsSync, readFileSync, statSync } from 'node:fs';
import { zstdCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEtcdMinors } from '../../sandbox/etcd-binaries';
import { run } from '../../sandbox/exec';
import { Sandbox, type SandboxInfo, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { isSameProcess, processStartTime, readProcesses } from '../../sandbox/state';
import { ssh } from './ssh';

const minor = availableEtcdMinors()[0];
const missing = minor === undefined ? 'no etcd build available' : sandboxSkipReason(minor);
const name = `lifecycle-${process.pid}`;
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

const cli = (...args: string[]) =>
  run('npx', ['tsx', 'sandbox/cli.ts', ...args], { allowFailure: true, timeoutMs: 120_000 });

describe.skipIf(missing !== undefined)(
  `sandbox up, status and down from the CLI${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let info: SandboxInfo;
    let sandbox: Sandbox;

    beforeAll(async () => {
      const up = await cli('up', '--name', name, '--etcd', minor!, '--fill', '40MiB', '--json');
      expect(up.code, up.stderr).toBe(0);
      info = JSON.parse(up.stdout) as SandboxInfo;
      sandbox = Sandbox.open(name);
    });

    afterAll(async () => {
      await cli('down', '--name', name);
    });

    it('prints what an SSH client needs as JSON, matching what the node presents', async () => {
      const node = info.nodes[0]!;
      expect(info).toMatchObject({ name, members: 1, etcdVersion: node.etcdVersion });
      expect(node).toMatchObject({
        name: `${name}-control-plane`,
        port: 22,
        etcdClientUrl: 'https://127.0.0.1:2379',
      });
      expect(node.host).toMatch(/^127\.0\.\d+\.1$/);
      expect(node.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
      expect(node.knownHostsLine).toMatch(new RegExp(`^${node.host.replaceAll('.', '\\.')} ssh-ed25519 `));
      const scanned = await run('ssh-keyscan', ['-t', 'ed25519', '-p', String(node.port), node.host]);
      const keygen = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', '-'], { input: scanned.stdout });
      expect(keygen.stdout.split(' ')[1]).toBe(node.hostKeyFingerprint);
      expect(scanned.stdout.trim()).toBe(node.knownHostsLine);
      for (const user of Object.values(node.users)) {
        expect(readFileSync(user.privateKeyPath, 'utf8')).toContain('BEGIN OPENSSH PRIVATE KEY');
        expect(statSync(user.privateKeyPath).mode & 0o777).toBe(0o600);
      }
    });

    it('fills the database with bulk objects that compress like real cluster data', async () => {
      expect(info.seed!.fillBytes).toBeGreaterThanOrEqual(40 * 1024 * 1024);
      const client = sandbox.etcdClientFor(info.nodes[0]!);
      try {
        const status = await client.status();
        expect(Number(status.dbSize)).toBeGreaterThan(40 * 1024 * 1024);
        const sample = await client.range('/registry/configmaps/bulk-0/', { prefix: true, limit: 200 });
        expect(sample.kvs.length).toBe(200);
        const raw = Buffer.concat(sample.kvs.map((kv) => kv.value));
        expect(raw.subarray(0, 4).toString('latin1')).toBe('k8s\0');
        const ratio = raw.length / zstdCompressSync(raw).length;
        expect(ratio).toBeGreaterThan(2.5);
        expect(ratio).toBeLessThan(8);
        for (const [resource, count] of Object.entries(info.seed!.byResource)) {
          expect({
            resource,
            count: (await client.range(`/registry/${resource}/`, { prefix: true, countOnly: true })).count,
          }).toEqual({ resource, count });
        }
      } finally {
        client.close();
      }
      const manifest = await ssh(
        info.nodes[0]!,
        info.nodes[0]!.users.root,
        'cat /etc/kubernetes/manifests/etcd.yaml',
      );
      expect(manifest.stdout).toContain('--quota-backend-bytes=2147483648');
    });

    it('refuses to start a second sandbox under a name in use, and leaves the first one alone', async () => {
      await expect(startSandbox({ name, etcd: minor })).rejects.toThrow(/already exists/);
      const again = await cli('up', '--name', name, '--etcd', minor!);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('already exists');
      const r = await ssh(info.nodes[0]!, info.nodes[0]!.users.root, 'hostname');
      expect(r.stdout.trim()).toBe(info.nodes[0]!.name);
    });

    it('lists the sandbox in status with all its processes running', async () => {
      const status = await cli('status', '--json');
      const entry = (
        JSON.parse(status.stdout) as Array<{
          name: string;
          processesRunning: number;
          processesStarted: number;
        }>
      ).find((s) => s.name === name);
      expect(entry).toBeDefined();
      expect(entry!.processesRunning).toBe(entry!.processesStarted);
    });

    it('throttles, cuts and downs the SSH link through the forwarder controls', async () => {
      const node = info.nodes[0]!;
      const fetch = (bytes: number) =>
        ssh(node, node.users.root, `head -c ${bytes} /dev/zero`, { allowFailure: true });
      let t = Date.now();
      expect((await fetch(500_000)).code).toBe(0);
      const clean = Date.now() - t;

      await sandbox.setLink(node, { bytesPerSecond: 125_000 });
      t = Date.now();
      const slow = await fetch(500_000);
      const throttled = Date.now() - t;
      expect(slow.code).toBe(0);
      // 500 kB at 125 kB/s: at least 4 s, where the clean link took a fraction of that.
      expect(throttled).toBeGreaterThan(3_500);
      expect(throttled).toBeGreaterThan(clean + 2_000);

      await sandbox.setLink(node, { cutAfterBytes: 300_000 });
      const cut = await fetch(3_000_000);
      expect(cut.code).toBe(255);
      // SSH's stream is encrypted, so the zeros cost full size on the wire; only part of them arrived.
      expect(cut.stdout.length).toBeGreaterThan(0);
      expect(cut.stdout.length).toBeLessThan(3_000_000);

      await sandbox.setLink(node, { down: true });
      expect((await fetch(10)).code).toBe(255);

      await sandbox.setLink(node, {});
      expect((await fetch(10)).code).toBe(0);
    });

    it('down stops every process it started and removes the namespaces, the bridge and the state', async () => {
      const records = readProcesses(info.stateDir);
      expect(records.length).toBe(2);
      const slot = info.nodes[0]!.ip.split('.')[2];
      const down = await cli('down', '--name', name);
      expect(down.code, down.stderr).toBe(0);
      // Gone, or a zombie waiting for the machine's init to reap it (the CLI that started it has exited).
      for (const r of records) expect(isSameProcess(r), r.role).toBe(false);
      for (const r of records)
        if (processStartTime(r.pid) === r.startTime) expect(processState(r.pid)).toBe('Z');
      expect(existsSync(info.stateDir)).toBe(false);
      expect(existsSync(`/run/netns/ebs-${slot}-1`)).toBe(false);
      expect(existsSync(`/sys/class/net/ebsbr${slot}`)).toBe(false);
      const stillThere = await run('pgrep', ['-f', info.nodes[0]!.stateDir], { allowFailure: true });
      expect(stillThere.stdout.trim()).toBe('');
    });
  },
);
