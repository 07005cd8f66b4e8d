import * as core from '@actions/core';
import type { Logger } from '../util/log';
import { formatProgress, type ProgressSink } from '../util/progress';

/** The core's log lines, as workflow commands: warnings become annotations, debug shows with step debugging. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  debug: (message) => core.debug(message),
};

export const actionsProgress: ProgressSink = (report) => core.info(formatProgress(report));
