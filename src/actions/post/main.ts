import * as core from '@actions/core';
import { removeRecordedWorkDirs, WORK_DIR_STATE } from '../work-dir';

/** The post step: removes what the main step left on the runner, even when the job failed or was cancelled. */
export async function run(): Promise<void> {
  const result = removeRecordedWorkDirs(core.getState(WORK_DIR_STATE));
  for (const path of result.removed) {
    core.warning(
      `removed ${path}, which the main step left behind (it was stopped before it could clean up)`,
    );
  }
  for (const path of result.refused)
    core.warning(`not removing ${path}: it is not a folder this action made`);
  if (result.removed.length === 0 && result.refused.length === 0) {
    core.info('nothing left on the runner to clean up');
  }
}
