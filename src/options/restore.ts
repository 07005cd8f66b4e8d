import { InputError } from '../errors';
import { parseDuration } from '../util/duration';
import { shown } from '../util/shown';
import { oneOf, switchOption, textOption } from './option';
import { isOn, type OptionValues, read, written } from './values';

function parseBump(text: string, name: string): number | 'auto' {
  if (text === 'auto') return 'auto';
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new InputError(name, `'auto' or a whole number of revisions, 0 to disable (got ${shown(text)})`);
  return Number(text);
}

/** How a restore runs; the SSH, store, key and tool options are shared with the other verbs. */
export const RESTORE = {
  mode: textOption('mode', {
    flag: 'mode',
    input: 'mode',
    arg: 'swap|new-dir',
    help: "swap (default): move the old data dir aside and put the restored one at the same path;\nnew-dir (the runbook's): restore to a new dir and point --data-dir and the etcd-data hostPath at it",
    parse: oneOf(['swap', 'new-dir'] as const),
  }),
  newDataDir: textOption('newDataDir', {
    flag: 'new-data-dir',
    input: 'new_data_dir',
    arg: 'PATH',
    help: 'with mode new-dir: the new data dir (default <dir>-restored-<time>)',
  }),
  bumpRevision: textOption('bumpRevision', {
    flag: 'bump-revision',
    input: 'bump_revision',
    arg: 'N|auto',
    help: 'jump revisions forward so Kubernetes watch caches relist instead of going back in time;\nauto (default) = max(1e9, 2 × revisions written since the snapshot); 0 disables',
    parse: parseBump,
  }),
  restoreOn: textOption('restoreOn', {
    flag: 'restore-on',
    input: 'restore_on',
    arg: 'WHERE',
    help: "runner|node|auto: where `snapshot restore` runs: node = each node's own etcdutl (etcdctl on\n3.4), only the snapshot is shipped; runner = here, the restored data dirs are shipped;\nauto (default) = node when every node has one",
    parse: oneOf(['auto', 'runner', 'node'] as const),
  }),
  lockWait: textOption('lockWait', {
    flag: 'lock-wait',
    input: 'lock_wait',
    arg: 'D',
    help: "wait this long for the cluster's node lock if a backup holds it, then refuse (default 5m;\n0 refuses at once)",
    parse: (text, name) => (text === '0' ? 0 : parseDuration(text, name)),
  }),
  allowVersionSkew: switchOption('allowVersionSkew', {
    flag: 'allow-version-skew',
    input: 'allow_version_skew',
    help: "use etcd tools (and, restoring, members) of another minor version than the snapshot's",
  }),
  force: switchOption('restoreForce', {
    flag: 'force',
    input: 'force',
    help: 'restore even if the running cluster has members, or kube-apiservers, no given node covers',
  }),
  confirmNoBump: switchOption('confirmNoBump', {
    flag: 'confirm-no-bump',
    input: 'confirm_no_bump',
    help: 'with --bump-revision 0 on a Kubernetes cluster: confirm that you will restart the clients\nthe refusal names (without it such a restore is refused)',
  }),
  keepControllersRunning: switchOption('keepControllersRunning', {
    flag: 'keep-controllers-running',
    input: 'keep_controllers_running',
    help: 'leave kube-controller-manager and kube-scheduler running through the restore (default: stopped\nwith kube-apiserver, started once every API server answers /readyz)',
  }),
  restartControllers: switchOption('restartControllers', {
    flag: 'restart-controllers',
    input: 'restart_controllers',
    help: 'with --keep-controllers-running: restart them once kube-apiserver is back',
  }),
  dryRun: switchOption('dryRun', {
    flag: 'dry-run',
    input: 'dry_run',
    help: 'stop after the plan (when restoring here, the restore tools still run, here only)',
  }),
  rebuild: switchOption('rebuild', {
    flag: 'rebuild',
    input: 'rebuild',
    help: "rebuild nodes that lost /etc/kubernetes and /var/lib/etcd (a dead disk, a new VM with the\nsame name and IP) from a backup that carries their control-plane files: checks each node's\nhostname and addresses against its certificates, puts back PKI, kubeconfigs, kubelet config\nand manifests, restores or rejoins etcd, and starts the control plane with the same CA; a\nfailure rolls every node back. The snapshot is restored with each node's etcdutl of the\nbackup's version, else here with the etcd tools (--etcd-tools, --download-etcd)",
  }),
  recover: switchOption('recover', {
    flag: 'recover',
    input: 'recover',
    help: 'roll back a restore that was cut short (the runner killed, a job cancelled past its grace\ntime): every node with its journal gets its old data dir and manifests back; no backup,\nstore or key is needed',
  }),
};

export interface RestoreChoices {
  mode: 'swap' | 'new-dir';
  newDataDir?: string;
  bumpRevision: number | 'auto';
  restoreOn: 'auto' | 'runner' | 'node';
  lockWaitSeconds: number;
  allowVersionSkew: boolean;
  force: boolean;
  confirmNoBump: boolean;
  keepControllersRunning: boolean;
  restartControllers: boolean;
  dryRun: boolean;
}

export function restoreChoicesFrom(values: OptionValues): RestoreChoices {
  const mode = read(values, RESTORE.mode) ?? 'swap';
  const newDataDir = read(values, RESTORE.newDataDir);
  if (newDataDir && mode !== 'new-dir')
    throw new InputError(
      values.nameOf(RESTORE.newDataDir),
      `${written(values, RESTORE.mode, 'new-dir')} as well`,
    );
  return {
    mode,
    ...(newDataDir ? { newDataDir } : {}),
    bumpRevision: read(values, RESTORE.bumpRevision) ?? 'auto',
    restoreOn: read(values, RESTORE.restoreOn) ?? 'auto',
    lockWaitSeconds: (read(values, RESTORE.lockWait) ?? 300_000) / 1000,
    allowVersionSkew: isOn(values, RESTORE.allowVersionSkew),
    force: isOn(values, RESTORE.force),
    confirmNoBump: isOn(values, RESTORE.confirmNoBump),
    keepControllersRunning: isOn(values, RESTORE.keepControllersRunning),
    restartControllers: isOn(values, RESTORE.restartControllers),
    dryRun: isOn(values, RESTORE.dryRun),
  };
}
