import { EXIT } from '../../exit-codes';
import { isOn, read, STORE, storeFrom } from '../../options';
import { readCatalog } from '../../store/catalog';
import { formatCatalog } from '../../store/print';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';

const OUTPUT_JSON = jsonOption('{"backups": [...], "problems": [...]} on stdout');

export const list = defineCommand(
  {
    name: 'list',
    usage: ['--store S [--cluster C] [--json]'],
    about: `Lists the backups in a store, newest first: name, time, cluster, revision, stored size, and who can
decrypt them. Reads only metadata; no key is needed.`,
    exitCodes: [EXIT.done, EXIT.failed, EXIT.badInput],
    positionals: 0,
    sections: [
      {
        options: [STORE.store, STORE.repository, STORE.githubToken, STORE.runId, STORE.cluster, OUTPUT_JSON],
      },
    ],
  },
  async ({ values }) => {
    const store = storeFrom(values, { writes: false });
    const cluster = read(values, STORE.cluster);
    const { entries, problems } = await readCatalog(store);
    const shown = cluster === undefined ? entries : entries.filter((e) => e.cluster === cluster);
    if (isOn(values, OUTPUT_JSON)) {
      console.log(JSON.stringify({ store: store.location, backups: shown, problems }, null, 2));
    } else {
      console.log(formatCatalog(shown));
      for (const problem of problems) console.error(`warning: ${problem}`);
    }
    return 0;
  },
);
