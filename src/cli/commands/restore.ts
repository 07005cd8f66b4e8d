import { readFileSync } from 'node:fs';
import { InputError } from '../../errors';
import { rebuildNodes } from '../../pki/rebuild';
import { abortOnSignals } from '../../restore/interrupt';
import { recoverCutRestore } from '../../restore/recover';
import { type RestoreOn, restore as runRestore } from '../../restore/restore';
import type { ConnectOptions } from '../../ssh';
import { parseSelector } from '../../store/catalog';
import { STORE_HELP, STORE_OPTIONS, storeFromOptions } from '../../store/cli-options';
import { parseDuration } from '../../store/retention';
import { stderrLogger } from '../../util/log';
import { type Command, parseCommandArgs } from '../command';
import { etcdToolOptionSpec, etcdToolsFrom } from '../etcd-tool-options';
import { OPENING_KEYS_HELP, openingKeyOptionSpec, openingKeysFrom } from '../opening-keys';
import { SSH_ENV, sshConnectOptions, sshOptionSpec } from '../ssh-options';

const HELP = `usage: etcd-backup restore --store S (--host H[:P] ... | --nodes FILE) --key FILE
                            (--fingerprint FP ... | --known-hosts FILE) [options] [latest|NAME|ISO-TIME]
       etcd-backup restore --recover (--host H[:P] ... | --nodes FILE) --key FILE
                            (--fingerprint FP ... | --known-hosts FILE)

Puts a stored backup back into a kubeadm- or kind-style control plane, every etcd member at once: fetches and
verifies it, plans (prints every node's member, data dir and etcd version), restores each member's data dir
(on the node with its own etcdutl, or here and ships it over SSH), stops kube-apiserver then etcd on every
node, swaps the data, starts etcd, checks every key against the snapshot, then starts kube-apiserver. If anything
fails after the first stop, every node is put back as it was. Nothing is deleted: the old data dir is kept
as <dir>.before-restore-<UTC time>. Exit 0 when restored; 6 refused before touching anything; 7 failed and
rolled back; 8 failed and the rollback did not finish (the message says what is left).

Nodes (one per etcd member)
  --host H[:P]          repeatable, one per control-plane node; --fingerprint FP is then given once per
                        --host in the same order (or once for all), or --known-hosts pins them all
  --nodes FILE          or a JSON list: [{"host": "10.0.0.1", "port": 22, "user": "root",
                        "fingerprint": "SHA256:…"}, …] (user and port default to --user and --port)
  --user U (root), --port P (22), --key FILE, --jump …, --connect-timeout D, --command-timeout D
                        as for backup; secrets in ${SSH_ENV.passphrase}, ${SSH_ENV.password}, ${SSH_ENV.sudoPassword}
Restore
  --mode swap|new-dir   swap (default): move the old data dir aside and put the restored one at the same
                        path; new-dir (the runbook's): restore to a new dir and point --data-dir and the
                        etcd-data hostPath in etcd.yaml at it (--new-data-dir PATH, default <dir>-restored-<time>)
  --bump-revision N|auto   jump revisions forward so Kubernetes watch caches relist instead of going back in
                        time; auto (default) = max(1e9, 2 × revisions written since the snapshot); 0 disables
  --restore-on runner|node|auto   where \`snapshot restore\` runs: node = each node's own etcdutl (etcdctl on
                        3.4) of the snapshot's major.minor, only the snapshot is shipped; runner = here, the
                        restored data dirs are shipped; auto (default) = node when every node has one
  --etcd-tools DIR      etcd and etcdutl (etcdctl on 3.4) of the cluster's version (default: PATH)
  --download-etcd       when PATH has no etcd tools of the snapshot's major.minor, download etcd's release of
                        the exact version, check it against its SHA256SUMS and keep it in the tool cache
                        (RUNNER_TOOL_CACHE, default ~/.cache/etcd-backup-action/tool-cache); off by default
  --etcd-download-url U base URL of etcd's releases (default https://github.com/etcd-io/etcd/releases/download;
                        https, or http to loopback only)
  --lock-wait D         wait this long for the cluster's node lock if a backup holds it, then refuse (default
                        5m; 0 refuses at once)
  --allow-version-skew  restore with tools or onto members of another etcd minor version than the snapshot's
  --force               restore even if the running cluster has members no given node covers
  --keep-controllers-running  leave kube-controller-manager and kube-scheduler running through the restore
                        (default: stopped with kube-apiserver, started once every API server answers /readyz)
  --restart-controllers with --keep-controllers-running: restart them once kube-apiserver is back
  --dry-run             stop after the plan (when restoring here, the restore tools still run, here only)
  --rebuild             rebuild nodes that lost /etc/kubernetes and /var/lib/etcd (a dead disk, a new VM with
                        the same name and IP) from a backup that carries their control-plane files: checks each
                        node's hostname and addresses against its certificates in the backup (refuses, changing
                        nothing, on a mismatch), puts back PKI, kubeconfigs, kubelet config and manifests with
                        their modes and owners, restores etcd from the snapshot (all members lost) or rejoins
                        the members still running (one of three), and starts the control plane with the same
                        CA; what it replaces is kept under /var/lib/etcd-backup/rebuild-<time>, and a failure
                        rolls every node back. Needs etcdutl of the backup's version on the nodes to restore
  --recover             roll back a restore that was cut short (the runner killed, a job cancelled past its
                        grace time): every node with its journal gets its old data dir and manifests back,
                        then etcd and kube-apiserver start; no backup, store or key is needed. A backup or
                        restore that finds such a journal refuses and points here
  --cluster C           only this cluster's backups (and the node lock's name)
${STORE_HELP}
${OPENING_KEYS_HELP}
  --json                the report as JSON on stdout`;

