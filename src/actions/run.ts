import * as core from '@actions/core';
import { describeError } from '../errors';
import { useSurface } from '../options';
import { oneLine } from '../util/shown';

/** Runs an action's main and fails the step with one line (and the hint) instead of a stack trace. */
export async function runAction(main: () => Promise<void>): Promise<void> {
  useSurface('action');
  try {
    await main();
  } catch (error) {
    core.setFailed(oneLine(describeError(error)));
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack);
  }
}
