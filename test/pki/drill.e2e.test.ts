import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import { DrillFailedError, drill } from '../../src/drill/drill';
import { DirStore } from '../../src/store/dir-store';
import { silentLogger } from '../../src/util/log';
import { sshTo } from '../restore/sandbox-context';
import { etcdToolsFor } from '../support/etcd-tools';

const tools = etcdToolsFor('3.5');
const reason = sandboxSkipReason('3.5') ?? (tools ? undefined : 'no etcd 3.5 tools');
const PKI = '/etc/kubernetes/pki';

describe.skipIf(reason !== undefined)(
  `drill of the control-plane files${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    let store: DirStore;
    const identity = generateIdentity();

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'pki-drill-'));
      store = new DirStore(join(work, 'store'));
      sandbox = await startSandbox({ etcd: '3.5', members: 1 });
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
      await rm(work, { recursive: true, force: true });
    });

    const node = () => sandbox.info.nodes[0]!;
    const backupAndDrill = async () => {
      const { metadata } = await backup({
        ssh: await sshTo(node(), node().users.root),
        cluster: 'drill',
        store,
        encryption: { kind: 'recipients', recipients: [await identityToRecipient(await identity)] },
        log: silentLogger,
      });
      return drill({
        store,
        selector: { name: metadata.name },
        keys: { identities: [await identity] },
        tools: tools!,
        log: silentLogger,
      });
    };

    /** Re-signs a certificate of the node with its own CA and key, valid for `days` (-1: expired yesterday). */
    const resign = async (cert: string, ca: string, days: number) => {
      const csr = `/tmp/${cert.replaceAll('/', '-')}.csr`;
      const run = (argv: string[]) => sandbox.runOnNode(node(), argv);
      await run([
        'openssl',
        'req',
        '-new',
        '-key',
        `${PKI}/${cert}.key`,
        '-subj',
        `/CN=${cert.split('/').pop()}`,
        '-out',
        csr,
      ]);
      await run([
        'openssl',
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        `${PKI}/${ca}.crt`,
        '-CAkey',
        `${PKI}/${ca}.key`,
        '-set_serial',
        '4242',
        '-days',
        String(days),
        '-out',
        `${PKI}/${cert}.crt`,
      ]);
    };

    it('opens the files and checks every certificate of a healthy node', async () => {
      const report = await backupAndDrill();
      expect(report.verdict).toBe('pass');
      const files = report.controlPlane!;
      expect(files.nodes).toEqual([node().name]);
      expect(files.failures).toEqual([]);
      expect(files.warnings).toEqual([]);
      const sources = files.certificates.map((c) => c.source);
      expect(sources).toEqual(
        expect.arrayContaining([`${PKI}/ca.crt`, `${PKI}/etcd/server.crt`, `${PKI}/apiserver.crt`]),
      );
      expect(files.certificates.find((c) => c.source === `${PKI}/etcd/peer.crt`)?.issuer).toBe(
        `${PKI}/etcd/ca.crt`,
      );
      expect(files.certificates.every((c) => c.state === 'ok')).toBe(true);
    });

    it('warns about a certificate expiring within 30 days and fails on one that has expired', async () => {
      await resign('front-proxy-client', 'front-proxy-ca', 12);
      const soon = await backupAndDrill();
      expect(soon.verdict).toBe('pass');
      expect(soon.controlPlane!.warnings).toEqual([
        expect.stringMatching(/front-proxy-client\.crt on .*: expires .* \(in 1[12] days\)/),
      ]);

      await resign('etcd/healthcheck-client', 'etcd/ca', -1);
      const error = await backupAndDrill().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DrillFailedError);
      const report = (error as DrillFailedError).report;
      expect(report.verdict).toBe('fail');
      expect(report.reasons).toEqual([
        expect.stringMatching(/etcd\/healthcheck-client\.crt on .*: expired /),
      ]);
      // The etcd part still passed: only the certificate failed it.
      expect(report.missing + report.changed + report.unexpected).toBe(0);
    });
  },
);
