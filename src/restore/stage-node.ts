import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { errorLine } from '../errors';
import { makeDir } from './node-ops';
import { removeOurDir, restoreOnNode, shippedSnapshotPath, shipSnapshot } from './on-node';
import { onEveryNode, type StageContext, type Stager } from './stage';

/** etcd preallocates its first WAL file at 64 MiB. */
const WAL_BYTES = 64 * 1024 ** 2;

/**
 * Staging on the nodes: the verified snapshot is shipped into a private dir next to the data dir, the node's
 * own `snapshot restore` writes the staging dir, and the shipped snapshot is removed whatever happened (it
 * holds every Secret).
 */
export class NodeStager implements Stager {
  readonly timingNames = { prepare: undefined, stage: 'shipAndRestoreOnNodes' };

  constructor(private readonly context: StageContext) {}

  async prepare(): Promise<{ restoredBytes: number; neededBytes: number }> {
    // The shipped copy sits next to the restored dir until the tool is done.
    const snapshotBytes = (await stat(this.context.fetched.path)).size;
    const restoredBytes = snapshotBytes + WAL_BYTES;
    return { restoredBytes, neededBytes: restoredBytes + snapshotBytes };
  }

  stage(): Promise<number> {
    const { links, plan, fetched, log } = this.context;
    return onEveryNode(links, plan, async (session, m, i) => {
      await makeDir(session, posix.dirname(m.target));
      let sent = 0;
      try {
        sent = await shipSnapshot(session, fetched, m.snapshotDir, log);
        log.info(
          `${m.node}: restoring ${m.name} with ${m.nodeTool!.kind} ${m.nodeTool!.version} on the node`,
        );
        await restoreOnNode(session, m.nodeTool!, m.owner, {
          snapshotPath: shippedSnapshotPath(m.snapshotDir),
          dataDir: m.staging,
          name: m.name,
          initialAdvertisePeerUrls: m.peerUrls.join(','),
          initialCluster: plan.initialCluster,
          initialClusterToken: plan.clusterToken,
          bumpRevision: plan.bump,
          log,
        });
      } finally {
        // Through a fresh connection if this one dropped: the copy holds every Secret.
        await removeOurDir(await links[i]!.live(), m.snapshotDir).catch((error: unknown) =>
          log.warn(
            `${m.node}: could not remove the shipped snapshot ${m.snapshotDir}: ${errorLine(error)}; remove it by hand, it holds every Secret`,
          ),
        );
      }
      return sent;
    });
  }
}
