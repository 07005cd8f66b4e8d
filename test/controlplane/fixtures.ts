/**
 * kubeadm-shaped control-plane files, written from the layout in docs/testbed.md: the text a careful operator
 * finds on a kubeadm or kind node, with knobs for the variations discovery must cope with.
 */

export interface EtcdManifestOptions {
  node?: string;
  ip?: string;
  /** Where the flags live: all in `command` (kubeadm), or `command: [etcd]` plus `args`. */
  flagsIn?: 'command' | 'args';
  /** `--flag=value` (kubeadm) or `--flag value`. */
  flagStyle?: 'equals' | 'space';
  dataDir?: string;
  dataHostPath?: string;
  pkiHostPath?: string;
  listenClientUrls?: string;
  image?: string;
  containerName?: string;
  initialClusterState?: string;
  /** Members named in --initial-cluster before this one (kubeadm join lists the existing ones first). */
  joinedAfter?: Array<{ node: string; ip: string }>;
  /** kubeadm 1.36+ (etcd 3.6+): `--feature-gates` and plain flags instead of `--experimental-*`. */
  featureGates?: boolean;
}

export function etcdManifest(o: EtcdManifestOptions = {}): string {
  const node = o.node ?? 'cp-1';
  const ip = o.ip ?? '172.18.0.2';
  const dataDir = o.dataDir ?? '/var/lib/etcd';
  const flags: [string, string][] = [
    ['advertise-client-urls', `https://${ip}:2379`],
    ['cert-file', '/etc/kubernetes/pki/etcd/server.crt'],
    ['client-cert-auth', 'true'],
    ['data-dir', dataDir],
    ...((o.featureGates
      ? [['feature-gates', 'InitialCorruptCheck=true']]
      : [
          ['experimental-initial-corrupt-check', 'true'],
          ['experimental-watch-progress-notify-interval', '5s'],
        ]) as [string, string][]),
    ['initial-advertise-peer-urls', `https://${ip}:2380`],
    [
      'initial-cluster',
      [...(o.joinedAfter ?? []), { node, ip }].map((m) => `${m.node}=https://${m.ip}:2380`).join(','),
    ],
    ...(o.initialClusterState
      ? ([['initial-cluster-state', o.initialClusterState]] as [string, string][])
      : []),
    ['key-file', '/etc/kubernetes/pki/etcd/server.key'],
    ['listen-client-urls', o.listenClientUrls ?? `https://127.0.0.1:2379,https://${ip}:2379`],
    ['listen-metrics-urls', 'http://127.0.0.1:2381'],
    ['listen-peer-urls', `https://${ip}:2380`],
    ['name', node],
    ['peer-cert-file', '/etc/kubernetes/pki/etcd/peer.crt'],
    ['peer-client-cert-auth', 'true'],
    ['peer-key-file', '/etc/kubernetes/pki/etcd/peer.key'],
    ['peer-trusted-ca-file', '/etc/kubernetes/pki/etcd/ca.crt'],
    ['snapshot-count', '10000'],
    ['trusted-ca-file', '/etc/kubernetes/pki/etcd/ca.crt'],
    ...((o.featureGates ? [['watch-progress-notify-interval', '5s']] : []) as [string, string][]),
  ];
  const words =
    o.flagStyle === 'space'
      ? flags.flatMap(([k, v]) => (k.endsWith('cert-auth') ? [`--${k}`] : [`--${k}`, v]))
      : flags.map(([k, v]) => `--${k}=${v}`);
  const list = (items: string[]) => items.map((w) => `    - ${w}`).join('\n');
  const argv =
    o.flagsIn === 'args'
      ? `    command:\n    - etcd\n    args:\n${list(words)}`
      : `    command:\n${list(['etcd', ...words])}`;
  return `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://${ip}:2379
  creationTimestamp: null
  labels:
    component: etcd
    tier: control-plane
  name: etcd
  namespace: kube-system
spec:
  containers:
  - ${argv.trimStart()}
    image: ${o.image ?? 'registry.k8s.io/etcd:3.5.21-0'}
    imagePullPolicy: IfNotPresent
    livenessProbe:
      failureThreshold: 8
      httpGet:
        host: 127.0.0.1
        path: /livez
        port: 2381
        scheme: HTTP
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    name: ${o.containerName ?? 'etcd'}
    resources:
      requests:
        cpu: 100m
        memory: 100Mi
    volumeMounts:
    - mountPath: ${dataDir}
      name: etcd-data
    - mountPath: /etc/kubernetes/pki/etcd
      name: etcd-certs
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
  - hostPath:
      path: ${o.pkiHostPath ?? '/etc/kubernetes/pki/etcd'}
      type: DirectoryOrCreate
    name: etcd-certs
  - hostPath:
      path: ${o.dataHostPath ?? dataDir}
      type: DirectoryOrCreate
    name: etcd-data
status: {}
`;
}

