import { EXIT } from '../../exit-codes';
import {
  DISCOVERY,
  discoveryFrom,
  ENVELOPE,
  ETCD_TOOLS,
  etcdToolsFrom,
  given,
  isOn,
  type OptionValues,
  openingKeysFrom,
  RESTORE,
  read,
  restoreChoicesFrom,
  S3_READ,
  SSH,
  STORE,
  selectorFrom,
  sshNodesFrom,
  storeFrom,
} from '../../options';
import { type RebuildReport, rebuildNodes } from '../../pki/rebuild';
import { abortOnSignals } from '../../restore/interrupt';
import { type RecoverReport, recoverCutRestore } from '../../restore/recover';
import { type RestoreReport, type RestoreRequest, restore as runRestore } from '../../restore/restore';
import { stderrLogger } from '../../util/log';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';

const OUTPUT_JSON = jsonOption('the report as JSON on stdout');

type RestoreChoices = ReturnType<typeof restoreChoicesFrom>;

/** Which backup, from which store, opened with which keys, onto which nodes: what a restore and a rebuild share. */
type BackupToPutBack = Pick<RestoreRequest, 'store' | 'selector' | 'cluster' | 'keys' | 'nodes'>;

function backupToPutBack(
  values: OptionValues,
  positional: string | undefined,
  nodes: BackupToPutBack['nodes'],
): BackupToPutBack {
  const selector = selectorFrom(values, positional);
  const keys = openingKeysFrom(values);
  const store = storeFrom(values, { writes: false });
  const cluster = read(values, STORE.cluster);
  return { store, selector, ...(cluster ? { cluster } : {}), keys, nodes };
}

function rebuild(
  values: OptionValues,
  backup: BackupToPutBack,
  choices: RestoreChoices,
): Promise<RebuildReport> {
  const interrupted = abortOnSignals(stderrLogger);
  return rebuildNodes({
    ...backup,
    tools: etcdToolsFrom(values, stderrLogger),
    // A rebuild has no running cluster to measure the writes since the snapshot against: auto is 1e9.
    ...(given(values, RESTORE.bumpRevision)
      ? { bumpRevision: choices.bumpRevision === 'auto' ? 1_000_000_000 : choices.bumpRevision }
      : {}),
    log: stderrLogger,
    signal: interrupted.signal,
  }).finally(interrupted.dispose);
}

function restoreFromStore(
  values: OptionValues,
  backup: BackupToPutBack,
  etcd: RestoreRequest['etcd'],
  choices: RestoreChoices,
): Promise<RestoreReport> {
  const tools = etcdToolsFrom(values, stderrLogger);
  const interrupt = abortOnSignals(stderrLogger);
  return runRestore({
    ...backup,
    etcd,
    tools,
    signal: interrupt.signal,
    ...choices,
    log: stderrLogger,
  }).finally(interrupt.dispose);
}

function printReport<T>(report: T, json: boolean, line: (report: T) => string): void {
  console.log(json ? JSON.stringify(report, null, 2) : line(report));
}

function recoveredLine(recovered: RecoverReport): string {
  return recovered.backup === undefined
    ? 'NOTHING TO RECOVER: no unfinished restore on these nodes'
    : `RECOVERED ${recovered.recovered.join(', ')}: the restore of ${recovered.backup} is rolled back, the old data serves`;
}

function rebuiltLine(rebuilt: RebuildReport): string {
  return `REBUILT ${rebuilt.nodes.map((n) => n.node).join(', ')} from ${rebuilt.backup} (${rebuilt.mode === 'rejoin' ? 'rejoined the running members' : 'etcd restored from the snapshot'})`;
}

function restoredLine(report: RestoreReport): string {
  if (report.dryRun) return `DRY RUN ${report.backup}: plan printed above, nothing changed`;
  return `RESTORED ${report.backup} to ${report.members.map((m) => m.name).join(', ')}: revision ${report.restoredRevision} (bump ${report.bump}), ${report.keys?.restored} keys and their revisions equal to the snapshot's (${report.keys?.valuesCompared} values compared)`;
}

