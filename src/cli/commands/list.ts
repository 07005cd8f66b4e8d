import { readCatalog } from '../../store/catalog';
import { STORE_HELP, STORE_OPTIONS, storeFromOptions } from '../../store/cli-options';
import { formatCatalog } from '../../store/print';
import { type Command, parseCommandArgs } from '../command';

const HELP = `usage: etcd-backup list --store S [--cluster C] [--json]

Lists the backups in a store, newest first: name, time, cluster, revision, stored size, and who can
decrypt them. Reads only metadata; no key is needed.

${STORE_HELP}
  --cluster C       only backups of cluster C
  --json            {"backups": [...], "problems": [...]} on stdout`;

export const list: Command = {
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        ...STORE_OPTIONS,
        cluster: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const store = storeFromOptions(values);
    const { entries, problems } = await readCatalog(store);
    const shown =
      values.cluster === undefined ? entries : entries.filter((e) => e.cluster === values.cluster);
    if (values.json) {
      console.log(JSON.stringify({ store: store.location, backups: shown, problems }, null, 2));
    } else {
      console.log(formatCatalog(shown));
      for (const problem of problems) console.error(`warning: ${problem}`);
    }
    return 0;
  },
};
