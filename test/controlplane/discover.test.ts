import { describe, expect, it } from 'vitest';
import { DiscoveryError, type DiscoveryOverrides, discoverControlPlane } from '../../src/controlplane';
import {
  apiServerManifest,
  etcdManifest,
  KUBEADM_PKI_FILES,
  kubeletConfig,
  kubeletPsLine,
  schedulerManifest,
} from './fixtures';
import { treeNode } from './tree-node';
import '../../src/options';

const PKI = Object.fromEntries(KUBEADM_PKI_FILES.map((p) => [p, 'pem']));

function kubeadmNode(extra: Record<string, string | undefined> = {}) {
  const files: Record<string, string> = {
    '/var/lib/kubelet/config.yaml': kubeletConfig(),
    '/etc/kubernetes/manifests/etcd.yaml': etcdManifest(),
    '/etc/kubernetes/manifests/kube-apiserver.yaml': apiServerManifest(),
    '/etc/kubernetes/manifests/kube-scheduler.yaml': schedulerManifest(),
    ...PKI,
  };
  for (const [path, content] of Object.entries(extra)) {
    if (content === undefined) delete files[path];
    else files[path] = content;
  }
  return files;
}

async function discover(
  files: Record<string, string>,
  processes: string[][] = [],
  overrides: DiscoveryOverrides = {},
) {
  return discoverControlPlane(treeNode(files, processes), overrides);
}

async function discoveryFailure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected discovery to fail');
}

