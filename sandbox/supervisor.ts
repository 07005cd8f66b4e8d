/**
 * A kubelet-like supervisor for static pods, run inside a sandbox node's namespaces. It polls the staticPodPath
 * named in the kubelet config, runs each manifest's containers (see container.sh), stops a pod when its file
 * leaves the folder, restarts it when the file changes, restarts exited containers with back-off, and writes a
 * log a test can read: one line per event, `<ISO time> <event> key=value ...`.
 *
 * usage: node --import tsx supervisor.ts --config=/var/lib/kubelet/config.yaml --hostname-override=NODE --sandbox-state-dir=STATE
 *          [--sandbox-control-plane=real|stand-in]
 *
 * With `real`, the kube-apiserver and kube-controller-manager images run the real builds of the image's version
 * (scripts/install-kubernetes.sh); otherwise, and for kube-scheduler always, a labelled stand-in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ETCD_VERSIONS, type EtcdMinor, findEtcd } from './etcd-binaries';
import { findKubernetes, REAL_COMPONENTS } from './kubernetes-binaries';

const POLL_MS = 500;
const GRACE_MS = 5_000;
/** When the whole node goes down nobody waits on a clean etcd shutdown (a 3-member one stalls on its peers). */
const SHUTDOWN_GRACE_MS = 2_000;
const BACKOFF_FIRST_MS = 1_000;
/** kubelet caps at 5 minutes; a sandbox wants crash loops to be visible within seconds. */
const BACKOFF_MAX_MS = 10_000;
const BACKOFF_RESET_AFTER_MS = 30_000;
const CONTAINER_SCRIPT = fileURLToPath(new URL('./container.sh', import.meta.url));
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const STAND_IN = '$0 = join(" ", @ARGV); $SIG{TERM} = sub { exit 0 }; sleep 3600 while 1;';

function optionalFlag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function flag(name: string): string {
  const value = optionalFlag(name);
  if (!value) throw new Error(`missing --${name}=`);
  return value;
}

const configPath = flag('config');
const nodeName = flag('hostname-override');
const rootDir = flag('sandbox-state-dir');
const realControlPlane = optionalFlag('sandbox-control-plane') === 'real';
const logFile = join(rootDir, 'kubelet.log');
const podsDir = join(rootDir, 'pods');
const criDir = join(rootDir, 'cri');

