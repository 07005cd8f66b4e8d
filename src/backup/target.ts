import { EtcdBackupError } from '../errors';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';

/** Explicit etcd settings; each one overrides what discovery finds on the node. Paths are on the node. */
export interface EtcdOverrides {
  /** Client URL as the node reaches it, e.g. https://127.0.0.1:2379. */
  endpoint?: string;
  caPath?: string;
  certPath?: string;
  keyPath?: string;
  dataDir?: string;
}

/** What a backup needs to know to reach the node's etcd member. */
export interface EtcdAccess {
  clientUrl: string;
  caPath: string;
  certPath: string;
  keyPath: string;
  /** etcd's --data-dir and where that is on the node (the etcd-data hostPath). */
  dataDir: string;
  dataHostPath: string;
  memberName: string | undefined;
  nodeName: string | undefined;
  /** etcd version from the manifest's image, when known. */
  version: string | undefined;
}

export class EtcdNotFoundError extends EtcdBackupError {}

/** Explicit inputs first; what discovery finds fills the rest. */
export async function locateEtcd(
  session: SshSession,
  overrides: EtcdOverrides,
  log: Logger,
): Promise<EtcdAccess> {
  const { endpoint, caPath, certPath, keyPath } = overrides;
  if (endpoint && caPath && certPath && keyPath) {
    log.info(`etcd at ${endpoint} (given), client certificate ${certPath}`);
    const dataDir = overrides.dataDir ?? '/var/lib/etcd';
    return {
      clientUrl: endpoint,
      caPath,
      certPath,
      keyPath,
      dataDir,
      dataHostPath: dataDir,
      memberName: undefined,
      nodeName: undefined,
      version: undefined,
    };
  }
  throw new EtcdNotFoundError(`cannot find etcd on ${session.target}`, {
    hint: 'give the etcd endpoint and the CA, certificate and key paths on the node',
  });
}
