import { posix } from 'node:path';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import { formatBytes } from '../util/progress';
import { RestoreRefusedError } from './errors';
import type { DownloadedBackup } from './fetch';
import type { NodeLink } from './node-link';
import { freeBytes } from './node-ops';
import { removeOurDir } from './on-node';
import type { MemberPlan, RestorePlan } from './plan';

/**
 * The stage step: every member's restored data dir is put at its staging path on its node (a hidden dir next
 * to its final place) while the cluster still runs. Where `snapshot restore` runs decides how: on the runner
 * (stage-runner.ts: the restored dirs are shipped) or on each node with its own etcdutl (stage-node.ts: only
 * the snapshot is shipped).
 */
export interface Stager {
  /** The names of its two steps in the report's timings (none: not worth timing). */
  readonly timingNames: { prepare: string | undefined; stage: string };
  /** Work on the runner before any node is touched; returns the size of one restored dir and the room it needs on a node. */
  prepare(): Promise<{ restoredBytes: number; neededBytes: number }>;
  /** Stages every member's dir; returns the bytes sent. If one node fails, every staging dir is removed. */
  stage(): Promise<number>;
}

export interface StageContext {
  links: NodeLink[];
  plan: RestorePlan;
  fetched: DownloadedBackup;
  /** The runner's private temp dir. */
  tempDir: string;
  log: Logger;
  signal: AbortSignal | undefined;
}

/**
 * Runs `work` for every member at once and adds up the bytes each sent; when one fails, waits for the others,
 * removes every staging dir and throws the first failure.
 */
export async function onEveryNode(
  links: NodeLink[],
  plan: RestorePlan,
  work: (session: SshSession, member: MemberPlan, index: number) => Promise<number>,
): Promise<number> {
  const results = await Promise.allSettled(plan.members.map((m, i) => work(links[i]!.session, m, i)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
  await removeStaging(links, plan);
  throw failed.reason;
}

/** Removes every member's staging dir, as far as it can. */
export async function removeStaging(links: NodeLink[], plan: RestorePlan): Promise<void> {
  await Promise.all(plan.members.map((m, i) => removeOurDir(links[i]!.session, m.staging).catch(() => {})));
}

/** Refuses when a node has no room for the restored dir next to the old one, which stays. */
export async function checkSpace(links: NodeLink[], plan: RestorePlan, neededBytes: number): Promise<void> {
  // 10% slack for the filesystem.
  const needed = Math.ceil(neededBytes * 1.1);
  await Promise.all(
    plan.members.map(async (m, i) => {
      const free = await freeBytes(links[i]!.session, posix.dirname(m.target));
      if (free < needed) {
        throw new RestoreRefusedError(
          `not enough free space for the restored data dir on ${m.node}: ${formatBytes(free)} free next to ${m.target}, ${formatBytes(needed)} needed`,
          'free space on that filesystem (the old data dir is kept, so both must fit), or restore to another one with --mode new-dir',
        );
      }
    }),
  );
}
