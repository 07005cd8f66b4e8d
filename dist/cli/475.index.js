import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 475;
export const ids = [475];
export const modules = {

/***/ 90475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  list: () => (/* binding */ list)
});

// EXTERNAL MODULE: ./src/store/catalog.ts
var catalog = __webpack_require__(754);
// EXTERNAL MODULE: ./src/store/cli-options.ts + 8 modules
var cli_options = __webpack_require__(41913);
// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
;// CONCATENATED MODULE: ./src/store/print.ts

/** The human table of `etcd-backup list`: newest first, one backup per line. */
function formatCatalog(entries) {
    if (entries.length === 0)
        return 'no backups';
    const rows = [
        ['NAME', 'TIME (UTC)', 'CLUSTER', 'REVISION', 'SIZE', 'ENCRYPTED FOR'],
        ...entries.map((e) => [
            e.name,
            e.time.replace(/\.\d+Z$/, 'Z'),
            e.cluster,
            String(e.revision),
            (0,progress/* formatBytes */.z3)(e.size),
            e.encryptedFor,
        ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows
        .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
        .join('\n');
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/commands/list.ts




const HELP = `usage: etcd-backup list --store S [--cluster C] [--json]

Lists the backups in a store, newest first: name, time, cluster, revision, stored size, and who can
decrypt them. Reads only metadata; no key is needed.

${cli_options/* STORE_HELP */.UJ}
  --cluster C       only backups of cluster C
  --json            {"backups": [...], "problems": [...]} on stdout`;
const list = {
    async run(argv) {
        const { values } = (0,command/* parseCommandArgs */.Q)(argv, {
            ...cli_options/* STORE_OPTIONS */.n0,
            cluster: { type: 'string' },
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        }, false);
        if (values.help) {
            console.log(HELP);
            return 0;
        }
        const store = (0,cli_options/* storeFromOptions */.o1)(values);
        const { entries, problems } = await (0,catalog/* readCatalog */.uM)(store);
        const shown = values.cluster === undefined ? entries : entries.filter((e) => e.cluster === values.cluster);
        if (values.json) {
            console.log(JSON.stringify({ store: store.location, backups: shown, problems }, null, 2));
        }
        else {
            console.log(formatCatalog(shown));
            for (const problem of problems)
                console.error(`warning: ${problem}`);
        }
        return 0;
    },
};


/***/ })

};
