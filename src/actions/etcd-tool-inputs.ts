import { parseDownloadUrl } from '../restore/download-tools';
import type { EtcdTools } from '../restore/etcd-tools';
import { runnerTools } from '../restore/find-tools';
import { booleanInput, optionalInput } from './inputs';
import { actionsLogger } from './log';

/**
 * The restore and drill actions' etcd tools: `etcd_tools`, else PATH, else (download_etcd, default true) etcd's
 * release of the backup's version from `etcd_download_url`. Inputs are read and checked now, before any work.
 */
export function etcdToolsFromInputs(): (snapshotVersion: string) => Promise<EtcdTools> {
  const dir = optionalInput('etcd_tools');
  const download = booleanInput('download_etcd', true);
  const url = optionalInput('etcd_download_url');
  const downloadUrl = url ? parseDownloadUrl(url, 'etcd_download_url') : undefined;
  return runnerTools({
    ...(dir ? { dir } : {}),
    download,
    ...(downloadUrl ? { downloadUrl } : {}),
    log: actionsLogger,
  });
}
