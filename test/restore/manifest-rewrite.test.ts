import { describe, expect, it } from 'vitest';
import { etcdManifest } from '../../sandbox/manifests';
import { discoverControlPlane, type NodeFiles } from '../../src/controlplane';
import { rewriteEtcdDataDir } from '../../src/restore/manifest-rewrite';

const kubeadm = etcdManifest({
  nodeName: 'cp1',
  nodeIp: '10.0.0.1',
  etcdVersion: '3.5.21',
  minor: '3.5',
  initialCluster: ['cp1=https://10.0.0.1:2380'],
});

/** kubeadm 1.37's manifest of a member that joined an existing cluster (etcd 3.7, feature gates). */
const kubeadm137Joined = etcdManifest({
  nodeName: 'cp2',
  nodeIp: '10.0.0.2',
  etcdVersion: '3.7.3',
  minor: '3.7',
  initialCluster: ['cp1=https://10.0.0.1:2380', 'cp2=https://10.0.0.2:2380'],
  initialClusterState: 'existing',
});

function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

function filesWith(manifest: string): NodeFiles {
  const files = new Map([
    ['/var/lib/kubelet/config.yaml', 'staticPodPath: /etc/kubernetes/manifests\n'],
    ['/etc/kubernetes/manifests/etcd.yaml', manifest],
  ]);
  return {
    readText: async (p) => files.get(p),
    listFiles: async (p) => (p === '/etc/kubernetes/manifests' ? ['etcd.yaml'] : undefined),
    existing: async (paths) => new Set(paths.filter((p) => p.includes('/pki/'))),
    processes: async () => [],
  };
}

describe('rewriting etcd.yaml for a new data dir (the runbook mode)', () => {
  it.each([
    ['1.33', kubeadm],
    ['1.37, joined member', kubeadm137Joined],
  ])(
    'changes --data-dir, the etcd-data hostPath and its mountPath in a kubeadm %s manifest and nothing else',
    (_, manifest) => {
      const out = rewriteEtcdDataDir(manifest, '/var/lib/etcd-restored');
      expect(changedLines(manifest, out)).toEqual([
        ['    - --data-dir=/var/lib/etcd', '    - --data-dir=/var/lib/etcd-restored'],
        ['    - mountPath: /var/lib/etcd', '    - mountPath: /var/lib/etcd-restored'],
        ['      path: /var/lib/etcd', '      path: /var/lib/etcd-restored'],
      ]);
    },
  );

  it('leaves a manifest that discovery reads back with the new data dir on the host and in the container', async () => {
    const out = rewriteEtcdDataDir(kubeadm, '/srv/etcd-new');
    const plane = await discoverControlPlane(filesWith(out));
    expect(plane.etcd.dataDir).toBe('/srv/etcd-new');
    expect(plane.etcd.dataHostPath).toBe('/srv/etcd-new');
    expect(plane.warnings.filter((w) => w.includes('inconsistent'))).toEqual([]);
  });

  it('keeps comments, quoting and the two-word flag form', () => {
    const text = `# etcd, hand-edited
apiVersion: v1
kind: Pod
metadata:
  name: etcd
  labels: {component: etcd}
spec:
  containers:
  - name: etcd
    image: "registry.k8s.io/etcd:3.5.21-0"
    command: ["etcd", "--name=cp1"]
    args:
    - --data-dir
    - "/var/lib/etcd"   # the data
    volumeMounts:
    - {mountPath: /var/lib/etcd, name: etcd-data}
  volumes:
  - name: etcd-data
    hostPath:
      path: '/var/lib/etcd'
      type: DirectoryOrCreate
`;
    const out = rewriteEtcdDataDir(text, '/data/etcd2');
    expect(changedLines(text, out)).toEqual([
      ['    - "/var/lib/etcd"   # the data', '    - "/data/etcd2"   # the data'],
      [
        '    - {mountPath: /var/lib/etcd, name: etcd-data}',
        '    - {mountPath: /data/etcd2, name: etcd-data}',
      ],
      ["      path: '/var/lib/etcd'", "      path: '/data/etcd2'"],
    ]);
  });

  it('changes only the hostPath when the container sees the data dir under another path', () => {
    const text = kubeadm
      .replace('--data-dir=/var/lib/etcd', '--data-dir=/data')
      .replace('- mountPath: /var/lib/etcd', '- mountPath: /data');
    const out = rewriteEtcdDataDir(text, '/var/lib/etcd-restored');
    expect(changedLines(text, out)).toEqual([
      ['      path: /var/lib/etcd', '      path: /var/lib/etcd-restored'],
    ]);
  });

  it('refuses a new dir that is not a plain absolute path', () => {
    expect(() => rewriteEtcdDataDir(kubeadm, 'relative/dir')).toThrow(/not a plain absolute path/);
    expect(() => rewriteEtcdDataDir(kubeadm, '/var/lib/etcd new')).toThrow(/not a plain absolute path/);
    expect(() => rewriteEtcdDataDir(kubeadm, '/var/lib/../etc')).toThrow(/not a plain absolute path/);
  });

  it('refuses a data dir that is not on a volume of its own', () => {
    const text = kubeadm.replace('--data-dir=/var/lib/etcd', '--data-dir=/var/lib/etcd/sub');
    expect(() => rewriteEtcdDataDir(text, '/srv/new')).toThrow(/not a hostPath volume of its own/);
  });
});
