import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { checkServerIdentity } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { EtcdError, etcdErrorFrom } from './errors';
import { etcdServices } from './proto';
import { decodeKeysPage, type KeyRevision, type KeysPage } from './range-keys';

export interface EtcdTls {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  /** Name to check the server certificate against when the address is not one of its SANs. */
  serverName?: string;
}

export interface EtcdConnectOptions {
  /** 'host:port' as reachable from this process, e.g. a local tunnel port. */
  address: string;
  tls?: EtcdTls;
  channelOptions?: grpc.ChannelOptions;
  /** Deadline for unary calls. */
  callTimeoutMs?: number;
}

export interface KeyValue {
  key: Buffer;
  value: Buffer;
  createRevision: bigint;
  modRevision: bigint;
  version: bigint;
  lease: bigint;
}

export interface MemberStatus {
  version: string;
  dbSize: bigint;
  dbSizeInUse: bigint;
  leader: bigint;
  memberId: bigint;
  clusterId: bigint;
  raftIndex: bigint;
  raftTerm: bigint;
  revision: bigint;
  errors: string[];
  isLearner: boolean;
  /** 3.6+: the storage version of the member's backend; '' before. */
  storageVersion: string;
}

export interface Member {
  id: bigint;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}

export type AlarmName = 'NONE' | 'NOSPACE' | 'CORRUPT';
export const ALARMS: AlarmName[] = ['NONE', 'NOSPACE', 'CORRUPT'];

export interface SnapshotStream {
  /** Bytes the server will send: the database plus the 32-byte SHA-256 trailer. */
  totalBytes: number;
  /** 3.6+: the storage version of the member that made the snapshot; '' before. */
  version: string;
  /** The raw snapshot bytes in order (database, then trailer), with backpressure. */
  chunks: AsyncIterable<Buffer>;
  cancel(): void;
}

/**
 * etcd's HTTP/2 default flow-control window (64 KiB) makes a snapshot crawl through an SSH tunnel (one window
 * per round trip: ~1.4 MB/s measured); a 16 MiB window gives ~110 MB/s.
 */
export const SNAPSHOT_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc-node.flow_control_window': 16 * 1024 * 1024,
  'grpc.max_receive_message_length': -1,
  'grpc.max_send_message_length': 64 * 1024 * 1024,
};

type Raw = Record<string, unknown>;
type GrpcClient = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

const big = (v: unknown): bigint => BigInt((v as string | number | undefined) ?? 0);
const bytes = (v: string | Buffer): Buffer => (typeof v === 'string' ? Buffer.from(v) : v);

/** The end of the range that holds every key starting with `prefix` (etcd's convention). */
export function prefixRangeEnd(prefix: Buffer): Buffer {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]! += 1;
      return end.subarray(0, i + 1);
    }
  }
  return Buffer.from([0]);
}

/**
 * The key and range_end fields of a range or delete. A single key must be sent with no range_end at all: etcd
 * reads a present-but-empty range_end as "every key from here on" (a delete would take them all).
 */
function rangeOf(key: string | Buffer, options: { rangeEnd?: string | Buffer; prefix?: boolean }): Raw {
  const k = bytes(key);
  if (options.prefix) return { key: k, range_end: prefixRangeEnd(k) };
  const end = options.rangeEnd === undefined ? undefined : bytes(options.rangeEnd);
  return end && end.length > 0 ? { key: k, range_end: end } : { key: k };
}

function toKeyValue(raw: Raw): KeyValue {
  return {
    key: raw.key as Buffer,
    value: raw.value as Buffer,
    createRevision: big(raw.create_revision),
    modRevision: big(raw.mod_revision),
    version: big(raw.version),
    lease: big(raw.lease),
  };
}

function toMember(m: Raw): Member {
  return {
    id: big(m.ID),
    name: String(m.name),
    peerURLs: m.peerURLs as string[],
    clientURLs: m.clientURLs as string[],
    isLearner: Boolean(m.isLearner),
  };
}

