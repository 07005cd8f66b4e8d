import * as core from '@actions/core';
import { describeError, InputError } from '../../errors';
import { abortOnSignals } from '../../restore/interrupt';
import { recoverCutRestore } from '../../restore/recover';
import { type RestoreReport, restore } from '../../restore/restore';
import type { ConnectOptions } from '../../ssh';
import { shown } from '../../util/shown';
import { etcdToolsFromInputs } from '../etcd-tool-inputs';
import { booleanInput, choiceInput, durationInput, maskSecret, optionalInput } from '../inputs';
import { actionsLogger } from '../log';
import { sshNodesFromInputs } from '../ssh-inputs';
import {
  etcdOverridesFromInputs,
  openingKeysFromInputs,
  selectorFromInputs,
  storeFromInputs,
} from '../store-inputs';
import { writeFailureSummary, writeRecoverySummary, writeRestoreSummary } from '../summary';
import { claimWorkDir } from '../work-dir';
import { rebuild } from './rebuild';

function bumpInput(): number | 'auto' {
  const value = optionalInput('bump_revision') ?? 'auto';
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InputError(
      'bump_revision',
      `'auto' or a whole number of revisions, 0 to disable (got ${shown(value)})`,
    );
  }
  return Number(value);
}

function setRestoreOutputs(report: RestoreReport): void {
  const outputs: Record<string, string | number> = {
    backup: report.backup,
    verdict: report.dryRun ? 'dry-run' : 'restored',
    mode: report.mode,
    restored_on: report.restoredOn,
    members: report.members.map((m) => m.name).join('\n'),
    snapshot_revision: report.snapshotRevision,
    bump: report.bump,
    restored_revision: report.restoredRevision ?? '',
    expected_keys: report.keys?.expected ?? '',
    restored_keys: report.keys?.restored ?? '',
    old_data_dirs: report.members
      .map((m) => m.oldDataKeptAt ?? '')
      .filter(Boolean)
      .join('\n'),
    report: JSON.stringify(report),
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}

/** inputs → restore() → outputs and the job summary. */
export async function run(): Promise<void> {
  const nodes = sshNodesFromInputs({ several: true });
  if (booleanInput('recover', false)) return recover(nodes);
  if (booleanInput('rebuild', false)) return rebuild(nodes);
  const etcd = etcdOverridesFromInputs();
  const { store } = storeFromInputs({ writes: false });
  const selector = selectorFromInputs();
  const cluster = optionalInput('cluster');
  const keys = openingKeysFromInputs();
  const tools = etcdToolsFromInputs();
  const restoreOn = choiceInput('restore_on', ['auto', 'runner', 'node'] as const, 'auto');
  const lockWaitSeconds =
    optionalInput('lock_wait') === '0' ? 0 : (durationInput('lock_wait') ?? 300_000) / 1000;
  const mode = choiceInput('mode', ['swap', 'new-dir'] as const, 'swap');
  const newDataDir = optionalInput('new_data_dir');
  if (newDataDir && mode !== 'new-dir') throw new InputError('new_data_dir', 'mode: new-dir as well');
  const bumpRevision = bumpInput();
  const allowVersionSkew = booleanInput('allow_version_skew', false);
  const force = booleanInput('force', false);
  const restartControllers = booleanInput('restart_controllers', false);
  const dryRun = booleanInput('dry_run', false);

  const work = claimWorkDir();
  const interrupt = abortOnSignals(actionsLogger);
  try {
    const started = Date.now();
    let report: RestoreReport;
    try {
      report = await restore({
        store,
        selector,
        ...(cluster ? { cluster } : {}),
        keys,
        nodes,
        etcd,
        tools,
        restoreOn,
        lockWaitSeconds,
        signal: interrupt.signal,
        mode,
        ...(newDataDir ? { newDataDir } : {}),
        bumpRevision,
        allowVersionSkew,
        force,
        restartControllers,
        keepControllersRunning: restartControllers,
        dryRun,
        log: actionsLogger,
        onSecret: maskSecret,
      });
    } catch (error) {
      core.setOutput('verdict', 'failed');
      await writeFailureSummary('etcd restore', describeError(error));
      throw error;
    }
    setRestoreOutputs(report);
    await writeRestoreSummary(report, { durationMs: Date.now() - started });
  } finally {
    interrupt.dispose();
    work.dispose();
  }
}

/** recover: true — roll back a restore that was cut short (see restore/recover.ts); no store or key needed. */
async function recover(nodes: ConnectOptions[]): Promise<void> {
  const lockWaitSeconds =
    optionalInput('lock_wait') === '0' ? 0 : (durationInput('lock_wait') ?? 300_000) / 1000;
  try {
    const report = await recoverCutRestore({ nodes, lockWaitSeconds, log: actionsLogger });
    core.setOutput('verdict', report.backup === undefined ? 'nothing-to-recover' : 'recovered');
    core.setOutput('backup', report.backup ?? '');
    await writeRecoverySummary(report);
  } catch (error) {
    core.setOutput('verdict', 'failed');
    await writeFailureSummary('etcd restore recovery', describeError(error));
    throw error;
  }
}
