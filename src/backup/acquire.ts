import type { Writable } from 'node:stream';
import { connectToAnyUrl, type MemberConnection } from '../node/members';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import type { ProgressSink } from '../util/progress';
import { acquireViaEtcdctl } from './acquire-etcdctl';
import { type AcquiredSnapshot, acquireViaGrpc } from './acquire-grpc';
import type { SnapshotSource } from './discover';
import { SnapshotRejectedError } from './errors';
import type { EtcdAccess } from './target';

export type AcquireMethod = 'grpc' | 'etcdctl';

/**
 * The acquire step: the member's snapshot into a file at `path` (and, as it arrives, into `also`), over gRPC
 * through the SSH connection or with etcdctl on the node. Refuses bytes that do not match the SHA-256 etcd
 * appended to them.
 */
export async function acquireSnapshot(
  session: SshSession,
  access: EtcdAccess,
  source: SnapshotSource,
  options: { method: AcquireMethod; path: string; progress: ProgressSink; also: Writable; log: Logger },
  connections: MemberConnection[],
): Promise<AcquiredSnapshot> {
  const { path, progress, also } = options;
  let acquired: AcquiredSnapshot;
  if (options.method === 'grpc') {
    const { member, local, health } = source;
    const from =
      member.id === health.localMemberId
        ? local
        : await connectToAnyUrl(session, member.clientURLs, source.tls);
    if (from !== local) connections.push(from);
    acquired = await acquireViaGrpc(from.client, { path, progress, also });
  } else {
    const containerTls = containerTlsOf(access);
    const viaEtcdctl = await acquireViaEtcdctl(
      session,
      { ...access, endpoint: access.clientUrl, ...(containerTls ? { containerTls } : {}) },
      { path, progress, also },
    );
    options.log.info(
      `snapshot taken by etcdctl ${viaEtcdctl.how === 'crictl' ? 'inside the etcd container (crictl exec)' : 'on the node'}`,
    );
    acquired = viaEtcdctl;
  }
  if (!acquired.trailerOk)
    throw new SnapshotRejectedError(
      'the snapshot that arrived does not match the SHA-256 etcd appended to it',
    );
  options.log.debug(`snapshot written: ${acquired.bytes} bytes, sha256 ${acquired.sha256}`);
  return acquired;
}

/** etcd's own TLS files as the etcd container sees them (for etcdctl run inside it). */
function containerTlsOf(
  access: EtcdAccess,
): { caPath: string; certPath: string; keyPath: string } | undefined {
  const flags = access.controlPlane.etcd.flags;
  const [caPath, certPath, keyPath] = [flags['trusted-ca-file'], flags['cert-file'], flags['key-file']];
  return caPath && certPath && keyPath ? { caPath, certPath, keyPath } : undefined;
}
