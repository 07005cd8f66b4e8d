import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { EtcdBackupError } from '../errors';
import { EtcdClient } from '../etcd/client';
import type { EtcdTools } from '../restore/etcd-tools';

export interface ScratchEtcd {
  address: string;
  client: EtcdClient;
  stop(): Promise<void>;
}

export class ScratchEtcdError extends EtcdBackupError {}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface ScratchOptions {
  dataDir: string;
  name: string;
  peerUrl: string;
  quotaBackendBytes?: number;
  timeoutMs?: number;
}

/**
 * Boots a throw-away single-member etcd on loopback from a restored data dir (plain HTTP: nothing leaves the
 * machine) and waits until it serves reads. The member name and peer URL must be those it was restored with.
 */
export async function startScratchEtcd(tools: EtcdTools, options: ScratchOptions): Promise<ScratchEtcd> {
  const peer = new URL(options.peerUrl);
  const clientPort = await freeClientPort(peer);
  const { child, log } = spawnEtcd(tools, options, peer, `http://127.0.0.1:${clientPort}`);
  const address = `127.0.0.1:${clientPort}`;
  const client = EtcdClient.connect({ address, callTimeoutMs: 2_000 });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    await waitUntilServing(child, client, log, deadline);
  } catch (error) {
    client.close();
    await stopProcess(child);
    throw error;
  }
  return {
    address,
    client,
    stop: async () => {
      client.close();
      await stopProcess(child);
    },
  };
}

/**
 * A free loopback port for etcd's clients other than the peer port: the caller's peer port is free again by
 * now, so the kernel may hand out that same number here.
 */
async function freeClientPort(peer: URL): Promise<number> {
  let port = await freeLoopbackPort();
  while (String(port) === peer.port) port = await freeLoopbackPort();
  return port;
}

/** Starts etcd on the restored data dir; `log` is the end of what it has written to stderr so far. */
function spawnEtcd(
  tools: EtcdTools,
  options: ScratchOptions,
  peer: URL,
  clientUrl: string,
): { child: ChildProcess; log: () => string } {
  const child = spawn(
    tools.etcd,
    [
      `--name=${options.name}`,
      `--data-dir=${options.dataDir}`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=http://127.0.0.1:${peer.port}`,
      `--initial-advertise-peer-urls=${options.peerUrl}`,
      '--log-level=warn',
      ...(options.quotaBackendBytes ? [`--quota-backend-bytes=${options.quotaBackendBytes}`] : []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d: Buffer) => {
    log = (log + d.toString('utf8')).slice(-16 * 1024);
  });
  return { child, log: () => log };
}

/** Probes with a read every 200 ms until etcd answers; fails when it exits or the deadline passes. */
async function waitUntilServing(
  child: ChildProcess,
  client: EtcdClient,
  log: () => string,
  deadline: number,
): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) {
      throw new ScratchEtcdError(`the scratch etcd exited (code ${child.exitCode}): ${lastLine(log())}`);
    }
    try {
      await client.range('health-probe', { countOnly: true });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new ScratchEtcdError(
          `the scratch etcd did not serve within the timeout: ${lastLine(log()) || (error as Error).message}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? '';
}
