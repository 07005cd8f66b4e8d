import { parseDownloadUrl } from '../restore/download-tools';
import type { EtcdTools } from '../restore/etcd-tools';
import { runnerTools } from '../restore/find-tools';
import { stderrLogger } from '../util/log';

/** How restore and drill get the etcd tools they run here: a folder, PATH, or (when allowed) a checked download. */
export const etcdToolOptionSpec = {
  'etcd-tools': { type: 'string' },
  'download-etcd': { type: 'boolean' },
  'etcd-download-url': { type: 'string' },
} as const;

export function etcdToolsFrom(
  values: Partial<Record<keyof typeof etcdToolOptionSpec, string | boolean>>,
): (snapshotVersion: string) => Promise<EtcdTools> {
  const dir = values['etcd-tools'];
  const url = values['etcd-download-url'];
  const downloadUrl = typeof url === 'string' && url ? parseDownloadUrl(url) : undefined;
  return runnerTools({
    ...(typeof dir === 'string' && dir ? { dir } : {}),
    download: values['download-etcd'] === true,
    ...(downloadUrl ? { downloadUrl } : {}),
    log: stderrLogger,
  });
}
