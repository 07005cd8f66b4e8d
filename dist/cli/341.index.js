import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 341;
export const ids = [341];
export const modules = {

/***/ 70341:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inspect: () => (/* binding */ inspect)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91084);
/* harmony import */ var _format__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69613);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44502);
/* harmony import */ var _snapshot_analyze__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(36868);
/* harmony import */ var _snapshot_diff__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(29073);
/* harmony import */ var _snapshot_errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94793);
/* harmony import */ var _snapshot_inventory__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25236);
/* harmony import */ var _snapshot_print__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(43963);
/* harmony import */ var _snapshot_verdict__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(24181);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(29906);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(65365);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3567);
/* harmony import */ var _json_option__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(54218);
/* harmony import */ var _stored_snapshot__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(15404);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_options__WEBPACK_IMPORTED_MODULE_3__, _snapshot_analyze__WEBPACK_IMPORTED_MODULE_4__, _snapshot_diff__WEBPACK_IMPORTED_MODULE_5__, _snapshot_inventory__WEBPACK_IMPORTED_MODULE_7__, _command__WEBPACK_IMPORTED_MODULE_12__, _json_option__WEBPACK_IMPORTED_MODULE_13__]);
([_options__WEBPACK_IMPORTED_MODULE_3__, _snapshot_analyze__WEBPACK_IMPORTED_MODULE_4__, _snapshot_diff__WEBPACK_IMPORTED_MODULE_5__, _snapshot_inventory__WEBPACK_IMPORTED_MODULE_7__, _command__WEBPACK_IMPORTED_MODULE_12__, _json_option__WEBPACK_IMPORTED_MODULE_13__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);















const INSPECT = {
    json: (0,_json_option__WEBPACK_IMPORTED_MODULE_13__/* .jsonOption */ .E)('one JSON object on stdout'),
    inventory: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .switchOption */ .IL)('inventory', {
        flag: 'inventory',
        help: 'count live Kubernetes objects by resource type and namespace',
    }),
    diff: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .textOption */ .vU)('diff', {
        flag: 'diff',
        arg: 'OTHER',
        help: 'what changed from FILE to OTHER, by resource type and namespace (with --store: another\nbackup of that store)',
    }),
    names: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .switchOption */ .IL)('names', { flag: 'names', help: 'include object names (never printed otherwise)' }),
    etcdCompat: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .textOption */ .vU)('etcdCompat', {
        flag: 'etcd-compat',
        arg: 'V',
        help: "status semantics of etcd V (default: the snapshot's storage version's, else 3.5)",
        parse: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .oneOf */ .yL)(['3.4', '3.5', '3.6', '3.7']),
    }),
    prefix: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .textOption */ .vU)('prefix', {
        flag: 'prefix',
        arg: 'P',
        help: 'kube-apiserver --etcd-prefix (default /registry)',
        parse: (text, name) => {
            const prefix = text.replace(/\/+$/, '');
            if (!prefix.startsWith('/'))
                throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'a key prefix starting with /');
            return prefix;
        },
    }),
};
/** FILE as given, or with --store the backup NAME (latest, a name or a time) opened in memory. */
async function openSource(values, ref) {
    if ((0,_options__WEBPACK_IMPORTED_MODULE_3__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.store) === undefined) {
        if (ref === undefined)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('FILE', 'a snapshot file, or --store S and a backup', {
                hint: `usage: etcd-backup inspect ${USAGE[0]}`,
            });
        (0,_stored_snapshot__WEBPACK_IMPORTED_MODULE_14__/* .refuseSealedFile */ .P)(ref);
        return { path: ref, label: ref, close: () => { } };
    }
    const cluster = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.cluster);
    const opened = await (0,_stored_snapshot__WEBPACK_IMPORTED_MODULE_14__/* .openStoredSnapshot */ .w)({
        store: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .storeFrom */ .O5)(values, { writes: false }),
        selector: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .selectorFrom */ .qs)(values, ref ?? 'latest'),
        ...(cluster ? { cluster } : {}),
        keys: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .openingKeysFrom */ .LY)(values),
        log: _util_log__WEBPACK_IMPORTED_MODULE_10__/* .stderrLogger */ .D,
    });
    return {
        path: opened.path,
        label: opened.label,
        ...(opened.metadata.controlPlane ? { controlPlane: opened.metadata.controlPlane } : {}),
        close: opened.close,
    };
}
const USAGE = [
    'FILE [--json] [--inventory] [--diff OTHER] [--names] [--etcd-compat 3.4|3.5|3.6|3.7] [--prefix /registry]',
    '--store S [--identity FILE] [options] [latest|NAME|ISO-TIME]',
];
const inspect = (0,_command__WEBPACK_IMPORTED_MODULE_12__/* .defineCommand */ .N)({
    name: 'inspect',
    usage: USAGE,
    about: `Verifies an etcd snapshot without any etcd tool: the SHA-256 trailer, both bbolt meta pages, every page of
every bucket, and prints what \`etcdutl snapshot status\` would (hash, revision, totalKey, totalSize, version).
With --store it opens a stored backup (decrypting and decompressing it in memory, never on disk) and
reports on the snapshot inside. totalKey counts every revision of every key, as etcd does; the inventory
counts the live keys (the latest revision of each, not deleted), as a drill does.`,
    exitCodes: [
        [_exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.done, 'intact'],
        _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.failed,
        [
            _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.badInput,
            'bad usage, or a file that cannot be read (or is a sealed backup: use --store)',
        ],
        [_exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.verificationFailed, 'damaged (the reason names the page and offset)'],
        [_exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.refused, 'no integrity trailer (a raw member/snap/db copy)'],
    ],
    positionals: 1,
    sections: [
        { options: Object.values(INSPECT) },
        {
            title: 'Stored backups',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.store,
                _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.repository,
                _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.githubToken,
                ..._options__WEBPACK_IMPORTED_MODULE_3__/* .S3_READ */ .iG,
                _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.runId,
                _options__WEBPACK_IMPORTED_MODULE_3__/* .STORE */ .er.cluster,
                _options__WEBPACK_IMPORTED_MODULE_3__/* .ENVELOPE */ .Pr.identity,
                _options__WEBPACK_IMPORTED_MODULE_3__/* .ENVELOPE */ .Pr.passphrase,
            ],
        },
    ],
}, async ({ values, positionals }) => {
    const etcdCompat = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .read */ .LF)(values, INSPECT.etcdCompat);
    const prefix = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .read */ .LF)(values, INSPECT.prefix);
    const names = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .isOn */ .Mp)(values, INSPECT.names);
    const diffWith = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .read */ .LF)(values, INSPECT.diff);
    const wantInventory = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .isOn */ .Mp)(values, INSPECT.inventory);
    const primary = await openSource(values, positionals[0]);
    let other;
    try {
        const { report, liveKeys } = await (0,_snapshot_analyze__WEBPACK_IMPORTED_MODULE_4__/* .analyzeSnapshot */ .J)(primary.path, {
            etcdCompat,
            liveKeys: wantInventory || diffWith !== undefined ? 'detailed' : false,
            onProgress: (r) => console.error((0,_util_progress__WEBPACK_IMPORTED_MODULE_11__/* .formatProgress */ .Vu)(r)),
        });
        report.path = primary.label;
        const extra = {};
        const human = [(0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .formatReport */ .CI)(report)];
        if (primary.controlPlane) {
            extra.controlPlane = primary.controlPlane.nodes;
            human.push(`control-plane files: ${(0,_format__WEBPACK_IMPORTED_MODULE_2__/* .describeControlPlaneFiles */ .mc)(primary.controlPlane)}`);
        }
        if (wantInventory && liveKeys) {
            const inventory = (0,_snapshot_inventory__WEBPACK_IMPORTED_MODULE_7__/* .buildInventory */ .Rs)(liveKeys, { prefix, names });
            extra.inventory = inventory;
            human.push((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .formatInventory */ .Iq)(inventory));
        }
        else if (wantInventory) {
            extra.inventory = null; // the tree is damaged: no count would be trustworthy
        }
        let code = (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_9__/* .exitCodeOf */ .FO)(report);
        let failure = (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_9__/* .verdictOf */ .Vj)(report) === 'intact' ? undefined : (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_9__/* .verdictReason */ .s_)(report);
        if (diffWith !== undefined && liveKeys) {
            other = await openSource(values, diffWith);
            const theirs = await (0,_snapshot_analyze__WEBPACK_IMPORTED_MODULE_4__/* .analyzeSnapshot */ .J)(other.path, { etcdCompat, liveKeys: 'detailed' });
            theirs.report.path = other.label;
            if (theirs.liveKeys) {
                const diff = (0,_snapshot_diff__WEBPACK_IMPORTED_MODULE_5__/* .diffLiveKeys */ .aA)(liveKeys, theirs.liveKeys, { prefix, names });
                extra.diff = { other: (0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .reportJson */ .l4)(theirs.report), ...diff };
                human.push((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .formatDiff */ .Vs)(diff, primary.label, other.label));
            }
            else {
                extra.diff = { other: (0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .reportJson */ .l4)(theirs.report) };
                human.push((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .formatReport */ .CI)(theirs.report));
            }
            if ((0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_9__/* .verdictOf */ .Vj)(theirs.report) === 'damaged') {
                code = _snapshot_errors__WEBPACK_IMPORTED_MODULE_6__/* .SNAPSHOT_EXIT */ .K.damaged;
                failure = (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_9__/* .verdictReason */ .s_)(theirs.report);
            }
        }
        else if (diffWith !== undefined) {
            extra.diff = null;
        }
        console.log((0,_options__WEBPACK_IMPORTED_MODULE_3__/* .isOn */ .Mp)(values, INSPECT.json) ? JSON.stringify((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_8__/* .reportJson */ .l4)(report, extra)) : human.join('\n\n'));
        if (failure)
            console.error(`etcd-backup inspect: ${failure}`);
        return code;
    }
    finally {
        primary.close();
        other?.close();
    }
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

