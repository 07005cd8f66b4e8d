import { createPrivateKey, X509Certificate } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { OpenedFiles } from './bundle';

/** kubeadm renews yearly; a month is the window in which someone can still act before a node stops working. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export type CertificateState = 'ok' | 'expiring' | 'expired' | 'unchained' | 'unparsable' | 'key-mismatch';

export interface CertificateCheck {
  node: string;
  /** The file, or `<kubeconfig> (client-certificate-data)` for a certificate embedded in a kubeconfig. */
  source: string;
  subject?: string;
  /** The CA of this backup that signed it (its source), or `self` for a CA. */
  issuer?: string;
  notAfter?: string;
  daysLeft?: number;
  state: CertificateState;
  detail?: string;
}

export interface CertificateReport {
  checks: CertificateCheck[];
  /** Expired, unchained, unparsable or mismatched: the node could not be rebuilt from this backup as is. */
  failures: string[];
  /** Certificates that expire within EXPIRY_WARNING_DAYS. */
  warnings: string[];
}

interface Found {
  node: string;
  source: string;
  pem: Buffer;
  /** The private key stored next to it (x.crt → x.key), to prove the pair belongs together. */
  key?: Buffer;
}

/**
 * The drill's look at the control-plane files: every certificate parses (files and the ones embedded in
 * kubeconfigs), chains to a CA in the same backup, matches its private key, and is not expired; those that
 * expire within 30 days are reported too.
 */
export function checkCertificates(opened: OpenedFiles, now: Date = new Date()): CertificateReport {
  const found = collect(opened);
  const parsed = found.map((f) => ({ ...f, cert: parse(f.pem) }));
  const cas = parsed.filter(
    (p): p is typeof p & { cert: X509Certificate } => p.cert instanceof X509Certificate && p.cert.ca,
  );
  const checks: CertificateCheck[] = parsed.map((p) => {
    if (!(p.cert instanceof X509Certificate)) {
      return { node: p.node, source: p.source, state: 'unparsable', detail: p.cert };
    }
    const cert = p.cert;
    const notAfter = new Date(cert.validTo);
    const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
    const base = {
      node: p.node,
      source: p.source,
      subject: cert.subject.replaceAll('\n', ', '),
      notAfter: notAfter.toISOString(),
      daysLeft,
    };
    const issuer = cas.find(
      (ca) => ca.node === p.node && cert.checkIssued(ca.cert) && cert.verify(ca.cert.publicKey),
    );
    if (!issuer) return { ...base, state: 'unchained', detail: 'signed by no CA in this backup' };
    const issuerName = issuer.cert === cert || issuer.source === p.source ? 'self' : issuer.source;
    if (p.key && !matchesKey(cert, p.key)) {
      return {
        ...base,
        issuer: issuerName,
        state: 'key-mismatch',
        detail: 'its .key file holds another key',
      };
    }
    if (notAfter.getTime() <= now.getTime()) return { ...base, issuer: issuerName, state: 'expired' };
    if (daysLeft < EXPIRY_WARNING_DAYS) return { ...base, issuer: issuerName, state: 'expiring' };
    return { ...base, issuer: issuerName, state: 'ok' };
  });
  const say = (c: CertificateCheck) =>
    `${c.source} on ${c.node}: ${
      c.state === 'expired'
        ? `expired ${c.notAfter}`
        : c.state === 'expiring'
          ? `expires ${c.notAfter} (in ${c.daysLeft} days)`
          : c.state === 'unparsable'
            ? `not a certificate (${c.detail})`
            : (c.detail ?? c.state)
    }`;
  return {
    checks,
    failures: checks.filter((c) => c.state !== 'ok' && c.state !== 'expiring').map(say),
    warnings: checks.filter((c) => c.state === 'expiring').map(say),
  };
}

function parse(pem: Buffer): X509Certificate | string {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    return (error as Error).message;
  }
}

function matchesKey(cert: X509Certificate, key: Buffer): boolean {
  try {
    return cert.checkPrivateKey(createPrivateKey(key));
  } catch {
    return false;
  }
}

const PEM_CERT = '-----BEGIN CERTIFICATE-----';

function collect(opened: OpenedFiles): Found[] {
  const found: Found[] = [];
  for (const [node, files] of opened) {
    for (const [path, content] of files) {
      if (content.includes(PEM_CERT)) {
        const keyPath = path.replace(/\.(crt|pem)$/, '.key');
        const key = keyPath !== path ? files.get(keyPath) : undefined;
        found.push({ node, source: path, pem: content, ...(key ? { key } : {}) });
      } else if (path.endsWith('.conf')) {
        found.push(...fromKubeconfig(node, path, content));
      }
    }
  }
  return found;
}

/** The certificates a kubeconfig carries inline (kubeadm's admin.conf, kubelet.conf, scheduler.conf…). */
function fromKubeconfig(node: string, path: string, content: Buffer): Found[] {
  let doc: unknown;
  try {
    doc = parseYaml(content.toString('utf8'));
  } catch {
    return [];
  }
  const found: Found[] = [];
  const record = doc as { users?: Array<{ name?: string; user?: Record<string, unknown> }> };
  for (const entry of record?.users ?? []) {
    const data = entry?.user?.['client-certificate-data'];
    if (typeof data !== 'string') continue;
    const keyData = entry.user?.['client-key-data'];
    found.push({
      node,
      source: `${path} (user ${entry.name ?? '?'})`,
      pem: Buffer.from(data, 'base64'),
      ...(typeof keyData === 'string' ? { key: Buffer.from(keyData, 'base64') } : {}),
    });
  }
  return found;
}
