import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { EtcdTools } from './etcd-tools';
import { makeDir, shipDir } from './node-ops';
import { restoreSnapshot } from './snapshot-restore';
import { onEveryNode, type StageContext, type Stager } from './stage';

/** Staging on the runner: one `snapshot restore` per member there, then each restored dir shipped to its node. */
export class RunnerStager implements Stager {
  readonly timingNames = { prepare: 'restoreData', stage: 'ship' };
  private localDirs: string[] = [];

  constructor(
    private readonly context: StageContext,
    private readonly tools: EtcdTools,
  ) {}

  async prepare(): Promise<{ restoredBytes: number; neededBytes: number }> {
    this.localDirs = await this.restoreLocally();
    const restoredBytes = await dirSize(this.localDirs[0]!);
    return { restoredBytes, neededBytes: restoredBytes };
  }

  /** Ships every member's restored dir next to its final place. */
  stage(): Promise<number> {
    const { links, plan, log } = this.context;
    return onEveryNode(links, plan, async (session, m, i) => {
      await makeDir(session, posix.dirname(m.target));
      return shipDir(session, this.localDirs[i]!, m.staging, m.owner, log);
    });
  }

  /** Same snapshot, same initial cluster, each member its own name. */
  private async restoreLocally(): Promise<string[]> {
    const { plan, fetched, tempDir, log, signal } = this.context;
    const dirs: string[] = [];
    for (const [i, member] of plan.members.entries()) {
      const dataDir = join(tempDir, `member-${i}`);
      await restoreSnapshot(this.tools, {
        snapshotPath: fetched.path,
        dataDir,
        name: member.name,
        initialAdvertisePeerUrls: member.peerUrls.join(','),
        initialCluster: plan.initialCluster,
        initialClusterToken: plan.clusterToken,
        bumpRevision: plan.bump,
        log,
        ...(signal ? { signal } : {}),
      });
      dirs.push(dataDir);
    }
    return dirs;
  }
}

async function dirSize(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? await dirSize(full) : (await lstat(full)).size;
  }
  return total;
}