/***/ 15404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ refuseSealedFile),
/* harmony export */   w: () => (/* binding */ openStoredSnapshot)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _envelope_open__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6162);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(91084);
/* harmony import */ var _options_naming__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(38412);
/* harmony import */ var _store_catalog__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(754);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(65365);










/** A memory file system: what is written there never reaches a disk. */
const MEMORY_DIR = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;
function memoryRoomFor(size) {
    let stats;
    try {
        stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statfsSync)(MEMORY_DIR);
    }
    catch { }
    if (!stats || stats.type !== TMPFS_MAGIC) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EtcdBackupError */ .Ld(`inspect of a stored backup needs ${MEMORY_DIR} (a tmpfs) to hold the plaintext in memory`, {
            hint: 'run it on Linux, or drill the backup (etcd-backup drill), which verifies it too',
        });
    }
    const free = Number(stats.bavail) * Number(stats.bsize);
    if (free < size) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EtcdBackupError */ .Ld(`the snapshot is ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_9__/* .formatBytes */ .z3)(size)} but ${MEMORY_DIR} has ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_9__/* .formatBytes */ .z3)(free)} free to hold it in memory`, { hint: `free memory, or drill the backup (etcd-backup drill), which verifies it on disk` });
    }
}
/**
 * A stored backup's snapshot, fetched, its digests checked, decrypted and decompressed as it streams into a
 * file in memory (tmpfs) that is unlinked before the first byte is written and read through /proc/self/fd:
 * no plaintext reaches a disk, and none is left behind even if the process is killed.
 */
