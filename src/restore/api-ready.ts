import { request } from 'node:https';
import { posix } from 'node:path';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { parse } from 'yaml';
import { parseStaticPod } from '../controlplane';
import { parseFlags } from '../controlplane/flags';
import { apiServerContainer } from '../controlplane/static-pod';
import { errorLine } from '../errors';
import type { SshSession } from '../ssh';
import { waitUntilRunning } from './node-ops';
import type { MemberPlan } from './plan';
import { type ApiServerAccess, eachMember, type SwapContext } from './swap-context';

const POLL_MS = 200;

/**
 * Before anything stops: which API servers answer `/readyz` over the SSH connection with the node's admin.conf
 * credentials (read into memory only). Those are the ones the restore waits for afterwards; a node whose API
 * server cannot be asked (no admin.conf, no answer) is waited for by its process only, with a warning.
 */
export async function findApiServers(context: SwapContext): Promise<Map<string, ApiServerAccess>> {
  const found = new Map<string, ApiServerAccess>();
  await eachMember(context, async (session, m) => {
    if (!m.apiServerManifest) return;
    try {
      const access = await accessOf(session, m);
      await readyz(session, access);
      found.set(m.node, access);
    } catch (error) {
      context.log.warn(
        `${m.node}: kube-apiserver's /readyz cannot be asked (${errorLine(error)}); after the restore only its process will be waited for`,
      );
    }
  });
  return found;
}

/**
 * The wait step after kube-apiserver is back: every node's own API server must answer `/readyz` with 200 (a
 * running process is not a ready server: it may still be reading the restored data). Returns how long the
 * slowest took.
 */
export async function waitForApiServersReady(context: SwapContext): Promise<number> {
  const started = Date.now();
  const { log } = context;
  await eachMember(context, async (session, m) => {
    if (!m.apiServerManifest) return;
    const access = context.apiServers?.get(m.node);
    if (!access) {
      if (!(await waitUntilRunning(session, 'kube-apiserver', context.startMs)))
        log.warn(`kube-apiserver has not started on ${m.node}; check the kubelet`);
      return;
    }
    const detail = await waitForReadyz(session, access, context.startMs, context.signal);
    if (detail !== undefined)
      log.warn(
        `kube-apiserver on ${m.node} is not ready after ${context.startMs / 1000}s (${detail}); check its logs`,
      );
  });
  const ms = Date.now() - started;
  const asked = context.plan.members.filter((m) => context.apiServers?.has(m.node)).length;
  if (asked > 0)
    log.info(
      `kube-apiserver /readyz ok on ${asked === context.plan.members.length ? 'every node' : `${asked} node(s)`} ${(ms / 1000).toFixed(1)}s after it was started`,
    );
  return ms;
}

/** admin.conf next to the static pod folder's parent (kubeadm: /etc/kubernetes/admin.conf). */
async function accessOf(session: SshSession, m: MemberPlan): Promise<ApiServerAccess> {
  const manifest = (await session.readFile(m.apiServerManifest!, { sudo: true })).toString('utf8');
  const pod = parseStaticPod(manifest, m.apiServerManifest!);
  const container = apiServerContainer(pod);
  if (!container) throw new Error(`${m.apiServerManifest} runs no kube-apiserver`);
  const { values } = parseFlags(container.argv.slice(1));
  const adminConf = posix.join(posix.dirname(m.staticPodPath), 'admin.conf');
  const kubeconfig = parse((await session.readFile(adminConf, { sudo: true })).toString('utf8')) as {
    clusters?: Array<{ cluster?: Record<string, string> }>;
    users?: Array<{ user?: Record<string, string> }>;
  };
  const cluster = kubeconfig.clusters?.[0]?.cluster ?? {};
  const user = kubeconfig.users?.[0]?.user ?? {};
  const data = (field: string | undefined) => {
    if (!field) throw new Error(`${adminConf} has no embedded certificate data`);
    return Buffer.from(field, 'base64');
  };
  return {
    address:
      values.get('advertise-address') ?? m.clientUrl.replace(/^https?:\/\/\[?([^\]/]+?)\]?:\d+.*$/, '$1'),
    port: Number(values.get('secure-port') ?? 6443),
    ca: data(cluster['certificate-authority-data']),
    cert: data(user['client-certificate-data']),
    key: data(user['client-key-data']),
  };
}

/** Polls /readyz until 200; undefined when ready, else the last answer. */
async function waitForReadyz(
  session: SshSession,
  access: ApiServerAccess,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const answer = await readyz(session, access);
      if (answer.status === 200) return undefined;
      last = `HTTP ${answer.status}`;
    } catch (error) {
      last = errorLine(error);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return last;
}

/** One GET /readyz over a fresh channel of the SSH connection, TLS checked against the cluster's CA. */
async function readyz(session: SshSession, access: ApiServerAccess): Promise<{ status: number }> {
  // The node's sshd may wait minutes on a port that drops packets: the attempt gets as long as the request.
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = true;
      reject(new Error('no connection to /readyz within 5s'));
    }, 5_000);
  });
  const opening = session.forwardOut(access.address, access.port);
  // A channel that opens after we gave up is closed at once.
  opening.then((c) => late && c.destroy()).catch(() => {});
  const channel = await Promise.race([opening, timedOut]).finally(() => clearTimeout(timer));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: access.address,
        port: access.port,
        path: '/readyz',
        method: 'GET',
        timeout: 5_000,
        agent: false,
        ca: access.ca,
        cert: access.cert,
        key: access.key,
        // The TLS options have to reach tls.connect through these (seen: given only here, the CA was ignored).
        createConnection: (options) => tlsConnect({ ...(options as ConnectionOptions), socket: channel }),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('/readyz did not answer within 5s')));
    req.on('error', reject);
    req.end();
  });
}
