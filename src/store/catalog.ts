import { abbreviateKey } from '../envelope/encryption';
import type { BackupMetadata } from '../format';
import { StoreError } from './errors';
import type { BackupStore } from './store';

/** One line of `etcd-backup list`: what a person needs to pick a backup. */
export interface CatalogEntry {
  name: string;
  time: string;
  cluster: string;
  revision: number;
  /** Stored (sealed) size in bytes. */
  size: number;
  snapshotSize: number;
  /** `age1abc…xyz, …`, `passphrase` or `none`. */
  encryptedFor: string;
  /** How many control-plane files (PKI, manifests, kubelet config, kubeconfigs) the backup carries, per node. */
  controlPlaneFiles: Record<string, number>;
}

export function backupTime(metadata: BackupMetadata): number {
  return Date.parse(metadata.createdAt);
}

/** Newest first; at equal times the higher revision first, so the order is total and stable. */
export function newestFirst(backups: BackupMetadata[]): BackupMetadata[] {
  return [...backups].sort(
    (a, b) =>
      backupTime(b) - backupTime(a) || b.etcd.revision - a.etcd.revision || a.name.localeCompare(b.name),
  );
}

export function encryptedFor(metadata: BackupMetadata): string {
  const e = metadata.envelope.encryption;
  if (e.kind === 'age-recipients') return e.recipients.map(abbreviateKey).join(', ');
  return e.kind === 'age-passphrase' ? 'passphrase' : 'none';
}

export function catalogEntry(metadata: BackupMetadata): CatalogEntry {
  return {
    name: metadata.name,
    time: metadata.createdAt,
    cluster: metadata.cluster,
    revision: metadata.etcd.revision,
    size: metadata.envelope.blob.size,
    snapshotSize: metadata.snapshot.size,
    encryptedFor: encryptedFor(metadata),
    controlPlaneFiles: Object.fromEntries(
      (metadata.controlPlane?.nodes ?? []).map((n) => [n.node, n.files.length]),
    ),
  };
}

export type Selector = { latest: true } | { name: string } | { at: Date };

/** `latest`, an ISO 8601 time (the newest backup at or before it), or a backup name. */
export function parseSelector(text: string): Selector {
  const value = text.trim();
  if (value === '' || value === 'latest') return { latest: true };
  if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) {
      throw new StoreError('not-found', `'${value}' is not a valid ISO 8601 time`, {
        hint: 'use e.g. 2026-11-21T18:00:00Z, a backup name, or latest',
      });
    }
    return { at };
  }
  return { name: value };
}

/** Picks one backup, optionally only among one cluster's, or fails naming what was looked for. */
export function selectBackup(
  backups: BackupMetadata[],
  selector: Selector,
  options: { cluster?: string; location?: string } = {},
): BackupMetadata {
  const where = options.location ?? 'the store';
  const pool = newestFirst(
    backups.filter((b) => options.cluster === undefined || b.cluster === options.cluster),
  );
  const scope = options.cluster ? ` for cluster ${options.cluster}` : '';
  let found: BackupMetadata | undefined;
  let wanted: string;
  if ('latest' in selector) {
    found = pool[0];
    wanted = `backups${scope}`;
  } else if ('name' in selector) {
    found = pool.find((b) => b.name === selector.name);
    wanted = `backup named ${selector.name}`;
  } else {
    found = pool.find((b) => backupTime(b) <= selector.at.getTime());
    wanted = `backup${scope} taken at or before ${selector.at.toISOString()}`;
  }
  if (!found) {
    const oldest = pool[pool.length - 1];
    const hint = oldest
      ? `${pool.length} backup(s)${scope} in ${where}, oldest ${oldest.name}; see etcd-backup list`
      : `${where} holds no backups${scope}`;
    throw new StoreError('not-found', `${where} has no ${wanted}`, { hint });
  }
  return found;
}

export async function readCatalog(
  store: BackupStore,
): Promise<{ entries: CatalogEntry[]; problems: string[] }> {
  const listing = await store.list();
  return { entries: newestFirst(listing.backups).map(catalogEntry), problems: listing.problems };
}
