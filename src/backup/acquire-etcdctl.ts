import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { optionName } from '../options/naming';
import { type ExecStream, SshCommandError, type SshSession } from '../ssh';
import { coalesced } from '../util/coalesce';
import type { ProgressSink } from '../util/progress';
import { Tee } from '../util/tee';
import type { AcquiredSnapshot } from './acquire-grpc';
import { EtcdctlError } from './etcdctl-error';
import { REMOVE_DIR_ON_EXIT, SAVE_FAILED_WHILE_SENDING, SEND_FILE, saveAndSend } from './save-on-node';
import { writeSnapshotFile } from './snapshot-file';

export { EtcdctlError } from './etcdctl-error';

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

/** How the snapshot is packed on the node before it crosses the link (the runner unpacks it as it arrives). */
export type NodeCompression = 'zstd' | 'gzip' | 'none';

/** zlib's output chunk: each one is a hand-off to libuv's threads and back (4 MiB: ~150 per 600 MB). */
const UNPACKED_CHUNK_BYTES = 4 << 20;

function unpacked(source: Readable, compression: NodeCompression): Readable {
  if (compression === 'none') return source;
  const unpack =
    compression === 'zstd'
      ? createZstdDecompress({ chunkSize: UNPACKED_CHUNK_BYTES })
      : createGunzip({ chunkSize: UNPACKED_CHUNK_BYTES });
  source.on('error', (error) => unpack.destroy(error));
  return source.pipe(unpack);
}

export async function hasCommand(session: SshSession, name: string): Promise<boolean> {
  const r = await session.exec(['sh', '-c', 'command -v "$1" >/dev/null', 'sh', name], { sudo: true });
  return r.exitCode === 0;
}

async function run(session: SshSession, argv: string[], what: string): Promise<string> {
  const r = await session.exec(argv, { sudo: true });
  if (r.exitCode !== 0) {
    const detail = r.stderr.trim().split('\n').pop() ?? '';
    throw new EtcdctlError(`${what} failed on ${session.target} (exit ${r.exitCode}): ${detail}`, {
      hint: `see the message above; ${optionName('method')} grpc needs nothing on the node but sshd`,
    });
  }
  return r.stdout.toString('utf8');
}

type TlsPaths = { caPath: string; certPath: string; keyPath: string };

const tlsFlags = (endpoint: string, t: TlsPaths) => [
  `--endpoints=${endpoint}`,
  `--cacert=${t.caPath}`,
  `--cert=${t.certPath}`,
  `--key=${t.keyPath}`,
];

/** A snapshot saved on the node: where it is, and what to remove afterwards. */
interface SavedOnNode {
  how: Saver;
  file: string;
  leftover: string;
}

/** What takes the snapshot on the node: etcdctl there, or etcdctl inside the etcd container through crictl. */
export type Saver = 'etcdctl' | 'crictl';

/**
 * The runbook's way: `etcdctl snapshot save` on the node — or inside the etcd container via crictl when the node
 * has no etcdctl, as on kind — then the file is streamed back over SSH (packed as asked) and removed from the
 * node.
 */
export async function acquireViaEtcdctl(
  session: SshSession,
  target: EtcdctlTarget,
  options: {
    saver: Saver;
    path: string;
    progress: ProgressSink;
    also?: Writable;
    compression?: NodeCompression;
    /** Feed `also` the packed bytes as they cross the link (zstd only), not the unpacked snapshot. */
    alsoPacked?: boolean;
    /** The member's database size, for the progress ETA while the node sends as it saves (size unknown). */
    estimatedBytes?: number;
  },
): Promise<AcquiredSnapshot & { how: Saver; packedBytes?: number; sentWhileSaving?: boolean }> {
  const started = Date.now();
  const name = `etcd-backup-${randomBytes(6).toString('hex')}.db`;
  const compression = options.compression ?? 'none';
  if (options.saver === 'etcdctl') {
    const save = [
      'env',
      'ETCDCTL_API=3',
      'etcdctl',
      ...tlsFlags(target.endpoint, target),
      'snapshot',
      'save',
    ];
    const sending = await saveAndSend(session, save, name, compression);
    try {
      const streamed = await receive(session, sending.stream, {
        ...options,
        totalBytes: sending.bytes,
      });
      return {
        ...streamed,
        serverVersion: '',
        durationMs: Date.now() - started,
        how: 'etcdctl',
        sentWhileSaving: sending.bytes === undefined,
      };
    } finally {
      sending.release();
    }
  }
  const saved = await saveInContainer(session, target, name);
  try {
    const bytes = await sizeOnNode(session, saved.file);
    const streamed = await streamFromNode(session, saved, { ...options, totalBytes: bytes });
    return { ...streamed, serverVersion: '', durationMs: Date.now() - started, how: saved.how };
  } finally {
    await removeOnNode(session, saved.leftover);
  }
}

