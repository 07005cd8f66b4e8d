import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 673;
export const ids = [673];
export const modules = {

/***/ 73673:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   list: () => (/* binding */ list)
/* harmony export */ });
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91084);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44502);
/* harmony import */ var _store_catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(754);
/* harmony import */ var _store_print__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74586);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3567);
/* harmony import */ var _json_option__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54218);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_options__WEBPACK_IMPORTED_MODULE_1__, _command__WEBPACK_IMPORTED_MODULE_4__, _json_option__WEBPACK_IMPORTED_MODULE_5__]);
([_options__WEBPACK_IMPORTED_MODULE_1__, _command__WEBPACK_IMPORTED_MODULE_4__, _json_option__WEBPACK_IMPORTED_MODULE_5__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);






const OUTPUT_JSON = (0,_json_option__WEBPACK_IMPORTED_MODULE_5__/* .jsonOption */ .E)('{"backups": [...], "problems": [...]} on stdout');
const list = (0,_command__WEBPACK_IMPORTED_MODULE_4__/* .defineCommand */ .N)({
    name: 'list',
    usage: ['--store S [--cluster C] [--json]'],
    about: `Lists the backups in a store, newest first: name, time, cluster, revision, stored size, and who can
decrypt them. Reads only metadata; no key is needed.`,
    exitCodes: [_exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.done, _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.failed, _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput],
    positionals: 0,
    sections: [
        {
            options: [
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.store,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.repository,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.githubToken,
                ..._options__WEBPACK_IMPORTED_MODULE_1__/* .S3_READ */ .iG,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.runId,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.cluster,
                OUTPUT_JSON,
            ],
        },
    ],
}, async ({ values }) => {
    const store = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .storeFrom */ .O5)(values, { writes: false });
    const cluster = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.cluster);
    const { entries, problems } = await (0,_store_catalog__WEBPACK_IMPORTED_MODULE_2__/* .readCatalog */ .uM)(store);
    const shown = cluster === undefined ? entries : entries.filter((e) => e.cluster === cluster);
    if ((0,_options__WEBPACK_IMPORTED_MODULE_1__/* .isOn */ .Mp)(values, OUTPUT_JSON)) {
        console.log(JSON.stringify({ store: store.location, backups: shown, problems }, null, 2));
    }
    else {
        console.log((0,_store_print__WEBPACK_IMPORTED_MODULE_3__/* .formatCatalog */ .f)(shown));
        for (const problem of problems)
            console.error(`warning: ${problem}`);
    }
    return 0;
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 54218:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ jsonOption)
/* harmony export */ });
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44502);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_options__WEBPACK_IMPORTED_MODULE_0__]);
_options__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];

/** `--json`: each verb says what it prints. */
function jsonOption(help) {
    return (0,_options__WEBPACK_IMPORTED_MODULE_0__/* .switchOption */ .IL)('json', { flag: 'json', help });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 74586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ formatCatalog)
/* harmony export */ });
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65365);

/** The human table of `etcd-backup list`: newest first, one backup per line. */
function formatCatalog(entries) {
    if (entries.length === 0)
        return 'no backups';
    const rows = [
        ['NAME', 'TIME (UTC)', 'CLUSTER', 'REVISION', 'SIZE', 'NODE FILES', 'ENCRYPTED FOR'],
        ...entries.map((e) => [
            e.name,
            e.time.replace(/\.\d+Z$/, 'Z'),
            e.cluster,
            String(e.revision),
            (0,_util_progress__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(e.size),
            nodeFiles(e),
            e.encryptedFor,
        ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows
        .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
        .join('\n');
}
/** `24 (node-1)`, or `-` when the backup holds the snapshot only. */
function nodeFiles(entry) {
    const nodes = Object.entries(entry.controlPlaneFiles);
    return nodes.length === 0 ? '-' : nodes.map(([node, count]) => `${count} (${node})`).join(', ');
}


/***/ })

};
