import { InputError } from '../../errors';
import {
  RETENTION_OPTIONS,
  retentionPolicyFrom,
  STORE_HELP,
  STORE_OPTIONS,
  storeFromOptions,
} from '../../store/cli-options';
import { prune as applyRetention } from '../../store/retention';
import { type Command, parseCommandArgs } from '../command';

const HELP = `usage: etcd-backup prune --store S [--keep-last N] [--max-age 30d] [--dry-run] [--json]

Deletes old backups. A backup stays if any rule keeps it: it is among the newest N of its cluster, or
younger than the max age. Before deleting anything, the newest backup of each cluster is read back and
its SHA-256 checked; that backup and all newer ones are never deleted.

${STORE_HELP}
  --keep-last N     keep the newest N backups of each cluster
  --max-age D       keep backups younger than D (s, m, h, d or w: 30d, 12h, 2w)
  --dry-run         print what would be deleted, delete nothing
  --json            the plan as JSON on stdout`;

export const prune: Command = {
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        ...STORE_OPTIONS,
        ...RETENTION_OPTIONS,
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const policy = retentionPolicyFrom(values);
    if (policy.keepLast === undefined && policy.maxAgeMs === undefined) {
      throw new InputError('--keep-last/--max-age', 'at least one retention rule');
    }
    const store = storeFromOptions(values);
    const dryRun = values['dry-run'] ?? false;
    const result = await applyRetention(store, policy, {
      dryRun,
      onDelete: (b) => {
        if (!values.json) console.log(`deleted ${b.name}`);
      },
      onLocked: (l) => {
        if (!values.json) console.log(`kept ${l.backup.name}: ${l.reason}`);
      },
    });
    if (values.json) {
      const names = (list: { name: string }[]) => list.map((b) => b.name);
      console.log(
        JSON.stringify(
          {
            store: store.location,
            dryRun,
            protected: result.protected,
            keep: names(result.keep),
            delete: names(result.delete),
            locked: result.locked.map((l) => ({ name: l.backup.name, reason: l.reason })),
          },
          null,
          2,
        ),
      );
    } else if (dryRun) {
      for (const b of result.delete) console.log(`would delete ${b.name}`);
      console.log(
        `${result.delete.length} to delete, ${result.keep.length} to keep (dry run: nothing deleted)`,
      );
    } else {
      const locked = result.locked.length ? ` (${result.locked.length} of them locked by the store)` : '';
      console.log(`${result.delete.length} deleted, ${result.keep.length} kept${locked}`);
    }
    return 0;
  },
};