async function sizeOnNode(session: SshSession, file: string): Promise<number | undefined> {
  const size = Number((await run(session, ['stat', '-c', '%s', '--', file], 'stat')).trim());
  return Number.isFinite(size) ? size : undefined;
}

/** The saved file, packed on the node, across the link, unpacked into `path` (and teed into `also`). */
async function streamFromNode(session: SshSession, saved: SavedOnNode, options: ReceiveOptions) {
  const compression = options.compression ?? 'none';
  // The node removes the plaintext itself, as soon as the packer has it open: the cleanup command sent from
  // here afterwards may never arrive over a cut connection.
  const stream = await session.execStream(
    [
      'sh',
      '-c',
      `dir=$1 packer=$2 file=$3 saver=\n${REMOVE_DIR_ON_EXIT}\n${SEND_FILE}`,
      'sh',
      saved.leftover,
      compression,
      saved.file,
    ],
    { sudo: true },
  );
  return receive(session, stream, options);
}

type ReceiveOptions = {
  path: string;
  progress: ProgressSink;
  also?: Writable;
  compression?: NodeCompression;
  alsoPacked?: boolean;
  totalBytes: number | undefined;
  estimatedBytes?: number;
};

/** The packed stream from the node, unpacked into `path` (and teed into `also`, packed or not). */
async function receive(session: SshSession, stream: ExecStream, options: ReceiveOptions) {
  const compression = options.compression ?? 'none';
  const packed = options.alsoPacked && compression === 'zstd' && options.also ? options.also : undefined;
  const arriving = coalesced(stream.stdout);
  const wire = packed ? countedTee(arriving, packed) : undefined;
  const writing = writeSnapshotFile({
    source: unpacked(wire?.stream ?? arriving, compression),
    path: options.path,
    totalBytes: options.totalBytes,
    ...(options.estimatedBytes ? { estimatedBytes: options.estimatedBytes } : {}),
    progress: options.progress,
    label: compression === 'none' ? 'snapshot (etcdctl)' : `snapshot (etcdctl, ${compression} on the node)`,
    ...(options.also && !packed ? { also: options.also } : {}),
    ...(packed ? { onError: () => packed.destroy() } : {}),
  });
  const written = await writing.catch((error: unknown) => {
    throw saveFailureIn(error, session.target) ?? error;
  });
  // The output ends only after the command exited 0 (any other end fails the stream, and so the write above).
  await stream.done;
  return { ...written, ...(wire ? { packedBytes: wire.bytes() } : {}) };
}

/**
 * The node's own account when the save failed after the sending had begun (SAVE_FAILED_WHILE_SENDING): etcdctl's
 * error, not the cut stream it caused.
 */
function saveFailureIn(error: unknown, target: string): EtcdctlError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e instanceof SshCommandError && e.remoteExitCode === SAVE_FAILED_WHILE_SENDING)
      return new EtcdctlError(
        `etcdctl snapshot save failed on ${target}: ${e.stderr.trim().split('\n').pop() ?? ''}`,
        { hint: `see the message above; ${optionName('method')} grpc needs nothing on the node but sshd` },
      );
  }
  return undefined;
}

/** The bytes as they crossed the link, teed into `into` and counted. */
function countedTee(source: Readable, into: Writable): { stream: Readable; bytes: () => number } {
  const tee = new Tee(into);
  source.on('error', (error) => tee.destroy(error));
  return { stream: source.pipe(tee), bytes: () => tee.bytes };
}

const removeOnNode = (session: SshSession, path: string) =>
  session.exec(['rm', '-rf', '--', path], { sudo: true }).catch(() => {});

/** `etcdctl snapshot save` inside the running etcd container (crictl exec), into its data dir. */
async function saveInContainer(
  session: SshSession,
  target: EtcdctlTarget,
  name: string,
): Promise<SavedOnNode> {
  const ids = await run(
    session,
    ['crictl', 'ps', '--name', '^etcd$', '--state', 'Running', '-q'],
    'crictl ps',
  );
  const id = ids.split('\n').find((line) => line.trim());
  if (!id) throw new EtcdctlError(`no running etcd container on ${session.target} (crictl ps --name etcd)`);
  // Written into the data dir, which the container shares with the node through its hostPath volume.
  const file = posix.join(target.dataHostPath, name);
  const inContainer = posix.join(target.dataDir, name);
  try {
    await run(
      session,
      [
        'crictl',
        'exec',
        id.trim(),
        'etcdctl',
        ...tlsFlags(target.endpoint, target.containerTls ?? target),
        'snapshot',
        'save',
        inContainer,
      ],
      'etcdctl snapshot save in the etcd container',
    );
  } catch (error) {
    await removeOnNode(session, file);
    throw error;
  }
  return { how: 'crictl', file, leftover: file };
}