/** A small etcd v3 client over @grpc/grpc-js: what backup, restore, drills, the sandbox and tests need. */
export class EtcdClient {
  private readonly clients: Record<'KV' | 'Lease' | 'Cluster' | 'Maintenance', GrpcClient>;
  private readonly timeoutMs: number;

  protected constructor(
    readonly address: string,
    options: EtcdConnectOptions,
  ) {
    const services = etcdServices();
    const serverName = options.tls?.serverName ?? address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    // An IP cannot go in SNI (RFC 6066): send a neutral name and check the certificate's IP SANs ourselves.
    const checkIp = isIP(serverName) ? serverName : undefined;
    const credentials = options.tls
      ? grpc.credentials.createSsl(options.tls.ca, options.tls.key, options.tls.cert, {
          ...(checkIp ? { checkServerIdentity: (_host, cert) => checkServerIdentity(checkIp, cert) } : {}),
        })
      : grpc.credentials.createInsecure();
    const channelOptions: grpc.ChannelOptions = {
      ...SNAPSHOT_CHANNEL_OPTIONS,
      ...(options.tls ? { 'grpc.ssl_target_name_override': checkIp ? 'localhost' : serverName } : {}),
      ...options.channelOptions,
    };
    // All services share one channel (one TCP connection, one TLS handshake).
    const kv = new services.KV(address, credentials, channelOptions) as unknown as GrpcClient;
    const channel = { channelOverride: kv.getChannel() };
    this.clients = {
      KV: kv,
      Lease: new services.Lease(address, credentials, channel) as unknown as GrpcClient,
      Cluster: new services.Cluster(address, credentials, channel) as unknown as GrpcClient,
      Maintenance: new services.Maintenance(address, credentials, channel) as unknown as GrpcClient,
    };
    this.timeoutMs = options.callTimeoutMs ?? 15_000;
  }

  static connect(options: EtcdConnectOptions): EtcdClient {
    return new EtcdClient(options.address, options);
  }

  /** One unary call; subclasses outside the product (the sandbox's writer) build on it. */
  protected unary<T = Raw>(
    service: keyof EtcdClient['clients'],
    method: string,
    request: Raw,
    timeoutMs?: number,
  ): Promise<T> {
    const client = this.clients[service];
    const deadline = new Date(Date.now() + (timeoutMs ?? this.timeoutMs));
    return new Promise<T>((resolve, reject) => {
      client[method]!(request, { deadline }, (error: grpc.ServiceError | null, response: T) => {
        if (error) reject(etcdErrorFrom(error, `${service}.${method}`, this.address));
        else resolve(response);
      });
    });
  }

  async range(
    key: string | Buffer,
    options: {
      rangeEnd?: string | Buffer;
      prefix?: boolean;
      limit?: number;
      revision?: bigint;
      keysOnly?: boolean;
      countOnly?: boolean;
      serializable?: boolean;
    } = {},
  ): Promise<{ kvs: KeyValue[]; count: number; revision: bigint; more: boolean }> {
    const r = await this.unary('KV', 'Range', {
      ...rangeOf(key, options),
      limit: String(options.limit ?? 0),
      revision: String(options.revision ?? 0n),
      keys_only: options.keysOnly ?? false,
      count_only: options.countOnly ?? false,
      serializable: options.serializable ?? false,
    });
    return {
      kvs: (r.kvs as Raw[]).map(toKeyValue),
      count: Number(r.count),
      revision: big((r.header as Raw).revision),
      more: Boolean(r.more),
    };
  }

