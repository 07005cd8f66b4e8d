import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe } from 'vitest';
import type { EtcdMinor } from '../../sandbox/etcd-binaries';
import {
  type Sandbox,
  type SandboxNodeInfo,
  type SandboxUser,
  sandboxSkipReason,
  startSandbox,
} from '../../sandbox/index';
import { backup } from '../../src/backup/backup';
import type { RestoreRequest } from '../../src/restore/restore';
import type { ConnectOptions } from '../../src/ssh';
import { DirStore } from '../../src/store/dir-store';
import { type Logger, silentLogger } from '../../src/util/log';
import { cliNodeArgs } from '../support/cli-node-args';
import { etcdToolsFor } from '../support/etcd-tools';

/** RESTORE_E2E_LOG=1 prints the restore's own log (with seconds since start) while the tests run. */
const t0 = Date.now();
export const testLog: Logger = process.env.RESTORE_E2E_LOG
  ? {
      info: (m) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} ${m}\n`),
      warn: (m) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} warning: ${m}\n`),
      debug: (m) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)} debug: ${m}\n`),
    }
  : silentLogger;

export async function sshTo(
  node: SandboxNodeInfo,
  user: SandboxUser,
  sudoPassword?: string,
): Promise<ConnectOptions> {
  return {
    host: node.host,
    port: node.port,
    username: user.username,
    privateKey: await readFile(user.privateKeyPath, 'utf8'),
    hostKey: { fingerprints: [node.hostKeyFingerprint] },
    ...(sudoPassword ? { sudoPassword } : {}),
  };
}

/** One sandbox per case, a folder store, and helpers to back up, write, restore and look. */
export function restoreCase(minor: EtcdMinor, members: 1 | 3, body: (ctx: Context) => void) {
  const reason = sandboxSkipReason(minor) ?? (etcdToolsFor(minor) ? undefined : `no etcd ${minor} tools`);
  describe.skipIf(reason !== undefined)(
    `restore of etcd ${minor}, ${members} member(s)${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      const ctx = new Context(minor, members);
      beforeAll(() => ctx.start(), 60_000);
      afterAll(() => ctx.stop(), 60_000);
      body(ctx);
    },
  );
}

export class Context {
  sandbox!: Sandbox;
  work!: string;
  store!: DirStore;
  identity!: string;
  constructor(
    readonly minor: EtcdMinor,
    readonly members: 1 | 3,
  ) {}

  async start() {
    this.work = await mkdtemp(join(tmpdir(), 'restore-e2e-'));
    this.store = new DirStore(join(this.work, 'store'));
    this.identity = await generateIdentity();
    this.sandbox = await startSandbox({ etcd: this.minor, members: this.members });
  }

  async stop() {
    await this.sandbox?.stop();
    if (this.work) await rm(this.work, { recursive: true, force: true });
  }

  get nodes() {
    return this.sandbox.info.nodes;
  }

  async put(key: string, value: string) {
    const client = this.sandbox.etcdClientFor(this.nodes[0]!);
    try {
      return await client.put(key, value);
    } finally {
      client.close();
    }
  }

  /** Values of the keys (undefined where absent) and the revision, read from every node in turn. */
  async read(keys: string[], node = this.nodes[0]!) {
    await this.sandbox.waitForEtcd(node, 60_000);
    const client = this.sandbox.etcdClientFor(node);
    try {
      // EtcdClient.range(k) of a missing key returns the next keys (reported); so match the key exactly.
      const values = await Promise.all(
        keys.map(async (k) =>
          (await client.range(k, { limit: 1 })).kvs
            .find((kv) => kv.key.toString('utf8') === k)
            ?.value.toString('utf8'),
        ),
      );
      const status = await client.status();
      return { values, revision: Number(status.revision), clusterId: status.clusterId };
    } finally {
      client.close();
    }
  }

  /** Writes a marker, backs up, writes another marker: the restore must bring back the first only. */
  async backupBetween(tag: string) {
    const before = `/test/${tag}/before-${randomBytes(3).toString('hex')}`;
    const after = `/test/${tag}/after-${randomBytes(3).toString('hex')}`;
    await this.put(before, 'in the backup');
    const result = await backup({
      ssh: await sshTo(this.nodes[0]!, this.nodes[0]!.users.root),
      cluster: `r${this.minor.replace('.', '')}`,
      store: this.store,
      encryption: { kind: 'recipients', recipients: [await identityToRecipient(this.identity)] },
      log: testLog,
    });
    await this.put(after, 'written after the backup');
    // Move the live revision well past the snapshot's, as a busy cluster would.
    for (let i = 0; i < 20; i++) await this.put(`/test/${tag}/churn`, String(i));
    return { name: result.metadata.name, revision: result.metadata.etcd.revision, before, after };
  }

  async request(
    name: string,
    extra: Partial<RestoreRequest> = {},
    user: keyof SandboxNodeInfo['users'] = 'root',
  ) {
    const nodes = await Promise.all(
      this.nodes.map((n) =>
        sshTo(n, n.users[user], user === 'sudoPassword' ? n.users.sudoPassword.password : undefined),
      ),
    );
    return {
      store: this.store,
      selector: { name },
      keys: { identities: [this.identity] },
      nodes,
      tools: etcdToolsFor(this.minor)!,
      log: testLog,
      timeouts: { stopMs: 30_000, startMs: 30_000 },
      ...extra,
    } satisfies RestoreRequest;
  }

  async ls(node: SandboxNodeInfo, dir: string) {
    const r = await this.sandbox.runOnNode(node, ['ls', '-1A', dir], { allowFailure: true });
    return r.stdout.split('\n').filter(Boolean);
  }

  /** `restore` through the CLI from this case's folder store, as root on every node; extras follow. */
  async cliRestoreArgs(): Promise<string[]> {
    const identityFile = join(this.work, 'identity.txt');
    await writeFile(identityFile, `${this.identity}\n`, { mode: 0o600 });
    return [
      'restore',
      '--store',
      `dir:${join(this.work, 'store')}`,
      '--identity',
      identityFile,
      ...this.nodes.flatMap(cliNodeArgs),
    ];
  }

  async sh(node: SandboxNodeInfo, script: string) {
    return this.sandbox.runOnNode(node, ['sh', '-c', script]);
  }
}
