import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors';
import type { BackupMetadata } from '../format';
import { shown } from '../util/shown';
import { backupTime, newestFirst } from './catalog';
import { StoreError } from './errors';
import type { BackupStore } from './store';

export interface RetentionPolicy {
  /** Keep the newest N backups of each cluster. */
  keepLast?: number;
  /** Keep every backup younger than this. */
  maxAgeMs?: number;
}

export interface RetentionPlan {
  keep: BackupMetadata[];
  delete: BackupMetadata[];
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `2w`… */
export function parseDuration(text: string, input = 'max-age'): number {
  const match = /^(\d+)([smhdw])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0)
    throw new InputError(input, `a duration like 30d, 12h or 2w (got ${shown(text)})`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

/**
 * Decides what to delete. A backup is kept if any rule keeps it (keep-last OR younger than max-age), so
 * adding a rule never deletes more. Rules apply per cluster, and each cluster's protected backup (the
 * newest one known to be good) and everything newer than it are always kept.
 */
export function planRetention(
  backups: BackupMetadata[],
  policy: RetentionPolicy,
  options: { now: Date; protect: Set<string> },
): RetentionPlan {
  const plan: RetentionPlan = { keep: [], delete: [] };
  if (policy.keepLast === undefined && policy.maxAgeMs === undefined)
    return { keep: [...backups], delete: [] };
  const byCluster = new Map<string, BackupMetadata[]>();
  for (const b of backups) byCluster.set(b.cluster, [...(byCluster.get(b.cluster) ?? []), b]);
  for (const group of byCluster.values()) {
    const sorted = newestFirst(group);
    const protectedAt = sorted.findIndex((b) => options.protect.has(b.name));
    sorted.forEach((b, i) => {
      const byCount = policy.keepLast !== undefined && i < policy.keepLast;
      const byAge = policy.maxAgeMs !== undefined && options.now.getTime() - backupTime(b) <= policy.maxAgeMs;
      const isProtected = protectedAt === -1 || i <= protectedAt;
      (byCount || byAge || isProtected ? plan.keep : plan.delete).push(b);
    });
  }
  return plan;
}

/** Reads a stored blob to its end through the store's digest check; true if it came back intact. */
export async function blobIsIntact(store: BackupStore, name: string): Promise<boolean> {
  try {
    const { blob } = await store.get(name);
    await pipeline(
      blob,
      new Writable({
        write(_chunk, _encoding, done) {
          done();
        },
      }),
    );
    return true;
  } catch {
    return false;
  }
}

export interface LockedBackup {
  backup: BackupMetadata;
  /** The store's one-line refusal, naming until when (S3 Object Lock). */
  reason: string;
}

export interface PruneResult extends RetentionPlan {
  /** Per cluster, the backup that was verified and protected. */
  protected: string[];
  /** Due for deletion, but the store's retention still protects them: kept, not a failure. */
  locked: LockedBackup[];
  dryRun: boolean;
}

/**
 * Applies a policy to a store. `verified` names backups already known good (the one just stored and read
 * back); for clusters without one, the newest backup whose blob reads back intact is found first. A
 * cluster with no intact backup loses nothing.
 */
export async function prune(
  store: BackupStore,
  policy: RetentionPolicy,
  options: {
    now?: Date;
    verified?: string[];
    dryRun?: boolean;
    onDelete?: (b: BackupMetadata) => void;
    onLocked?: (locked: LockedBackup) => void;
  } = {},
): Promise<PruneResult> {
  const { backups } = await store.list();
  const protect = new Set<string>();
  const verified = new Set(options.verified ?? []);
  const clusters = new Set(backups.map((b) => b.cluster));
  for (const cluster of clusters) {
    for (const b of newestFirst(backups.filter((x) => x.cluster === cluster))) {
      if (verified.has(b.name) || (await blobIsIntact(store, b.name))) {
        protect.add(b.name);
        break;
      }
    }
  }
  const plan = planRetention(backups, policy, { now: options.now ?? new Date(), protect });
  const locked: LockedBackup[] = [];
  if (!options.dryRun) {
    for (const b of plan.delete) {
      try {
        await store.delete(b.name);
        options.onDelete?.(b);
      } catch (error) {
        if (!(error instanceof StoreError && error.reason === 'locked')) throw error;
        locked.push({ backup: b, reason: error.message });
        options.onLocked?.(locked[locked.length - 1]!);
      }
    }
  }
  const stillThere = new Set(locked.map((l) => l.backup.name));
  return {
    keep: [...plan.keep, ...locked.map((l) => l.backup)],
    delete: plan.delete.filter((b) => !stillThere.has(b.name)),
    protected: [...protect],
    locked,
    dryRun: options.dryRun ?? false,
  };
}