  /**
   * A keys-only range decoded to keys and their mod revisions alone (see range-keys.ts): for listings of every
   * key, where the generic decoder's objects per key would be the bulk of the memory.
   */
  rangeKeys(key: Buffer, options: { rangeEnd: Buffer; limit: number; revision?: bigint }): Promise<KeysPage> {
    const method = etcdServices().KV.service.Range!;
    const request = {
      ...rangeOf(key, options),
      limit: String(options.limit),
      revision: String(options.revision ?? 0n),
      keys_only: true,
    };
    const deadline = new Date(Date.now() + this.timeoutMs);
    return new Promise<KeysPage>((resolve, reject) => {
      this.clients.KV.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        decodeKeysPage,
        request,
        { deadline },
        (error: grpc.ServiceError | null, page?: KeysPage) => {
          if (error || !page) reject(etcdErrorFrom(error!, 'KV.Range', this.address));
          else resolve(page);
        },
      );
    });
  }

  /**
   * Every key in [key, rangeEnd), keys only (rangeKeys), page by page, all read at one revision: the given one,
   * else that of the first page. Each page comes with that revision.
   */
  scanKeys(
    key: Buffer,
    options: { rangeEnd: Buffer; pageSize: number; revision?: bigint },
  ): AsyncGenerator<{ kvs: KeyRevision[]; revision: bigint }> {
    return pagesAtOneRevision(key, options.revision, (from, revision) =>
      this.rangeKeys(from, {
        rangeEnd: options.rangeEnd,
        limit: options.pageSize,
        ...(revision ? { revision } : {}),
      }).then((page) => ({ kvs: page.keys, more: page.more, revision: page.revision })),
    );
  }

  /** Every key-value in [key, rangeEnd), page by page, all read at one revision (that of the first page). */
  scanPages(
    key: Buffer,
    options: { rangeEnd: Buffer; pageSize: number },
  ): AsyncGenerator<{ kvs: KeyValue[]; revision: bigint }> {
    return pagesAtOneRevision(key, undefined, (from, revision) =>
      this.range(from, {
        rangeEnd: options.rangeEnd,
        limit: options.pageSize,
        ...(revision ? { revision } : {}),
      }),
    );
  }

  /** Every key-value in [key, rangeEnd) at one revision, fetched in pages so memory stays bounded per page. */
  async *scan(
    key: string | Buffer,
    options: { rangeEnd?: string | Buffer; prefix?: boolean; pageSize?: number } = {},
  ) {
    const start = bytes(key);
    const end = options.prefix
      ? prefixRangeEnd(start)
      : options.rangeEnd
        ? bytes(options.rangeEnd)
        : prefixRangeEnd(start);
    for await (const page of this.scanPages(start, { rangeEnd: end, pageSize: options.pageSize ?? 1000 }))
      yield* page.kvs;
  }

  async deleteRange(key: string | Buffer, options: { rangeEnd?: string | Buffer; prefix?: boolean } = {}) {
    const r = await this.unary('KV', 'DeleteRange', rangeOf(key, options));
    return { deleted: Number(r.deleted), revision: big((r.header as Raw).revision) };
  }

  async status(): Promise<MemberStatus> {
    const r = await this.unary('Maintenance', 'Status', {});
    const header = r.header as Raw;
    return {
      version: String(r.version),
      dbSize: big(r.dbSize),
      dbSizeInUse: big(r.dbSizeInUse),
      leader: big(r.leader),
      memberId: big(header.member_id),
      clusterId: big(header.cluster_id),
      raftIndex: big(r.raftIndex),
      raftTerm: big(r.raftTerm),
      revision: big(header.revision),
      errors: (r.errors as string[]) ?? [],
      isLearner: Boolean(r.isLearner),
      storageVersion: String(r.storageVersion ?? ''),
    };
  }

  /** Linearizable by default (needs a leader); `linearizable: false` answers from the member's own view. */
  async memberList(options: { linearizable?: boolean } = {}): Promise<Member[]> {
    const r = await this.unary('Cluster', 'MemberList', { linearizable: options.linearizable ?? true });
    return (r.members as Raw[]).map(toMember);
  }

  /** Announces a new member by its peer URLs, as kubeadm join does before the member's etcd starts. */
  async memberAdd(peerURLs: string[], options: { learner?: boolean } = {}): Promise<Member> {
    const r = await this.unary('Cluster', 'MemberAdd', { peerURLs, isLearner: options.learner ?? false });
    return toMember(r.member as Raw);
  }

  /** Makes a learner a voter; etcd refuses until the learner has caught up with the leader. */
  async memberPromote(id: bigint): Promise<void> {
    await this.unary('Cluster', 'MemberPromote', { ID: String(id) });
  }

  /** Takes a member out of the cluster (a rebuilt node's lost member is replaced this way). */
  async memberRemove(id: bigint): Promise<void> {
    await this.unary('Cluster', 'MemberRemove', { ID: id.toString() });
  }

  async alarmList(): Promise<Array<{ memberId: bigint; alarm: AlarmName }>> {
    return this.alarm(0, 0n, 0);
  }

  protected async alarm(action: number, memberId: bigint, alarm: number) {
    const r = await this.unary('Maintenance', 'Alarm', { action, memberID: String(memberId), alarm });
    return (r.alarms as Raw[]).map((a) => ({
      memberId: big(a.memberID),
      alarm: ALARMS[Number(a.alarm)] ?? 'NONE',
    }));
  }

  /**
   * Starts Maintenance.Snapshot and waits for the first message, which tells the size. The stream has no
   * deadline (a big snapshot takes minutes); cancel() aborts it.
   */
  async openSnapshot(): Promise<SnapshotStream> {
    const call = this.clients.Maintenance.Snapshot!({}) as grpc.ClientReadableStream<Raw> & Readable;
    const iterator = call[Symbol.asyncIterator]() as AsyncIterator<Raw>;
    let first: IteratorResult<Raw>;
    try {
      first = await iterator.next();
    } catch (error) {
      throw etcdErrorFrom(error, 'Maintenance.Snapshot', this.address);
    }
    if (first.done)
      throw new EtcdError(`etcd Maintenance.Snapshot at ${this.address}: the stream ended before any data`);
    const firstBlob = first.value.blob as Buffer;
    // remaining_bytes is what is left of the database after this message; the trailer comes on top.
    const totalBytes = Number(first.value.remaining_bytes) + firstBlob.length + 32;
    const address = this.address;
    async function* chunks(): AsyncGenerator<Buffer> {
      yield firstBlob;
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value.blob as Buffer;
        }
      } catch (error) {
        throw etcdErrorFrom(error, 'Maintenance.Snapshot', address);
      }
    }
    return {
      totalBytes,
      version: String(first.value.version ?? ''),
      chunks: chunks(),
      cancel: () => call.cancel(),
    };
  }

  /** The raw snapshot bytes in order: the database, then the 32-byte SHA-256 trailer. */
  async *snapshot(): AsyncIterable<Buffer> {
    const s = await this.openSnapshot();
    yield* s.chunks;
  }

  close(): void {
    for (const client of Object.values(this.clients)) client.close();
  }
}

/**
 * The pages of a range, each starting after the last key of the one before, all read at one revision: the
 * given one, else that of the first page.
 */
async function* pagesAtOneRevision<T extends { key: Buffer }>(
  start: Buffer,
  revision: bigint | undefined,
  fetch: (
    from: Buffer,
    revision: bigint | undefined,
  ) => Promise<{ kvs: T[]; more: boolean; revision: bigint }>,
): AsyncGenerator<{ kvs: T[]; revision: bigint }> {
  let from = start;
  let at = revision;
  for (;;) {
    const page = await fetch(from, at);
    at ??= page.revision;
    yield { kvs: page.kvs, revision: at };
    if (!page.more || page.kvs.length === 0) return;
    from = Buffer.concat([page.kvs[page.kvs.length - 1]!.key, Buffer.from([0])]);
  }
}
