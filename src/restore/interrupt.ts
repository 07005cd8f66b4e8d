import type { Logger } from '../util/log';

/**
 * SIGINT and SIGTERM become an abort of the restore instead of an exit, so a restore that has already stopped
 * the cluster puts it back before the process ends. Call dispose() when the restore is over.
 */
export function abortOnSignals(log: Logger): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    log.warn(
      `${name} received: stopping the restore; if the cluster was already stopped it is rolled back first (this can take a minute)`,
    );
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
