import * as core from '@actions/core';
import { describeError } from '../../errors';
import { rebuildNodes } from '../../pki/rebuild';
import type { ConnectOptions } from '../../ssh';
import { optionalInput } from '../inputs';
import { actionsLogger } from '../log';
import { openingKeysFromInputs, selectorFromInputs, storeFromInputs } from '../store-inputs';
import { writeFailureSummary } from '../summary';

/** rebuild: true — bring back nodes that lost /etc/kubernetes and /var/lib/etcd (see pki/rebuild.ts). */
export async function rebuild(nodes: ConnectOptions[]): Promise<void> {
  const { store } = storeFromInputs({ writes: false });
  const cluster = optionalInput('cluster');
  const bump = optionalInput('bump_revision');
  try {
    const report = await rebuildNodes({
      store,
      selector: selectorFromInputs(),
      ...(cluster ? { cluster } : {}),
      keys: openingKeysFromInputs(),
      nodes,
      ...(bump && bump !== 'auto' && /^\d+$/.test(bump) ? { bumpRevision: Number(bump) } : {}),
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
