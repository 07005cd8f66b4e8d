import * as core from '@actions/core';
import { DrillFailedError, type DrillReport, drill } from '../../drill/drill';
import { describeError } from '../../errors';
import { etcdToolsFromInputs } from '../etcd-tool-inputs';
import { booleanInput, optionalInput } from '../inputs';
import { actionsLogger } from '../log';
import { openingKeysFromInputs, selectorFromInputs, storeFromInputs } from '../store-inputs';
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
  const { store } = storeFromInputs({ writes: false });
  const selector = selectorFromInputs();
  const cluster = optionalInput('cluster');
  const keys = openingKeysFromInputs();
  const tools = etcdToolsFromInputs();
  const allowVersionSkew = booleanInput('allow_version_skew', false);

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
      `PASS ${report.backup}: ${report.restoredKeys} of ${report.expectedKeys} keys restored and read back`,
    );
  } finally {
    work.dispose();
  }
}
