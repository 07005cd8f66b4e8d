/**
 * A real OpenSSH sshd for tests, started inside its own mount namespace so users, sudoers and fixture files
 * can be laid out at their real absolute paths (/etc/kubernetes/…, /var/lib/kubelet/…) without touching the
 * host: overlayfs mounts over /etc, /run and any other listed directory, with the upper layers in a temp dir.
 * Everything is torn down by stop(), including session processes that outlived their connection.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type KeyType = 'ed25519' | 'ecdsa' | 'rsa';

export interface KeyPair {
  type: KeyType;
  privateKey: string;
  /** One authorized_keys / known_hosts style line: `ssh-ed25519 AAAA… comment`. */
  publicKey: string;
  /** `SHA256:…` as ssh-keygen -l prints it. */
  fingerprint: string;
}

export interface KeyOptions {
  passphrase?: string;
  /** 'pem' writes the old PEM format (PKCS#1 for rsa, SEC1 for ecdsa); ed25519 is always OpenSSH. */
  format?: 'openssh' | 'pem';
}

/** A fresh key pair made by ssh-keygen, so tests exercise the exact formats users paste. */
export async function generateKeyPair(type: KeyType, options: KeyOptions = {}): Promise<KeyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'ebk-key-'));
  try {
    const file = join(dir, 'key');
    const args = ['-q', '-t', type, '-N', options.passphrase ?? '', '-C', `test-${type}`, '-f', file];
    if (type === 'rsa') args.push('-b', '2048');
    if (options.format === 'pem') args.push('-m', 'PEM');
    await run('ssh-keygen', args);
    const privateKey = await readFile(file, 'utf8');
    const publicKey = (await readFile(`${file}.pub`, 'utf8')).trim();
    const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`]);
    const fingerprint = stdout.split(/\s+/)[1] ?? '';
    return { type, privateKey, publicKey, fingerprint };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface TestUser {
  name: string;
  /** Login and sudo password; without one the account has no usable password. */
  password?: string;
  sudo?: 'nopasswd' | 'password' | 'none';
  authorizedKeys?: string[];
}

export interface FixtureFile {
  /** Absolute path as the node sees it; must lie under /etc, /run or one of `overlays`. */
  path: string;
  content?: string | Buffer;
  mode?: number;
  /** Create a directory instead of a file. */
  directory?: boolean;
}

export interface SshdOptions {
  /** Listen address; default a random 127.x.y.z so parallel tests never collide. */
  address?: string;
  port?: number;
  /** Run inside this network namespace (created by the test). */
  netns?: string;
  /** Host keys to use (generated when absent): one per type, ed25519 by default. */
  hostKeys?: KeyPair[];
  rootAuthorizedKeys?: string[];
  passwordAuthentication?: boolean;
  rootPassword?: string;
  users?: TestUser[];
  files?: FixtureFile[];
  /** Directories besides /etc and /run to cover with an overlay (e.g. /var/lib) before files are laid out. */
  overlays?: string[];
  /** Extra sshd_config lines. */
  config?: string[];
  /**
   * Own PID namespace with its own /proc, so the "node" sees only its processes (sshd, sessions and what
   * spawn() starts) rather than everything on the test machine.
   */
  pidNamespace?: boolean;
}

export interface Sshd {
  host: string;
  port: number;
  hostKeys: KeyPair[];
  /** A known_hosts line for this server (hashed on request), naming `[host]:port` unless the port is 22. */
  knownHostsLine(key?: KeyPair, options?: { hashed?: boolean }): string;
  /** Runs a command inside the server's namespaces (as root), e.g. to check what a test did on the "node". */
  run(argv: string[]): Promise<{ stdout: string; stderr: string }>;
  /** Starts a long-running process inside the server's namespaces; stop() ends it. */
  spawn(argv: string[]): ChildProcess;
  /** PIDs of per-connection sshd processes (to cut a connection from the server side). */
  sessionPids(): Promise<number[]>;
  logs(): string;
  stop(): Promise<void>;
}

/** Why a real sshd cannot be started here (for describe.skipIf), or undefined when it can. */
export function sshdUnavailable(needs: { netns?: boolean } = {}): string | undefined {
  if (process.getuid?.() !== 0) return 'root (for mount namespaces and test users)';
  const tools = ['/usr/sbin/sshd', '/usr/bin/ssh-keygen', '/usr/bin/unshare', '/usr/bin/nsenter'];
  if (needs.netns) tools.push('/usr/sbin/ip');
  const missing = tools.filter((t) => !existsSync(t));
  return missing.length > 0
    ? `${missing.join(', ')} (apt-get install openssh-server util-linux iproute2)`
    : undefined;
}

const running = new Set<Sshd>();
const runningGroups = new Set<number>();
process.once('exit', () => {
  for (const group of runningGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function randomLoopback(): string {
  return `127.${randomInt(100, 200)}.${randomInt(0, 256)}.${randomInt(2, 255)}`;
}

/**
 * Starts a test sshd. On a busy machine one start in a few hundred has been seen to exit before its banner
 * with nothing logged; a fresh address and port are then tried (at most three times), since what the tests
 * exercise is the server once it runs, not its start.
 */
export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSshdOnce(options);
    } catch (error) {
      const early = error instanceof Error && error.message.startsWith('sshd exited early');
      if (!early || attempt >= 3 || options.address !== undefined || options.port !== undefined) throw error;
    }
  }
}

async function startSshdOnce(options: SshdOptions): Promise<Sshd> {
  const host = options.address ?? randomLoopback();
  const port = options.port ?? randomInt(20_000, 60_000);
  const dir = await mkdtemp(join(tmpdir(), 'ebk-sshd-'));
  // sshd reads users' authorized_keys as that user, so the directory must be traversable.
  await chmod(dir, 0o755);
  const hostKeys = options.hostKeys ?? [await generateKeyPair('ed25519')];
  const overlays = ['/etc', '/run', ...(options.overlays ?? [])];
  for (const file of options.files ?? []) {
    if (!overlays.some((o) => file.path === o || file.path.startsWith(`${o}/`))) {
      throw new Error(
        `fixture ${file.path} is not under an overlay (${overlays.join(', ')}); it would touch the host`,
      );
    }
  }

  const lines: string[] = ['set -eu', `T=${shellQuote(dir)}`];
  overlays.forEach((target, i) => {
    lines.push(
      `mkdir -p "$T/ovl/${i}/up" "$T/ovl/${i}/work" ${shellQuote(target)}`,
      `mount -t overlay overlay -o lowerdir=${shellQuote(target)},upperdir="$T/ovl/${i}/up",workdir="$T/ovl/${i}/work" ${shellQuote(target)}`,
    );
  });
  // Fresh homes: root's real dotfiles (a pyenv hook in ~/.bashrc, say) must neither run in test sessions nor
  // be written by them.
  lines.push(
    'mount -t tmpfs -o mode=755 tmpfs /home',
    'mount -t tmpfs -o mode=700 tmpfs /root',
    'mkdir -p /run/sshd && chmod 755 /run/sshd',
  );

  await run('mkdir', ['-p', join(dir, 'keys'), join(dir, 'files')]);
  const keyFiles: string[] = [];
  for (const [i, key] of hostKeys.entries()) {
    const file = join(dir, `host_key_${i}`);
    await writeFile(file, key.privateKey, { mode: 0o600 });
    keyFiles.push(file);
  }
  await writeFile(join(dir, 'keys', 'root'), `${(options.rootAuthorizedKeys ?? []).join('\n')}\n`);
  if (options.rootPassword !== undefined) {
    lines.push(`echo ${shellQuote(`root:${options.rootPassword}`)} | chpasswd`);
  }
  for (const user of options.users ?? []) {
    lines.push(`useradd -m -s /bin/bash ${shellQuote(user.name)}`);
    lines.push(
      user.password !== undefined
        ? `echo ${shellQuote(`${user.name}:${user.password}`)} | chpasswd`
        : `usermod -p '*' ${shellQuote(user.name)}`,
    );
    if (user.sudo === 'nopasswd' || user.sudo === 'password') {
      const rule = `${user.name} ALL=(ALL:ALL) ${user.sudo === 'nopasswd' ? 'NOPASSWD: ' : ''}ALL`;
      lines.push(
        `printf '%s\\n' ${shellQuote(rule)} > /etc/sudoers.d/50-${user.name}`,
        `chmod 440 /etc/sudoers.d/50-${user.name}`,
      );
    }
    await writeFile(join(dir, 'keys', user.name), `${(user.authorizedKeys ?? []).join('\n')}\n`);
  }
  for (const [i, file] of (options.files ?? []).entries()) {
    const mode = (file.mode ?? (file.directory ? 0o755 : 0o644)).toString(8);
    if (file.directory) {
      lines.push(`mkdir -p ${shellQuote(file.path)}`, `chmod ${mode} ${shellQuote(file.path)}`);
    } else {
      const source = join(dir, 'files', String(i));
      await writeFile(source, file.content ?? '');
      lines.push(`install -D -m ${mode} ${shellQuote(source)} ${shellQuote(file.path)}`);
    }
  }

  const config = [
    `Port ${port}`,
    `ListenAddress ${host}`,
    ...keyFiles.map((f) => `HostKey ${f}`),
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'keys')}/%u`,
    'StrictModes no',
    'PermitRootLogin yes',
    `PasswordAuthentication ${options.passwordAuthentication ? 'yes' : 'no'}`,
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'PubkeyAuthentication yes',
    'AllowTcpForwarding yes',
    'UseDNS no',
    'PrintMotd no',
    'MaxSessions 50',
    'MaxStartups 100',
    'LogLevel VERBOSE',
    'Subsystem sftp internal-sftp',
    ...(options.config ?? []),
  ];
  await writeFile(join(dir, 'sshd_config'), `${config.join('\n')}\n`);
  lines.push(`exec /usr/sbin/sshd -D -e -f "$T/sshd_config"`);
  await writeFile(join(dir, 'start.sh'), `${lines.join('\n')}\n`);

  const prefix = options.netns ? ['ip', 'netns', 'exec', options.netns] : [];
  const pidFlags = options.pidNamespace ? ['--pid', '--fork', '--mount-proc'] : [];
  const argv = [
    ...prefix,
    'unshare',
    '--mount',
    ...pidFlags,
    '--propagation',
    'private',
    'bash',
    join(dir, 'start.sh'),
  ];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 1_000_000) log = log.slice(-500_000);
  });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const pid = child.pid!;
  runningGroups.add(pid);
  // Dead-man switch, outside the namespaces: its stdin is a pipe from this process. When this process is gone
  // (even killed, or a hook timed out and nobody called stop()), the pipe closes, and it ends the server's
  // process group (TERM first: the init of a PID namespace ignores KILL sent from inside, not from here)
  // and removes the temp dir once the namespace, and with it the overlays, is gone.
  const watchdog = spawn(
    'bash',
    [
      '-c',
      'cat >/dev/null; kill -TERM -- "-$1" 2>/dev/null; sleep 1; kill -KILL -- "-$1" 2>/dev/null; sleep 1; rm -rf -- "$2"',
      'watchdog',
      String(pid),
      dir,
    ],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  // Neither the server nor its watchdog keeps this process alive; an unstopped server dies with it.
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.unref();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  const children: ChildProcess[] = [];
  let mntNs = '';

  // With a PID namespace, unshare forks: its child (PID 1 inside) is the one whose namespaces we enter.
  let nsPid = pid;
  const nsArgs = () => [
    '-t',
    String(nsPid),
    '-m',
    ...(options.pidNamespace ? ['-p'] : []),
    ...(options.netns ? ['-n'] : []),
  ];

  const server: Sshd = {
    host,
    port,
    hostKeys,
    knownHostsLine(key = hostKeys[0]!, lineOptions = {}) {
      const name = port === 22 ? host : `[${host}]:${port}`;
      const [type, blob] = key.publicKey.split(/\s+/);
      if (!lineOptions.hashed) return `${name} ${type} ${blob}`;
      const salt = randomBytes(20);
      const hash = createHmac('sha1', salt).update(name).digest();
      return `|1|${salt.toString('base64')}|${hash.toString('base64')} ${type} ${blob}`;
    },
    async run(command) {
      return run('nsenter', [...nsArgs(), '--', ...command], { maxBuffer: 64 * 1024 * 1024 });
    },
    spawn(command) {
      const proc = spawn('nsenter', [...nsArgs(), '--', ...command], { stdio: 'ignore' });
      children.push(proc);
      return proc;
    },
    async sessionPids() {
      return (await processesInNamespace(mntNs)).filter((p) => p !== pid && p !== nsPid);
    },
    logs: () => log,
    async stop() {
      if (!running.delete(server)) return;
      runningGroups.delete(pid);
      for (const proc of children) proc.kill('SIGKILL');
      watchdog.stdin?.destroy();
      if (!exited) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (mntNs) {
        for (const other of await processesInNamespace(mntNs)) {
          try {
            process.kill(other, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  running.add(server);

  try {
    await waitForBanner(host, port, () => (exited ? `sshd exited early:\n${log}` : undefined), options.netns);
    mntNs = await readlink(`/proc/${pid}/ns/mnt`);
    if (options.pidNamespace) {
      const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/);
      nsPid = Number(children[0]);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function processesInNamespace(mntNs: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readlink(`/proc/${entry}/ns/mnt`)) === mntNs) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

async function waitForBanner(
  host: string,
  port: number,
  failed: () => string | undefined,
  netns: string | undefined,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const problem = failed();
    if (problem) throw new Error(problem);
    if (netns ? await bannerInNetns(netns, host, port) : await bannerAt(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sshd on ${host}:${port} did not answer within 15 s`);
}

function bannerAt(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host, port });
    socket.setTimeout(1000);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('latin1').startsWith('SSH-'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function bannerInNetns(netns: string, host: string, port: number): Promise<boolean> {
  try {
    const { stdout } = await run(
      'ip',
      ['netns', 'exec', netns, 'bash', '-c', `exec 3<>/dev/tcp/${host}/${port}; head -c 4 <&3`],
      {
        timeout: 2000,
      },
    );
    return stdout.startsWith('SSH-');
  } catch {
    return false;
  }
}
