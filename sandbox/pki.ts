import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exec';

/**
 * kubeadm's PKI made with openssl: RSA 2048 keys like kubeadm's default (about 0.1 s per key here, so no need
 * for ECDSA). The CAs and the client certificates are shared by all nodes of a sandbox, as after
 * `kubeadm join --control-plane` with copied certificates; each node gets its own etcd server and peer certs.
 */

const OPENSSL_CONFIG = '[req]\ndistinguished_name = dn\n[dn]\n';

interface CertRequest {
  out: string;
  subject: string;
  ca?: string;
  sans?: string[];
  usage: 'ca' | 'server+client' | 'client' | 'server';
  days?: number;
}

async function issue(config: string, req: CertRequest): Promise<void> {
  const args = ['req', '-config', config, '-x509', '-newkey', 'rsa:2048', '-nodes'];
  args.push('-keyout', `${req.out}.key`, '-out', `${req.out}.crt`, '-subj', req.subject);
  args.push('-days', String(req.days ?? (req.usage === 'ca' ? 3650 : 365)));
  if (req.usage === 'ca') {
    args.push('-addext', 'basicConstraints=critical,CA:TRUE');
    args.push('-addext', 'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign');
  } else {
    args.push('-CA', `${req.ca}.crt`, '-CAkey', `${req.ca}.key`);
    args.push('-addext', 'basicConstraints=critical,CA:FALSE');
    args.push('-addext', 'keyUsage=critical,digitalSignature,keyEncipherment');
    const eku = { 'server+client': 'serverAuth,clientAuth', client: 'clientAuth', server: 'serverAuth' }[
      req.usage
    ];
    args.push('-addext', `extendedKeyUsage=${eku}`);
    if (req.sans?.length) args.push('-addext', `subjectAltName=${req.sans.join(',')}`);
  }
  await run('openssl', args);
}

export interface ClusterPki {
  /** Directory holding the shared files in kubeadm's layout (ca.crt, etcd/ca.crt, ...). */
  dir: string;
}

/** The files every control-plane node shares: CAs, service-account keys, client certs. */
export async function createClusterPki(dir: string, apiserverSans: string[]): Promise<ClusterPki> {
  mkdirSync(join(dir, 'etcd'), { recursive: true, mode: 0o755 });
  const config = join(dir, '.openssl.cnf');
  writeFileSync(config, OPENSSL_CONFIG);
  const p = (name: string) => join(dir, name);
  await Promise.all([
    issue(config, { out: p('etcd/ca'), subject: '/CN=etcd-ca', usage: 'ca' }),
    issue(config, { out: p('ca'), subject: '/CN=kubernetes', usage: 'ca' }),
    issue(config, { out: p('front-proxy-ca'), subject: '/CN=front-proxy-ca', usage: 'ca' }),
    run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', p('sa.key')]),
  ]);
  await Promise.all([
    run('openssl', ['pkey', '-in', p('sa.key'), '-pubout', '-out', p('sa.pub')]),
    issue(config, {
      out: p('etcd/healthcheck-client'),
      subject: '/CN=kube-etcd-healthcheck-client',
      ca: p('etcd/ca'),
      usage: 'client',
    }),
    issue(config, {
      out: p('apiserver-etcd-client'),
      subject: '/CN=kube-apiserver-etcd-client',
      ca: p('etcd/ca'),
      usage: 'client',
    }),
    issue(config, {
      out: p('apiserver'),
      subject: '/CN=kube-apiserver',
      ca: p('ca'),
      usage: 'server',
      sans: apiserverSans,
    }),
    issue(config, {
      out: p('apiserver-kubelet-client'),
      subject: '/O=kubeadm:cluster-admins/CN=kube-apiserver-kubelet-client',
      ca: p('ca'),
      usage: 'client',
    }),
    issue(config, {
      out: p('front-proxy-client'),
      subject: '/CN=front-proxy-client',
      ca: p('front-proxy-ca'),
      usage: 'client',
    }),
    issue(config, {
      out: p('admin'),
      subject: '/O=kubeadm:cluster-admins/CN=kubernetes-admin',
      ca: p('ca'),
      usage: 'client',
    }),
    // The identities kubeadm gives super-admin.conf, controller-manager.conf and scheduler.conf: the real
    // components are authorized by these names (system:masters, and the bootstrap RBAC roles).
    ...KUBECONFIG_USERS.filter((u) => u.cert !== 'admin').map((u) =>
      issue(config, { out: p(u.cert), subject: u.subject, ca: p('ca'), usage: 'client' }),
    ),
  ]);
  return { dir };
}