export const restore = defineCommand(
  {
    name: 'restore',
    usage: [
      '--store S (--host H[:P] ... | --nodes FILE) --key FILE (--fingerprint FP ... | --known-hosts FILE)',
      '        [options] [latest|NAME|ISO-TIME]',
      '--recover (--host H[:P] ... | --nodes FILE) --key FILE (--fingerprint FP ... | --known-hosts FILE)',
    ],
    about: `Puts a stored backup back into a kubeadm- or kind-style control plane, every etcd member at once: fetches and
verifies it, plans (prints every node's member, data dir and etcd version), restores each member's data dir
(on the node with its own etcdutl, or here and ships it over SSH), stops kube-apiserver then etcd on every
node, swaps the data, starts etcd, checks every key against the snapshot, then starts kube-apiserver. If anything
fails after the first stop, every node is put back as it was. Nothing is deleted: the old data dir is kept
as <dir>.before-restore-<UTC time>.`,
    exitCodes: [
      EXIT.done,
      EXIT.failed,
      EXIT.badInput,
      EXIT.verificationFailed,
      EXIT.restoreRefused,
      EXIT.restoreRolledBack,
      EXIT.restoreIncomplete,
      EXIT.ssh,
      EXIT.discovery,
    ],
    positionals: 1,
    sections: [
      {
        title: 'Nodes (one per etcd member)',
        options: [
          SSH.host,
          SSH.nodes,
          SSH.port,
          SSH.user,
          SSH.key,
          SSH.fingerprint,
          SSH.knownHosts,
          SSH.insecureIgnoreHostKey,
          SSH.jump,
          SSH.jumpKey,
          SSH.jumpFingerprint,
          SSH.jumpKnownHosts,
          SSH.connectTimeout,
          SSH.commandTimeout,
          SSH.passphrase,
          SSH.password,
          SSH.sudoPassword,
          SSH.jumpPassphrase,
          SSH.jumpPassword,
        ],
        note: '--fingerprint is given once per --host in the same order, or once for all',
      },
      {
        title: 'etcd on the nodes (each overrides discovery; paths are on the nodes)',
        options: Object.values(DISCOVERY),
      },
      {
        title: 'Restore',
        options: [
          RESTORE.mode,
          RESTORE.newDataDir,
          RESTORE.bumpRevision,
          RESTORE.restoreOn,
          ETCD_TOOLS.dir,
          ETCD_TOOLS.download,
          ETCD_TOOLS.downloadUrl,
          RESTORE.lockWait,
          RESTORE.allowVersionSkew,
          RESTORE.force,
          RESTORE.confirmNoBump,
          RESTORE.keepControllersRunning,
          RESTORE.restartControllers,
          RESTORE.dryRun,
          RESTORE.rebuild,
          RESTORE.recover,
        ],
      },
      {
        title: 'Store and keys',
        options: [
          STORE.store,
          STORE.repository,
          STORE.githubToken,
          ...S3_READ,
          STORE.runId,
          STORE.cluster,
          ENVELOPE.identity,
          ENVELOPE.passphrase,
        ],
      },
      { title: 'Output', options: [OUTPUT_JSON] },
    ],
  },
  async ({ values, positionals }) => {
    const nodes = sshNodesFrom(values, { several: true });
    const etcd = discoveryFrom(values);
    const choices = restoreChoicesFrom(values);
    const json = isOn(values, OUTPUT_JSON);
    if (isOn(values, RESTORE.recover)) {
      const recovered = await recoverCutRestore({
        nodes,
        lockWaitSeconds: choices.lockWaitSeconds,
        log: stderrLogger,
      });
      printReport(recovered, json, recoveredLine);
      return 0;
    }
    const backup = backupToPutBack(values, positionals[0], nodes);
    if (isOn(values, RESTORE.rebuild)) {
      printReport(await rebuild(values, backup, choices), json, rebuiltLine);
      return 0;
    }
    printReport(await restoreFromStore(values, backup, etcd, choices), json, restoredLine);
    return 0;
  },
);
