import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SandboxError } from './errors';
import { type EtcdBinaries, etcdCacheDir } from './etcd-binaries';
import { run } from './exec';
import {
  etcdManifest,
  kubeApiserverManifest,
  kubeControllerManagerManifest,
  kubeletConfig,
  kubeSchedulerManifest,
} from './manifests';
import { type ClusterPki, createNodePki, KUBECONFIG_USERS, kubeconfig } from './pki';
import { processCmdline, recordProcess } from './state';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = dirname(HERE);

/** The three users every node has: root, one with passwordless sudo, one whose sudo asks for a password. */
export const USERS = { root: 'root', sudo: 'k8s-admin', sudoPassword: 'k8s-ops' } as const;

export interface NodePlan {
  index: number;
  name: string;
  ip: string;
  host: string;
  netns: string;
  dir: string;
}

export interface NodeFilesOptions {
  node: NodePlan;
  cluster: ClusterPki;
  etcd: EtcdBinaries;
  initialCluster: string[];
  /**
   * The member joins a running cluster the way kubeadm join does it: its manifest says
   * --initial-cluster-state=existing and is kept out of the static pod folder (in joinManifestPath) until
   * the member has been announced.
   */
  joinsExisting?: boolean;
  etcdServers: string;
  quotaBackendBytes?: number;
  allNodes: NodePlan[];
  authorizedKeys: Record<string, string>;
  /** Set when the node runs the real kube-apiserver and kube-controller-manager of this version ('1.37.2'). */
  realKubernetes?: string | undefined;
  controllerManagerFlags?: string[] | undefined;
}

const CRICTL_SCRIPT = fileURLToPath(new URL('./crictl.sh', import.meta.url));

function write(path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  writeFileSync(path, content, { mode });
  chmodSync(path, mode);
}

/** A hard link where the filesystem allows one (no extra space, no copy time), else a copy. */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Where a joining member's etcd manifest waits (in the node's state dir, which the node sees too). */
export function joinManifestPath(node: NodePlan): string {
  return join(node.dir, 'etcd-join.yaml');
}

/**
 * Lays out the node's files in the overlay upper layers before anything is mounted (writing into an upper
 * layer under a live overlay is undefined behaviour): kubeadm's /etc/kubernetes, the kubelet config,
 * /var/lib/etcd, sudoers, hosts, etcdctl on PATH, and sshd's own config and keys.
 */
