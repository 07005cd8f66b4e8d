import { parseDownloadUrl } from '../restore/download-tools';
import type { EtcdTools } from '../restore/etcd-tools';
import { runnerTools } from '../restore/find-tools';
import type { Logger } from '../util/log';
import { switchOption, textOption } from './option';
import { isOn, type OptionValues, read } from './values';

/** How restore and drill get the etcd tools they run here: a folder, PATH, or (when allowed) a checked download. */
export const ETCD_TOOLS = {
  dir: textOption('etcdTools', {
    flag: 'etcd-tools',
    input: 'etcd_tools',
    arg: 'DIR',
    help: "folder with etcd and etcdutl (etcdctl for 3.4) of the backup's version (default: PATH)",
  }),
  download: switchOption('downloadEtcd', {
    flag: 'download-etcd',
    input: 'download_etcd',
    help: "when PATH has no etcd tools of the backup's major.minor, download etcd's release of the\nexact version, check it against its SHA256SUMS and keep it in the tool cache (CLI: off by default)",
  }),
  downloadUrl: textOption('etcdDownloadUrl', {
    flag: 'etcd-download-url',
    input: 'etcd_download_url',
    arg: 'U',
    help: "base URL of etcd's releases (default https://github.com/etcd-io/etcd/releases/download;\nhttps, or http to loopback only)",
    parse: (text, name) => parseDownloadUrl(text, name),
  }),
};

/** Read and checked now, before any work; the tools are found once the backup's etcd version is known. */
export function etcdToolsFrom(
  values: OptionValues,
  log: Logger,
): (snapshotVersion: string) => Promise<EtcdTools> {
  const dir = read(values, ETCD_TOOLS.dir);
  const downloadUrl = read(values, ETCD_TOOLS.downloadUrl);
  return runnerTools({
    ...(dir ? { dir } : {}),
    // The actions download by default (a runner has no etcd tools); the CLI only when asked.
    download: isOn(values, ETCD_TOOLS.download, values.surface === 'action'),
    ...(downloadUrl ? { downloadUrl } : {}),
    log,
  });
}
