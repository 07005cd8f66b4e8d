import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEtcdMinors, type EtcdMinor } from '../../sandbox/etcd-binaries';
import { kubernetesSkipReason, type Sandbox, type SandboxNodeInfo, startSandbox } from '../../sandbox/index';
import { credentialsFromKubeconfig, KubeApi } from '../../sandbox/kube-api';
import { backup } from '../../src/backup/backup';
import { rebuildNodes } from '../../src/pki/rebuild';
import { DirStore } from '../../src/store/dir-store';
import { silentLogger } from '../../src/util/log';
import { sshTo } from '../restore/sandbox-context';

const minor: EtcdMinor =
  availableEtcdMinors()
    .filter((m) => m !== '3.4')
    .pop() ?? '3.5';
const reason = kubernetesSkipReason(minor);

/** Who the API server says a bearer token is (SelfSubjectReview: any authenticated identity may ask). */
function whoIs(server: string, ca: Buffer, token: string): Promise<{ status: number; username?: string }> {
  const url = new URL(server);
  const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        ca,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          resolve({ status: res.statusCode ?? 0, username: parsed?.status?.userInfo?.username });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The disaster: the node loses /etc/kubernetes and /var/lib/etcd; the kubelet stops the pods. */
async function wipe(sandbox: Sandbox, node: SandboxNodeInfo): Promise<void> {
  const after = sandbox.logOffset(node);
  await sandbox.runOnNode(node, ['rm', '-rf', '/etc/kubernetes', '/var/lib/etcd']);
  await sandbox.waitForLog(node, /pod-stopped .*kube-apiserver/, { after });
  await sandbox.waitForLog(node, /pod-stopped .*etcd/, { after });
}

function realRebuildCase(members: 1 | 3) {
  describe.skipIf(reason !== undefined)(
    `rebuild through the real kube-apiserver on etcd ${minor}, ${members} member(s)${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      let sandbox: Sandbox;
      let work: string;
      const identity = generateIdentity();

      beforeAll(async () => {
        work = await mkdtemp(join(tmpdir(), 'pki-rebuild-k8s-'));
        sandbox = await startSandbox({ etcd: minor, members, controlPlane: 'real' });
      }, 300_000);
      afterAll(async () => {
        await sandbox?.stop();
        await rm(work, { recursive: true, force: true });
      });

      it('brings back a node whose old admin.conf, objects and service-account token all still work', async () => {
        const lost = sandbox.info.nodes[members - 1]!;
        const api = sandbox.kubeApi(lost);
        let adminConf: string;
        let token: string;
        try {
          await api.create('/api/v1/namespaces/default/configmaps', {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'before-the-disaster' },
            data: { kept: 'yes' },
          });
          await api.create('/api/v1/namespaces/default/serviceaccounts', {
            apiVersion: 'v1',
            kind: 'ServiceAccount',
            metadata: { name: 'rebuild-probe' },
          });
          const issued = await api.create<{ status: { token: string } }>(
            '/api/v1/namespaces/default/serviceaccounts/rebuild-probe/token',
            {
              apiVersion: 'authentication.k8s.io/v1',
              kind: 'TokenRequest',
              spec: { expirationSeconds: 3600 },
            },
          );
          token = issued.status.token;
          adminConf = (await sandbox.runOnNode(lost, ['cat', '/etc/kubernetes/admin.conf'])).stdout;
        } finally {
          api.close();
        }
        const store = new DirStore(join(work, 'store'));
        const { metadata } = await backup({
          ssh: await sshTo(lost, lost.users.root),
          cluster: 'rebuild-k8s',
          store,
          encryption: { kind: 'recipients', recipients: [await identityToRecipient(await identity)] },
          log: silentLogger,
        });

        await wipe(sandbox, lost);
        const report = await rebuildNodes({
          store,
          selector: { name: metadata.name },
          keys: { identities: [await identity] },
          nodes: [await sshTo(lost, lost.users.sudo)],
          log: silentLogger,
          startTimeoutMs: 180_000,
        });
        expect(report.mode).toBe(members === 1 ? 'restore' : 'rejoin');
        await sandbox.waitForApiServer(lost);

        const saved = credentialsFromKubeconfig(adminConf, lost.apiServerUrl);
        const admin = new KubeApi(saved);
        try {
          const configmap = await admin.get<{ data: Record<string, string> }>(
            '/api/v1/namespaces/default/configmaps/before-the-disaster',
          );
          expect(configmap.data).toEqual({ kept: 'yes' });
        } finally {
          admin.close();
        }
        expect(await whoIs(lost.apiServerUrl, saved.ca, token)).toEqual({
          status: 201,
          username: 'system:serviceaccount:default:rebuild-probe',
        });
      });
    },
  );
}

realRebuildCase(1);
realRebuildCase(3);
