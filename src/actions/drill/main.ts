import * as core from '@actions/core';
import { DrillFailedError, type DrillReport, drill } from '../../drill/drill';
import { describeError } from '../../errors';
import {
  actionInputs,
  etcdToolsFrom,
  isOn,
  openingKeysFrom,
  RESTORE,
  read,
  STORE,
  selectorFrom,
  storeFrom,
} from '../../options';
import { actionsLogger } from '../log';
import { writeDrillSummary, writeFailureSummary } from '../summary';
import { claimWorkDir } from '../work-dir';

function setDrillOutputs(report: DrillReport): void {
  const outputs: Record<string, string | number> = {
    backup: report.backup,
    cluster: report.cluster,
    verdict: report.verdict,
    revision: report.revision,
    restored_revision: report.restoredRevision,
    expected_keys: report.expectedKeys,
    restored_keys: report.restoredKeys,
    missing_keys: report.missing,
    unexpected_keys: report.unexpected,
    changed_values: report.changed,
    etcd_version: report.backupEtcdVersion,
    tools_version: report.toolsVersion,
    reasons: report.reasons.join('\n'),
    report: JSON.stringify(report),
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}

/** inputs → drill() → outputs and the job summary; a failed drill still reports what it found, then fails. */
export async function run(): Promise<void> {
  const inputs = actionInputs();
  const store = storeFrom(inputs, { writes: false });
  const selector = selectorFrom(inputs);
  const cluster = read(inputs, STORE.cluster);
  const keys = openingKeysFrom(inputs);
  const tools = etcdToolsFrom(inputs, actionsLogger);
  const allowVersionSkew = isOn(inputs, RESTORE.allowVersionSkew);

  const work = claimWorkDir();
  try {
    const started = Date.now();
    let report: DrillReport;
    try {
      report = await drill({
        store,
        selector,
        ...(cluster ? { cluster } : {}),
        keys,
        tools,
        allowVersionSkew,
        log: actionsLogger,
      });
    } catch (error) {
      // A drill fails loudly: the verdict output and the summary say so too, for a follow-up step (an issue).
      if (error instanceof DrillFailedError) {
        setDrillOutputs(error.report);
        await writeDrillSummary(error.report, { durationMs: Date.now() - started });
      } else {
        core.setOutput('verdict', 'fail');
        core.setOutput('reasons', describeError(error));
        await writeFailureSummary('etcd DR drill', describeError(error));
      }
      throw error;
    }
    setDrillOutputs(report);
    await writeDrillSummary(report, { durationMs: Date.now() - started });
    core.info(
      `PASS ${report.backup}: ${report.restoredKeys} of ${report.expectedKeys} live keys restored and read back`,
    );
  } finally {
    work.dispose();
  }
}
