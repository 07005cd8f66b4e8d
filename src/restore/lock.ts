import { errorLine } from '../errors';
import { refuseIfCutShort } from '../node/journal';
import { RemoteLockBusyError } from '../ssh';
import type { Logger } from '../util/log';
import { RestoreRefusedError } from './errors';
import type { NodeLink } from './node-link';

export interface LockOptions {
  log: Logger;
  /** How long to wait for the cluster's node lock when a backup (or restore) holds it; default 300 s. */
  lockWaitSeconds?: number;
}

/**
 * Connects to every node, takes the cluster's node lock on each and refuses when one holds the journal of a
 * restore that did not finish.
 */
export async function connectAndLock(
  links: NodeLink[],
  cluster: string,
  options: LockOptions,
): Promise<void> {
  await Promise.all(links.map((l) => l.open()));
  await lockAll(links, `cluster-${cluster}`, options);
  await refuseIfCutShort(links.map((l) => l.session));
}

/**
 * Takes the cluster's node lock on every node, in the order given (so two restores cannot deadlock). A busy
 * lock (a backup is running) is waited for, up to lockWaitSeconds, then the restore is refused untouched.
 */
export async function lockAll(links: NodeLink[], name: string, options: LockOptions): Promise<void> {
  const wait = Math.max(0, Math.round(options.lockWaitSeconds ?? 300));
  for (const link of links) {
    try {
      await link.lock(name, 0);
      continue;
    } catch (error) {
      if (!(error instanceof RemoteLockBusyError) || wait === 0) throw refusedForLock(error, wait);
      options.log.info(`${errorLine(error)}; waiting up to ${wait}s for it`);
    }
    try {
      await link.lock(name, wait);
    } catch (error) {
      throw refusedForLock(error, wait);
    }
  }
}

/** The lock error names the node already (`ssh user@host:port: lock … is held by …`). */
function refusedForLock(error: unknown, waited: number): unknown {
  if (!(error instanceof RemoteLockBusyError)) return error;
  return new RestoreRefusedError(
    `${errorLine(error)}${waited > 0 ? `, still after waiting ${waited}s` : ''}; nothing was changed`,
    'a backup or restore of this cluster is running; run again when it is done, or wait longer (--lock-wait / lock_wait)',
  );
}
