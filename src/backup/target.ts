import { type ControlPlane, type DiscoveryOverrides, discoverOverSsh } from '../controlplane';
import { DiscoveryError } from '../controlplane/errors';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';

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
  /** etcd version from the manifest's image, when known. */
  version: string | undefined;
  controlPlane: ControlPlane;
}

/** Discovery as a careful operator does it; every explicit input wins over what it finds. */
export async function locateEtcd(
  session: SshSession,
  overrides: DiscoveryOverrides,
  log: Logger,
): Promise<EtcdAccess> {
  const plane = await discoverOverSsh(session, overrides);
  for (const warning of plane.warnings) log.warn(warning);
  const { etcd } = plane;
  if (!etcd.certs) {
    throw new DiscoveryError(
      `found etcd at ${etcd.clientUrl} on ${session.target} but no client certificate`,
      {
        hint: 'give the etcd CA, certificate and key paths on the node',
      },
    );
  }
  log.info(
    `etcd ${etcd.version ?? '(version unknown)'} member ${etcd.name ?? '?'} at ${etcd.clientUrl}` +
      ` (${etcd.runsAs}${plane.etcdManifestPath ? ` from ${plane.etcdManifestPath}` : ''}), client certificate ${etcd.certs.cert} (${etcd.certs.source})`,
  );
  const dataDir = etcd.dataDir ?? '/var/lib/etcd';
  return {
    clientUrl: etcd.clientUrl,
    caPath: etcd.certs.ca,
    certPath: etcd.certs.cert,
    keyPath: etcd.certs.key,
    dataDir,
    dataHostPath: etcd.dataHostPath ?? dataDir,
    memberName: etcd.name,
    version: etcd.version,
    controlPlane: plane,
  };
}
