import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 341;
export const ids = [341];
export const modules = {

/***/ 3567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseCommandArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** parseArgs with errors turned into one-line InputErrors that name the option. */
function parseCommandArgs(argv, options, allowPositionals = true) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals, strict: true });
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('command line', `known options (${message.split('\n')[0]})`);
    }
}


/***/ }),

/***/ 70341:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inspect: () => (/* binding */ inspect)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _snapshot_diff__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29073);
/* harmony import */ var _snapshot_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94793);
/* harmony import */ var _snapshot_inventory__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25236);
/* harmony import */ var _snapshot_print__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43963);
/* harmony import */ var _snapshot_verdict__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24181);
/* harmony import */ var _snapshot_verify__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(34247);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(65365);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3567);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot_diff__WEBPACK_IMPORTED_MODULE_1__, _snapshot_inventory__WEBPACK_IMPORTED_MODULE_3__, _snapshot_verify__WEBPACK_IMPORTED_MODULE_6__]);
([_snapshot_diff__WEBPACK_IMPORTED_MODULE_1__, _snapshot_inventory__WEBPACK_IMPORTED_MODULE_3__, _snapshot_verify__WEBPACK_IMPORTED_MODULE_6__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);









const HELP = `usage: etcd-backup inspect FILE [--json] [--inventory] [--diff OTHER] [--names]
                             [--etcd-compat 3.4|3.5|3.6] [--prefix /registry]

Verifies an etcd snapshot without any etcd tool: the SHA-256 trailer, both bbolt meta pages, every page of
every bucket, and prints what \`etcdutl snapshot status\` would (hash, revision, totalKey, totalSize, version).

  --json            one JSON object on stdout
  --inventory       count live Kubernetes objects by resource type and namespace
  --diff OTHER      what changed from FILE to OTHER, by resource type and namespace
  --names           include object names (never printed otherwise)
  --etcd-compat V   status semantics of etcd V (default: 3.6 if the snapshot has a storage version)
  --prefix P        kube-apiserver --etcd-prefix (default /registry)

exit codes: 0 intact, 3 damaged, 4 no integrity trailer (raw member/snap/db), 2 bad usage or unreadable file`;
const COMPAT = ['3.4', '3.5', '3.6'];
const inspect = {
    async run(argv) {
        const { values, positionals } = (0,_command__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Q)(argv, {
            json: { type: 'boolean' },
            inventory: { type: 'boolean' },
            diff: { type: 'string' },
            names: { type: 'boolean' },
            'etcd-compat': { type: 'string' },
            prefix: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            console.log(HELP);
            return 0;
        }
        if (positionals.length !== 1)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('FILE', 'exactly one snapshot file', { hint: HELP.split('\n')[0] });
        const compat = values['etcd-compat'];
        if (compat !== undefined && !COMPAT.includes(compat))
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--etcd-compat', '3.4, 3.5 or 3.6');
        const prefix = values.prefix?.replace(/\/+$/, '');
        if (prefix !== undefined && !prefix.startsWith('/'))
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--prefix', 'a key prefix starting with /');
        const path = positionals[0];
        const etcdCompat = compat;
        const names = values.names ?? false;
        const { report, liveKeys } = await (0,_snapshot_verify__WEBPACK_IMPORTED_MODULE_6__/* .analyseSnapshot */ .Uu)(path, {
            etcdCompat,
            liveKeys: values.inventory || values.diff !== undefined ? 'detailed' : false,
            onProgress: (r) => console.error((0,_util_progress__WEBPACK_IMPORTED_MODULE_7__/* .formatProgress */ .Vu)(r)),
        });
        const extra = {};
        const human = [(0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .formatReport */ .CI)(report)];
        if (values.inventory && liveKeys) {
            const inventory = (0,_snapshot_inventory__WEBPACK_IMPORTED_MODULE_3__/* .buildInventory */ .Rs)(liveKeys, { prefix, names });
            extra.inventory = inventory;
            human.push((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .formatInventory */ .Iq)(inventory));
        }
        else if (values.inventory) {
            extra.inventory = null; // the tree is damaged: no count would be trustworthy
        }
        let code = (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_5__/* .exitCodeOf */ .FO)(report);
        let failure = (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_5__/* .verdictOf */ .Vj)(report) === 'intact' ? undefined : (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_5__/* .verdictReason */ .s_)(report);
        if (values.diff !== undefined && liveKeys) {
            const other = await (0,_snapshot_verify__WEBPACK_IMPORTED_MODULE_6__/* .analyseSnapshot */ .Uu)(values.diff, { etcdCompat, liveKeys: 'detailed' });
            if (other.liveKeys) {
                const diff = (0,_snapshot_diff__WEBPACK_IMPORTED_MODULE_1__/* .diffLiveKeys */ .aA)(liveKeys, other.liveKeys, { prefix, names });
                extra.diff = { other: (0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .reportJson */ .l4)(other.report), ...diff };
                human.push((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .formatDiff */ .Vs)(diff, path, values.diff));
            }
            else {
                extra.diff = { other: (0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .reportJson */ .l4)(other.report) };
                human.push((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .formatReport */ .CI)(other.report));
            }
            if ((0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_5__/* .verdictOf */ .Vj)(other.report) === 'damaged') {
                code = _snapshot_errors__WEBPACK_IMPORTED_MODULE_2__/* .SNAPSHOT_EXIT */ .K.damaged;
                failure = (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_5__/* .verdictReason */ .s_)(other.report);
            }
        }
        else if (values.diff !== undefined) {
            extra.diff = null;
        }
        console.log(values.json ? JSON.stringify((0,_snapshot_print__WEBPACK_IMPORTED_MODULE_4__/* .reportJson */ .l4)(report, extra)) : human.join('\n\n'));
        if (failure)
            console.error(`etcd-backup inspect: ${failure}`);
        return code;
    },
};

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

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
function formatReport(report) {
    const lines = [`snapshot ${report.path} (${(0,_util_progress__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(report.fileSize)})`];
    const compat = report.etcdCompatSource === 'option'
        ? `etcd ${report.etcdCompat} semantics, as asked`
        : report.etcdCompatSource === 'storage-version'
            ? `etcd 3.6 semantics: storage version ${report.storageVersion}`
            : 'etcd 3.4/3.5 semantics: no storage version';
    if (report.hash === null) {
        lines.push(`  status     not computed: the structure is damaged`);
    }
    else {
        const version = report.version === undefined ? '' : `  version ${report.version || '""'}`;
        lines.push(`  status     hash ${report.hash.toString(16)} (${report.hash})  revision ${report.revision}  total keys ${report.totalKey}  total size ${report.totalSize}${version}`, `             (${compat})`);
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
function formatInventory(inventory) {
    const lines = [
        `kubernetes objects under ${inventory.prefix}/: ${inventory.kubernetesObjects} (${inventory.clusterScoped} cluster-scoped), other keys: ${inventory.otherKeys}, live keys: ${inventory.liveKeys}`,
    ];
    const s = inventory.secrets;
    const providers = Object.keys(s.providers).length > 0 ? ` (${counts(s.providers)})` : '';
    lines.push(`  secrets: ${s.total}: ${s.encrypted} encrypted at rest${providers}, ${s.plain} plain`);
    lines.push(`  encodings: ${counts(inventory.encodings)}`);
    lines.push(`  namespaces: ${counts(inventory.namespaces) || 'none'}`);
    const width = Math.max(8, ...inventory.resources.map((r) => r.resource.length));
    for (const r of inventory.resources) {
        const enc = r.encrypted > 0 ? `  encrypted ${r.encrypted}` : '';
        lines.push(`  ${r.resource.padEnd(width)} ${String(r.count).padStart(6)}  ${counts(r.kinds)}${enc}`);
        lines.push(`  ${''.padEnd(width)}         by namespace: ${counts(r.namespaces)}`);
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

/***/ 65365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vu: () => (/* binding */ formatProgress),
/* harmony export */   Z3: () => (/* binding */ ProgressMeter),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export formatDuration */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
function formatBytes(bytes) {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
function formatDuration(seconds) {
    if (!Number.isFinite(seconds))
        return '?';
    const s = Math.round(seconds);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    return m < 60
        ? `${m}m${String(s % 60).padStart(2, '0')}s`
        : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
function formatProgress(r) {
    const done = r.total ? `${formatBytes(r.bytes)} of ${formatBytes(r.total)}` : formatBytes(r.bytes);
    const eta = r.etaSeconds === undefined ? '' : `, ETA ${formatDuration(r.etaSeconds)}`;
    return `${r.label}: ${done} at ${formatBytes(r.bytesPerSecond)}/s${eta}`;
}
/**
 * A pass-through stream that counts bytes and reports every `intervalMs` (and once at the end), so long
 * transfers show bytes, rate and ETA without the caller keeping time.
 */
class ProgressMeter extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Transform {
    label;
    sink;
    total;
    intervalMs;
    bytes = 0;
    started = Date.now();
    lastReport = Date.now();
    constructor(label, sink, total = undefined, intervalMs = 5000) {
        super();
        this.label = label;
        this.sink = sink;
        this.total = total;
        this.intervalMs = intervalMs;
    }
    setTotal(total) {
        this.total = total;
    }
    _transform(chunk, _encoding, done) {
        this.bytes += chunk.length;
        const now = Date.now();
        if (now - this.lastReport >= this.intervalMs) {
            this.lastReport = now;
            this.sink(this.report(now));
        }
        done(null, chunk);
    }
    _flush(done) {
        this.sink(this.report(Date.now()));
        done();
    }
    get transferred() {
        return this.bytes;
    }
    report(now) {
        const elapsedSeconds = Math.max((now - this.started) / 1000, 0.001);
        const bytesPerSecond = this.bytes / elapsedSeconds;
        const remaining = this.total === undefined ? undefined : Math.max(this.total - this.bytes, 0);
        const etaSeconds = remaining === undefined || bytesPerSecond === 0 ? undefined : remaining / bytesPerSecond;
        return {
            label: this.label,
            bytes: this.bytes,
            total: this.total,
            bytesPerSecond,
            etaSeconds,
            elapsedSeconds,
        };
    }
}


/***/ })

};
