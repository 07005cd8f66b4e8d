import * as core from '@actions/core';
import { describeError } from '../../errors';
import {
  type OptionValues,
  openingKeysFrom,
  RESTORE,
  read,
  STORE,
  selectorFrom,
  storeFrom,
} from '../../options';
import { rebuildNodes } from '../../pki/rebuild';
import type { ConnectOptions } from '../../ssh';
import { actionsLogger } from '../log';
import { writeFailureSummary } from '../summary';

/** rebuild: true — bring back nodes that lost /etc/kubernetes and /var/lib/etcd (see pki/rebuild.ts). */
export async function rebuild(inputs: OptionValues, nodes: ConnectOptions[]): Promise<void> {
  const store = storeFrom(inputs, { writes: false });
  const cluster = read(inputs, STORE.cluster);
  const bump = read(inputs, RESTORE.bumpRevision);
  try {
    const report = await rebuildNodes({
      store,
      selector: selectorFrom(inputs),
      ...(cluster ? { cluster } : {}),
      keys: openingKeysFrom(inputs),
      nodes,
      ...(typeof bump === 'number' ? { bumpRevision: bump } : {}),
      log: actionsLogger,
    });
    core.setOutput('verdict', 'rebuilt');
    core.setOutput('backup', report.backup);
    core.setOutput('members', report.nodes.map((n) => n.node).join('\n'));
    core.setOutput('report', JSON.stringify(report));
    await core.summary
      .addHeading(`✅ Rebuilt ${report.nodes.map((n) => n.node).join(', ')} from ${report.backup}`, 2)
      .addList(
        report.nodes.map(
          (n) =>
            `${n.node}: ${n.files} control-plane files put back; etcd ${report.mode === 'rejoin' ? 'rejoined the running members' : 'restored from the snapshot'}${n.keptAside.length ? `; ${n.keptAside.length} replaced files kept aside` : ''}`,
        ),
      )
      .write();
  } catch (error) {
    core.setOutput('verdict', 'failed');
    await writeFailureSummary('etcd node rebuild', describeError(error));
    throw error;
  }
}
