import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EtcdTls } from '../src/etcd/client';
import { SandboxError } from './errors';
import { type EtcdMinor, findEtcd } from './etcd-binaries';
import { SandboxEtcdClient } from './etcd-client';
import { type RunResult, run } from './exec';
import type { LinkControl } from './forwarder';
import { fingerprint, generateKey, knownHostsLine } from './keys';
import { KubeApi } from './kube-api';
import { DEFAULT_KUBERNETES, findKubernetes } from './kubernetes-binaries';
import { joinMembersAsLearners, joinsAsLearners } from './learner-join';
import { bridgeIp, createBridge, createNodeNetwork, nodeAddresses, slotHasNetwork } from './network';
import {
  bootNode,
  cleanEnv,
  joinManifestPath,
  type NodePlan,
  nsenterArgs,
  PROJECT_ROOT,
  prepareNodeFiles,
  startNodeServices,
  USERS,
  waitForFile,
} from './node';
import { createClusterPki, kubeconfig } from './pki';
import { type SeedSummary, seedCluster } from './seed';
import { type ApiSeedSummary, seedThroughApi } from './seed-api';
import { allocateSlot, claimName, isSameProcess, readProcesses, recordProcess, sandboxDir } from './state';
import { teardown } from './teardown';

export { SandboxError } from './errors';
export type { LinkControl } from './forwarder';
export { listSandboxes } from './state';

export interface SandboxUser {
  username: string;
  privateKeyPath: string;
}

export interface SandboxNodeInfo {
  name: string;
  /** Loopback address the host reaches the node's sshd at (through the sandbox's forwarder). */
  host: string;
  port: number;
  /** The node's own IP, named in its manifests and certificates. */
  ip: string;
  users: { root: SandboxUser; sudo: SandboxUser; sudoPassword: SandboxUser & { password: string } };
  hostKeyFingerprint: string;
  knownHostsLine: string;
  etcdVersion: string;
  etcdClientUrl: string;
  /** https://<node IP>:6443, the node's kube-apiserver. */
  apiServerUrl: string;
  stateDir: string;
  supervisorLog: string;
}

/** What runs as kube-apiserver and kube-controller-manager on the nodes. */
export interface SandboxKubernetesInfo {
  /** True: the real builds (scripts/install-kubernetes.sh); false: labelled stand-ins that only sleep. */
  real: boolean;
  /** The version in the manifests (the real build's, when real). */
  version: string;
  /** Why the stand-ins run instead of the real components (absent when real, or when asked for). */
  fallbackReason?: string;
  /** admin.conf for the host, pointing at node 1's API server (only when real). */
  adminKubeconfig?: string;
  /** What the seed wrote through the API (only when real and seeded). */
  seed?: ApiSeedSummary;
}

export interface SandboxInfo {
  name: string;
  etcdVersion: string;
  members: number;
  nodes: SandboxNodeInfo[];
  stateDir: string;
  /** What the seed wrote straight into etcd (absent with seed: false, and when the real API server runs). */
  seed?: SeedSummary;
  kubernetes: SandboxKubernetesInfo;
  /** Seconds per phase of `up`. */
  timings: Record<string, number>;
}

export interface StartOptions {
  members?: 1 | 3;
  etcd?: EtcdMinor;
  /** Extra bytes of realistic bulk data to write after the seed. */
  fill?: number;
  name?: string;
  /** Write the seed data (default true). */
  seed?: boolean;
  /**
   * 'real' runs the real kube-apiserver and kube-controller-manager (fails if they are not built), 'auto' runs
   * them when built and says loudly when it falls back, 'stand-in' (the default) runs labelled sleepers and
   * seeds etcd directly with data the etcd-level tests count exactly.
   */
  controlPlane?: 'real' | 'auto' | 'stand-in';
  /** The real build to run (default 1.37.2). */
  kubernetesVersion?: string;
  /** Flags added to kube-controller-manager.yaml's command, as kubeadm's extraArgs would. */
  controllerManagerFlags?: string[];
  /** How long to wait for etcd to serve after the nodes boot (default 60 s). */
  readyTimeoutMs?: number;
  /** Aborting stops `up` at the next step and tears down what it had started. */
  signal?: AbortSignal;
  /** Progress lines (the CLI prints them on stderr). */
  log?: (line: string) => void;
}