async function openStoredSnapshot(options) {
    const { store, log } = options;
    const listing = await store.list();
    const chosen = (0,_store_catalog__WEBPACK_IMPORTED_MODULE_8__/* .selectBackup */ .Vr)(listing.backups, options.selector, {
        ...(options.cluster ? { cluster: options.cluster } : {}),
        location: store.location,
    });
    memoryRoomFor(chosen.snapshot.size);
    const scratch = `${MEMORY_DIR}/etcd-backup-inspect-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}`;
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(scratch, 'wx+', 0o600);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(scratch);
    try {
        log.info(`opening ${chosen.name} (revision ${chosen.etcd.revision}) from ${store.location}, in memory`);
        const stored = await store.get(chosen.name);
        // A backup may carry the node's control-plane files after the snapshot, sealed apart: inspect reads
        // the snapshot only and leaves them sealed.
        const sealedFiles = stored.metadata.controlPlane?.sealed;
        const plain = await (0,_envelope_open__WEBPACK_IMPORTED_MODULE_4__/* .open */ .h)(stored.blob, {
            keys: options.keys,
            envelope: stored.metadata.envelope,
            snapshot: stored.metadata.snapshot,
            label: chosen.name,
            ...(sealedFiles ? { followedBy: { offset: sealedFiles.offset, collect: () => { } } } : {}),
        });
        const meter = new _util_progress__WEBPACK_IMPORTED_MODULE_9__/* .ProgressMeter */ .Z3('open', (r) => log.info((0,_util_progress__WEBPACK_IMPORTED_MODULE_9__/* .formatProgress */ .Vu)(r)), stored.metadata.snapshot.size);
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(plain, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)('', { fd, autoClose: false }));
        return {
            path: `/proc/self/fd/${fd}`,
            label: `${chosen.name} in ${store.location}`,
            metadata: stored.metadata,
            close: () => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd),
        };
    }
    catch (error) {
        closeQuietly(fd); // a failed pipeline may have closed it already; the error to report is the first one
        throw error;
    }
}
function closeQuietly(fd) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    catch { }
}
function sealedKindOf(path) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
    }
    catch {
        return undefined; // the verifier says why it cannot be read
    }
    try {
        const head = Buffer.alloc(34);
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, head, 0, head.length, 0);
        const text = head.subarray(0, n).toString('latin1');
        if (text.startsWith('age-encryption.org/v1\n') || text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----'))
            return 'age';
        if (n >= 4 && head.readUInt32LE(0) === 0xfd2fb528)
            return 'zstd';
        return undefined;
    }
    catch {
        return undefined;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
/**
 * A stored blob (age-encrypted or zstd) is not a damaged snapshot: it is refused as the wrong input, with the
 * command that opens it through its store.
 */
function refuseSealedFile(path) {
    const kind = sealedKindOf(path);
    if (!kind)
        return;
    const name = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path).replace(/\.(age|zst)$/, '');
    const store = `dir:${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path)}`;
    const keys = kind === 'age'
        ? ` ${(0,_options_naming__WEBPACK_IMPORTED_MODULE_7__/* .optionName */ .fS)('identity')} FILE (or the passphrase in ${(0,_options_naming__WEBPACK_IMPORTED_MODULE_7__/* .optionName */ .fS)('encryptionPassphrase')})`
        : '';
    throw new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EtcdBackupError */ .Ld(`${path} is ${kind === 'age' ? 'an age-encrypted' : 'a zstd-compressed'} backup, not a snapshot`, {
        hint: `inspect it through its store, which opens it in memory: etcd-backup inspect ${(0,_options_naming__WEBPACK_IMPORTED_MODULE_7__/* .optionName */ .fS)('store')} ${store} ${name}${keys}`,
        exitCode: _exit_codes__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.badInput,
    });
}


