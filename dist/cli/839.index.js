import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 839;
export const ids = [839];
export const modules = {

/***/ 96839:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backup: () => (/* binding */ backup)
/* harmony export */ });
/* harmony import */ var _backup_backup__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80378);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91084);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44502);
/* harmony import */ var _store_retention__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89311);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29906);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65365);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3567);
/* harmony import */ var _json_option__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(54218);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_backup_backup__WEBPACK_IMPORTED_MODULE_0__, _options__WEBPACK_IMPORTED_MODULE_2__, _command__WEBPACK_IMPORTED_MODULE_6__, _json_option__WEBPACK_IMPORTED_MODULE_7__]);
([_backup_backup__WEBPACK_IMPORTED_MODULE_0__, _options__WEBPACK_IMPORTED_MODULE_2__, _command__WEBPACK_IMPORTED_MODULE_6__, _json_option__WEBPACK_IMPORTED_MODULE_7__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);








const OUTPUT_JSON = (0,_json_option__WEBPACK_IMPORTED_MODULE_7__/* .jsonOption */ .E)("print the stored backup's metadata as JSON on stdout");
/** The backup's last line on stderr: what was checked and how it is sealed, in so many words. */
function storedSummary(metadata, location) {
    const { etcd, envelope } = metadata;
    const encryption = envelope.encryption;
    const sealed = encryption.kind === 'age-recipients'
        ? `encrypted to ${encryption.recipients.length} age recipient${encryption.recipients.length === 1 ? '' : 's'}`
        : encryption.kind === 'age-passphrase'
            ? 'encrypted with the age passphrase'
            : 'NOT encrypted (as asked)';
    const keys = etcd.totalKey === undefined ? '' : `, total keys ${etcd.totalKey} as etcdutl counts them`;
    return `backup ${metadata.name}: verified (revision ${etcd.revision}${keys}, SHA-256 trailer and every page checked), ${sealed}${envelope.compression === 'zstd' ? ', zstd-compressed' : ''}, ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(envelope.blob.size)} stored in ${location}`;
}
const backup = (0,_command__WEBPACK_IMPORTED_MODULE_6__/* .defineCommand */ .N)({
    name: 'backup',
    usage: [
        '--host H --key FILE (--fingerprint SHA256:… | --known-hosts FILE) --store S',
        '  (--recipient age1… | ETCD_BACKUP_PASSPHRASE | --encryption none) [options]',
    ],
    about: `Snapshots the etcd of a kubeadm- or kind-style control plane over SSH, verifies it, encrypts it and stores it.
Nothing is needed on the node but sshd: etcd is found from the kubelet config and the static pod manifests.`,
    exitCodes: [
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.done,
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.failed,
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.badInput,
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.verificationFailed,
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .BACKUP_REFUSED */ .gJ,
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ssh,
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.discovery,
    ],
    positionals: 0,
    sections: [
        {
            title: 'SSH',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.host,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.port,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.user,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.key,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.fingerprint,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.knownHosts,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.insecureIgnoreHostKey,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.jump,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.jumpKey,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.jumpFingerprint,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.jumpKnownHosts,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.connectTimeout,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.commandTimeout,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.passphrase,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.password,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.sudoPassword,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.jumpPassphrase,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .SSH */ .rt.jumpPassword,
            ],
            note: 'a non-root user needs sudo',
        },
        {
            title: 'etcd on the node (each overrides discovery; paths are on the node)',
            options: Object.values(_options__WEBPACK_IMPORTED_MODULE_2__/* .DISCOVERY */ .DZ),
        },
        { title: 'Snapshot', options: [_options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.member, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.method, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.nodeCompression, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.force] },
        { title: 'Control-plane files', options: [_options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.controlPlaneFiles, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.filesFrom] },
        {
            title: 'Store',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.cluster,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.store,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.repository,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.githubToken,
                ..._options__WEBPACK_IMPORTED_MODULE_2__/* .S3_WRITE */ .dj,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.retentionDays,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.keepLast,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.maxAge,
            ],
            note: 'retention (--keep-last, --max-age) applies after the new backup is stored and verified',
        },
        {
            title: 'Encryption',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.recipient,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.recipientsFile,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.passphrase,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.encryption,
                _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.compression,
            ],
        },
        { title: 'Output', options: [OUTPUT_JSON] },
    ],
}, async ({ values }) => {
    const cluster = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.cluster) ?? 'kubernetes';
    const policy = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .retentionFrom */ .j7)(values);
    const encryption = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .encryptionFrom */ .Sy)(values);
    const ssh = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .sshFrom */ .DD)(values);
    const etcd = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .discoveryFrom */ .dc)(values);
    const method = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.method);
    const nodeCompression = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.nodeCompression);
    const compression = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.compression) ?? 'zstd';
    const member = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.member);
    const store = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .storeFrom */ .O5)(values, { writes: true });
    const controlPlaneNodes = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .moreNodesFrom */ .Hb)(values, (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.filesFrom));
    const result = await (0,_backup_backup__WEBPACK_IMPORTED_MODULE_0__/* .backup */ .RR)({
        ssh,
        etcd,
        ...(member ? { member } : {}),
        ...(method ? { method } : {}),
        ...(nodeCompression ? { nodeCompression } : {}),
        cluster,
        force: (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.force),
        store,
        encryption,
        compression,
        log: _util_log__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D,
        controlPlaneFiles: (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.controlPlaneFiles, true),
        controlPlaneNodes,
        inputNames: {
            noControlPlaneFiles: (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .written */ .t4)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .BACKUP */ .DW.controlPlaneFiles, 'false'),
            encryption: values.nameOf(_options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.encryption),
        },
    });
    if (policy.keepLast !== undefined || policy.maxAgeMs !== undefined) {
        const pruned = await (0,_store_retention__WEBPACK_IMPORTED_MODULE_3__/* .prune */ .R3)(store, policy, {
            verified: [result.metadata.name],
            onDelete: (b) => _util_log__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D.info(`retention: deleted ${b.name}`),
            onLocked: (l) => _util_log__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D.info(`retention: kept ${l.backup.name}: ${l.reason}`),
        });
        _util_log__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D.info(`retention: kept ${pruned.keep.length}, deleted ${pruned.delete.length}`);
    }
    _util_log__WEBPACK_IMPORTED_MODULE_4__/* .stderrLogger */ .D.info(storedSummary(result.metadata, result.location));
    if ((0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, OUTPUT_JSON))
        console.log(JSON.stringify(result.metadata, null, 2));
    else
        console.log(result.metadata.name);
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


/***/ }),

/***/ 29906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ stderrLogger)
/* harmony export */ });
/* unused harmony export silentLogger */
const stderrLogger = {
    info: (m) => process.stderr.write(`${m}\n`),
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => {
        if (process.env.ETCD_BACKUP_DEBUG)
            process.stderr.write(`debug: ${m}\n`);
    },
};
const silentLogger = { info: () => { }, warn: () => { }, debug: () => { } };


/***/ })

};
