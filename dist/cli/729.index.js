import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 729;
export const ids = [729];
export const modules = {

/***/ 83729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   prune: () => (/* binding */ prune)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _store_cli_options__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41913);
/* harmony import */ var _store_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89311);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3567);




const HELP = `usage: etcd-backup prune --store S [--keep-last N] [--max-age 30d] [--dry-run] [--json]

Deletes old backups. A backup stays if any rule keeps it: it is among the newest N of its cluster, or
younger than the max age. Before deleting anything, the newest backup of each cluster is read back and
its SHA-256 checked; that backup and all newer ones are never deleted.

${_store_cli_options__WEBPACK_IMPORTED_MODULE_1__/* .STORE_HELP */ .UJ}
  --keep-last N     keep the newest N backups of each cluster
  --max-age D       keep backups younger than D (s, m, h, d or w: 30d, 12h, 2w)
  --dry-run         print what would be deleted, delete nothing
  --json            the plan as JSON on stdout`;
const prune = {
    async run(argv) {
        const { values } = (0,_command__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Q)(argv, {
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_1__/* .STORE_OPTIONS */ .n0,
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_1__/* .RETENTION_OPTIONS */ .sV,
            'dry-run': { type: 'boolean' },
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        }, false);
        if (values.help) {
            console.log(HELP);
            return 0;
        }
        const policy = (0,_store_cli_options__WEBPACK_IMPORTED_MODULE_1__/* .retentionPolicyFrom */ .Nf)(values);
        if (policy.keepLast === undefined && policy.maxAgeMs === undefined) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--keep-last/--max-age', 'at least one retention rule');
        }
        const store = (0,_store_cli_options__WEBPACK_IMPORTED_MODULE_1__/* .storeFromOptions */ .o1)(values);
        const dryRun = values['dry-run'] ?? false;
        const result = await (0,_store_retention__WEBPACK_IMPORTED_MODULE_2__/* .prune */ .R3)(store, policy, {
            dryRun,
            onDelete: (b) => {
                if (!values.json)
                    console.log(`deleted ${b.name}`);
            },
        });
        if (values.json) {
            const names = (list) => list.map((b) => b.name);
            console.log(JSON.stringify({
                store: store.location,
                dryRun,
                protected: result.protected,
                keep: names(result.keep),
                delete: names(result.delete),
            }, null, 2));
        }
        else if (dryRun) {
            for (const b of result.delete)
                console.log(`would delete ${b.name}`);
            console.log(`${result.delete.length} to delete, ${result.keep.length} to keep (dry run: nothing deleted)`);
        }
        else {
            console.log(`${result.delete.length} deleted, ${result.keep.length} kept`);
        }
        return 0;
    },
};


/***/ })

};
