import { readFile } from 'node:fs/promises';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox';
import { discoverOverSsh, parseClientUrl } from '../../src/controlplane';
import { connect, type SshSession } from '../../src/ssh';

const skip = sandboxSkipReason('3.7');

describe.skipIf(skip !== undefined)(
  `discovery on the sandbox's kubeadm 1.37-shaped nodes (etcd 3.7, members joined as learners)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    const sessions: SshSession[] = [];

    beforeAll(async () => {
      // Three etcd members on two busy cores can take a while to elect a leader.
      sandbox = await startSandbox({ members: 3, etcd: '3.7', seed: false, readyTimeoutMs: 150_000 });
    }, 240_000);
    afterAll(async () => {
      await Promise.all(sessions.map((s) => s.close()));
      await sandbox?.stop();
    });

    async function login(nodeIndex: number, who: 'root' | 'sudo' | 'sudoPassword'): Promise<SshSession> {
      const node = sandbox.info.nodes[nodeIndex]!;
      const user = node.users[who];
      const session = await connect({
        host: node.host,
        port: node.port,
        username: user.username,
        privateKey: await readFile(user.privateKeyPath, 'utf8'),
        hostKey: { knownHosts: node.knownHostsLine },
        sudoPassword: who === 'sudoPassword' ? node.users.sudoPassword.password : undefined,
      });
      sessions.push(session);
      return session;
    }

    it('finds each member of a 3-node stacked control plane, as a user whose sudo asks for a password', async () => {
      for (const [index, node] of sandbox.info.nodes.entries()) {
        const cp = await discoverOverSsh(await login(index, 'sudoPassword'));
        expect(cp.kubeletConfigPath).toBe('/var/lib/kubelet/config.yaml');
        expect(cp.staticPodPath).toBe('/etc/kubernetes/manifests');
        expect(cp.etcdManifestPath).toBe('/etc/kubernetes/manifests/etcd.yaml');
        expect(cp.apiServer?.manifestPath).toBe('/etc/kubernetes/manifests/kube-apiserver.yaml');
        expect(cp.etcd).toMatchObject({
          runsAs: 'static-pod',
          name: node.name,
          clientUrl: node.etcdClientUrl,
          peerUrls: [`https://${node.ip}:2380`],
          dataHostPath: '/var/lib/etcd',
          version: node.etcdVersion,
          certs: { source: 'apiserver-etcd-client' },
        });
        // kubeadm join: each member names the ones before it and itself, and joins an existing cluster.
        expect(cp.etcd.initialCluster?.split(',')).toHaveLength(index + 1);
        expect(cp.etcd.initialClusterState).toBe(index === 0 ? undefined : 'existing');
        expect(cp.etcd.flags['feature-gates']).toBe('InitialCorruptCheck=true');
        expect(cp.etcd.flags['watch-progress-notify-interval']).toBe('5s');
        expect(Object.keys(cp.etcd.flags).filter((f) => f.startsWith('experimental-'))).toEqual([]);
      }
      const client = sandbox.etcdClientFor(sandbox.info.nodes[0]!);
      try {
        const members = await client.memberList();
        expect(members.map((m) => [m.name, m.isLearner]).sort()).toEqual(
          sandbox.info.nodes.map((n) => [n.name, false]).sort(),
        );
      } finally {
        client.close();
      }
    });

    it('names certificates that etcd accepts through an SSH tunnel to the discovered client URL', async () => {
      const session = await login(0, 'sudo');
      const cp = await discoverOverSsh(session);
      const [ca, cert, key] = await Promise.all(
        [cp.etcd.certs!.ca, cp.etcd.certs!.cert, cp.etcd.certs!.key].map((p) =>
          session.readFile(p, { sudo: true }),
        ),
      );
      const { host, port } = parseClientUrl(cp.etcd.clientUrl);
      const tunnel = await session.openTunnel(host, port);
      const authorized = await new Promise<boolean>((resolve, reject) => {
        const socket = tlsConnect(
          { host: tunnel.host, port: tunnel.port, ca, cert, key, servername: '' },
          () => {
            resolve(socket.authorized);
            socket.end();
          },
        );
        socket.on('error', reject);
      });
      expect(authorized).toBe(true);
    });
  },
);
