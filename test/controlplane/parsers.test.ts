import { describe, expect, it } from 'vitest';
import {
  chooseClientUrl,
  DiscoveryError,
  findKubeletProcess,
  hostPathOf,
  parseKubeletConfig,
  parseProcCmdlines,
  parsePsListing,
  parseStaticPod,
  versionFromImage,
} from '../../src/controlplane';
import { parseFlags } from '../../src/controlplane/flags';
import { etcdContainer } from '../../src/controlplane/static-pod';
import { etcdManifest, kubeletConfig, kubeletPsLine } from './fixtures';

describe('flags', () => {
  it('reads --flag=value, --flag value, -flag=value and bare booleans; the last one wins', () => {
    const { values, positionals } = parseFlags([
      '--name=a',
      '--data-dir',
      '/var/lib/etcd',
      '--client-cert-auth',
      '--listen-client-urls',
      'https://127.0.0.1:2379',
      '-snapshot-count=5',
      '--name=b',
      'extra',
    ]);
    expect(Object.fromEntries(values)).toEqual({
      name: 'b',
      'data-dir': '/var/lib/etcd',
      'client-cert-auth': 'true',
      'listen-client-urls': 'https://127.0.0.1:2379',
      'snapshot-count': '5',
    });
    expect(positionals).toEqual(['extra']);
  });

  it('keeps an = inside a value', () => {
    expect(
      parseFlags(['--initial-cluster=a=https://1:2380,b=https://2:2380']).values.get('initial-cluster'),
    ).toBe('a=https://1:2380,b=https://2:2380');
  });
});

