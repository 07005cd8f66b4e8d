import { errorLine } from '../errors';
import { RestoreRefusedError } from './errors';
import type { EtcdTools } from './etcd-tools';
import type { NodeLink } from './node-link';
import { matchingNodeTool, probeNodeTools } from './node-tools';
import type { RestorePlace } from './plan';

export type RestoreOn = 'runner' | 'node' | 'auto';

export interface PlaceOptions {
  restoreOn?: RestoreOn;
  bumpRevision?: number | 'auto';
  /** The runner's etcd tools, or how to get them for the snapshot's version. */
  tools?: EtcdTools | ((snapshotVersion: string) => Promise<EtcdTools>);
}

/**
 * Where `snapshot restore` runs. On the nodes only the snapshot travels (a data dir is the database plus a
 * 64 MiB WAL), but every node needs an etcdutl of the snapshot's major.minor; the runner's tools are found,
 * or downloaded, only when the restore runs there.
 */
export async function choosePlace(
  links: NodeLink[],
  snapshotVersion: string,
  options: PlaceOptions,
): Promise<RestorePlace> {
  const want = options.restoreOn ?? 'auto';
  let reason = 'asked for (restore on the runner)';
  if (want !== 'runner') {
    const needsBump = options.bumpRevision !== 0;
    const found = await Promise.all(
      links.map(async (link) => {
        try {
          return matchingNodeTool(await probeNodeTools(link.session), snapshotVersion, needsBump);
        } catch (error) {
          return { why: `its tools could not be listed (${errorLine(error)})` };
        }
      }),
    );
    const missing = found.flatMap((f, i) => ('why' in f ? [`${links[i]!.target}: ${f.why}`] : []));
    if (missing.length === 0) {
      const nodeTools = found.map((f) => ('tool' in f ? f.tool : undefined!));
      const kinds = [...new Set(nodeTools.map((t) => `${t.kind} ${t.version}`))].join(', ');
      return {
        on: 'node',
        reason:
          want === 'node'
            ? `asked for; every node has ${kinds}`
            : `every node has ${kinds}, so only the snapshot is shipped`,
        nodeTools,
      };
    }
    if (want === 'node') {
      throw new RestoreRefusedError(
        `cannot restore on the nodes: ${missing.join('; ')}`,
        `put etcdutl ${snapshotVersion} (etcdctl on 3.4) in /usr/local/bin on every node, or restore on the runner (--restore-on runner / restore_on: runner)`,
      );
    }
    reason = `not every node has a matching etcdutl (${missing.join('; ')})`;
  }
  const tools = typeof options.tools === 'function' ? await options.tools(snapshotVersion) : options.tools;
  if (!tools) {
    throw new RestoreRefusedError(
      `no etcd tools to restore with on the runner (${reason})`,
      "give the etcd tools of the snapshot's version (--etcd-tools), or let the restore download them",
    );
  }
  return { on: 'runner', reason, tools };
}
