import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ETCD_VERSIONS, type EtcdMinor } from '../../sandbox/etcd-binaries';
import { type Sandbox, type SandboxNodeInfo, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { ssh } from './ssh';

/** The etcdctl flags an operator reads out of the etcd static pod manifest (the CKA runbook). */
async function etcdctlFlagsFromManifest(node: SandboxNodeInfo): Promise<string> {
  const manifest = await ssh(node, node.users.root, 'cat /etc/kubernetes/manifests/etcd.yaml');
  const command = parse(manifest.stdout).spec.containers[0].command as string[];
  const flag = (name: string) => command.find((a) => a.startsWith(`--${name}=`))!.split('=')[1]!;
  const endpoint = flag('listen-client-urls').split(',')[0];
  return `--endpoints=${endpoint} --cacert=${flag('trusted-ca-file')} --cert=${flag('cert-file')} --key=${flag('key-file')}`;
}

/**
 * What the issue asks of every node, for one etcd version and member count: SSH with the printed host key,
 * etcdctl with the paths from the manifest seeing every member healthy, the sudo users, the host untouched,
 * and the seed.
 */
export function describeSandboxNodes(minor: EtcdMinor, members: 1 | 3): void {
  const missing = sandboxSkipReason(minor);
  const title = `a ${members}-member sandbox with etcd ${ETCD_VERSIONS[minor]}${missing ? ` (skipped: ${missing})` : ''}`;

  describe.skipIf(missing !== undefined)(title, () => {
    let sandbox: Sandbox;

    beforeAll(async () => {
      sandbox = await startSandbox({ etcd: minor, members });
    });

    afterAll(async () => {
      await sandbox?.stop();
    });

    it('lets root in over ssh with the printed known_hosts line, and etcdctl from the manifest sees every member healthy', async () => {
      for (const node of sandbox.info.nodes) {
        const who = await ssh(node, node.users.root, 'id -un; hostname');
        expect(who.stdout.split('\n').slice(0, 2)).toEqual(['root', node.name]);
        const flags = await etcdctlFlagsFromManifest(node);
        const health = await ssh(
          node,
          node.users.root,
          `ETCDCTL_API=3 etcdctl ${flags} endpoint health --cluster -w json`,
        );
        const members = JSON.parse(health.stdout) as Array<{ endpoint: string; health: boolean }>;
        expect(members).toHaveLength(sandbox.info.members);
        expect(members.every((m) => m.health)).toBe(true);
        const version = await ssh(node, node.users.root, 'etcdctl version');
        expect(version.stdout).toContain(`etcdctl version: ${ETCD_VERSIONS[minor]}`);
      }
    });

    it('has a passwordless-sudo user who can read the etcd CA key, and one whose sudo asks for a password', async () => {
      const node = sandbox.info.nodes[0]!;
      const key = await ssh(node, node.users.sudo, 'sudo -n cat /etc/kubernetes/pki/etcd/ca.key');
      expect(key.stdout).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----/);
      const refused = await ssh(node, node.users.sudoPassword, 'sudo -n true', { allowFailure: true });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('password is required');
      const withPassword = await ssh(
        node,
        node.users.sudoPassword,
        'sudo -S -p "" cat /etc/kubernetes/pki/etcd/ca.key',
        {
          input: `${node.users.sudoPassword.password}\n`,
        },
      );
      expect(withPassword.stdout).toContain('PRIVATE KEY');
    });

    it("keeps the node's files out of the host: the host has no /etc/kubernetes", () => {
      expect(existsSync('/etc/kubernetes')).toBe(false);
      expect(existsSync('/var/lib/kubelet/config.yaml')).toBe(false);
    });

    it('refuses a host key that is not the printed one', async () => {
      const node = sandbox.info.nodes[0]!;
      // A real ed25519 key, but not this host's: the root user's own public key.
      const wrongKey = readFileSync(`${node.users.root.privateKeyPath}.pub`, 'utf8')
        .split(' ')
        .slice(0, 2)
        .join(' ');
      const other = { ...node, knownHostsLine: `${node.host} ${wrongKey}` };
      const r = await ssh(other, node.users.root, 'true', { allowFailure: true });
      expect(r.code).toBe(255);
      expect(r.stderr).toMatch(/HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
    });

    it('holds the seed: key counts per resource match what the seed reports, values are shaped like kube-apiserver writes them', async () => {
      const seed = sandbox.info.seed!;
      const client = sandbox.etcdClientFor(sandbox.info.nodes.at(-1)!);
      try {
        for (const [resource, count] of Object.entries(seed.byResource)) {
          const r = await client.range(`/registry/${resource}/`, { prefix: true, countOnly: true });
          expect({ resource, count: r.count }).toEqual({ resource, count });
        }
        const all = await client.range('\0', { rangeEnd: '\0', countOnly: true });
        expect(all.count).toBe(seed.totalKeys);
        expect(seed.byResource.pods).toBeGreaterThan(10);
        for (const r of [
          'namespaces',
          'deployments',
          'services/specs',
          'services/endpoints',
          'secrets',
          'configmaps',
          'leases',
          'apiextensions.k8s.io/customresourcedefinitions',
          'example.com/widgets',
        ]) {
          expect(seed.byResource[r], r).toBeGreaterThan(0);
        }
        const pods = await client.range('/registry/pods/', { prefix: true, limit: 1 });
        expect(pods.kvs[0]!.value.subarray(0, 4).toString('latin1')).toBe('k8s\0');
        const secrets = await client.range('/registry/secrets/', { prefix: true });
        const encrypted = secrets.kvs.filter(
          (kv) => kv.value.subarray(0, 23).toString() === 'k8s:enc:aescbc:v1:key1:',
        );
        expect(encrypted.length).toBe(seed.encryptedSecrets);
        expect(encrypted.length).toBeLessThan(secrets.count);
        const widget = await client.range('/registry/example.com/widgets/', { prefix: true, limit: 1 });
        expect(JSON.parse(widget.kvs[0]!.value.toString()).kind).toBe('Widget');
        const compact = await client.range('compact_rev_key');
        expect(compact.kvs[0]!.value.toString()).toBe(seed.compactRevision);
        await expect(
          client.range('/registry/pods/', { prefix: true, revision: BigInt(seed.compactRevision) - 1n }),
        ).rejects.toThrow(/compacted/);
      } finally {
        client.close();
      }
    });
  });
}