const GiB = 1024 ** 3;

/**
 * Why a sandbox with this etcd cannot start on this machine, or undefined if it can: for a test's
 * `describe.skipIf(reason)(\`... (skipped: ${reason})\`)`.
 */
export function sandboxSkipReason(minor: EtcdMinor = '3.5'): string | undefined {
  if (process.getuid?.() !== 0) return 'the sandbox needs root';
  for (const tool of ['/usr/sbin/sshd', '/usr/bin/ssh-keygen', '/usr/bin/openssl', '/usr/bin/nsenter']) {
    if (!existsSync(tool)) return `${tool} is missing (apt-get install openssh-server openssl util-linux)`;
  }
  const etcd = findEtcd(minor);
  return 'missing' in etcd ? etcd.missing : undefined;
}

/** Why a sandbox with the real Kubernetes components cannot start here, or undefined if it can. */
export function kubernetesSkipReason(minor: EtcdMinor, version = DEFAULT_KUBERNETES): string | undefined {
  const base = sandboxSkipReason(minor);
  if (base) return base;
  if (minor === '3.4') return 'Kubernetes 1.34+ needs etcd 3.5 or later';
  const found = findKubernetes(version);
  return 'missing' in found ? found.missing : undefined;
}

/** Decides what runs as the control plane: the real builds, or the stand-ins and why. */
function chooseControlPlane(options: StartOptions, minor: EtcdMinor): SandboxKubernetesInfo {
  const mode = options.controlPlane ?? 'stand-in';
  const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES;
  if (mode === 'stand-in') return { real: false, version: '(stand-in)' };
  const found = findKubernetes(version);
  const reason =
    minor === '3.4'
      ? 'Kubernetes 1.34+ needs etcd 3.5 or later'
      : 'missing' in found
        ? found.missing
        : undefined;
  if (!reason) return { real: true, version };
  if (mode === 'real') throw new SandboxError(`the real control plane cannot run: ${reason}`);
  return { real: false, version: '(stand-in)', fallbackReason: reason };
}

/** etcd's default backend quota is 2 GiB; a fill needs room for its data plus bbolt's overhead. */
export function quotaFor(fill: number): number | undefined {
  if (!fill) return undefined;
  return Math.max(2 * GiB, Math.ceil((fill * 2 + GiB) / GiB) * GiB);
}

/**
 * Starts a sandbox: 1 or 3 kubeadm-shaped control-plane nodes forming one etcd cluster. Everything is torn
 * down again if any step fails.
 */