/***/ }),

/***/ 43963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CI: () => (/* binding */ formatReport),
/* harmony export */   Iq: () => (/* binding */ formatInventory),
/* harmony export */   Vs: () => (/* binding */ formatDiff),
/* harmony export */   l4: () => (/* binding */ reportJson)
/* harmony export */ });
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65365);
/* harmony import */ var _verdict__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24181);


/** The report as one JSON-ready object, etcd's status fields first, in etcd's order. */
function reportJson(report, extra = {}) {
    const { hash, revision, totalKey, totalSize, version, ...rest } = report;
    return {
        hash,
        revision,
        totalKey,
        totalSize,
        ...(version === undefined ? {} : { version }),
        ...rest,
        ...extra,
    };
}
/** etcd before 3.6 counts every revision in the key bucket as totalKey; 3.6 counts the live keys. */
function countsRevisions(report) {
    return report.etcdCompat === '3.4' || report.etcdCompat === '3.5';
}
function formatReport(report) {
    const lines = [`snapshot ${report.path} (${(0,_util_progress__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(report.fileSize)})`];
    const compat = report.etcdCompatSource === 'option'
        ? `etcd ${report.etcdCompat} semantics, as asked`
        : report.etcdCompatSource === 'storage-version'
            ? `etcd ${report.etcdCompat} semantics: storage version ${report.storageVersion}`
            : 'etcd 3.4/3.5 semantics: no storage version';
    if (report.hash === null) {
        lines.push(`  status     not computed: the structure is damaged`);
    }
    else {
        const version = report.version === undefined ? '' : `  version ${report.version || '""'}`;
        lines.push(`  status     hash ${report.hash.toString(16)} (${report.hash})  revision ${report.revision}  total keys ${report.totalKey}  total size ${report.totalSize}${version}`, `             (${compat}; ${countsRevisions(report) ? 'total keys counts every revision kept, as etcdutl does: a drill counts only the live keys, fewer' : 'total keys counts the live keys, as a drill does'})`);
    }
    if (report.compactRevision !== null)
        lines.push(`  compacted  at revision ${report.compactRevision}`);
    lines.push(`  sha256     ${report.sha256}`);
    const trailer = {
        ok: 'ok: the database matches the SHA-256 etcd appended',
        missing: 'missing: no integrity trailer (raw member/snap/db copy?)',
        mismatch: 'MISMATCH: the file is not what etcd sent',
    }[report.trailer];
    lines.push(`  trailer    ${trailer}`);
    if (report.pages) {
        const p = report.pages;
        const how = p.freelist === 'persisted'
            ? 'freelist persisted and checked'
            : 'no persisted freelist: unreached pages are free';
        lines.push(`  pages      ${p.total} × ${report.pageSize} bytes: ${p.reachable} in use, ${p.free} free (${how})`);
    }
    const buckets = Object.entries(report.buckets);
    if (buckets.length > 0)
        lines.push(`  buckets    ${buckets.map(([name, n]) => `${name} ${n}`).join(', ')}`);
    const verdict = (0,_verdict__WEBPACK_IMPORTED_MODULE_1__/* .verdictOf */ .Vj)(report);
    lines.push(`  verdict    ${verdict === 'intact' ? 'INTACT' : verdict === 'no-trailer' ? 'NO INTEGRITY TRAILER' : 'DAMAGED'}`);
    for (const problem of report.integrity.problems)
        lines.push(`    ${problem.severity.padEnd(7)} ${problem.message}`);
    const hidden = report.integrity.problemCount - report.integrity.problems.length;
    if (hidden > 0)
        lines.push(`    ... and ${hidden} more`);
    return lines.join('\n');
}
function counts(record) {
    return Object.entries(record)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, n]) => `${k === '' ? '(cluster)' : k} ${n}`)
        .join(', ');
}
/** `  in team-a 5, team-b 4, default 2 (+3 namespaces)`, or nothing for cluster-scoped resources. */
function namespacesBrief(namespaces, shown = 3) {
    const entries = Object.entries(namespaces).filter(([ns]) => ns !== '');
    if (entries.length === 0)
        return '';
    entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const more = entries.length > shown ? ` (+${entries.length - shown} namespaces)` : '';
    return `  in ${entries
        .slice(0, shown)
        .map(([ns, n]) => `${ns} ${n}`)
        .join(', ')}${more}`;
}
function formatInventory(inventory) {
    const lines = [
        `kubernetes objects under ${inventory.prefix}/: ${inventory.kubernetesObjects} (${inventory.clusterScoped} cluster-scoped), other keys: ${inventory.otherKeys}, live keys: ${inventory.liveKeys} (the latest revision of each key, as a drill counts them)`,
    ];
    const s = inventory.secrets;
    const providers = Object.keys(s.providers).length > 0 ? ` (${counts(s.providers)})` : '';
    lines.push(`  secrets: ${s.total}: ${s.encrypted} encrypted at rest${providers}, ${s.plain} plain`);
    lines.push(`  encodings: ${counts(inventory.encodings)}`);
    lines.push(`  namespaces: ${counts(inventory.namespaces) || 'none'}`);
    // One line per resource: the biggest namespaces inline, the rest counted (--json has them all).
    const width = Math.max(8, ...inventory.resources.map((r) => r.resource.length));
    for (const r of inventory.resources) {
        const enc = r.encrypted > 0 ? `, ${r.encrypted} encrypted` : '';
        lines.push(`  ${r.resource.padEnd(width)} ${String(r.count).padStart(6)}  ${counts(r.kinds)}${enc}${namespacesBrief(r.namespaces)}`);
        for (const name of r.names ?? [])
            lines.push(`  ${''.padEnd(width)}         - ${name}`);
    }
    for (const key of inventory.otherKeyNames ?? [])
        lines.push(`  other key: ${key}`);
    return lines.join('\n');
}
function formatDiff(diff, base, other) {
    const lines = [
        `from ${base} to ${other}: ${diff.added} added, ${diff.removed} removed, ${diff.changed} changed, ${diff.unchanged} unchanged`,
    ];
    const width = Math.max(8, ...diff.groups.map((g) => g.resource.length));
    for (const g of diff.groups) {
        lines.push(`  ${g.resource.padEnd(width)} ${(g.namespace || '(cluster)').padEnd(20)} +${g.added} -${g.removed} ~${g.changed}`);
    }
    if (diff.names) {
        for (const key of diff.names.added)
            lines.push(`  + ${key}`);
        for (const key of diff.names.removed)
            lines.push(`  - ${key}`);
        for (const key of diff.names.changed)
            lines.push(`  ~ ${key}`);
    }
    return lines.join('\n');
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