interface NodeSpec {
  host: string;
  port?: number | string;
  user?: string;
  fingerprint?: string | string[];
}

function hostAndPort(value: string): { host: string; port?: string } {
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(value);
  if (!match) throw new InputError('--host', 'host or host:port');
  return { host: match[1]!.replace(/^\[|\]$/g, ''), ...(match[2] ? { port: match[2] } : {}) };
}

function readNodesFile(path: string): NodeSpec[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError('--nodes', `a readable JSON file (${(error as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new InputError('--nodes', 'a JSON list of {host, port?, user?, fingerprint?}');
  return parsed.map((n, i) => {
    if (typeof n !== 'object' || n === null || typeof (n as NodeSpec).host !== 'string')
      throw new InputError('--nodes', `entry ${i + 1} to be an object with a "host"`);
    return n as NodeSpec;
  });
}

type Values = Record<string, string | boolean | string[] | undefined>;

export function nodeConnectOptions(values: Values): ConnectOptions[] {
  const hosts = (values.host as string[] | undefined) ?? [];
  const fingerprints = (values.fingerprint as string[] | undefined) ?? [];
  let specs: NodeSpec[];
  if (values.nodes) {
    if (hosts.length > 0) throw new InputError('--host', 'not together with --nodes');
    specs = readNodesFile(values.nodes as string);
  } else {
    if (hosts.length === 0)
      throw new InputError('--host', 'a control-plane node (repeat for each member), or --nodes FILE');
    if (fingerprints.length > 1 && fingerprints.length !== hosts.length)
      throw new InputError(
        '--fingerprint',
        `one per --host, in the same order (${hosts.length}), or one for all`,
      );
    specs = hosts.map((h, i) => {
      const { host, port } = hostAndPort(h);
      const pin = fingerprints.length > 1 ? [fingerprints[i]!] : fingerprints;
      return { host, ...(port ? { port } : {}), fingerprint: pin };
    });
  }
  return specs.map((spec) => {
    const pin = spec.fingerprint === undefined ? fingerprints : ([] as string[]).concat(spec.fingerprint);
    return sshConnectOptions({
      ...(values as Parameters<typeof sshConnectOptions>[0]),
      host: spec.host,
      ...(spec.port !== undefined ? { port: String(spec.port) } : {}),
      ...(spec.user ? { user: spec.user } : {}),
      ...(pin.length ? { fingerprint: pin } : { fingerprint: undefined }),
    } as Parameters<typeof sshConnectOptions>[0]);
  });
}

function rebuildBump(value: string): number {
  const bump = parseBump(value);
  return bump === 'auto' ? 1_000_000_000 : bump;
}

function parseBump(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new InputError('--bump-revision', "a whole number (0 disables) or 'auto'");
  return n;
}

export const restore: Command = {
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...sshOptionSpec,
      host: { type: 'string', multiple: true },
      nodes: { type: 'string' },
      ...STORE_OPTIONS,
      ...openingKeyOptionSpec,
      mode: { type: 'string' },
      'new-data-dir': { type: 'string' },
      'bump-revision': { type: 'string' },
      ...etcdToolOptionSpec,
      'restore-on': { type: 'string' },
      'lock-wait': { type: 'string' },
      'allow-version-skew': { type: 'boolean' },
      force: { type: 'boolean' },
      'keep-controllers-running': { type: 'boolean' },
      'restart-controllers': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      recover: { type: 'boolean' },
      rebuild: { type: 'boolean' },
      cluster: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const mode = values.mode ?? 'swap';
    if (mode !== 'swap' && mode !== 'new-dir') throw new InputError('--mode', "'swap' or 'new-dir'");
    if (values['new-data-dir'] && mode !== 'new-dir')
      throw new InputError('--new-data-dir', 'only with --mode new-dir');
    const restoreOn = values['restore-on'] ?? 'auto';
    if (restoreOn !== 'runner' && restoreOn !== 'node' && restoreOn !== 'auto')
      throw new InputError('--restore-on', "'runner', 'node' or 'auto'");
    const lockWait = values['lock-wait'];
    const lockWaitSeconds =
      lockWait === undefined ? 300 : lockWait === '0' ? 0 : parseDuration(lockWait, '--lock-wait') / 1000;
    const nodes = nodeConnectOptions(values);
    if (values.recover) {
      const recovered = await recoverCutRestore({ nodes, lockWaitSeconds, log: stderrLogger });
      if (values.json) console.log(JSON.stringify(recovered, null, 2));
      else if (recovered.backup === undefined)
        console.log('NOTHING TO RECOVER: no unfinished restore on these nodes');
      else
        console.log(
          `RECOVERED ${recovered.recovered.join(', ')}: the restore of ${recovered.backup} is rolled back, the old data serves`,
        );
      return 0;
    }
    if (values.rebuild) {
      const interrupted = abortOnSignals(stderrLogger);
      const rebuilt = await rebuildNodes({
        store: storeFromOptions(values),
        selector: parseSelector(positionals[0] ?? 'latest'),
        ...(values.cluster ? { cluster: values.cluster } : {}),
        keys: openingKeysFrom(values),
        nodes,
        ...(values['bump-revision'] !== undefined
          ? { bumpRevision: rebuildBump(values['bump-revision']) }
          : {}),
        log: stderrLogger,
        signal: interrupted.signal,
      }).finally(interrupted.dispose);
      if (values.json) console.log(JSON.stringify(rebuilt, null, 2));
      else
        console.log(
          `REBUILT ${rebuilt.nodes.map((n) => n.node).join(', ')} from ${rebuilt.backup} (${rebuilt.mode === 'rejoin' ? 'rejoined the running members' : 'etcd restored from the snapshot'})`,
        );
      return 0;
    }
    const interrupt = abortOnSignals(stderrLogger);
    const report = await runRestore({
      store: storeFromOptions(values),
      selector: parseSelector(positionals[0] ?? 'latest'),
      ...(values.cluster ? { cluster: values.cluster } : {}),
      keys: openingKeysFrom(values),
      nodes,
      tools: etcdToolsFrom(values),
      restoreOn: restoreOn as RestoreOn,
      lockWaitSeconds,
      signal: interrupt.signal,
      mode,
      ...(values['new-data-dir'] ? { newDataDir: values['new-data-dir'] } : {}),
      bumpRevision: parseBump(values['bump-revision']),
      allowVersionSkew: values['allow-version-skew'] ?? false,
      force: values.force ?? false,
      keepControllersRunning: values['keep-controllers-running'] ?? false,
      restartControllers: values['restart-controllers'] ?? false,
      dryRun: values['dry-run'] ?? false,
      log: stderrLogger,
    }).finally(interrupt.dispose);
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else if (report.dryRun) console.log(`DRY RUN ${report.backup}: plan printed above, nothing changed`);
    else {
      console.log(
        `RESTORED ${report.backup} to ${report.members.map((m) => m.name).join(', ')}: revision ${report.restoredRevision} (bump ${report.bump}), ${report.keys?.restored} keys and their revisions equal to the snapshot's (${report.keys?.valuesCompared} values compared)`,
      );
    }
    return 0;
  },
};