export async function startSandbox(options: StartOptions = {}): Promise<Sandbox> {
  const name = options.name ?? `sandbox-${randomBytes(3).toString('hex')}`;
  const members = options.members ?? 1;
  const minor = options.etcd ?? '3.5';
  const etcd = findEtcd(minor);
  if ('missing' in etcd) throw new SandboxError(`etcd ${minor} is not available: ${etcd.missing}`);
  const log = options.log ?? (() => {});
  const kubernetes = chooseControlPlane(options, minor);
  if (kubernetes.fallbackReason) {
    log(
      'WARNING: kube-apiserver and kube-controller-manager are STAND-INS (sleepers), not the real components:',
    );
    log(`WARNING: ${kubernetes.fallbackReason}`);
  }
  const dir = claimName(name);
  const started = Date.now();
  const timings: Record<string, number> = {};
  let phaseStart = started;
  const phase = (label: string) => {
    options.signal?.throwIfAborted();
    const now = Date.now();
    timings[label] = (now - phaseStart) / 1000;
    phaseStart = now;
    log(`${label}: ${timings[label]!.toFixed(1)}s`);
  };
  try {
    const slot = allocateSlot(name, slotHasNetwork);
    writeFileSync(join(dir, 'sandbox.json'), `${JSON.stringify({ name, slot, members, minor }, null, 2)}\n`);
    const nodes: NodePlan[] = [];
    for (let i = 1; i <= members; i++) {
      const a = nodeAddresses(slot, i);
      const nodeName = `${name}-control-plane${i === 1 ? '' : i}`;
      nodes.push({
        index: i,
        name: nodeName,
        ip: a.ip,
        host: a.host,
        netns: a.netns,
        dir: join(dir, 'nodes', nodeName),
      });
    }
    for (const n of nodes) mkdirSync(n.dir, { recursive: true, mode: 0o755 });
    const keysDir = join(dir, 'keys');
    mkdirSync(keysDir, { mode: 0o700 });
    const sudoPassword = randomBytes(12).toString('base64url');
    await Promise.all([
      ...Object.values(USERS).map((u) => generateKey(join(keysDir, u), `${u}@${name}`)),
      ...nodes.map((n) => generateKey(join(n.dir, 'ssh_host_ed25519_key'), `root@${n.name}`)),
    ]);
    const apiserverSans = ['DNS:kubernetes', 'DNS:kubernetes.default', 'DNS:kubernetes.default.svc'];
    apiserverSans.push('DNS:kubernetes.default.svc.cluster.local', 'IP:10.96.0.1');
    for (const n of nodes) apiserverSans.push(`DNS:${n.name}`, `IP:${n.ip}`);
    const cluster = await createClusterPki(join(dir, 'pki'), apiserverSans);
    const authorizedKeys = Object.fromEntries(
      Object.values(USERS).map((u) => [u, readFileSync(join(keysDir, `${u}.pub`), 'utf8')]),
    );
    const initialCluster = nodes.map((n) => `${n.name}=https://${n.ip}:2380`);
    const quota = quotaFor(options.fill ?? 0);
    const learners = joinsAsLearners(minor, members);
    await Promise.all(
      nodes.map((node, i) =>
        prepareNodeFiles({
          node,
          cluster,
          etcd,
          // kubeadm join names the members so far and itself.
          initialCluster: learners ? initialCluster.slice(0, i + 1) : initialCluster,
          joinsExisting: learners && i > 0,
          // kubeadm points each stacked apiserver at its local member.
          etcdServers: 'https://127.0.0.1:2379',
          ...(quota ? { quotaBackendBytes: quota } : {}),
          allNodes: nodes,
          authorizedKeys,
          realKubernetes: kubernetes.real ? kubernetes.version : undefined,
          controllerManagerFlags: options.controllerManagerFlags,
        }),
      ),
    );
    phase('keys, PKI and files');
    await createBridge(slot);
    for (const n of nodes) await createNodeNetwork(slot, n.index);
    phase('network');
    const pids = await Promise.all(nodes.map((n) => bootNode(dir, n, kubernetes.real)));
    startForwarder(dir, nodes);
    await Promise.all(nodes.map((n, i) => startNodeServices(n, pids[i]!, sudoPassword)));
    await waitForFile(join(dir, 'forwarder', 'forwarder.ready'), '', 20_000, 'forwarder start');
    phase('nodes booted (supervisor, users, sshd, forwarder)');
    const info: SandboxInfo = {
      name,
      etcdVersion: etcd.version,
      members,
      stateDir: dir,
      timings,
      kubernetes,
      nodes: nodes.map((n) => {
        const hostKey = join(n.dir, 'ssh_host_ed25519_key.pub');
        const user = (u: string) => ({ username: u, privateKeyPath: join(keysDir, u) });
        return {
          name: n.name,
          host: n.host,
          port: 22,
          ip: n.ip,
          users: {
            root: user(USERS.root),
            sudo: user(USERS.sudo),
            sudoPassword: { ...user(USERS.sudoPassword), password: sudoPassword },
          },
          hostKeyFingerprint: fingerprint(readFileSync(hostKey, 'utf8')),
          knownHostsLine: knownHostsLine(n.host, 22, hostKey),
          etcdVersion: etcd.version,
          etcdClientUrl: 'https://127.0.0.1:2379',
          apiServerUrl: `https://${n.ip}:6443`,
          stateDir: n.dir,
          supervisorLog: join(n.dir, 'kubelet.log'),
        };
      }),
    };
    writeFileSync(join(dir, 'known_hosts'), `${info.nodes.map((n) => n.knownHostsLine).join('\n')}\n`);
    const sandbox = new Sandbox(info);
    if (learners) {
      const plans = new Map(nodes.map((n) => [n.name, n]));
      await joinMembersAsLearners(
        sandbox,
        (n) => joinManifestPath(plans.get(n.name)!),
        options.readyTimeoutMs ?? 60_000,
        log,
      );
    }
    await Promise.all(info.nodes.map((n) => sandbox.waitForEtcd(n, options.readyTimeoutMs ?? 60_000)));
    phase('etcd healthy');
    if (kubernetes.real) {
      await startKubernetes(sandbox, options, log);
      phase('kube-apiserver ready on every node');
      if (options.seed !== false) {
        const api = sandbox.kubeApi(info.nodes[0]!);
        try {
          kubernetes.seed = await seedThroughApi(api, {
            log,
            ...(options.signal ? { signal: options.signal } : {}),
          });
        } finally {
          api.close();
        }
        phase('seed through the API');
      }
    }
    if ((options.seed !== false && !kubernetes.real) || options.fill) {
      const client = sandbox.etcdClientFor(info.nodes[0]!);
      try {
        info.seed = await seedCluster(client, {
          seed: name,
          apiServerAddress: info.nodes[0]!.ip,
          fill: options.fill ?? 0,
          // With a real API server, only the fill is written straight into etcd, as JSON it can read.
          apiReadable: kubernetes.real,
          log,
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } finally {
        client.close();
      }
      phase(kubernetes.real ? 'fill' : 'seed');
    }
    timings.total = (Date.now() - started) / 1000;
    writeFileSync(join(dir, 'info.json'), `${JSON.stringify(info, null, 2)}\n`);
    log(`up: ${timings.total.toFixed(1)}s`);
    return sandbox;
  } catch (e) {
    log(`up failed, tearing down: ${(e as Error).message}`);
    await teardown(name);
    throw e;
  }
}

/**
 * Waits for every node's kube-apiserver /readyz, then does what `kubeadm init` does through super-admin.conf:
 * binds the group in admin.conf (kubeadm:cluster-admins) to cluster-admin, so admin.conf works.
 */
async function startKubernetes(sandbox: Sandbox, options: StartOptions, log: (line: string) => void) {
  const { info } = sandbox;
  const timeoutMs = options.readyTimeoutMs ?? 180_000;
  await Promise.all(
    info.nodes.map(async (n) => {
      const api = sandbox.kubeApi(n, 'super-admin');
      try {
        const ms = await api.waitForReady(timeoutMs, options.signal);
        log(`kube-apiserver on ${n.name}: /readyz ok after ${(ms / 1000).toFixed(1)}s more`);
      } finally {
        api.close();
      }
    }),
  );
  const api = sandbox.kubeApi(info.nodes[0]!, 'super-admin');
  try {
    await api.create('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'kubeadm:cluster-admins' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'kubeadm:cluster-admins' }],
    });
  } finally {
    api.close();
  }
  const file = join(info.stateDir, 'admin.conf');
  writeFileSync(
    file,
    kubeconfig({ dir: join(info.stateDir, 'pki') }, info.nodes[0]!.apiServerUrl, 'kubernetes-admin'),
    { mode: 0o600 },
  );
  info.kubernetes.adminKubeconfig = file;
}

function startForwarder(dir: string, nodes: NodePlan[]): void {
  const controlDir = join(dir, 'forwarder');
  mkdirSync(controlDir, { recursive: true });
  const out = openSync(join(controlDir, 'forwarder.log'), 'a');
  const routes = nodes.map((n) => `${n.name}=${n.host}:22=${n.ip}:22`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(PROJECT_ROOT, 'sandbox', 'forwarder.ts'),
      `--control-dir=${controlDir}`,
      ...routes,
    ],
    { detached: true, stdio: ['ignore', out, out], cwd: PROJECT_ROOT, env: cleanEnv() },
  );
  closeSync(out);
  child.unref();
  if (!child.pid) throw new SandboxError('cannot start the SSH forwarder');
  recordProcess(dir, 'forwarder', child.pid, 'forwarder.ts');
}

