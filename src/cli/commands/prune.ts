import { InputError } from '../../errors';
import { EXIT } from '../../exit-codes';
import { isOn, retentionFrom, STORE, storeFrom, switchOption } from '../../options';
import { prune as applyRetention } from '../../store/retention';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';

const OUTPUT_JSON = jsonOption('the plan as JSON on stdout');
const DRY_RUN = switchOption('pruneDryRun', {
  flag: 'dry-run',
  help: 'print what would be deleted, delete nothing',
});

export const prune = defineCommand(
  {
    name: 'prune',
    usage: ['--store S [--keep-last N] [--max-age 30d] [--dry-run] [--json]'],
    about: `Deletes old backups. A backup stays if any rule keeps it: it is among the newest N of its cluster, or
younger than the max age. Before deleting anything, the newest backup of each cluster is read back and
its SHA-256 checked; that backup and all newer ones are never deleted.`,
    exitCodes: [EXIT.done, EXIT.failed, EXIT.badInput, EXIT.verificationFailed],
    positionals: 0,
    sections: [
      { options: [STORE.store, STORE.repository, STORE.githubToken, STORE.keepLast, STORE.maxAge] },
      { options: [DRY_RUN, OUTPUT_JSON] },
    ],
  },
  async ({ values }) => {
    const policy = retentionFrom(values);
    if (policy.keepLast === undefined && policy.maxAgeMs === undefined) {
      throw new InputError(
        `${values.nameOf(STORE.keepLast)}/${values.nameOf(STORE.maxAge)}`,
        'at least one retention rule',
      );
    }
    const store = storeFrom(values, { writes: false });
    const dryRun = isOn(values, DRY_RUN);
    const json = isOn(values, OUTPUT_JSON);
    const result = await applyRetention(store, policy, {
      dryRun,
      onDelete: (b) => {
        if (!json) console.log(`deleted ${b.name}`);
      },
      onLocked: (l) => {
        if (!json) console.log(`kept ${l.backup.name}: ${l.reason}`);
      },
    });
    if (json) {
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
);
