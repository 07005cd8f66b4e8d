import { type EtcdMinor, findEtcd } from '../../sandbox/etcd-binaries';
import type { EtcdTools } from '../../src/restore/etcd-tools';

/** The runner-side etcd tools for a minor version, from the test machine's cache; undefined if missing. */
export function etcdToolsFor(minor: EtcdMinor): EtcdTools | undefined {
  const found = findEtcd(minor);
  if ('missing' in found) return undefined;
  return {
    etcd: found.etcd,
    restoreTool: found.etcdutl ?? found.etcdctl,
    restoreToolKind: found.etcdutl ? 'etcdutl' : 'etcdctl',
    version: found.version,
  };
}
