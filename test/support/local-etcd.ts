import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EtcdBinaries, type EtcdMinor, findEtcd } from '../../sandbox/etcd-binaries';

/**
 * A throw-away single-member etcd for tests: plain HTTP on 127.0.0.1 with random ports, a temporary data
 * dir, torn down by `stop()` (which also removes the directory). Any of the tested minor versions.
 */
export interface LocalEtcd {
  binaries: EtcdBinaries;
  /** 'http://127.0.0.1:<port>' */
  endpoint: string;
  /** '127.0.0.1:<port>' for gRPC clients. */
  address: string;
  dataDir: string;
  /** Runs etcdctl against this member; rejects with stderr on a non-zero exit. */
  etcdctl(args: string[], input?: string | Buffer): Promise<string>;
  /** Runs etcdutl (3.5+) or, on 3.4, etcdctl for offline `snapshot` commands. */
  snapshotTool(args: string[]): Promise<string>;
  /** Stops the process but keeps the data dir (to read member/snap/db); stop() still removes it. */
  halt(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalEtcdOptions {
  quotaBackendBytes?: number;
  extraArgs?: string[];
}

export function etcdOrSkipReason(minor: EtcdMinor): EtcdBinaries | string {
  const found = findEtcd(minor);
  return 'missing' in found ? found.missing : found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function run(
  command: string,
  args: string[],
  input?: string | Buffer,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ETCDCTL_API: '3', ...env }, stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString('utf8').trim()}`,
          ),
        );
    });
    child.stdin.end(input ?? '');
  });
}

async function waitHealthy(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`etcd exited ${child.exitCode}: ${log().slice(-2000)}`);
    try {
      const response = await fetch(`${endpoint}/health`);
      const body = (await response.json()) as { health?: string };
      if (body.health === 'true') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`etcd at ${endpoint} not healthy after 30s: ${log().slice(-2000)}`);
}

export async function startLocalEtcd(minor: EtcdMinor, options: LocalEtcdOptions = {}): Promise<LocalEtcd> {
  const binaries = findEtcd(minor);
  if ('missing' in binaries) throw new Error(binaries.missing);
  const dataDir = await mkdtemp(join(tmpdir(), `local-etcd-${minor}-`));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const clientPort = await freePort();
    const peerPort = await freePort();
    const endpoint = `http://127.0.0.1:${clientPort}`;
    const peer = `http://127.0.0.1:${peerPort}`;
    const args = [
      '--name=local',
      `--data-dir=${join(dataDir, 'data')}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=local=${peer}`,
      '--logger=zap',
      '--log-level=warn',
      ...(options.quotaBackendBytes ? [`--quota-backend-bytes=${options.quotaBackendBytes}`] : []),
      ...(options.extraArgs ?? []),
    ];
    const child = spawn(binaries.etcd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (d: Buffer) => {
      log = (log + d.toString('utf8')).slice(-20_000);
    });
    try {
      await waitHealthy(endpoint, child, () => log);
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      await rm(join(dataDir, 'data'), { recursive: true, force: true });
      continue;
    }
    const halt = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    };
    const etcdctl = (a: string[], input?: string | Buffer) =>
      run(binaries.etcdctl, [`--endpoints=${endpoint}`, ...a], input);
    return {
      binaries,
      endpoint,
      address: `127.0.0.1:${clientPort}`,
      dataDir,
      etcdctl,
      snapshotTool: (a) => run(binaries.etcdutl ?? binaries.etcdctl, a),
      halt,
      stop: async () => {
        await halt();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  await rm(dataDir, { recursive: true, force: true });
  throw lastError;
}
