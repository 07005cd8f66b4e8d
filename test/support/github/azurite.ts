import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Azure's published development-storage account; Azurite accepts only it by default. */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  blobEndpoint: string;
  account: string;
  accountKey: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const projectRoot = resolve(import.meta.dirname, '../../..');

/**
 * Starts Azurite's blob service on loopback with its data in a fresh temp dir. It runs on the project's
 * Node 24 (Azurite needs Node ≥ 22). `--skipApiVersionCheck` because @azure/storage-blob sends a newer
 * x-ms-version than Azurite knows; `--disableTelemetry` because it would otherwise call out to Azure.
 */
export async function startAzurite(): Promise<Azurite> {
  const dir = await mkdtemp(join(tmpdir(), 'azurite-'));
  const node = join(projectRoot, 'node_modules/.bin/node');
  const main = join(projectRoot, 'node_modules/azurite/dist/src/blob/main.js');
  let child: ChildProcess | undefined;
  let lastError = '';
  for (let attempt = 0; attempt < 3 && !child; attempt++) {
    const port = await freePort();
    const args = [main, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', dir];
    args.push('--skipApiVersionCheck', '--disableTelemetry', '--silent', '--loose');
    const proc = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = await new Promise<boolean>((done) => {
      let out = '';
      const onData = (b: Buffer) => {
        out += b.toString();
        if (/successfully listen/.test(out)) done(true);
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (b: Buffer) => {
        lastError += b.toString();
      });
      proc.once('exit', () => done(false));
      setTimeout(() => done(false), 30_000).unref();
    });
    if (ready) {
      child = proc;
      const endpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
      return {
        blobEndpoint: endpoint,
        account: DEV_ACCOUNT,
        accountKey: DEV_ACCOUNT_KEY,
        async stop() {
          if (proc.exitCode === null) {
            const exited = new Promise((done) => proc.once('exit', done));
            proc.kill('SIGTERM');
            const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
            await exited;
            clearTimeout(timer);
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    proc.kill('SIGKILL');
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`Azurite did not start: ${lastError.trim().split('\n').slice(-3).join(' | ')}`);
}
