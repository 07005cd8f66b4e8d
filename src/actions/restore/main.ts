import * as core from '@actions/core';
import { describeError } from '../../errors';
import {
  actionInputs,
  discoveryFrom,
  etcdToolsFrom,
  isOn,
  maskSecret,
  openingKeysFrom,
  RESTORE,
  read,
  restoreChoicesFrom,
  STORE,
  selectorFrom,
  sshNodesFrom,
  storeFrom,
} from '../../options';
import { abortOnSignals } from '../../restore/interrupt';
import { recoverCutRestore } from '../../restore/recover';
import { type RestoreReport, restore } from '../../restore/restore';
import type { ConnectOptions } from '../../ssh';
import { actionsLogger } from '../log';
import { writeFailureSummary, writeRecoverySummary, writeRestoreSummary } from '../summary';
import { claimWorkDir } from '../work-dir';
import { rebuild } from './rebuild';

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
  const inputs = actionInputs();
  const nodes = sshNodesFrom(inputs, { several: true });
  const choices = restoreChoicesFrom(inputs);
  if (isOn(inputs, RESTORE.recover)) return recover(nodes, choices.lockWaitSeconds);
  if (isOn(inputs, RESTORE.rebuild)) return rebuild(inputs, nodes);
  const etcd = discoveryFrom(inputs);
  const store = storeFrom(inputs, { writes: false });
  const selector = selectorFrom(inputs);
  const cluster = read(inputs, STORE.cluster);
  const keys = openingKeysFrom(inputs);
  const tools = etcdToolsFrom(inputs, actionsLogger);

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
        signal: interrupt.signal,
        ...choices,
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
async function recover(nodes: ConnectOptions[], lockWaitSeconds: number): Promise<void> {
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
