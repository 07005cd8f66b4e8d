import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { StoredNode } from '../../src/format';
import { setEtcdFlags } from '../../src/pki/etcd-flags';
import { matchNode, storedEtcdOf } from '../../src/pki/node-match';
import { RebuildRefusedError } from '../../src/pki/rebuild-errors';

const OPENSSL = '/usr/bin/openssl';

/** kubeadm's etcd manifest, as the sandbox writes it (trimmed to what a rebuild reads). */
const ETCD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: etcd
  namespace: kube-system
  labels: { component: etcd }
spec:
  containers:
  - command:
    - etcd
    - --advertise-client-urls=https://10.0.0.11:2379
    - --cert-file=/etc/kubernetes/pki/etcd/server.crt
    - --data-dir=/var/lib/etcd
    - --initial-advertise-peer-urls=https://10.0.0.11:2380
    - --initial-cluster=cp-1=https://10.0.0.11:2380
    - --key-file=/etc/kubernetes/pki/etcd/server.key
    - --name=cp-1
    - --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt
    - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
    image: registry.k8s.io/etcd:3.5.21-0
    name: etcd
    # kubeadm's comment stays where it is
    volumeMounts:
    - { mountPath: /var/lib/etcd, name: etcd-data }
    - { mountPath: /etc/kubernetes/pki/etcd, name: etcd-certs }
  volumes:
  - { hostPath: { path: /etc/kubernetes/pki/etcd, type: DirectoryOrCreate }, name: etcd-certs }
  - { hostPath: { path: /srv/etcd-data, type: DirectoryOrCreate }, name: etcd-data }
`;

describe.skipIf(!existsSync(OPENSSL))(
  `matching a node with its files in the backup${existsSync(OPENSSL) ? '' : ' (skipped: no openssl)'}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'pki-match-'));
    let nodes: StoredNode[];
    let opened: Map<string, Map<string, Buffer>>;

    beforeAll(() => {
      const run = (...args: string[]) => execFileSync(OPENSSL, args, { cwd: dir, stdio: 'ignore' });
      run(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-subj',
        '/CN=etcd-ca',
        '-days',
        '30',
      );
      writeFileSync(
        join(dir, 'san.cnf'),
        'subjectAltName=DNS:cp-1,DNS:localhost,IP:127.0.0.1,IP:10.0.0.11\n',
      );
      for (const name of ['server', 'peer']) {
        run(
          'req',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.csr`,
          '-subj',
          '/CN=cp-1',
        );
        run(
          'x509',
          '-req',
          '-in',
          `${name}.csr`,
          '-CA',
          'ca.crt',
          '-CAkey',
          'ca.key',
          '-set_serial',
          '7',
          '-days',
          '30',
          '-extfile',
          'san.cnf',
          '-out',
          `${name}.crt`,
        );
      }
      const pki = '/etc/kubernetes/pki/etcd';
      const contents = new Map<string, Buffer>([
        ['/etc/kubernetes/manifests/etcd.yaml', Buffer.from(ETCD_YAML)],
        [`${pki}/ca.crt`, readFileSync(join(dir, 'ca.crt'))],
        [`${pki}/server.crt`, readFileSync(join(dir, 'server.crt'))],
        [`${pki}/server.key`, readFileSync(join(dir, 'server.key'))],
        [`${pki}/peer.crt`, readFileSync(join(dir, 'peer.crt'))],
      ]);
      const file = (path: string, kind: 'pki' | 'manifest') => ({
        path,
        kind,
        mode: '0600',
        uid: 0,
        gid: 0,
        owner: 'root',
        group: 'root',
        size: contents.get(path)!.length,
        sha256: '0'.repeat(64),
      });
      nodes = [
        {
          node: 'cp-1',
          addresses: ['10.0.0.11'],
          files: [...contents.keys()].map((p) => file(p, p.endsWith('.yaml') ? 'manifest' : 'pki')),
        },
      ];
      opened = new Map([['cp-1', contents]]);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the stored etcd member on the node’s side of its hostPath volumes', () => {
      const etcd = storedEtcdOf(nodes[0]!, opened.get('cp-1')!);
      expect(etcd).toMatchObject({
        name: 'cp-1',
        dataDir: '/srv/etcd-data',
        peerUrls: ['https://10.0.0.11:2380'],
        initialCluster: 'cp-1=https://10.0.0.11:2380',
        certFiles: ['/etc/kubernetes/pki/etcd/server.crt', '/etc/kubernetes/pki/etcd/peer.crt'],
      });
    });

    it('accepts the node with the same hostname and the addresses its certificates name', () => {
      const node = matchNode({ hostname: 'cp-1', addresses: ['10.0.0.11', '127.0.0.1'] }, nodes, opened);
      expect(node.node).toBe('cp-1');
    });

    it('refuses a replacement VM that kept the name but not the address, saying which', () => {
      const refuse = () => matchNode({ hostname: 'cp-1', addresses: ['10.0.0.99'] }, nodes, opened);
      expect(refuse).toThrow(RebuildRefusedError);
      expect(refuse).toThrow(
        'node cp-1 has addresses 10.0.0.99, but its certificate /etc/kubernetes/pki/etcd/server.crt in the backup is for 10.0.0.11',
      );
    });

    it('refuses a node whose hostname the backup does not hold', () => {
      expect(() => matchNode({ hostname: 'cp-9', addresses: ['10.0.0.11'] }, nodes, opened)).toThrow(
        'node cp-9 is not in the backup: it holds the control-plane files of cp-1',
      );
    });

    it('rewrites the flags of a rejoining member and leaves the rest of the manifest as it was', () => {
      const text = setEtcdFlags(
        ETCD_YAML,
        {
          'initial-cluster': 'cp-1=https://10.0.0.11:2380,cp-2=https://10.0.0.12:2380',
          'initial-cluster-state': 'existing',
        },
        'etcd.yaml',
      );
      const command = parse(text).spec.containers[0].command as string[];
      expect(command).toContain('--initial-cluster=cp-1=https://10.0.0.11:2380,cp-2=https://10.0.0.12:2380');
      expect(command).toContain('--initial-cluster-state=existing');
      expect(command.filter((w) => w.startsWith('--initial-cluster='))).toHaveLength(1);
      expect(text).toContain("# kubeadm's comment stays where it is");
      // etcd and its 9 flags: one replaced, one added.
      expect(command).toHaveLength(11);
    });
  },
);
