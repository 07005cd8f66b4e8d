import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 729;
export const ids = [729];
export const modules = {

/***/ 83729:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   prune: () => (/* binding */ prune)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91084);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44502);
/* harmony import */ var _store_retention__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89311);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3567);
/* harmony import */ var _json_option__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54218);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_options__WEBPACK_IMPORTED_MODULE_2__, _command__WEBPACK_IMPORTED_MODULE_4__, _json_option__WEBPACK_IMPORTED_MODULE_5__]);
([_options__WEBPACK_IMPORTED_MODULE_2__, _command__WEBPACK_IMPORTED_MODULE_4__, _json_option__WEBPACK_IMPORTED_MODULE_5__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);






const OUTPUT_JSON = (0,_json_option__WEBPACK_IMPORTED_MODULE_5__/* .jsonOption */ .E)('the plan as JSON on stdout');
const DRY_RUN = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .switchOption */ .IL)('pruneDryRun', {
    flag: 'dry-run',
    help: 'print what would be deleted, delete nothing',
});
const prune = (0,_command__WEBPACK_IMPORTED_MODULE_4__/* .defineCommand */ .N)({
    name: 'prune',
    usage: ['--store S [--keep-last N] [--max-age 30d] [--dry-run] [--json]'],
    about: `Deletes old backups. A backup stays if any rule keeps it: it is among the newest N of its cluster, or
younger than the max age. Before deleting anything, the newest backup of each cluster is read back and
its SHA-256 checked; that backup and all newer ones are never deleted.`,
    exitCodes: [_exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.done, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.failed, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.badInput, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.verificationFailed],
    positionals: 0,
    sections: [
        {
            options: [_options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.store, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.repository, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.githubToken, ..._options__WEBPACK_IMPORTED_MODULE_2__/* .S3_READ */ .iG, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.keepLast, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.maxAge],
        },
        { options: [DRY_RUN, OUTPUT_JSON] },
    ],
}, async ({ values }) => {
    const policy = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .retentionFrom */ .j7)(values);
    if (policy.keepLast === undefined && policy.maxAgeMs === undefined) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${values.nameOf(_options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.keepLast)}/${values.nameOf(_options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.maxAge)}`, 'at least one retention rule');
    }
    const store = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .storeFrom */ .O5)(values, { writes: false });
    const dryRun = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, DRY_RUN);
    const json = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, OUTPUT_JSON);
    const result = await (0,_store_retention__WEBPACK_IMPORTED_MODULE_3__/* .prune */ .R3)(store, policy, {
        dryRun,
        onDelete: (b) => {
            if (!json)
                console.log(`deleted ${b.name}`);
        },
        onLocked: (l) => {
            if (!json)
                console.log(`kept ${l.backup.name}: ${l.reason}`);
        },
    });
    if (json) {
        const names = (list) => list.map((b) => b.name);
        console.log(JSON.stringify({
            store: store.location,
            dryRun,
            protected: result.protected,
            keep: names(result.keep),
            delete: names(result.delete),
            locked: result.locked.map((l) => ({ name: l.backup.name, reason: l.reason })),
        }, null, 2));
    }
    else if (dryRun) {
        for (const b of result.delete)
            console.log(`would delete ${b.name}`);
        console.log(`${result.delete.length} to delete, ${result.keep.length} to keep (dry run: nothing deleted)`);
    }
    else {
        const locked = result.locked.length ? ` (${result.locked.length} of them locked by the store)` : '';
        console.log(`${result.delete.length} deleted, ${result.keep.length} kept${locked}`);
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

/***/ 89311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R3: () => (/* binding */ prune)
/* harmony export */ });
/* unused harmony exports planRetention, blobIsIntact */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _catalog__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(754);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97018);




/**
 * Decides what to delete. A backup is kept if any rule keeps it (keep-last OR younger than max-age), so
 * adding a rule never deletes more. Rules apply per cluster, and each cluster's protected backup (the
 * newest one known to be good) and everything newer than it are always kept.
 */
function planRetention(backups, policy, options) {
    const plan = { keep: [], delete: [] };
    if (policy.keepLast === undefined && policy.maxAgeMs === undefined)
        return { keep: [...backups], delete: [] };
    const byCluster = new Map();
    for (const b of backups)
        byCluster.set(b.cluster, [...(byCluster.get(b.cluster) ?? []), b]);
    for (const group of byCluster.values()) {
        const sorted = (0,_catalog__WEBPACK_IMPORTED_MODULE_2__/* .newestFirst */ .ll)(group);
        const protectedAt = sorted.findIndex((b) => options.protect.has(b.name));
        sorted.forEach((b, i) => {
            const byCount = policy.keepLast !== undefined && i < policy.keepLast;
            const byAge = policy.maxAgeMs !== undefined && options.now.getTime() - (0,_catalog__WEBPACK_IMPORTED_MODULE_2__/* .backupTime */ .a3)(b) <= policy.maxAgeMs;
            const isProtected = protectedAt === -1 || i <= protectedAt;
            (byCount || byAge || isProtected ? plan.keep : plan.delete).push(b);
        });
    }
    return plan;
}
/** Reads a stored blob to its end through the store's digest check; true if it came back intact. */
async function blobIsIntact(store, name) {
    try {
        const { blob } = await store.get(name);
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(blob, new node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable({
            write(_chunk, _encoding, done) {
                done();
            },
        }));
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Applies a policy to a store. `verified` names backups already known good (the one just stored and read
 * back); for clusters without one, the newest backup whose blob reads back intact is found first. A
 * cluster with no intact backup loses nothing.
 */
async function prune(store, policy, options = {}) {
    const { backups } = await store.list();
    const protect = new Set();
    const verified = new Set(options.verified ?? []);
    const clusters = new Set(backups.map((b) => b.cluster));
    for (const cluster of clusters) {
        for (const b of (0,_catalog__WEBPACK_IMPORTED_MODULE_2__/* .newestFirst */ .ll)(backups.filter((x) => x.cluster === cluster))) {
            if (verified.has(b.name) || (await blobIsIntact(store, b.name))) {
                protect.add(b.name);
                break;
            }
        }
    }
    const plan = planRetention(backups, policy, { now: options.now ?? new Date(), protect });
    const locked = [];
    if (!options.dryRun) {
        for (const b of plan.delete) {
            try {
                await store.delete(b.name);
                options.onDelete?.(b);
            }
            catch (error) {
                if (!(error instanceof _errors__WEBPACK_IMPORTED_MODULE_3__/* .StoreError */ .A && error.kind === 'locked'))
                    throw error;
                locked.push({ backup: b, reason: error.message });
                options.onLocked?.(locked[locked.length - 1]);
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


/***/ })

};
