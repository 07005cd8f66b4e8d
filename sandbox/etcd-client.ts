import { ALARMS, type AlarmName, EtcdClient, type EtcdConnectOptions } from '../src/etcd/client';
import { EtcdError } from '../src/etcd/errors';

type Raw = Record<string, unknown>;
const bytes = (v: string | Buffer): Buffer => (typeof v === 'string' ? Buffer.from(v) : v);
const revisionOf = (r: Raw): bigint => BigInt(((r.header as Raw).revision as string | undefined) ?? 0);

/**
 * The product only reads etcd and takes snapshots; writing, compacting, leases and alarms are what the sandbox
 * (seeding a cluster) and the tests (shaping one) need, so they live here and stay out of every bundle.
 */
export class SandboxEtcdClient extends EtcdClient {
  static override connect(options: EtcdConnectOptions): SandboxEtcdClient {
    return new SandboxEtcdClient(options.address, options);
  }

  async put(
    key: string | Buffer,
    value: string | Buffer,
    options: { lease?: bigint } = {},
  ): Promise<{ revision: bigint }> {
    const r = await this.unary('KV', 'Put', {
      key: bytes(key),
      value: bytes(value),
      lease: String(options.lease ?? 0n),
    });
    return { revision: revisionOf(r) };
  }

  /** Puts many keys in one transaction (etcd's default limit is 128 operations per transaction). */
  async putMany(entries: Array<[string | Buffer, string | Buffer]>): Promise<{ revision: bigint }> {
    const success = entries.map(([key, value]) => ({
      request_put: { key: bytes(key), value: bytes(value) },
    }));
    return { revision: revisionOf(await this.unary('KV', 'Txn', { success })) };
  }

  async compact(revision: bigint, physical = true): Promise<void> {
    await this.unary('KV', 'Compact', { revision: String(revision), physical }, 120_000);
  }

  async leaseGrant(ttlSeconds: number): Promise<bigint> {
    const r = await this.unary('Lease', 'LeaseGrant', { TTL: String(ttlSeconds), ID: '0' });
    if (r.error) throw new EtcdError(`etcd lease grant: ${String(r.error)}`);
    return BigInt((r.ID as string | undefined) ?? 0);
  }

  async defragment(): Promise<void> {
    await this.unary('Maintenance', 'Defragment', {}, 300_000);
  }

  /** Raises an alarm on a member (tests use it to put a cluster into NOSPACE, like a full disk would). */
  async alarmActivate(memberId: bigint, alarm: Exclude<AlarmName, 'NONE'>) {
    return this.alarm(1, memberId, ALARMS.indexOf(alarm));
  }

  async alarmDeactivate(memberId: bigint, alarm: Exclude<AlarmName, 'NONE'>) {
    return this.alarm(2, memberId, ALARMS.indexOf(alarm));
  }
}
