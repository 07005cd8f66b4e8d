import { crc32c } from './crc32c';
import { type KubernetesValue, readKubernetesValue } from './kubernetes';
import type { KeyValue } from './mvcc';

/** What is remembered of a live key's newest value: enough for inventory and diff, not the value itself. */
export interface LiveObject {
  modRevision: number;
  /** CRC-32C of the value: tells a changed value from an unchanged one between two snapshots. */
  valueCrc: number;
  valueSize: number;
  value: KubernetesValue;
}

/**
 * The live user keys of bucket `key`, rebuilt by replaying revisions in order (a put adds, a tombstone
 * removes), like etcd 3.6's `snapshot status`. Keys are held as latin1 strings (byte-exact). Memory grows
 * with the number of live keys, as in etcd itself; values are never kept.
 */
export class LiveKeys {
  readonly objects = new Map<string, LiveObject | null>();

  constructor(private readonly detailed: boolean) {}

  apply(kv: KeyValue, tombstone: boolean): void {
    const key = kv.key.toString('latin1');
    if (tombstone) {
      this.objects.delete(key);
      return;
    }
    if (!this.detailed) {
      this.objects.set(key, null);
      return;
    }
    this.objects.set(key, {
      modRevision: kv.modRevision,
      valueCrc: crc32c(kv.value),
      valueSize: kv.value.length,
      value: readKubernetesValue(kv.value),
    });
  }

  get size(): number {
    return this.objects.size;
  }
}
