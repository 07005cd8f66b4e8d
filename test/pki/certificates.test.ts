import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedFiles } from '../../src/pki/bundle';
import { checkCertificates } from '../../src/pki/certificates';

const OPENSSL = '/usr/bin/openssl';

/** A small kubeadm-like PKI made with openssl, with some certificates made to be wrong on purpose. */
class TestPki {
  readonly dir = mkdtempSync(join(tmpdir(), 'pki-certs-'));

  private run(...args: string[]): void {
    execFileSync(OPENSSL, args, { cwd: this.dir, stdio: 'ignore' });
  }

  read(name: string): Buffer {
    return readFileSync(join(this.dir, name));
  }

  ca(name: string): void {
    this.run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-subj',
      `/CN=${name}`,
      '-days',
      '3650',
    );
  }

  /** A leaf signed by `ca`, valid for `days` (-1 makes one that expired yesterday). */
  leaf(name: string, ca: string, days: number): void {
    this.run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    );
    this.run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.crt`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      String(days),
    );
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(OPENSSL))(
  `drill certificate checks${existsSync(OPENSSL) ? '' : ' (skipped: no openssl)'}`,
  () => {
    const pki = new TestPki();
    let files: OpenedFiles;

    beforeAll(() => {
      pki.ca('ca');
      pki.ca('etcd-ca');
      pki.ca('stranger-ca');
      pki.leaf('apiserver', 'ca', 365);
      pki.leaf('etcd-server', 'etcd-ca', 365);
      pki.leaf('soon', 'ca', 10);
      pki.leaf('expired', 'etcd-ca', -1);
      pki.leaf('foreign', 'stranger-ca', 365);
      pki.leaf('admin', 'ca', 365);
      const kubeconfig = [
        'apiVersion: v1',
        'kind: Config',
        'users:',
        '- name: kubernetes-admin',
        '  user:',
        `    client-certificate-data: ${pki.read('admin.crt').toString('base64')}`,
        `    client-key-data: ${pki.read('admin.key').toString('base64')}`,
      ].join('\n');
      const p = (n: string) => `/etc/kubernetes/pki/${n}`;
      files = new Map([
        [
          'node-1',
          new Map([
            [p('ca.crt'), pki.read('ca.crt')],
            [p('ca.key'), pki.read('ca.key')],
            [p('etcd/ca.crt'), pki.read('etcd-ca.crt')],
            [p('apiserver.crt'), pki.read('apiserver.crt')],
            [p('apiserver.key'), pki.read('apiserver.key')],
            [p('etcd/server.crt'), pki.read('etcd-server.crt')],
            [p('front-proxy-client.crt'), pki.read('soon.crt')],
            [p('etcd/peer.crt'), pki.read('expired.crt')],
            [p('foreign.crt'), pki.read('foreign.crt')],
            [p('swapped.crt'), pki.read('etcd-server.crt')],
            [p('swapped.key'), pki.read('apiserver.key')],
            [p('broken.crt'), Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')],
            ['/etc/kubernetes/admin.conf', Buffer.from(kubeconfig)],
            [p('sa.pub'), Buffer.from('-----BEGIN PUBLIC KEY-----\n')],
          ]),
        ],
      ]);
    });
    afterAll(() => pki.dispose());

    it('passes certificates that chain to a CA of the backup and match their keys', () => {
      const report = checkCertificates(files);
      const state = (source: string) => report.checks.find((c) => c.source === source)?.state;
      expect(state('/etc/kubernetes/pki/ca.crt')).toBe('ok');
      expect(report.checks.find((c) => c.source === '/etc/kubernetes/pki/ca.crt')?.issuer).toBe('self');
      expect(state('/etc/kubernetes/pki/apiserver.crt')).toBe('ok');
      expect(report.checks.find((c) => c.source === '/etc/kubernetes/pki/etcd/server.crt')?.issuer).toBe(
        '/etc/kubernetes/pki/etcd/ca.crt',
      );
      expect(state('/etc/kubernetes/admin.conf (user kubernetes-admin)')).toBe('ok');
      expect(report.checks.some((c) => c.source.endsWith('sa.pub'))).toBe(false);
    });

    it('warns about a certificate that expires within 30 days', () => {
      const report = checkCertificates(files);
      const soon = report.checks.find((c) => c.source.endsWith('front-proxy-client.crt'))!;
      expect(soon).toMatchObject({ state: 'expiring' });
      expect(soon.daysLeft).toBeGreaterThanOrEqual(9);
      expect(soon.daysLeft).toBeLessThanOrEqual(10);
      expect(report.warnings).toEqual([
        expect.stringMatching(/front-proxy-client\.crt on node-1: expires .* \(in (9|10) days\)/),
      ]);
    });

    it('flags expired, unchained, mismatched and unparsable certificates', () => {
      const report = checkCertificates(files);
      expect(report.failures).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/etcd\/peer\.crt on node-1: expired /),
          '/etc/kubernetes/pki/foreign.crt on node-1: signed by no CA in this backup',
          '/etc/kubernetes/pki/swapped.crt on node-1: its .key file holds another key',
          expect.stringMatching(/broken\.crt on node-1: not a certificate/),
        ]),
      );
      expect(report.failures).toHaveLength(4);
    });

    it('counts time from the given moment: in a year the 365-day certificates are expiring or expired', () => {
      const later = new Date(Date.now() + 360 * 86_400_000);
      const report = checkCertificates(files, later);
      expect(report.checks.find((c) => c.source.endsWith('/apiserver.crt'))?.state).toBe('expiring');
      expect(report.checks.find((c) => c.source.endsWith('front-proxy-client.crt'))?.state).toBe('expired');
    });
  },
);
