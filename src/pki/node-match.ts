import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { parseFlags } from '../controlplane/flags';
import { etcdContainer, hostPathOf, parseStaticPod, type StaticPod } from '../controlplane/static-pod';
import type { StoredNode } from '../format/control-plane-files';
import { RebuildRefusedError } from './rebuild-errors';

/** Who the node says it is: `hostname` and its addresses. */
export interface NodeIdentity {
  hostname: string;
  addresses: string[];
}

/** What the stored etcd manifest of a node says about its member, all on the node's side (host paths). */
export interface StoredEtcd {
  manifestPath: string;
  manifest: Buffer;
  name: string;
  dataDir: string;
  peerUrls: string[];
  clientUrls: string[];
  initialCluster: string;
  flags: Map<string, string>;
  /** Host paths of etcd's own server and peer certificates. */
  certFiles: string[];
  /** Host paths of the CA and a client pair to reach this member over TLS. */
  client: { ca: string; cert: string; key: string };
}

const LOOPBACK = /^(127\.|::1$|0:0:0:0:0:0:0:1$)/;

function splitUrls(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads the etcd static pod among a node's stored files. */
export function storedEtcdOf(node: StoredNode, contents: Map<string, Buffer>): StoredEtcd {
  for (const file of node.files.filter((f) => f.kind === 'manifest')) {
    const text = contents.get(file.path);
    if (!text) continue;
    let pod: StaticPod;
    try {
      pod = parseStaticPod(text.toString('utf8'), file.path);
    } catch {
      continue;
    }
    const container = etcdContainer(pod);
    if (!container) continue;
    const flags = parseFlags(container.argv.slice(1)).values;
    const host = (flag: string) => {
      const value = flags.get(flag);
      return value ? (hostPathOf(pod, container, value) ?? value) : undefined;
    };
    const ca = host('trusted-ca-file');
    const dataDir = host('data-dir');
    const name = flags.get('name');
    if (!ca || !dataDir || !name) break;
    const pki = ca.slice(0, ca.lastIndexOf('/'));
    const clientCert = ['healthcheck-client', 'server']
      .map((n) => `${pki}/${n}`)
      .find((p) => contents.has(`${p}.crt`));
    return {
      manifestPath: file.path,
      manifest: text,
      name,
      dataDir,
      peerUrls: splitUrls(flags.get('initial-advertise-peer-urls')),
      clientUrls: splitUrls(flags.get('advertise-client-urls')),
      initialCluster: flags.get('initial-cluster') ?? '',
      flags,
      certFiles: [host('cert-file'), host('peer-cert-file')].filter((p): p is string => !!p),
      client: {
        ca,
        cert: `${clientCert ?? `${pki}/server`}.crt`,
        key: `${clientCert ?? `${pki}/server`}.key`,
      },
    };
  }
  throw new RebuildRefusedError(
    `the backup holds no etcd static pod manifest of ${node.node}`,
    'pick a backup taken with the control-plane files of this node',
  );
}

/** The non-loopback IP addresses a certificate is issued for. */
function ipSans(pem: Buffer): string[] {
  const sans = new X509Certificate(pem).subjectAltName ?? '';
  return sans
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('IP Address:'))
    .map((s) => s.slice('IP Address:'.length))
    .filter((ip) => isIP(ip) && !LOOPBACK.test(ip));
}

/**
 * Finds the node's files in the backup by its hostname, and refuses, with the reason, when the node is not the
 * one they were issued to: etcd's server and peer certificates name the node's addresses, and a member that
 * listens elsewhere could never be reached by its peers.
 */
export function matchNode(
  identity: NodeIdentity,
  nodes: StoredNode[],
  opened: Map<string, Map<string, Buffer>>,
): StoredNode {
  const node = nodes.find((n) => n.node === identity.hostname);
  if (!node) {
    throw new RebuildRefusedError(
      `node ${identity.hostname} is not in the backup: it holds the control-plane files of ${nodes.map((n) => n.node).join(', ')}`,
      'rebuild on a node with the same hostname (a replacement VM keeps the name and IP), or pick the backup of this node',
    );
  }
  const contents = opened.get(node.node) ?? new Map<string, Buffer>();
  const etcd = storedEtcdOf(node, contents);
  for (const path of etcd.certFiles) {
    const pem = contents.get(path);
    if (!pem) continue;
    const missing = ipSans(pem).filter((ip) => !identity.addresses.includes(ip));
    if (missing.length > 0) {
      throw new RebuildRefusedError(
        `node ${identity.hostname} has addresses ${identity.addresses.filter((a) => !LOOPBACK.test(a)).join(', ') || 'none'}, but its certificate ${path} in the backup is for ${missing.join(', ')}`,
        'give the node the address it had (a replacement VM needs the same IP), or re-issue the certificates with kubeadm; nothing was changed on the node',
      );
    }
  }
  return node;
}