describe('a kubeadm node', () => {
  it('yields everything restore needs, with the cert pair kube-apiserver itself uses', async () => {
    const cp = await discover(kubeadmNode());
    expect(cp).toMatchObject({
      staticPodPath: '/etc/kubernetes/manifests',
      etcdManifestPath: '/etc/kubernetes/manifests/etcd.yaml',
      kubeletConfigPath: '/var/lib/kubelet/config.yaml',
      apiServer: {
        manifestPath: '/etc/kubernetes/manifests/kube-apiserver.yaml',
        etcdServers: ['https://127.0.0.1:2379'],
      },
      warnings: [],
    });
    expect(cp.etcd).toMatchObject({
      runsAs: 'static-pod',
      name: 'cp-1',
      clientUrl: 'https://127.0.0.1:2379',
      advertiseClientUrls: ['https://172.18.0.2:2379'],
      peerUrls: ['https://172.18.0.2:2380'],
      initialCluster: 'cp-1=https://172.18.0.2:2380',
      initialClusterState: undefined,
      dataDir: '/var/lib/etcd',
      dataHostPath: '/var/lib/etcd',
      image: 'registry.k8s.io/etcd:3.5.21-0',
      version: '3.5.21',
      certs: {
        ca: '/etc/kubernetes/pki/etcd/ca.crt',
        cert: '/etc/kubernetes/pki/apiserver-etcd-client.crt',
        key: '/etc/kubernetes/pki/apiserver-etcd-client.key',
        source: 'apiserver-etcd-client',
      },
    });
    expect(cp.etcd.flags['snapshot-count']).toBe('10000');
    expect(cp.staticPods.map((p) => [p.path, p.component])).toEqual([
      ['/etc/kubernetes/manifests/etcd.yaml', 'etcd'],
      ['/etc/kubernetes/manifests/kube-apiserver.yaml', 'kube-apiserver'],
      ['/etc/kubernetes/manifests/kube-scheduler.yaml', 'kube-scheduler'],
    ]);
  });

  it("reads kubeadm 1.37's manifest of a member that joined as a learner (feature gates, existing cluster)", async () => {
    const manifest = etcdManifest({
      node: 'cp-2',
      ip: '172.18.0.3',
      image: 'registry.k8s.io/etcd:3.7.0-0',
      featureGates: true,
      joinedAfter: [{ node: 'cp-1', ip: '172.18.0.2' }],
      initialClusterState: 'existing',
    });
    expect(manifest).not.toContain('experimental');
    const cp = await discover(kubeadmNode({ '/etc/kubernetes/manifests/etcd.yaml': manifest }));
    expect(cp.etcd).toMatchObject({
      runsAs: 'static-pod',
      name: 'cp-2',
      peerUrls: ['https://172.18.0.3:2380'],
      initialCluster: 'cp-1=https://172.18.0.2:2380,cp-2=https://172.18.0.3:2380',
      initialClusterState: 'existing',
      dataHostPath: '/var/lib/etcd',
      version: '3.7.0',
    });
    expect(cp.etcd.flags['feature-gates']).toBe('InitialCorruptCheck=true');
    expect(cp.etcd.flags['watch-progress-notify-interval']).toBe('5s');
    expect(cp.warnings).toEqual([]);
  });

  it('uses the healthcheck-client pair when kube-apiserver does not run on the node', async () => {
    const cp = await discover(kubeadmNode({ '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined }));
    expect(cp.apiServer).toBeUndefined();
    expect(cp.etcd.certs).toEqual({
      ca: '/etc/kubernetes/pki/etcd/ca.crt',
      cert: '/etc/kubernetes/pki/etcd/healthcheck-client.crt',
      key: '/etc/kubernetes/pki/etcd/healthcheck-client.key',
      source: 'healthcheck-client',
    });
  });

  it('falls back to the server pair, with a warning, when no client pair exists', async () => {
    const cp = await discover(
      kubeadmNode({
        '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined,
        '/etc/kubernetes/pki/etcd/healthcheck-client.crt': undefined,
        '/etc/kubernetes/pki/apiserver-etcd-client.crt': undefined,
      }),
    );
    expect(cp.etcd.certs?.source).toBe('server');
    expect(cp.etcd.certs?.cert).toBe('/etc/kubernetes/pki/etcd/server.crt');
    expect(cp.warnings.join('\n')).toMatch(/server certificate/);
  });

  it('reads a manifest with flags in args, under any file name, in a non-default static pod folder', async () => {
    const files = kubeadmNode({
      '/var/lib/kubelet/config.yaml': kubeletConfig('/opt/k8s/static-pods'),
      '/etc/kubernetes/manifests/etcd.yaml': undefined,
      '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined,
      '/opt/k8s/static-pods/10-database.yaml': etcdManifest({
        flagsIn: 'args',
        flagStyle: 'space',
        node: 'cp-7',
      }),
      '/opt/k8s/static-pods/.etcd.yaml.swp': 'not: [yaml',
    });
    const cp = await discover(files);
    expect(cp.staticPodPath).toBe('/opt/k8s/static-pods');
    expect(cp.etcdManifestPath).toBe('/opt/k8s/static-pods/10-database.yaml');
    expect(cp.etcd.name).toBe('cp-7');
    expect(cp.warnings).toEqual([]);
  });

  it('maps data dir and certs to where the hostPath volumes put them on the host', async () => {
    const cp = await discover(
      kubeadmNode({
        '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined,
        '/etc/kubernetes/manifests/etcd.yaml': etcdManifest({
          dataHostPath: '/data/etcd',
          pkiHostPath: '/srv/pki/etcd',
        }),
        '/srv/pki/etcd/ca.crt': 'pem',
        '/srv/pki/etcd/healthcheck-client.crt': 'pem',
        '/srv/pki/etcd/healthcheck-client.key': 'pem',
      }),
    );
    expect(cp.etcd.dataDir).toBe('/var/lib/etcd');
    expect(cp.etcd.dataHostPath).toBe('/data/etcd');
    expect(cp.etcd.certs).toMatchObject({
      ca: '/srv/pki/etcd/ca.crt',
      cert: '/srv/pki/etcd/healthcheck-client.crt',
    });
    expect(cp.warnings.join('\n')).toMatch(/data dir \/var\/lib\/etcd is \/data\/etcd on the host/);
  });

  it('reports a data dir that no hostPath volume holds', async () => {
    const manifest = etcdManifest().replace('--data-dir=/var/lib/etcd', '--data-dir=/var/lib/etcd-restored');
    const cp = await discover(kubeadmNode({ '/etc/kubernetes/manifests/etcd.yaml': manifest }));
    expect(cp.etcd.dataDir).toBe('/var/lib/etcd-restored');
    expect(cp.etcd.dataHostPath).toBeUndefined();
    expect(cp.warnings.join('\n')).toMatch(
      /no hostPath volume holds etcd's data dir \/var\/lib\/etcd-restored/,
    );
  });

  it('warns about, but gets past, a malformed manifest when etcd is found in another one', async () => {
    const cp = await discover(kubeadmNode({ '/etc/kubernetes/manifests/broken.yaml': 'spec: [oops' }));
    expect(cp.etcd.name).toBe('cp-1');
    expect(cp.warnings.join('\n')).toMatch(/cannot parse \/etc\/kubernetes\/manifests\/broken\.yaml/);
  });

  it('fails with a one-line error naming the file when the only candidate manifest is malformed', async () => {
    const error = await discoveryFailure(
      discover(
        kubeadmNode({ '/etc/kubernetes/manifests/etcd.yaml': 'apiVersion: v1\nspec:\n  containers: [\n' }),
      ),
    );
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error.message).toMatch(
      /^discovery: cannot parse \/etc\/kubernetes\/manifests\/etcd\.yaml: [^\n]+$/,
    );
  });
});

describe('finding the static pod folder', () => {
  const manifests = (dir: string) => ({
    '/var/lib/kubelet/config.yaml': undefined,
    '/etc/kubernetes/manifests/etcd.yaml': undefined,
    '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined,
    '/etc/kubernetes/manifests/kube-scheduler.yaml': undefined,
    [`${dir}/etcd.yaml`]: etcdManifest(),
  });

  it('follows --config of the running kubelet to a config file outside the default place', async () => {
    const files = kubeadmNode({
      ...manifests('/srv/static'),
      '/srv/kubelet/kubelet.yaml': kubeletConfig('/srv/static'),
    });
    const ps = [kubeletPsLine('--config=/srv/kubelet/kubelet.yaml').split(' ')];
    const cp = await discover(files, ps);
    expect(cp.kubeletConfigPath).toBe('/srv/kubelet/kubelet.yaml');
    expect(cp.staticPodPath).toBe('/srv/static');
  });

  it('uses --pod-manifest-path of a kubelet that runs without a config file', async () => {
    const ps = [['/sbin/init'], kubeletPsLine('--pod-manifest-path=/opt/manifests').split(' ')];
    const cp = await discover(kubeadmNode(manifests('/opt/manifests')), ps);
    expect(cp.staticPodPath).toBe('/opt/manifests');
    expect(cp.kubeletConfigPath).toBeUndefined();
    expect(cp.etcd.name).toBe('cp-1');
  });

  it("lets the kubelet's --pod-manifest-path win over its config file, as in the kubelet", async () => {
    const ps = [
      kubeletPsLine('--config=/var/lib/kubelet/config.yaml --pod-manifest-path=/opt/manifests').split(' '),
    ];
    const files = {
      ...kubeadmNode(manifests('/opt/manifests')),
      '/var/lib/kubelet/config.yaml': kubeletConfig(),
    };
    expect((await discover(files, ps)).staticPodPath).toBe('/opt/manifests');
  });

  it('assumes /etc/kubernetes/manifests with a warning when there is neither kubelet config nor kubelet', async () => {
    const cp = await discover(kubeadmNode({ '/var/lib/kubelet/config.yaml': undefined }));
    expect(cp.staticPodPath).toBe('/etc/kubernetes/manifests');
    expect(cp.warnings.join('\n')).toMatch(/assuming the kubeadm default \/etc\/kubernetes\/manifests/);
  });
});

describe('etcd outside a static pod', () => {
  const noEtcdPod = { '/etc/kubernetes/manifests/etcd.yaml': undefined };

  it('follows kube-apiserver to an external etcd and uses its client pair', async () => {
    const files = kubeadmNode({
      ...noEtcdPod,
      '/etc/kubernetes/manifests/kube-apiserver.yaml': apiServerManifest({
        etcdServers: 'https://10.0.0.11:2379,https://10.0.0.12:2379',
      }),
    });
    const cp = await discover(files);
    expect(cp.etcdManifestPath).toBeUndefined();
    expect(cp.etcd).toMatchObject({
      runsAs: 'external',
      clientUrl: 'https://10.0.0.11:2379',
      dataDir: undefined,
      certs: { source: 'apiserver-etcd-client', cert: '/etc/kubernetes/pki/apiserver-etcd-client.crt' },
    });
    expect(cp.warnings.join('\n')).toMatch(/external etcd at https:\/\/10\.0\.0\.11:2379/);
  });

  it('reads the flags of an etcd run by systemd', async () => {
    const etcd = [
      '/usr/local/bin/etcd',
      '--name',
      'etcd-a',
      '--data-dir=/var/lib/etcd-a',
      '--listen-client-urls=https://10.0.0.11:2379,https://127.0.0.1:2379',
      '--cert-file=/etc/etcd/pki/server.crt',
      '--key-file=/etc/etcd/pki/server.key',
      '--trusted-ca-file=/etc/etcd/pki/ca.crt',
    ];
    const files = {
      ...kubeadmNode({ ...noEtcdPod, '/etc/kubernetes/manifests/kube-apiserver.yaml': undefined }),
      '/etc/etcd/pki/ca.crt': 'pem',
      '/etc/etcd/pki/server.crt': 'pem',
      '/etc/etcd/pki/server.key': 'pem',
    };
    const cp = await discover(files, [etcd]);
    expect(cp.etcd).toMatchObject({
      runsAs: 'process',
      name: 'etcd-a',
      clientUrl: 'https://127.0.0.1:2379',
      dataDir: '/var/lib/etcd-a',
      dataHostPath: '/var/lib/etcd-a',
    });
    expect(cp.etcd.certs?.ca).toBe('/etc/etcd/pki/ca.crt');
  });

  it('works from explicit endpoint and cert paths alone', async () => {
    const files = { '/etc/etcd/ca.pem': 'x', '/etc/etcd/client.pem': 'x', '/etc/etcd/client-key.pem': 'x' };
    const cp = await discover(files, [], {
      clientUrl: 'https://10.0.0.11:2379',
      caFile: '/etc/etcd/ca.pem',
      certFile: '/etc/etcd/client.pem',
      keyFile: '/etc/etcd/client-key.pem',
    });
    expect(cp.etcd.runsAs).toBe('external');
    expect(cp.etcd.certs).toEqual({
      ca: '/etc/etcd/ca.pem',
      cert: '/etc/etcd/client.pem',
      key: '/etc/etcd/client-key.pem',
      source: 'input',
    });
  });

  it('says what it could not find and which inputs to set when there is no etcd anywhere', async () => {
    const error = await discoveryFailure(discover({ '/var/lib/kubelet/config.yaml': kubeletConfig() }));
    expect(error.message).toBe(
      'discovery: no static pod folder at /etc/kubernetes/manifests, no etcd process and no kube-apiserver pointing at one',
    );
    expect((error as DiscoveryError).hint).toMatch(
      /--etcd-endpoint, --etcd-ca-file, --etcd-cert-file and --etcd-key-file/,
    );
  });
});

describe('explicit inputs', () => {
  it('override discovered endpoint, member name, data dir and cert paths', async () => {
    const cp = await discover(kubeadmNode({ '/opt/ca.crt': 'x', '/opt/c.crt': 'x', '/opt/c.key': 'x' }), [], {
      clientUrl: 'https://172.18.0.2:2379',
      memberName: 'other',
      dataDir: '/mnt/etcd',
      caFile: '/opt/ca.crt',
      certFile: '/opt/c.crt',
      keyFile: '/opt/c.key',
    });
    expect(cp.etcd).toMatchObject({
      clientUrl: 'https://172.18.0.2:2379',
      name: 'other',
      dataDir: '/mnt/etcd',
      dataHostPath: '/mnt/etcd',
      certs: { ca: '/opt/ca.crt', source: 'input' },
    });
  });

  it('reads only the named etcd manifest for etcd', async () => {
    const files = kubeadmNode({ '/root/etcd-b.yaml': etcdManifest({ node: 'b' }) });
    const cp = await discover(files, [], { etcdManifestPath: '/root/etcd-b.yaml' });
    expect(cp.etcd.name).toBe('b');
    expect(cp.apiServer?.manifestPath).toBe('/etc/kubernetes/manifests/kube-apiserver.yaml');
  });

  it('refuses a cert path that is not on the node, naming the input', async () => {
    const error = await discoveryFailure(
      discover(kubeadmNode(), [], {
        certFile: '/nope/c.crt',
        keyFile: '/etc/kubernetes/pki/etcd/server.key',
      }),
    );
    expect(error.message).toBe('discovery: /nope/c.crt does not exist on the node');
    // The hint names the option as the user gives it: a CLI flag here, the action's input in an action.
    expect((error as DiscoveryError).hint).toBe('check --etcd-cert-file');
  });

  it('refuses a client certificate given without its key, and relative paths', async () => {
    await expect(discover(kubeadmNode(), [], { certFile: '/a.crt' })).rejects.toThrow(/etcd-key-file/);
    await expect(discover(kubeadmNode(), [], { staticPodPath: 'manifests' })).rejects.toThrow(
      /static-pod-path/,
    );
    await expect(discover(kubeadmNode(), [], { clientUrl: '127.0.0.1:2379' })).rejects.toThrow(
      /etcd-endpoint/,
    );
  });
});