describe('kubelet config', () => {
  it('reads staticPodPath from a kubeadm KubeletConfiguration', () => {
    expect(parseKubeletConfig(kubeletConfig(), '/var/lib/kubelet/config.yaml').staticPodPath).toBe(
      '/etc/kubernetes/manifests',
    );
  });

  it('resolves a relative staticPodPath against the config file folder, as the kubelet does', () => {
    expect(parseKubeletConfig(kubeletConfig('manifests'), '/srv/kubelet/config.yaml').staticPodPath).toBe(
      '/srv/kubelet/manifests',
    );
  });

  it('reports a config without staticPodPath as having none', () => {
    expect(parseKubeletConfig('kind: KubeletConfiguration\n', '/c.yaml').staticPodPath).toBeUndefined();
  });

  it('turns malformed YAML into a one-line error naming the file', () => {
    let error: unknown;
    try {
      parseKubeletConfig('staticPodPath: [unclosed\n  kind: x: y\n', '/var/lib/kubelet/config.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toMatch(/^discovery: cannot parse \/var\/lib\/kubelet\/config\.yaml: /);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('process listings', () => {
  it('finds the kubelet and its --config in a ps -eo args listing', () => {
    const listing = `COMMAND\n/sbin/init\n/usr/bin/containerd\n${kubeletPsLine('--config=/var/lib/kubelet/config.yaml')}\nsshd: root@pts/0\n`;
    const kubelet = findKubeletProcess(parsePsListing(listing));
    expect(kubelet?.configPath).toBe('/var/lib/kubelet/config.yaml');
    expect(kubelet?.podManifestPath).toBeUndefined();
  });

  it('finds --pod-manifest-path of a kubelet run without a config file, in a ps aux listing', () => {
    const listing = [
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root           1  0.0  0.0  18572 11428 ?        Ss   10:01   0:01 /sbin/init',
      `root         612  2.1  1.9 2031840 79000 ?       Ssl  10:01   1:02 ${kubeletPsLine('--pod-manifest-path=/opt/k8s/static')}`,
    ].join('\n');
    expect(findKubeletProcess(parsePsListing(listing))?.podManifestPath).toBe('/opt/k8s/static');
  });

  it('reads /proc cmdlines, including a process that rewrote its title into one string', () => {
    const text = 'etcd\0--name=a\0--data-dir=/d\0\n/usr/bin/kubelet --config=/k.yaml\n\n';
    expect(parseProcCmdlines(text)).toEqual([
      ['etcd', '--name=a', '--data-dir=/d'],
      ['/usr/bin/kubelet', '--config=/k.yaml'],
    ]);
  });

  it('recognizes hyperkube kubelet and ignores processes merely mentioning kubelet', () => {
    expect(findKubeletProcess([['/usr/bin/tail', '-f', '/var/log/kubelet']])).toBeUndefined();
    expect(findKubeletProcess([['hyperkube', 'kubelet', '--config', '/k.yaml']])?.configPath).toBe('/k.yaml');
  });
});

describe('static pod manifests', () => {
  for (const flagsIn of ['command', 'args'] as const) {
    for (const flagStyle of ['equals', 'space'] as const) {
      it(`reads etcd's flags from ${flagsIn} written as --flag${flagStyle === 'equals' ? '=' : ' '}value`, () => {
        const pod = parseStaticPod(
          etcdManifest({ flagsIn, flagStyle }),
          '/etc/kubernetes/manifests/etcd.yaml',
        );
        const container = etcdContainer(pod)!;
        const { values } = parseFlags(container.argv.slice(1));
        expect(container.argv[0]).toBe('etcd');
        expect(values.get('data-dir')).toBe('/var/lib/etcd');
        expect(values.get('client-cert-auth')).toBe('true');
        expect(values.get('listen-client-urls')).toBe('https://127.0.0.1:2379,https://172.18.0.2:2379');
        expect(values.get('trusted-ca-file')).toBe('/etc/kubernetes/pki/etcd/ca.crt');
      });
    }
  }

  it('recognizes etcd by its container or label, not by the file name', () => {
    const pod = parseStaticPod(etcdManifest({ containerName: 'main' }), '/m/database.yaml');
    expect(etcdContainer(pod)?.name).toBe('main');
  });

  it('maps container paths to host paths through the deepest hostPath volume', () => {
    const pod = parseStaticPod(
      etcdManifest({
        dataDir: '/var/lib/etcd',
        dataHostPath: '/data/etcd-cp1',
        pkiHostPath: '/srv/pki/etcd',
      }),
      '/m/etcd.yaml',
    );
    const container = etcdContainer(pod)!;
    expect(hostPathOf(pod, container, '/var/lib/etcd')).toBe('/data/etcd-cp1');
    expect(hostPathOf(pod, container, '/var/lib/etcd/member/snap/db')).toBe('/data/etcd-cp1/member/snap/db');
    expect(hostPathOf(pod, container, '/etc/kubernetes/pki/etcd/server.crt')).toBe(
      '/srv/pki/etcd/server.crt',
    );
    expect(hostPathOf(pod, container, '/etc/kubernetes/pki/etcdx/a')).toBeUndefined();
  });

  it('names the file in a one-line error for malformed YAML', () => {
    expect(() =>
      parseStaticPod('spec:\n  containers:\n  - name: [x\n', '/etc/kubernetes/manifests/etcd.yaml'),
    ).toThrow(/^discovery: cannot parse \/etc\/kubernetes\/manifests\/etcd\.yaml: [^\n]*$/);
  });

  it('refuses a YAML file that is not a Pod', () => {
    expect(() => parseStaticPod('kind: Deployment\n', '/m/x.yaml')).toThrow(/not a Pod manifest/);
  });
});

describe('small facts', () => {
  it('reads the etcd version from image tags, with or without registry port and digest', () => {
    expect(versionFromImage('registry.k8s.io/etcd:3.5.21-0')).toBe('3.5.21');
    expect(versionFromImage('localhost:5000/etcd:v3.6.6')).toBe('3.6.6');
    expect(versionFromImage('registry.k8s.io/etcd:3.5.12-0@sha256:44a8e24dcbba')).toBe('3.5.12');
    expect(versionFromImage('localhost:5000/etcd')).toBeUndefined();
  });

  it('prefers a loopback listen URL, maps a wildcard to loopback, else takes the advertised URL', () => {
    expect(chooseClientUrl(['https://172.18.0.2:2379', 'https://127.0.0.1:2379'], [])).toBe(
      'https://127.0.0.1:2379',
    );
    expect(chooseClientUrl(['https://0.0.0.0:2379'], ['https://10.0.0.5:2379'])).toBe(
      'https://127.0.0.1:2379',
    );
    expect(chooseClientUrl(['https://10.0.0.5:2379'], ['https://cp1.example:2379'])).toBe(
      'https://cp1.example:2379',
    );
    expect(() => chooseClientUrl(['unix://x'], [])).toThrow(/no http\(s\) client URL/);
  });
});
