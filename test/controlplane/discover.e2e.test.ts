import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryError, discoverOverSsh } from '../../src/controlplane';
import { connect, type SshSession } from '../../src/ssh';
import {
  type FixtureFile,
  generateKeyPair,
  type KeyPair,
  type Sshd,
  sshdUnavailable,
  startSshd,
} from '../support/sshd';
import {
  apiServerManifest,
  etcdManifest,
  KUBEADM_PKI_FILES,
  kubeletConfig,
  schedulerManifest,
} from './fixtures';

const missing = sshdUnavailable();

describe.skipIf(missing !== undefined)(
  `discovery over SSH on a kubeadm-shaped node${missing ? ` (skipped: needs ${missing})` : ''}`,
  () => {
    let key: KeyPair;
    const started: Sshd[] = [];
    const sessions: SshSession[] = [];

    beforeAll(async () => {
      key = await generateKeyPair('ed25519');
    });
    afterEach(async () => {
      await Promise.all(sessions.splice(0).map((s) => s.close()));
      await Promise.all(started.splice(0).map((s) => s.stop()));
    });

    /** kubeadm's files at their real paths, root-only like kubeadm writes them. */
    function kubeadmFiles(overrides: Record<string, string | undefined> = {}): FixtureFile[] {
      const files: Record<string, string> = {
        '/var/lib/kubelet/config.yaml': kubeletConfig(),
        '/etc/kubernetes/manifests/etcd.yaml': etcdManifest(),
        '/etc/kubernetes/manifests/kube-apiserver.yaml': apiServerManifest(),
        '/etc/kubernetes/manifests/kube-scheduler.yaml': schedulerManifest(),
      };
      for (const path of KUBEADM_PKI_FILES) files[path] = `-----BEGIN TEST ${path}-----\n`;
      for (const [path, content] of Object.entries(overrides)) {
        if (content === undefined) delete files[path];
        else files[path] = content;
      }
      return Object.entries(files).map(([path, content]) => ({ path, content, mode: 0o600 }));
    }

    async function node(files: FixtureFile[], user = 'alice'): Promise<{ sshd: Sshd; session: SshSession }> {
      const sshd = await startSshd({
        pidNamespace: true,
        overlays: ['/var/lib'],
        files: [{ path: '/var/lib/etcd', directory: true, mode: 0o700 }, ...files],
        rootAuthorizedKeys: [key.publicKey],
        users: [
          { name: 'alice', sudo: 'nopasswd', authorizedKeys: [key.publicKey] },
          { name: 'dave', sudo: 'none', authorizedKeys: [key.publicKey] },
        ],
      });
      started.push(sshd);
      const session = await connect({
        host: sshd.host,
        port: sshd.port,
        username: user,
        privateKey: key.privateKey,
        hostKey: { fingerprints: [sshd.hostKeys[0]!.fingerprint] },
      });
      sessions.push(session);
      return { sshd, session };
    }

    it('discovers a kubeadm control plane over SSH as a sudo user, and the cert files it names are readable', async () => {
      const { session } = await node(kubeadmFiles());
      const cp = await discoverOverSsh(session);
      expect(cp).toMatchObject({
        staticPodPath: '/etc/kubernetes/manifests',
        etcdManifestPath: '/etc/kubernetes/manifests/etcd.yaml',
        kubeletConfigPath: '/var/lib/kubelet/config.yaml',
        apiServer: { manifestPath: '/etc/kubernetes/manifests/kube-apiserver.yaml' },
        warnings: [],
      });
      expect(cp.etcd).toMatchObject({
        name: 'cp-1',
        clientUrl: 'https://127.0.0.1:2379',
        dataDir: '/var/lib/etcd',
        dataHostPath: '/var/lib/etcd',
        version: '3.5.21',
        certs: { source: 'apiserver-etcd-client' },
      });
      const cert = await session.readFile(cp.etcd.certs!.cert, { sudo: true });
      expect(cert.toString()).toBe('-----BEGIN TEST /etc/kubernetes/pki/apiserver-etcd-client.crt-----\n');
    });

    it("finds the static pods of a kubelet that runs without a config file, from the kubelet's own flags", async () => {
      const files = kubeadmFiles({
        '/var/lib/kubelet/config.yaml': undefined,
        '/etc/kubernetes/manifests/etcd.yaml': undefined,
        '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined,
        '/etc/kubernetes/manifests/kube-scheduler.yaml': undefined,
        '/var/lib/k8s-static/db.yaml': etcdManifest({ flagsIn: 'args', flagStyle: 'space', node: 'cp-9' }),
      });
      const { sshd, session } = await node(files, 'root');
      // A process that calls itself kubelet, as `ps` and /proc show it on the node.
      sshd.spawn([
        'perl',
        '-e',
        '$0 = "/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --pod-manifest-path=/var/lib/k8s-static --v=2"; sleep 600',
      ]);
      let cp: Awaited<ReturnType<typeof discoverOverSsh>> | undefined;
      for (let attempt = 0; attempt < 20 && cp?.staticPodPath !== '/var/lib/k8s-static'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        cp = await discoverOverSsh(session).catch(() => undefined);
      }
      expect(cp?.staticPodPath).toBe('/var/lib/k8s-static');
      expect(cp?.etcdManifestPath).toBe('/var/lib/k8s-static/db.yaml');
      expect(cp?.etcd.name).toBe('cp-9');
      expect(cp?.etcd.certs?.source).toBe('healthcheck-client');
    });

    it('tells a user without sudo that the root-only manifests need root or sudo', async () => {
      const { session } = await node(kubeadmFiles(), 'dave');
      const error = await discoverOverSsh(session, {}, { sudo: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscoveryError);
      expect((error as DiscoveryError).message).toMatch(
        /cannot read \/var\/lib\/kubelet\/config\.yaml on dave@.*: permission denied/,
      );
      expect((error as DiscoveryError).hint).toMatch(/root or as a user with sudo/);
    });

    it('works for an external etcd from explicit endpoint and cert paths, checking that the files exist', async () => {
      const { session } = await node([
        { path: '/etc/etcd/pki/ca.pem', content: 'ca', mode: 0o600 },
        { path: '/etc/etcd/pki/client.pem', content: 'cert', mode: 0o600 },
        { path: '/etc/etcd/pki/client-key.pem', content: 'key', mode: 0o600 },
      ]);
      const overrides = {
        clientUrl: 'https://198.18.7.10:2379',
        caFile: '/etc/etcd/pki/ca.pem',
        certFile: '/etc/etcd/pki/client.pem',
        keyFile: '/etc/etcd/pki/client-key.pem',
      };
      const cp = await discoverOverSsh(session, overrides);
      expect(cp.etcd).toMatchObject({
        runsAs: 'external',
        clientUrl: 'https://198.18.7.10:2379',
        certs: { source: 'input' },
      });
      await expect(
        discoverOverSsh(session, { ...overrides, keyFile: '/etc/etcd/pki/missing.pem' }),
      ).rejects.toThrow('discovery: /etc/etcd/pki/missing.pem does not exist on the node');
    });
  },
);
