import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

/** The version scripts/install-seaweedfs.sh installs. */
export const SEAWEEDFS_VERSION = '4.48';

/** `weed` as scripts/install-seaweedfs.sh caches it, or why it is not there. */
export function weedOrSkipReason(): string | { missing: string } {
  const cache = process.env.ETCD_BACKUP_CACHE ?? join(homedir(), '.cache', 'etcd-backup-action');
  const weed = join(cache, 'seaweedfs', SEAWEEDFS_VERSION, 'bin', 'weed');
  return existsSync(weed)
    ? weed
    : { missing: `SeaweedFS ${SEAWEEDFS_VERSION} not installed: run scripts/install-seaweedfs.sh` };
}

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SeaweedFs {
  /** http://127.0.0.1:PORT of the S3 gateway. */
  endpoint: string;
  credentials: S3Credentials;
  /** A client with the right credentials, path-style, for test set-up and inspection. */
  client: S3Client;
  createBucket(name: string, options?: { objectLock?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/** Free loopback TCP ports, each held until all are found so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/**
 * A real SeaweedFS (master, volume, filer and S3 gateway in one `weed server` process) on 127.0.0.1, in a
 * private temp dir, with S3 signature checks on for one identity. Ready when a signed CreateBucket succeeds.
 */
export async function startSeaweedFs(weed: string): Promise<SeaweedFs> {
  const dir = await mkdtemp(join(tmpdir(), 'seaweedfs-'));
  const credentials: S3Credentials = {
    accessKeyId: 'ETCDBACKUPTEST',
    secretAccessKey: `secret-${Math.random().toString(36).slice(2)}`,
  };
  const config = join(dir, 's3.json');
  await writeFile(
    config,
    JSON.stringify({
      identities: [
        {
          name: 'tests',
          credentials: [{ accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey }],
          actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
        },
      ],
    }),
  );
  const [master, masterGrpc, volume, volumeGrpc, filer, filerGrpc, s3, s3Grpc] = await freePorts(8);
  const args = [
    'server',
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-dir=${dir}`,
    `-master.port=${master}`,
    `-master.port.grpc=${masterGrpc}`,
    '-master.volumeSizeLimitMB=64',
    '-volume.max=0',
    `-volume.port=${volume}`,
    `-volume.port.grpc=${volumeGrpc}`,
    '-filer',
    `-filer.port=${filer}`,
    `-filer.port.grpc=${filerGrpc}`,
    '-s3',
    `-s3.port=${s3}`,
    `-s3.port.grpc=${s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    '-s3.iam=false',
    `-s3.config=${config}`,
  ];
  // TMPDIR: weed puts its gRPC unix sockets there; in the private dir they go with it.
  const child = spawn(weed, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: dir },
  });
  const log: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const endpoint = `http://127.0.0.1:${s3}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
  });
  const stop = async () => {
    client.destroy();
    await stopProcess(child, exited);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(client, exited, () => log.join(''));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoint,
    credentials,
    client,
    async createBucket(name, options = {}) {
      await client.send(
        new CreateBucketCommand({
          Bucket: name,
          ...(options.objectLock ? { ObjectLockEnabledForBucket: true } : {}),
        }),
      );
    },
    stop,
  };
}

/** Waits for the gateway to take a signed request (it answers before the filer behind it is ready). */
async function waitUntilServing(
  client: S3Client,
  exited: Promise<number | null>,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  let last: unknown;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`weed server exited while starting:\n${log().slice(-2000)}`);
    try {
      await client.send(new CreateBucketCommand({ Bucket: 'readiness-probe' }));
      return;
    } catch (error) {
      last = error;
      // Polls the condition itself (a signed request served); refused connections fail at once.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(
    `weed server did not serve S3 within 90 s (${(last as Error)?.message}):\n${log().slice(-2000)}`,
  );
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killed);
}
