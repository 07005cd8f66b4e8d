import { MetadataError } from './metadata';

/** Backup names are the store's keys: `<cluster>-<UTC time YYYYMMDDTHHMMSSZ>-r<revision>`. */

// Characters that are safe in artifact names, release asset names and file names alike.
export const CLUSTER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const NAME_PATTERN = /^([A-Za-z0-9][A-Za-z0-9._-]{0,62})-(\d{8}T\d{6}Z)-r(\d+)$/;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function isValidClusterName(cluster: string): boolean {
  return CLUSTER_PATTERN.test(cluster);
}

function compactUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `<cluster>-<UTC time YYYYMMDDTHHMMSSZ>-r<revision>`, e.g. `prod-20261121T194500Z-r12345`. */
export function backupName(cluster: string, date: Date, revision: number): string {
  if (!isValidClusterName(cluster)) {
    throw new MetadataError(`cluster name '${cluster}' is not usable in a backup name`, {
      hint: 'use 1-63 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
    });
  }
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new MetadataError(`revision ${revision} is not a non-negative integer`);
  }
  if (Number.isNaN(date.getTime())) throw new MetadataError('backup time is not a valid date');
  return `${cluster}-${compactUtc(date)}-r${revision}`;
}

export interface ParsedBackupName {
  cluster: string;
  time: Date;
  revision: number;
}

/** The inverse of backupName(); undefined for anything that is not a backup name. */
export function parseBackupName(name: string): ParsedBackupName | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match) return undefined;
  const [, cluster, stamp, revision] = match as unknown as [string, string, string, string];
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const time = new Date(iso);
  const rev = Number(revision);
  if (Number.isNaN(time.getTime()) || compactUtc(time) !== stamp || !Number.isSafeInteger(rev))
    return undefined;
  return { cluster, time, revision: rev };
}