export function apiServerManifest(o: { ip?: string; etcdServers?: string; etcdPki?: string } = {}): string {
  const ip = o.ip ?? '172.18.0.2';
  const pki = o.etcdPki ?? '/etc/kubernetes/pki';
  return `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: ${ip}:6443
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=${ip}
    - --allow-privileged=true
    - --authorization-mode=Node,RBAC
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --enable-admission-plugins=NodeRestriction
    - --enable-bootstrap-token-auth=true
    - --etcd-cafile=${pki}/etcd/ca.crt
    - --etcd-certfile=${pki}/apiserver-etcd-client.crt
    - --etcd-keyfile=${pki}/apiserver-etcd-client.key
    - --etcd-servers=${o.etcdServers ?? 'https://127.0.0.1:2379'}
    - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt
    - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key
    - --secure-port=6443
    - --service-account-issuer=https://kubernetes.default.svc.cluster.local
    - --service-account-key-file=/etc/kubernetes/pki/sa.pub
    - --service-account-signing-key-file=/etc/kubernetes/pki/sa.key
    - --service-cluster-ip-range=10.96.0.0/16
    - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
    image: registry.k8s.io/kube-apiserver:v1.33.1
    name: kube-apiserver
    volumeMounts:
    - mountPath: /etc/ssl/certs
      name: ca-certs
      readOnly: true
    - mountPath: /etc/kubernetes/pki
      name: k8s-certs
      readOnly: true
  hostNetwork: true
  volumes:
  - hostPath:
      path: /etc/ssl/certs
      type: DirectoryOrCreate
    name: ca-certs
  - hostPath:
      path: ${pki}
      type: DirectoryOrCreate
    name: k8s-certs
status: {}
`;
}

export function schedulerManifest(): string {
  return `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: kube-scheduler
    tier: control-plane
  name: kube-scheduler
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-scheduler
    - --authentication-kubeconfig=/etc/kubernetes/scheduler.conf
    - --kubeconfig=/etc/kubernetes/scheduler.conf
    - --leader-elect=true
    image: registry.k8s.io/kube-scheduler:v1.33.1
    name: kube-scheduler
    volumeMounts:
    - mountPath: /etc/kubernetes/scheduler.conf
      name: kubeconfig
      readOnly: true
  hostNetwork: true
  volumes:
  - hostPath:
      path: /etc/kubernetes/scheduler.conf
      type: FileOrCreate
    name: kubeconfig
status: {}
`;
}

export function kubeletConfig(staticPodPath = '/etc/kubernetes/manifests'): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
kind: KubeletConfiguration
rotateCertificates: true
runtimeRequestTimeout: 0s
staticPodPath: ${staticPodPath}
`;
}

export const KUBEADM_PKI_FILES = [
  '/etc/kubernetes/pki/etcd/ca.crt',
  '/etc/kubernetes/pki/etcd/ca.key',
  '/etc/kubernetes/pki/etcd/server.crt',
  '/etc/kubernetes/pki/etcd/server.key',
  '/etc/kubernetes/pki/etcd/peer.crt',
  '/etc/kubernetes/pki/etcd/peer.key',
  '/etc/kubernetes/pki/etcd/healthcheck-client.crt',
  '/etc/kubernetes/pki/etcd/healthcheck-client.key',
  '/etc/kubernetes/pki/apiserver-etcd-client.crt',
  '/etc/kubernetes/pki/apiserver-etcd-client.key',
];

/** What `ps -eo args` shows for a kubeadm node's kubelet (flags from the kubeadm systemd drop-in). */
export function kubeletPsLine(flags: string): string {
  return `/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf ${flags} --container-runtime-endpoint=unix:///run/containerd/containerd.sock --node-ip=172.18.0.2 --node-labels= --pod-infra-container-image=registry.k8s.io/pause:3.10 --provider-id=kind://docker/kind/cp-1 --runtime-cgroups=/system.slice/containerd.service`;
}