/** Stops a sandbox by name and removes its state (no-op if it does not exist). */
export async function stopSandbox(name: string): Promise<void> {
  await teardown(name);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running sandbox: its info plus helpers for tests and the demo. */
export class Sandbox {
  constructor(readonly info: SandboxInfo) {}

  /** Reopens a sandbox that `up` started (e.g. from another process). */
  static open(name: string): Sandbox {
    const file = join(sandboxDir(name), 'info.json');
    if (!existsSync(file))
      throw new SandboxError(`no running sandbox named '${name}'`, {
        hint: "see 'npm run sandbox -- status'",
      });
    return new Sandbox(JSON.parse(readFileSync(file, 'utf8')) as SandboxInfo);
  }

  node(nameOrIndex: string | number = 0): SandboxNodeInfo {
    const node =
      typeof nameOrIndex === 'number'
        ? this.info.nodes[nameOrIndex]
        : this.info.nodes.find((n) => n.name === nameOrIndex);
    if (!node) throw new SandboxError(`sandbox ${this.info.name} has no node ${nameOrIndex}`);
    return node;
  }

  /** The host pid of the node's init, whose namespaces are the node's. */
  nodePid(node: SandboxNodeInfo): number {
    const record = readProcesses(this.info.stateDir).find((r) => r.role === `node:${node.name}`);
    if (!record || !isSameProcess(record)) throw new SandboxError(`node ${node.name} is not running`);
    return record.pid;
  }

  /** Runs a program as root inside the node (its mount, UTS and network namespaces), without a shell. */
  runOnNode(
    node: SandboxNodeInfo,
    argv: readonly string[],
    options: { input?: string | Buffer; allowFailure?: boolean; timeoutMs?: number } = {},
  ): Promise<RunResult> {
    return run('nsenter', nsenterArgs(this.nodePid(node), argv), { ...options, env: cleanEnv() });
  }

  /** Client TLS material for etcd: the apiserver-etcd-client certificate, as kube-apiserver uses it. */
  etcdTls(): EtcdTls {
    const pki = join(this.info.stateDir, 'pki');
    return {
      ca: readFileSync(join(pki, 'etcd/ca.crt')),
      cert: readFileSync(join(pki, 'apiserver-etcd-client.crt')),
      key: readFileSync(join(pki, 'apiserver-etcd-client.key')),
    };
  }

  /** A gRPC client to the node's etcd, straight from the host through the node IP (no SSH). */
  etcdClientFor(node: SandboxNodeInfo, options: { callTimeoutMs?: number } = {}): SandboxEtcdClient {
    // The certificate names the node; checking that name instead of the IP avoids Node's warning about IP SNI.
    return SandboxEtcdClient.connect({
      address: `${node.ip}:2379`,
      tls: { ...this.etcdTls(), serverName: node.name },
      ...options,
    });
  }

  /** The node's kube-apiserver, with the credentials of admin.conf (or super-admin.conf), from the host. */
  kubeApi(node: SandboxNodeInfo, user: 'admin' | 'super-admin' = 'admin'): KubeApi {
    const pki = join(this.info.stateDir, 'pki');
    return new KubeApi({
      server: node.apiServerUrl,
      ca: readFileSync(join(pki, 'ca.crt')),
      cert: readFileSync(join(pki, `${user}.crt`)),
      key: readFileSync(join(pki, `${user}.key`)),
    });
  }

  /** Waits until the node's kube-apiserver answers /readyz with 200; returns how long that took. */
  async waitForApiServer(node: SandboxNodeInfo, timeoutMs = 120_000): Promise<number> {
    const api = this.kubeApi(node);
    try {
      return await api.waitForReady(timeoutMs);
    } finally {
      api.close();
    }
  }

  /** Waits until the node's etcd answers a linearizable read (so the cluster has a leader). */
  async waitForEtcd(node: SandboxNodeInfo, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      const client = this.etcdClientFor(node, { callTimeoutMs: 2_000 });
      try {
        await client.range('/registry/health', { countOnly: true });
        return;
      } catch (e) {
        last = (e as Error).message;
      } finally {
        client.close();
      }
      await sleep(200);
    }
    const stderr = join(node.stateDir, 'pods', `etcd-${node.name}`, 'etcd.stderr');
    const tail = existsSync(stderr)
      ? readFileSync(stderr, 'utf8').trim().split('\n').slice(-3).join(' | ')
      : '';
    throw new SandboxError(`etcd on ${node.name} not healthy after ${timeoutMs / 1000}s: ${last}`, {
      hint: tail ? `etcd said: ${tail}` : `see ${node.supervisorLog}`,
    });
  }

  /** The supervisor's log so far. */
  supervisorLog(node: SandboxNodeInfo): string {
    return existsSync(node.supervisorLog) ? readFileSync(node.supervisorLog, 'utf8') : '';
  }

  /** Byte offset to pass to waitForLog to see only later events. */
  logOffset(node: SandboxNodeInfo): number {
    return existsSync(node.supervisorLog) ? statSync(node.supervisorLog).size : 0;
  }

  /** Waits for a supervisor log line matching the pattern, written after the byte offset. */
  async waitForLog(
    node: SandboxNodeInfo,
    pattern: RegExp,
    options: { after?: number; timeoutMs?: number } = {},
  ) {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      const text = readFileSync(node.supervisorLog)
        .subarray(options.after ?? 0)
        .toString();
      const line = text.split('\n').find((l) => pattern.test(l));
      if (line) return line;
      await sleep(100);
    }
    throw new SandboxError(`no supervisor log line matching ${pattern} on ${node.name}`);
  }

  /** Degrades (or restores, with {}) the SSH link to a node; see forwarder.ts for the controls. */
  async setLink(node: SandboxNodeInfo, control: LinkControl): Promise<void> {
    const file = join(this.info.stateDir, 'forwarder', `link-${node.name}.json`);
    writeFileSync(file, JSON.stringify(control));
    const record = readProcesses(this.info.stateDir).find((r) => r.role === 'forwarder');
    if (record && isSameProcess(record)) process.kill(record.pid, 'SIGHUP');
    await sleep(50);
  }

  /** Resets every open SSH connection to the node once, leaving the link up for new ones. */
  async cutConnections(node: SandboxNodeInfo): Promise<void> {
    const file = join(this.info.stateDir, 'forwarder', `link-${node.name}.json`);
    const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LinkControl) : {};
    await this.setLink(node, { ...current, cutEpoch: (current.cutEpoch ?? 0) + 1 });
  }

  /** The host-side address the bridge has (what the node sees connections from the forwarder come from). */
  get bridgeIp(): string {
    return bridgeIp(Number(this.info.nodes[0]!.ip.split('.')[2]));
  }

  async stop(): Promise<void> {
    await teardown(this.info.name);
  }
}