export async function prepareNodeFiles(o: NodeFilesOptions): Promise<void> {
  const { node } = o;
  const upper = (p: string) => join(node.dir, 'upper', p);
  const kube = upper('etc/kubernetes');
  await createNodePki(o.cluster, join(kube, 'pki'), node.name, node.ip);
  const minor = o.etcd.minor;
  const kubernetesVersion = o.realKubernetes ? `v${o.realKubernetes}` : undefined;
  write(
    o.joinsExisting ? joinManifestPath(node) : join(kube, 'manifests/etcd.yaml'),
    etcdManifest({
      nodeName: node.name,
      nodeIp: node.ip,
      etcdVersion: o.etcd.version,
      minor,
      initialCluster: o.initialCluster,
      ...(o.joinsExisting ? { initialClusterState: 'existing' as const } : {}),
      ...(o.quotaBackendBytes ? { quotaBackendBytes: o.quotaBackendBytes } : {}),
    }),
    0o600,
  );
  write(
    join(kube, 'manifests/kube-apiserver.yaml'),
    kubeApiserverManifest({ nodeIp: node.ip, minor, kubernetesVersion, etcdServers: o.etcdServers }),
    0o600,
  );
  write(
    join(kube, 'manifests/kube-controller-manager.yaml'),
    kubeControllerManagerManifest({
      nodeIp: node.ip,
      minor,
      kubernetesVersion,
      extraFlags: o.controllerManagerFlags,
    }),
    0o600,
  );
  write(
    join(kube, 'manifests/kube-scheduler.yaml'),
    kubeSchedulerManifest({ nodeIp: node.ip, minor, kubernetesVersion }),
    0o600,
  );
  const server = `https://${node.ip}:6443`;
  for (const k of KUBECONFIG_USERS)
    write(join(kube, k.file), kubeconfig(o.cluster, server, k.user, k.cert), 0o600);
  write(upper('var/lib/kubelet/config.yaml'), kubeletConfig());
  mkdirSync(upper('var/lib/etcd'), { recursive: true, mode: 0o700 });
  write(
    upper('etc/sudoers.d/etcd-sandbox'),
    `${USERS.sudo} ALL=(ALL:ALL) NOPASSWD: ALL\n${USERS.sudoPassword} ALL=(ALL:ALL) ALL\n`,
    0o440,
  );
  const hosts = readFileSync('/etc/hosts', 'utf8');
  write(
    upper('etc/hosts'),
    `${hosts.trimEnd()}\n${o.allNodes.map((n) => `${n.ip}\t${n.name}`).join('\n')}\n`,
  );
  write(upper('etc/hostname'), `${node.name}\n`);
  // sshd's privilege-separation directory, in the node's own /run.
  mkdirSync(upper('run/sshd'), { recursive: true, mode: 0o755 });
  mkdirSync(join(node.dir, 'etcd-cache'), { recursive: true });
  const rootHome = join(node.dir, 'root-home');
  mkdirSync(rootHome, { recursive: true, mode: 0o700 });
  for (const [from, to] of [
    ['/usr/share/base-files/dot.bashrc', '.bashrc'],
    ['/usr/share/base-files/dot.profile', '.profile'],
  ] as const) {
    if (existsSync(from)) copyFileSync(from, join(rootHome, to));
  }
  // kind nodes have crictl; the sandbox's lists and enters the supervisor's containers.
  write(
    upper('usr/local/bin/crictl'),
    readFileSync(CRICTL_SCRIPT, 'utf8').replace('__CRI_DIR__', join(node.dir, 'cri')),
    0o755,
  );
  if (o.etcd.minor !== '3.4') {
    place(o.etcd.etcdctl, upper('usr/local/bin/etcdctl'));
    if (o.etcd.etcdutl) place(o.etcd.etcdutl, upper('usr/local/bin/etcdutl'));
  }
  for (const [user, key] of Object.entries(o.authorizedKeys))
    write(join(node.dir, 'authorized_keys', user), key);
  write(
    join(node.dir, 'sshd_config'),
    [
      `ListenAddress ${node.ip}:22`,
      `HostKey ${join(node.dir, 'ssh_host_ed25519_key')}`,
      `PidFile ${join(node.dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(node.dir, 'authorized_keys', '%u')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      // PAM's session modules expect systemd-logind; key checks and accounts need nothing from PAM here.
      'UsePAM no',
      // The authorized_keys files live in the sandbox state directory, which is not owned per user.
      'StrictModes no',
      'MaxStartups 64:30:128',
      'MaxSessions 64',
      'PrintMotd no',
      'AcceptEnv LANG LC_*',
      'Subsystem sftp /usr/lib/openssh/sftp-server',
      '',
    ].join('\n'),
  );
}

/**
 * Starts the node: a detached process that enters the node's network namespace, takes new mount, UTS and PID
 * namespaces, mounts the overlays and runs the supervisor (node-boot.sh). Returns the host pid of the node's
 * init (pid 1 inside): nsenter into it reaches the node's view of the world.
 */
export async function bootNode(sandboxDir: string, node: NodePlan, realKubernetes: boolean): Promise<number> {
  const out = openSync(join(node.dir, 'boot.log'), 'a');
  const args = [
    'netns',
    'exec',
    node.netns,
    'unshare',
    '--mount',
    '--uts',
    '--pid',
    '--fork',
    '--mount-proc',
  ];
  args.push('--propagation', 'private', '--', 'bash', join(HERE, 'node-boot.sh'), node.dir, node.name);
  args.push(dirname(etcdCacheDir()), process.execPath, '--import', 'tsx', join(HERE, 'supervisor.ts'));
  args.push(
    '--config=/var/lib/kubelet/config.yaml',
    `--hostname-override=${node.name}`,
    `--sandbox-state-dir=${node.dir}`,
    `--sandbox-control-plane=${realKubernetes ? 'real' : 'stand-in'}`,
  );
  const child = spawn('ip', args, {
    detached: true,
    stdio: ['ignore', out, out],
    cwd: PROJECT_ROOT,
    env: { ...cleanEnv(), ETCD_BACKUP_CACHE: join(node.dir, 'etcd-cache') },
  });
  closeSync(out);
  child.unref();
  if (!child.pid) throw new SandboxError(`cannot start node ${node.name}`);
  // ip execs unshare, which forks the node's init into the new PID namespace.
  const unsharePid = child.pid;
  for (let i = 0; i < 200; i++) {
    let children = '';
    try {
      children = readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').trim();
    } catch {
      throw new SandboxError(`node ${node.name} exited while booting`, {
        hint: `see ${join(node.dir, 'boot.log')}`,
      });
    }
    const init = Number(children.split(' ')[0]);
    if (init && processCmdline(init)?.includes('node-boot.sh')) {
      recordProcess(sandboxDir, `node:${node.name}`, init, 'node-boot.sh');
      return init;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new SandboxError(`node ${node.name} did not start its init`, {
    hint: `see ${join(node.dir, 'boot.log')}`,
  });
}

/** The environment for long-lived sandbox processes: nothing from the caller but what finding etcd needs. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
  };
  if (process.env.ETCD_BACKUP_CACHE) env.ETCD_BACKUP_CACHE = process.env.ETCD_BACKUP_CACHE;
  return env;
}

export function nsenterArgs(pid: number, argv: readonly string[]): string[] {
  return ['-t', String(pid), '-m', '-u', '-n', '-p', '--', ...argv];
}

export async function waitForFile(
  path: string,
  contains: string,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(path) && readFileSync(path, 'utf8').includes(contains)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new SandboxError(`${what} did not happen within ${timeoutMs / 1000}s (see ${path})`);
}

/** Adds the sudo users inside the node (its /etc and /home are overlays) and starts its sshd. */
export async function startNodeServices(node: NodePlan, pid: number, sudoPassword: string) {
  await waitForFile(join(node.dir, 'kubelet.log'), 'supervisor-started', 30_000, `node ${node.name} boot`);
  const inNode = (argv: string[], input?: string) =>
    run('nsenter', nsenterArgs(pid, argv), input ? { input } : {});
  // '*' is an unusable password that, unlike useradd's default '!', does not lock the account for sshd.
  await inNode(['useradd', '--create-home', '--shell', '/bin/bash', '--password', '*', USERS.sudo]);
  await inNode(['useradd', '--create-home', '--shell', '/bin/bash', USERS.sudoPassword]);
  await inNode(['chpasswd'], `${USERS.sudoPassword}:${sudoPassword}\n`);
  await inNode(['/usr/sbin/sshd', '-f', join(node.dir, 'sshd_config'), '-E', join(node.dir, 'sshd.log')]);
  // sshd lives in the node's PID namespace (its pid file holds the pid seen there); it ends with the node.
  await waitForFile(join(node.dir, 'sshd.pid'), '\n', 5_000, `sshd start on ${node.name}`);
}
