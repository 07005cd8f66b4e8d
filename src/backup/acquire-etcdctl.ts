import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { Writable } from 'node:stream';
import { EtcdBackupError } from '../errors';
import type { SshSession } from '../ssh';
import type { ProgressSink } from '../util/progress';
import type { AcquiredSnapshot } from './acquire-grpc';
import { writeSnapshotFile } from './snapshot-file';

export interface EtcdctlTarget {
  /** Client URL as the node sees it, e.g. https://127.0.0.1:2379. */
  endpoint: string;
  /** Paths on the node (the same inside the etcd container on kubeadm and kind). */
  caPath: string;
  certPath: string;
  keyPath: string;
  /** etcd's data dir inside its container and where that is on the node (for the crictl way). */
  dataDir: string;
  dataHostPath: string;
  /**
   * Inside the etcd container only etcd's own certificate folder is mounted: there the runbook uses etcd's
   * --trusted-ca-file, --cert-file and --key-file (kubeadm's server pair is also a client certificate).
   */
  containerTls?: { caPath: string; certPath: string; keyPath: string };
}

export class EtcdctlError extends EtcdBackupError {}

async function hasCommand(session: SshSession, name: string): Promise<boolean> {
  const r = await session.exec(['sh', '-c', 'command -v "$1" >/dev/null', 'sh', name], { sudo: true });
  return r.exitCode === 0;
}

async function run(session: SshSession, argv: string[], what: string): Promise<string> {
  const r = await session.exec(argv, { sudo: true });
  if (r.exitCode !== 0) {
    const detail = r.stderr.trim().split('\n').pop() ?? '';
    throw new EtcdctlError(`${what} failed on ${session.target} (exit ${r.exitCode}): ${detail}`, {
      hint: 'see the message above; `--method grpc` needs nothing on the node but sshd',
    });
  }
  return r.stdout.toString('utf8');
}

/**
 * The runbook's way: `etcdctl snapshot save` on the node — or inside the etcd container via crictl when the node
 * has no etcdctl, as on kind — then the file is streamed back over SSH and removed from the node.
 */
export async function acquireViaEtcdctl(
  session: SshSession,
  target: EtcdctlTarget,
  options: { path: string; progress: ProgressSink; also?: Writable },
): Promise<AcquiredSnapshot & { how: 'etcdctl' | 'crictl' }> {
  const started = Date.now();
  const tlsFlags = (t: { caPath: string; certPath: string; keyPath: string }) => [
    `--endpoints=${target.endpoint}`,
    `--cacert=${t.caPath}`,
    `--cert=${t.certPath}`,
    `--key=${t.keyPath}`,
  ];
  const tls = tlsFlags(target);
  const name = `etcd-backup-${randomBytes(6).toString('hex')}.db`;
  let remoteFile: string;
  /** What to remove on the node afterwards: the private temp dir (etcdctl) or the file itself (crictl). */
  let leftover: string;
  const cleanUp = () => session.exec(['rm', '-rf', '--', leftover], { sudo: true }).catch(() => {});
  let how: 'etcdctl' | 'crictl';
  if (await hasCommand(session, 'etcdctl')) {
    how = 'etcdctl';
    const dir = (await run(session, ['mktemp', '-d', '/tmp/etcd-backup.XXXXXXXX'], 'mktemp')).trim();
    remoteFile = posix.join(dir, name);
    leftover = dir;
    try {
      await run(
        session,
        ['env', 'ETCDCTL_API=3', 'etcdctl', ...tls, 'snapshot', 'save', remoteFile],
        'etcdctl snapshot save',
      );
    } catch (error) {
      await cleanUp();
      throw error;
    }
  } else if (await hasCommand(session, 'crictl')) {
    how = 'crictl';
    const ids = await run(
      session,
      ['crictl', 'ps', '--name', '^etcd$', '--state', 'Running', '-q'],
      'crictl ps',
    );
    const id = ids.split('\n').find((line) => line.trim());
    if (!id) throw new EtcdctlError(`no running etcd container on ${session.target} (crictl ps --name etcd)`);
    // Written into the data dir, which the container shares with the node through its hostPath volume.
    remoteFile = posix.join(target.dataHostPath, name);
    leftover = remoteFile;
    try {
      await run(
        session,
        [
          'crictl',
          'exec',
          id.trim(),
          'etcdctl',
          ...tlsFlags(target.containerTls ?? target),
          'snapshot',
          'save',
          posix.join(target.dataDir, name),
        ],
        'etcdctl snapshot save in the etcd container',
      );
    } catch (error) {
      await cleanUp();
      throw error;
    }
  } else {
    throw new EtcdctlError(`neither etcdctl nor crictl found on ${session.target}`, {
      hint: 'use --method grpc (the default), which needs nothing on the node but sshd',
    });
  }
  try {
    const size = Number((await run(session, ['stat', '-c', '%s', '--', remoteFile], 'stat')).trim());
    // The node removes the plaintext itself once cat ends for any reason: a cut connection never delivers
    // the cleanup command sent from here afterwards.
    const stream = await session.execStream(
      ['sh', '-c', 'trap \'rm -rf -- "$1"\' EXIT; cat -- "$2"', 'sh', leftover, remoteFile],
      { sudo: true },
    );
    const written = await writeSnapshotFile({
      source: stream.stdout,
      path: options.path,
      totalBytes: Number.isFinite(size) ? size : undefined,
      progress: options.progress,
      label: 'snapshot (etcdctl)',
      ...(options.also ? { also: options.also } : {}),
    });
    await stream.done;
    return { ...written, serverVersion: '', durationMs: Date.now() - started, how };
  } finally {
    await cleanUp();
  }
}