/** Each kubeconfig kubeadm writes in /etc/kubernetes, the user it names and the client certificate it embeds. */
export const KUBECONFIG_USERS = [
  {
    file: 'admin.conf',
    user: 'kubernetes-admin',
    cert: 'admin',
    subject: '/O=kubeadm:cluster-admins/CN=kubernetes-admin',
  },
  {
    file: 'super-admin.conf',
    user: 'kubernetes-super-admin',
    cert: 'super-admin',
    subject: '/O=system:masters/CN=kubernetes-super-admin',
  },
  {
    file: 'controller-manager.conf',
    user: 'system:kube-controller-manager',
    cert: 'controller-manager',
    subject: '/CN=system:kube-controller-manager',
  },
  {
    file: 'scheduler.conf',
    user: 'system:kube-scheduler',
    cert: 'scheduler',
    subject: '/CN=system:kube-scheduler',
  },
  // The sandbox runs no kubelet; its kubeconfig keeps the admin identity rather than a per-node certificate.
  { file: 'kubelet.conf', user: 'kubelet', cert: 'admin', subject: '' },
] as const;

const SHARED_FILES = [
  'ca.crt',
  'ca.key',
  'front-proxy-ca.crt',
  'front-proxy-ca.key',
  'front-proxy-client.crt',
  'front-proxy-client.key',
  'sa.key',
  'sa.pub',
  'apiserver.crt',
  'apiserver.key',
  'apiserver-kubelet-client.crt',
  'apiserver-kubelet-client.key',
  'apiserver-etcd-client.crt',
  'apiserver-etcd-client.key',
  'etcd/ca.crt',
  'etcd/ca.key',
  'etcd/healthcheck-client.crt',
  'etcd/healthcheck-client.key',
];

/** Writes one node's /etc/kubernetes/pki: the shared files plus its own etcd server and peer certificates. */
export async function createNodePki(cluster: ClusterPki, pkiDir: string, nodeName: string, nodeIp: string) {
  mkdirSync(join(pkiDir, 'etcd'), { recursive: true, mode: 0o755 });
  for (const file of SHARED_FILES) copyFileSync(join(cluster.dir, file), join(pkiDir, file));
  const config = join(cluster.dir, '.openssl.cnf');
  const sans = ['DNS:localhost', `DNS:${nodeName}`, `IP:${nodeIp}`, 'IP:127.0.0.1', 'IP:0:0:0:0:0:0:0:1'];
  const ca = join(cluster.dir, 'etcd/ca');
  await Promise.all(
    ['server', 'peer'].map((kind) =>
      issue(config, {
        out: join(pkiDir, 'etcd', kind),
        subject: `/CN=${nodeName}`,
        ca,
        usage: 'server+client',
        sans,
      }),
    ),
  );
}

/** A kubeconfig like kubeadm's, with the user's client certificate (`<cert>.crt` in the cluster PKI) embedded. */
export function kubeconfig(cluster: ClusterPki, server: string, user: string, cert = 'admin'): string {
  const b64 = (file: string) => readFileSync(join(cluster.dir, file)).toString('base64');
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${b64('ca.crt')}`,
    `    server: ${server}`,
    '  name: kubernetes',
    'contexts:',
    '- context:',
    '    cluster: kubernetes',
    `    user: ${user}`,
    `  name: ${user}@kubernetes`,
    `current-context: ${user}@kubernetes`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${user}`,
    '  user:',
    `    client-certificate-data: ${b64(`${cert}.crt`)}`,
    `    client-key-data: ${b64(`${cert}.key`)}`,
    '',
  ].join('\n');
}