function log(event: string, fields: Record<string, string | number | null | undefined> = {}): void {
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v).replaceAll('\n', ' ')}`);
  appendFileSync(
    logFile,
    `${new Date().toISOString()} ${event}${parts.length ? ` ${parts.join(' ')}` : ''}\n`,
  );
}

interface Mount {
  src: string;
  dst: string;
  type: string;
  readOnly: boolean;
}

interface ContainerSpec {
  name: string;
  image: string;
  argv: string[];
  mounts: Mount[];
}

interface PodSpec {
  name: string;
  containers: ContainerSpec[];
}

/** The parts of a Pod manifest the supervisor reads; everything else is ignored, as kubelet would not. */
interface PodManifest {
  kind?: string;
  metadata?: { name?: string };
  spec?: {
    volumes?: Array<{ name?: string; hostPath?: { path?: string; type?: string } }>;
    containers?: Array<{
      name?: string;
      image?: string;
      command?: unknown[];
      args?: unknown[];
      volumeMounts?: Array<{ name?: string; mountPath?: string; readOnly?: boolean }>;
    }>;
  };
}

function parsePod(text: string): PodSpec {
  const doc = parse(text) as PodManifest | null;
  if (doc?.kind !== 'Pod' || !doc.metadata?.name || !Array.isArray(doc.spec?.containers)) {
    throw new Error('not a Pod with metadata.name and spec.containers');
  }
  const volumes = new Map<string, { path: string; type: string }>();
  for (const v of doc.spec.volumes ?? []) {
    if (v?.name && v.hostPath?.path)
      volumes.set(v.name, { path: v.hostPath.path, type: v.hostPath.type ?? '' });
  }
  const containers = doc.spec.containers.map((c): ContainerSpec => {
    const argv = [...(c.command ?? []), ...(c.args ?? [])].map(String);
    if (!c.name || !c.image || argv.length === 0) throw new Error('container without name, image or command');
    const mounts = (c.volumeMounts ?? []).map((m): Mount => {
      const volume = m.name ? volumes.get(m.name) : undefined;
      if (!volume || !m.mountPath) throw new Error(`volumeMount ${m.name} names no hostPath volume`);
      return { src: volume.path, dst: m.mountPath, type: volume.type, readOnly: m.readOnly === true };
    });
    return { name: c.name, image: c.image, argv, mounts };
  });
  return { name: `${doc.metadata.name}-${nodeName}`, containers };
}

/** Maps an image to a program: real etcd for etcd images, a labelled stand-in for the Kubernetes components. */
function resolveImage(spec: ContainerSpec): { program: string; args: string[] } | { error: string } {
  const etcdImage = /^registry\.k8s\.io\/etcd:(\d+\.\d+\.\d+)-\d+$/.exec(spec.image);
  if (etcdImage) {
    const minor = (Object.keys(ETCD_VERSIONS) as EtcdMinor[]).find((m) => ETCD_VERSIONS[m] === etcdImage[1]);
    if (!minor)
      return { error: `no etcd ${etcdImage[1]} build (have ${Object.values(ETCD_VERSIONS).join(', ')})` };
    const found = findEtcd(minor);
    if ('missing' in found) return { error: found.missing };
    const tool = spec.argv[0];
    const program =
      tool === 'etcd'
        ? found.etcd
        : tool === 'etcdctl'
          ? found.etcdctl
          : tool === 'etcdutl'
            ? found.etcdutl
            : undefined;
    if (!program) return { error: `executable file not found in $PATH: ${tool}` };
    return { program, args: spec.argv.slice(1) };
  }
  const kubeImage = /^registry\.k8s\.io\/(kube-[a-z-]+):v(\d+\.\d+\.\d+)$/.exec(spec.image);
  const component = kubeImage?.[1] as (typeof REAL_COMPONENTS)[number] | undefined;
  if (realControlPlane && component && REAL_COMPONENTS.includes(component)) {
    const found = findKubernetes(kubeImage![2]);
    if ('missing' in found) return { error: found.missing };
    if (spec.argv[0] !== component) return { error: `executable file not found in $PATH: ${spec.argv[0]}` };
    return { program: join(found.dir, component), args: spec.argv.slice(1) };
  }
  if (/^registry\.k8s\.io\/kube-(apiserver|controller-manager|scheduler|proxy):/.test(spec.image)) {
    return { program: 'perl', args: ['-e', STAND_IN, ...spec.argv] };
  }
  return { error: `image ${spec.image} cannot run in the sandbox` };
}

class Container {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private backoffMs = BACKOFF_FIRST_MS;
  private startedAt = 0;
  private attempt = 0;

  constructor(
    private readonly pod: string,
    private readonly spec: ContainerSpec,
  ) {}

  start(): void {
    if (this.stopping) return;
    this.attempt++;
    const dir = join(podsDir, this.pod);
    mkdirSync(dir, { recursive: true });
    const resolved = resolveImage(this.spec);
    if ('error' in resolved) {
      log('container-failed', {
        pod: this.pod,
        container: this.spec.name,
        reason: 'ErrImagePull',
        error: resolved.error,
      });
      this.scheduleRestart();
      return;
    }
    const args = ['--mount', '--propagation', 'private', '--', 'bash', CONTAINER_SCRIPT];
    args.push(join(rootDir, 'run', this.pod, this.spec.name), String(this.spec.mounts.length));
    for (const m of this.spec.mounts) args.push(m.src, m.dst, m.type, String(m.readOnly));
    args.push(this.spec.argv[0]!, resolved.program, ...resolved.args);
    const out = openSync(join(dir, `${this.spec.name}.stdout`), 'a');
    const err = openSync(join(dir, `${this.spec.name}.stderr`), 'a');
    const child = spawn('unshare', args, {
      stdio: ['ignore', out, err],
      cwd: '/',
      env: { PATH: CONTAINER_PATH, HOSTNAME: nodeName },
    });
    closeSync(out);
    closeSync(err);
    this.child = child;
    this.startedAt = Date.now();
    // For the node's crictl: unshare execs the container script, which execs the program, so this pid is the
    // container's main process, in the container's mount namespace.
    const id = createHash('sha256')
      .update(`${this.pod}/${this.spec.name}/${this.attempt}/${child.pid}`)
      .digest('hex');
    const record = join(criDir, id);
    mkdirSync(criDir, { recursive: true });
    writeFileSync(record, `${this.spec.name} ${child.pid} ${dirname(resolved.program)} ${this.pod}\n`);
    log('container-started', {
      pod: this.pod,
      container: this.spec.name,
      pid: child.pid,
      attempt: this.attempt,
    });
    this.exited = new Promise((resolve) => {
      child.on('error', (e) => {
        log('container-failed', { pod: this.pod, container: this.spec.name, error: e.message });
      });
      child.on('close', (code, signal) => {
        this.child = undefined;
        rmSync(record, { force: true });
        const ranMs = Date.now() - this.startedAt;
        log('container-exited', {
          pod: this.pod,
          container: this.spec.name,
          pid: child.pid,
          code,
          signal,
          ranMs,
        });
        if (ranMs >= BACKOFF_RESET_AFTER_MS) this.backoffMs = BACKOFF_FIRST_MS;
        this.scheduleRestart();
        resolve();
      });
    });
  }

  private scheduleRestart(): void {
    if (this.stopping) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
    log('container-backoff', { pod: this.pod, container: this.spec.name, delayMs: delay });
    this.timer = setTimeout(() => this.start(), delay);
  }

  async stop(graceMs = GRACE_MS): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const kill = setTimeout(() => {
      log('container-killed', { pod: this.pod, container: this.spec.name, pid: child.pid });
      child.kill('SIGKILL');
    }, graceMs);
    await this.exited;
    clearTimeout(kill);
  }
}

class Pod {
  private readonly containers: Container[];

  constructor(
    readonly spec: PodSpec,
    readonly manifest: string,
    readonly content: string,
  ) {
    this.containers = spec.containers.map((c) => new Container(spec.name, c));
  }

  start(): void {
    log('pod-started', { pod: this.spec.name, manifest: this.manifest });
    for (const c of this.containers) c.start();
  }

  async stop(reason: string, graceMs = GRACE_MS): Promise<void> {
    await Promise.all(this.containers.map((c) => c.stop(graceMs)));
    log('pod-stopped', { pod: this.spec.name, manifest: this.manifest, reason });
  }
}

// Read once, at start, as kubelet does: a config file moved or edited later changes nothing until a restart.
const staticPodPath = ((): string | undefined => {
  try {
    const config = parse(readFileSync(configPath, 'utf8')) as { staticPodPath?: string } | null;
    return config?.staticPodPath;
  } catch {
    return undefined;
  }
})();

const pods = new Map<string, Pod>();
const invalid = new Map<string, string>();
let shuttingDown = false;

function readManifests(dir: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  if (!dir || !existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // kubelet skips dotfiles; this supervisor also only takes YAML/JSON files.
    if (entry.name.startsWith('.') || !entry.isFile() || !/\.(ya?ml|json)$/.test(entry.name)) continue;
    try {
      found.set(entry.name, readFileSync(join(dir, entry.name), 'utf8'));
    } catch {
      // Vanished between readdir and read: it will be gone on the next pass too.
    }
  }
  return found;
}

async function sync(): Promise<void> {
  const manifests = readManifests(staticPodPath);
  for (const [file, pod] of pods) {
    const content = manifests.get(file);
    if (content === pod.content) continue;
    pods.delete(file);
    await pod.stop(content === undefined ? 'manifest-removed' : 'manifest-changed');
  }
  for (const [file, content] of manifests) {
    if (pods.has(file) || shuttingDown) continue;
    let spec: PodSpec;
    try {
      spec = parsePod(content);
    } catch (e) {
      if (invalid.get(file) !== content)
        log('manifest-invalid', { manifest: file, error: (e as Error).message });
      invalid.set(file, content);
      continue;
    }
    invalid.delete(file);
    const pod = new Pod(spec, file, content);
    pods.set(file, pod);
    pod.start();
  }
}

async function loop(): Promise<void> {
  while (!shuttingDown) {
    try {
      await sync();
    } catch (e) {
      log('sync-error', { error: (e as Error).message });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log('supervisor-stopping', { signal });
  await Promise.all([...pods.values()].map((p) => p.stop('supervisor-stopping', SHUTDOWN_GRACE_MS)));
  log('supervisor-stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
mkdirSync(podsDir, { recursive: true });
process.title = `kubelet --config=${configPath} --hostname-override=${nodeName} --sandbox-state-dir=${rootDir}`;
log('supervisor-started', { pid: process.pid, node: nodeName, config: configPath });
void loop();
