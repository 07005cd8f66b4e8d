import type { Writable } from 'node:stream';
import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import { connectToAnyUrl, type MemberConnection } from '../node/members';
import { optionName } from '../options/naming';
import type { SshSession } from '../ssh';
import type { Logger } from '../util/log';
import type { ProgressSink } from '../util/progress';
import {
  acquireViaEtcdctl,
  EtcdctlError,
  hasCommand,
  type NodeCompression,
  type Saver,
} from './acquire-etcdctl';
import { type AcquiredSnapshot, acquireViaGrpc } from './acquire-grpc';
import type { SnapshotSource } from './discover';
import { SnapshotRejectedError } from './errors';
import type { EtcdAccess } from './target';

export type AcquireMethod = 'grpc' | 'etcdctl';
/** auto: the method and packing chosen for the node, as `chooseMethod` says. */
export type AcquireMethodChoice = AcquireMethod | 'auto';
export type NodeCompressionChoice = NodeCompression | 'auto';

export interface MethodChosen {
  method: AcquireMethod;
  compression: NodeCompression;
  /** With etcdctl: what runs it (found while choosing, so the acquire step does not look again). */
  saver?: Saver;
  why: string;
}

/**
 * What crosses the link decides a backup's time on anything slower than the machine: Kubernetes data packs
 * about 5.5× with zstd, and gRPC can only send it raw. So `auto` runs etcdctl on the node and packs the snapshot
 * there with zstd when the node has both and the member asked for is the node's own; else it streams over gRPC,
 * which needs nothing but sshd. gzip is never chosen by itself: at about 60 MB/s on one core it is slower than
 * a fast link.
 */
export async function chooseMethod(
  session: SshSession,
  source: SnapshotSource,
  wanted: { method: AcquireMethodChoice; compression: NodeCompressionChoice },
): Promise<MethodChosen> {
  const own = source.member.id === source.health.localMemberId;
  // Each program is looked for once on the node, however many choices ask.
  const found = new Map<string, Promise<boolean>>();
  const has: HasCommand = (name) => {
    if (!found.has(name)) found.set(name, hasCommand(session, name));
    return found.get(name)!;
  };
  if (wanted.method === 'grpc') {
    if (wanted.compression !== 'auto' && wanted.compression !== 'none')
      throw new EtcdBackupError(
        `${optionName('nodeCompression')} ${wanted.compression} needs ${optionName('method')} etcdctl or auto: gRPC sends the snapshot as etcd streams it`,
        { exitCode: EXIT.badInput },
      );
    return { method: 'grpc', compression: 'none', why: `asked for (${optionName('method')} grpc)` };
  }
  if (wanted.method === 'etcdctl') {
    const saver = await chooseSaver(session.target, has);
    const compression = await chooseCompression(session.target, has, wanted.compression);
    return {
      method: 'etcdctl',
      compression: compression.compression,
      saver,
      why: `asked for (${optionName('method')} etcdctl); ${compression.why}`,
    };
  }
  if (!own)
    return {
      method: 'grpc',
      compression: 'none',
      why: `auto: member ${source.member.name} is not the node's own, and etcdctl on the node reaches only its own`,
    };
  const [etcdctl, zstd] = await Promise.all([has('etcdctl'), has('zstd')]);
  if (etcdctl && (zstd || (wanted.compression !== 'auto' && wanted.compression !== 'zstd'))) {
    const compression = await chooseCompression(session.target, has, wanted.compression);
    return {
      method: 'etcdctl',
      compression: compression.compression,
      saver: 'etcdctl',
      why: `auto: the node has etcdctl${compression.compression === 'none' ? '' : ` and ${compression.compression}`}, so the snapshot crosses the link packed (${compression.why})`,
    };
  }
  return {
    method: 'grpc',
    compression: 'none',
    why: `auto: the node has no ${etcdctl ? 'zstd' : 'etcdctl'}, so the snapshot streams raw over gRPC through the SSH connection`,
  };
}

type HasCommand = (name: string) => Promise<boolean>;

/** etcdctl on the node, else inside the etcd container through crictl (as on kind). */
async function chooseSaver(target: string, has: HasCommand): Promise<Saver> {
  if (await has('etcdctl')) return 'etcdctl';
  if (await has('crictl')) return 'crictl';
  throw new EtcdctlError(`neither etcdctl nor crictl found on ${target}`, {
    hint: `use ${optionName('method')} grpc, which needs nothing on the node but sshd`,
  });
}

async function chooseCompression(
  target: string,
  has: HasCommand,
  wanted: NodeCompressionChoice,
): Promise<{ compression: NodeCompression; why: string }> {
  const option = optionName('nodeCompression');
  if (wanted === 'none') return { compression: 'none', why: `sent unpacked (${option} none)` };
  if (wanted === 'auto') {
    return (await has('zstd'))
      ? { compression: 'zstd', why: 'zstd -3 on the node' }
      : {
          compression: 'none',
          why: `the node has no zstd, so sent unpacked (${option} gzip packs it with gzip)`,
        };
  }
  if (!(await has(wanted)))
    throw new EtcdctlError(`${option} ${wanted}: ${target} has no ${wanted}`, {
      hint: `install ${wanted} on the node, or leave ${option} at auto`,
    });
  return { compression: wanted, why: `${wanted} on the node (${option} ${wanted})` };
}

/**
 * The acquire step: the member's snapshot into a file at `path` (and, as it arrives, into `also`), over gRPC
 * through the SSH connection or with etcdctl on the node. Refuses bytes that do not match the SHA-256 etcd
 * appended to them.
 */
export async function acquireSnapshot(
  session: SshSession,
  access: EtcdAccess,
  source: SnapshotSource,
  options: {
    method: MethodChosen;
    path: string;
    progress: ProgressSink;
    also: Writable;
    /** `also` takes the node's zstd stream as it is (the envelope stores it without packing it again). */
    alsoPacked?: boolean;
    log: Logger;
  },
  connections: MemberConnection[],
): Promise<AcquiredSnapshot> {
  const { path, progress, also } = options;
  let acquired: AcquiredSnapshot;
  if (options.method.method === 'grpc') {
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
      {
        saver: options.method.saver ?? 'etcdctl',
        path,
        progress,
        also,
        compression: options.method.compression,
        ...(options.alsoPacked ? { alsoPacked: true } : {}),
        ...(source.member.status?.dbSize ? { estimatedBytes: Number(source.member.status.dbSize) } : {}),
      },
    );
    options.log.info(
      `snapshot taken by etcdctl ${viaEtcdctl.how === 'crictl' ? 'inside the etcd container (crictl exec)' : 'on the node'}${viaEtcdctl.sentWhileSaving ? ', sent while it was saved' : ''}`,
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
