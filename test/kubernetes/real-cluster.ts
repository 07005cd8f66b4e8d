import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe } from 'vitest';
import { availableEtcdMinors, type EtcdMinor } from '../../sandbox/etcd-binaries';
import { kubernetesSkipReason, type Sandbox, type SandboxNodeInfo, startSandbox } from '../../sandbox/index';
import type { KubeApi, KubeObject } from '../../sandbox/kube-api';
import { paths, until } from '../../sandbox/seed-api';
import type { RestoreReport } from '../../src/restore/restore';
import { type CliRun, runCli } from '../support/cli';
import { cliNodeArgs } from '../support/cli-node-args';

/**
 * A sandbox running the real kube-apiserver and kube-controller-manager, a folder store and an age key, and
 * the CLI's backup and restore against it: the end-to-end tests of what a restore does to real Kubernetes.
 */

/** The newest etcd the machine has (3.7 when built), which is what the newest Kubernetes is paired with. */
export function newestEtcd(): EtcdMinor {
  const minors = availableEtcdMinors().filter((m) => m !== '3.4');
  return minors[minors.length - 1] ?? '3.5';
}

/**
 * kubeadm's controller-manager gives up leadership, and exits, when it cannot renew its lease for 10 s; a
 * restore keeps the API server down longer than that (measured: about 10-15 s for one member), and the kubelet
 * then starts a fresh one, which proves nothing about a controller that lived through it. These settings let
 * the same process ride out the restore, which is what the tests want to watch.
 */
const RIDE_OUT_THE_RESTORE = ['--leader-elect-lease-duration=180s', '--leader-elect-renew-deadline=150s'];

export type Controllers = 'stopped' | 'kept running';

export function realClusterCase(members: 1 | 3, controllers: Controllers, body: (ctx: RealCluster) => void) {
  const title = `controllers ${controllers} through the restore`;
  const minor = newestEtcd();
  const reason = kubernetesSkipReason(minor);
  describe.skipIf(reason !== undefined)(
    `real kube-apiserver and kube-controller-manager on etcd ${minor}, ${members} member(s), ${title}${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      const ctx = new RealCluster(minor, members, controllers);
      beforeAll(() => ctx.start(), 300_000);
      afterAll(() => ctx.stop(), 60_000);
      body(ctx);
    },
  );
}

export class RealCluster {
  sandbox!: Sandbox;
  api!: KubeApi;
  private work!: string;
  private identity!: string;

  constructor(
    readonly minor: EtcdMinor,
    readonly members: 1 | 3,
    readonly controllers: Controllers,
  ) {}

  async start() {
    this.work = await mkdtemp(join(tmpdir(), 'kubernetes-e2e-'));
    this.identity = await generateIdentity();
    await writeFile(join(this.work, 'identity.txt'), `${this.identity}\n`, { mode: 0o600 });
    this.sandbox = await startSandbox({
      etcd: this.minor,
      members: this.members,
      controlPlane: 'real',
      // kubeadm's own lease timing when the restore stops the controllers: the fresh one waits out 15 s.
      ...(this.controllers === 'kept running' ? { controllerManagerFlags: RIDE_OUT_THE_RESTORE } : {}),
    });
    this.api = this.sandbox.kubeApi(this.nodes[0]!);
  }

  async stop() {
    this.api?.close();
    await this.sandbox?.stop();
    if (this.work) await rm(this.work, { recursive: true, force: true });
  }

  get nodes(): SandboxNodeInfo[] {
    return this.sandbox.info.nodes;
  }

  private async cli(args: string[]): Promise<CliRun> {
    const run = await runCli(args, { timeoutMs: 300_000 });
    if (run.code !== 0) throw new Error(`etcd-backup ${args[0]} exited ${run.code}:\n${run.stderr}`);
    return run;
  }

  /** `etcd-backup backup` from node 1 into the case's folder store; returns the backup's name. */
  async backup(): Promise<string> {
    const run = await this.cli([
      'backup',
      '--host',
      this.nodes[0]!.host,
      '--key',
      this.nodes[0]!.users.root.privateKeyPath,
      '--fingerprint',
      this.nodes[0]!.hostKeyFingerprint,
      '--cluster',
      'real',
      '--store',
      `dir:${join(this.work, 'store')}`,
      '--recipient',
      await identityToRecipient(this.identity),
      '--json',
    ]);
    return (JSON.parse(run.stdout) as { name: string }).name;
  }

  /** `etcd-backup restore NAME` onto every node, with the default revision bump; returns its stderr. */
  async restore(name: string): Promise<string> {
    return (await this.restoreRun(name, [])).stderr;
  }

  private async restoreRun(name: string, extra: string[]): Promise<CliRun> {
    return this.cli([
      'restore',
      '--store',
      `dir:${join(this.work, 'store')}`,
      '--identity',
      join(this.work, 'identity.txt'),
      ...this.nodes.flatMap(cliNodeArgs),
      ...extra,
      name,
    ]);
  }

  /** `etcd-backup restore --keep-controllers-running --json NAME`: the controllers stay up; returns its report. */
  async restoreKeepingControllers(name: string): Promise<RestoreReport> {
    const run = await this.restoreRun(name, ['--keep-controllers-running', '--json']);
    return JSON.parse(run.stdout) as RestoreReport;
  }

  /** The host pid of a control-plane component on a node (its container's main process), from `pgrep`. */
  async componentPid(node: SandboxNodeInfo, component: string): Promise<string> {
    const r = await this.sandbox.runOnNode(node, ['pgrep', '-f', `^${component} `], { allowFailure: true });
    return r.stdout.trim();
  }

  async namespaceNames(): Promise<string[]> {
    return (await this.api.list(paths.namespaces)).items.map((n) => n.metadata.name).sort();
  }

  /** Deletes a namespace and waits until the namespace controller has emptied and removed it. */
  async deleteNamespace(name: string) {
    await this.api.delete(`${paths.namespaces}/${name}`);
    await until(
      `namespace ${name} to be gone`,
      async () => ((await this.api.find(`${paths.namespaces}/${name}`)) ? undefined : true),
      120_000,
    );
  }

  async configMap(ns: string, name: string): Promise<KubeObject | undefined> {
    return this.api.find(`${paths.core(ns, 'configmaps')}/${name}`);
  }
}
