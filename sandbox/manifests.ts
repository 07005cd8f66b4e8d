import type { EtcdMinor } from './etcd-binaries';

/** The static pod manifests and kubelet config in the shape kubeadm (v1.30–1.37) writes them. */

export const KUBERNETES_VERSION: Record<EtcdMinor, string> = {
  '3.4': 'v1.23.17',
  '3.5': 'v1.33.1',
  '3.6': 'v1.35.0',
  '3.7': 'v1.37.2',
};

export interface EtcdManifestOptions {
  nodeName: string;
  nodeIp: string;
  etcdVersion: string;
  minor: EtcdMinor;
  /** name=peerURL for every member, in order. */
  initialCluster: string[];
  /** 'existing' for a member that joins a running cluster (kubeadm join), which kubeadm then names. */
  initialClusterState?: 'existing';
  quotaBackendBytes?: number;
}

/** kubeadm 1.34+ (etcd 3.6+) writes feature gates and plain flags; 3.7 no longer accepts `--experimental-*`. */
function kubeadmFeatureGates(minor: EtcdMinor): boolean {
  return minor === '3.6' || minor === '3.7';
}

function list(items: string[], indent: string): string {
  return items.map((item) => `${indent}- ${item}`).join('\n');
}

export function etcdManifest(o: EtcdManifestOptions): string {
  const gates = kubeadmFeatureGates(o.minor);
  const flags = [
    `--advertise-client-urls=https://${o.nodeIp}:2379`,
    '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
    '--client-cert-auth=true',
    '--data-dir=/var/lib/etcd',
    gates ? '--feature-gates=InitialCorruptCheck=true' : '--experimental-initial-corrupt-check=true',
    gates ? '--watch-progress-notify-interval=5s' : '--experimental-watch-progress-notify-interval=5s',
    `--initial-advertise-peer-urls=https://${o.nodeIp}:2380`,
    `--initial-cluster=${o.initialCluster.join(',')}`,
    ...(o.initialClusterState ? [`--initial-cluster-state=${o.initialClusterState}`] : []),
    '--key-file=/etc/kubernetes/pki/etcd/server.key',
    `--listen-client-urls=https://127.0.0.1:2379,https://${o.nodeIp}:2379`,
    '--listen-metrics-urls=http://127.0.0.1:2381',
    `--listen-peer-urls=https://${o.nodeIp}:2380`,
    `--name=${o.nodeName}`,
    '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
    '--peer-client-cert-auth=true',
    '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
    '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    ...(o.quotaBackendBytes ? [`--quota-backend-bytes=${o.quotaBackendBytes}`] : []),
    '--snapshot-count=10000',
    '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  ];
  // kubeadm 1.36+ probes /readyz at startup too (kubernetes/kubeadm#3039).
  const probePath = (ready: boolean) =>
    gates ? (ready ? '/readyz' : '/livez') : '/health?exclude=NOSPACE&serializable=true';
  const startupPath = o.minor === '3.7' ? probePath(true) : probePath(false);
  const probe = (kind: string, path: string, failureThreshold: number) => `    ${kind}:
      failureThreshold: ${failureThreshold}
      httpGet:
        host: 127.0.0.1
        path: ${path}
        port: 2381
        scheme: HTTP
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15`;
  return `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://${o.nodeIp}:2379
  creationTimestamp: null
  labels:
    component: etcd
    tier: control-plane
  name: etcd
  namespace: kube-system
spec:
  containers:
  - command:
    - etcd
${list(flags, '    ')}
    image: registry.k8s.io/etcd:${o.etcdVersion}-0
    imagePullPolicy: IfNotPresent
${probe('livenessProbe', probePath(false), 8)}
    name: etcd
${gates ? `${probe('readinessProbe', probePath(true), 3)}\n` : ''}    resources:
      requests:
        cpu: 100m
        memory: 100Mi
${probe('startupProbe', startupPath, 24)}
    volumeMounts:
    - mountPath: /var/lib/etcd
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
      path: /etc/kubernetes/pki/etcd
      type: DirectoryOrCreate
    name: etcd-certs
  - hostPath:
      path: /var/lib/etcd
      type: DirectoryOrCreate
    name: etcd-data
status: {}
`;
}

const COMMON_VOLUMES = [
  { name: 'ca-certs', path: '/etc/ssl/certs', type: 'DirectoryOrCreate', readOnly: true },
  { name: 'etc-ca-certificates', path: '/etc/ca-certificates', type: 'DirectoryOrCreate', readOnly: true },
  {
    name: 'usr-local-share-ca-certificates',
    path: '/usr/local/share/ca-certificates',
    type: 'DirectoryOrCreate',
    readOnly: true,
  },
  {
    name: 'usr-share-ca-certificates',
    path: '/usr/share/ca-certificates',
    type: 'DirectoryOrCreate',
    readOnly: true,
  },
];

interface Volume {
  name: string;
  path: string;
  type: string;
  readOnly?: boolean;
}

interface ControlPlanePod {
  component: string;
  nodeIp: string;
  kubernetesVersion: string;
  flags: string[];
  probePort: number;
  probeScheme: 'HTTPS';
  probePath: string;
  cpu: string;
  volumes: Volume[];
  annotations?: string[];
}

function controlPlanePod(p: ControlPlanePod): string {
  const vols = [...p.volumes].sort((a, b) => a.name.localeCompare(b.name));
  const probeHost = p.component === 'kube-apiserver' ? p.nodeIp : '127.0.0.1';
  const probe = (kind: string, path: string, failureThreshold: number, delay = 10) => `    ${kind}:
      failureThreshold: ${failureThreshold}
      httpGet:
        host: ${probeHost}
        path: ${path}
        port: ${p.probePort}
        scheme: ${p.probeScheme}
      initialDelaySeconds: ${delay}
      periodSeconds: 10
      timeoutSeconds: 15`;
  return `apiVersion: v1
kind: Pod
metadata:
${p.annotations ? `  annotations:\n${p.annotations.map((a) => `    ${a}`).join('\n')}\n` : ''}  creationTimestamp: null
  labels:
    component: ${p.component}
    tier: control-plane
  name: ${p.component}
  namespace: kube-system
spec:
  containers:
  - command:
    - ${p.component}
${list(p.flags, '    ')}
    image: registry.k8s.io/${p.component}:${p.kubernetesVersion}
    imagePullPolicy: IfNotPresent
${probe('livenessProbe', p.probePath, 8)}
    name: ${p.component}
${p.component === 'kube-apiserver' ? `${probe('readinessProbe', '/readyz', 3, 0).replace('      initialDelaySeconds: 0\n', '').replace('periodSeconds: 10', 'periodSeconds: 1')}\n` : ''}    resources:
      requests:
        cpu: ${p.cpu}
${probe('startupProbe', p.probePath, 24)}
    volumeMounts:
${vols.map((v) => `    - mountPath: ${v.path}\n      name: ${v.name}${v.readOnly ? '\n      readOnly: true' : ''}`).join('\n')}
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
${vols.map((v) => `  - hostPath:\n      path: ${v.path}\n      type: ${v.type}\n    name: ${v.name}`).join('\n')}
status: {}
`;
}

/** The control-plane manifests' Kubernetes version: the real build's when the sandbox runs one, else kubeadm's. */
interface ControlPlaneOptions {
  nodeIp: string;
  minor: EtcdMinor;
  /** Like 'v1.37.2'; defaults to the release that ships this etcd minor. */
  kubernetesVersion?: string | undefined;
  /** Flags added to kubeadm's (kubeadm's extraArgs); the list stays sorted as kubeadm writes it. */
  extraFlags?: string[] | undefined;
}

export function kubeApiserverManifest(o: ControlPlaneOptions & { etcdServers: string }): string {
  return controlPlanePod({
    component: 'kube-apiserver',
    nodeIp: o.nodeIp,
    kubernetesVersion: o.kubernetesVersion ?? KUBERNETES_VERSION[o.minor],
    probePort: 6443,
    probeScheme: 'HTTPS',
    probePath: '/livez',
    cpu: '250m',
    annotations: [`kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: ${o.nodeIp}:6443`],
    flags: [
      `--advertise-address=${o.nodeIp}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
      '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
      '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
      `--etcd-servers=${o.etcdServers}`,
      '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
      '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
      '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
      '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
      '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-username-headers=X-Remote-User',
      '--secure-port=6443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
      '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
      '--service-cluster-ip-range=10.96.0.0/16',
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ],
    volumes: [
      ...COMMON_VOLUMES,
      { name: 'k8s-certs', path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate', readOnly: true },
    ],
  });
}

export function kubeControllerManagerManifest(o: ControlPlaneOptions): string {
  return controlPlanePod({
    component: 'kube-controller-manager',
    nodeIp: o.nodeIp,
    kubernetesVersion: o.kubernetesVersion ?? KUBERNETES_VERSION[o.minor],
    probePort: 10257,
    probeScheme: 'HTTPS',
    probePath: '/healthz',
    cpu: '200m',
    flags: [
      '--allocate-node-cidrs=true',
      '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--bind-address=127.0.0.1',
      '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--cluster-cidr=10.244.0.0/16',
      '--cluster-name=kubernetes',
      '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
      '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
      '--controllers=*,bootstrapsigner,tokencleaner',
      '--kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--leader-elect=true',
      '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
      '--root-ca-file=/etc/kubernetes/pki/ca.crt',
      '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
      '--service-cluster-ip-range=10.96.0.0/16',
      '--use-service-account-credentials=true',
      ...(o.extraFlags ?? []),
    ].sort(),
    volumes: [
      ...COMMON_VOLUMES,
      {
        name: 'flexvolume-dir',
        path: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec',
        type: 'DirectoryOrCreate',
      },
      { name: 'k8s-certs', path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate', readOnly: true },
      {
        name: 'kubeconfig',
        path: '/etc/kubernetes/controller-manager.conf',
        type: 'FileOrCreate',
        readOnly: true,
      },
    ],
  });
}

export function kubeSchedulerManifest(o: ControlPlaneOptions): string {
  return controlPlanePod({
    component: 'kube-scheduler',
    nodeIp: o.nodeIp,
    kubernetesVersion: o.kubernetesVersion ?? KUBERNETES_VERSION[o.minor],
    probePort: 10259,
    probeScheme: 'HTTPS',
    probePath: '/livez',
    cpu: '100m',
    flags: [
      '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--bind-address=127.0.0.1',
      '--kubeconfig=/etc/kubernetes/scheduler.conf',
      '--leader-elect=true',
    ],
    volumes: [
      { name: 'kubeconfig', path: '/etc/kubernetes/scheduler.conf', type: 'FileOrCreate', readOnly: true },
    ],
  });
}

/** /var/lib/kubelet/config.yaml as kubeadm writes it (the parts a reader of staticPodPath cares about). */
export function kubeletConfig(): string {
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
healthzBindAddress: 127.0.0.1
healthzPort: 10248
kind: KubeletConfiguration
rotateCertificates: true
runtimeRequestTimeout: 0s
staticPodPath: /etc/kubernetes/manifests
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}
