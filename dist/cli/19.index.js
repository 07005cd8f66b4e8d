import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 19;
export const ids = [19];
export const modules = {

/***/ 93019:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91084);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44502);
/* harmony import */ var _pki_rebuild__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54167);
/* harmony import */ var _restore_interrupt__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(40081);
/* harmony import */ var _restore_recover__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93138);
/* harmony import */ var _restore_restore__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17848);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(29906);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3567);
/* harmony import */ var _json_option__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(54218);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_options__WEBPACK_IMPORTED_MODULE_1__, _pki_rebuild__WEBPACK_IMPORTED_MODULE_2__, _restore_restore__WEBPACK_IMPORTED_MODULE_4__, _command__WEBPACK_IMPORTED_MODULE_6__, _json_option__WEBPACK_IMPORTED_MODULE_7__]);
([_options__WEBPACK_IMPORTED_MODULE_1__, _pki_rebuild__WEBPACK_IMPORTED_MODULE_2__, _restore_restore__WEBPACK_IMPORTED_MODULE_4__, _command__WEBPACK_IMPORTED_MODULE_6__, _json_option__WEBPACK_IMPORTED_MODULE_7__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);









const OUTPUT_JSON = (0,_json_option__WEBPACK_IMPORTED_MODULE_7__/* .jsonOption */ .E)('the report as JSON on stdout');
function backupToPutBack(values, positional, nodes) {
    const selector = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .selectorFrom */ .qs)(values, positional);
    const keys = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .openingKeysFrom */ .LY)(values);
    const store = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .storeFrom */ .O5)(values, { writes: false });
    const cluster = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.cluster);
    return { store, selector, ...(cluster ? { cluster } : {}), keys, nodes };
}
function rebuild(values, backup, choices) {
    const interrupted = (0,_restore_interrupt__WEBPACK_IMPORTED_MODULE_8__/* .abortOnSignals */ .P)(_util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D);
    return (0,_pki_rebuild__WEBPACK_IMPORTED_MODULE_2__/* .rebuildNodes */ .LB)({
        ...backup,
        tools: (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .etcdToolsFrom */ .yp)(values, _util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D),
        // A rebuild has no running cluster to measure the writes since the snapshot against: auto is 1e9.
        ...((0,_options__WEBPACK_IMPORTED_MODULE_1__/* .given */ .gI)(values, _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.bumpRevision)
            ? { bumpRevision: choices.bumpRevision === 'auto' ? 1_000_000_000 : choices.bumpRevision }
            : {}),
        log: _util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D,
        signal: interrupted.signal,
    }).finally(interrupted.dispose);
}
function restoreFromStore(values, backup, etcd, choices) {
    const tools = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .etcdToolsFrom */ .yp)(values, _util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D);
    const interrupt = (0,_restore_interrupt__WEBPACK_IMPORTED_MODULE_8__/* .abortOnSignals */ .P)(_util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D);
    return (0,_restore_restore__WEBPACK_IMPORTED_MODULE_4__/* .restore */ .PF)({
        ...backup,
        etcd,
        tools,
        signal: interrupt.signal,
        ...choices,
        log: _util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D,
    }).finally(interrupt.dispose);
}
function printReport(report, json, line) {
    console.log(json ? JSON.stringify(report, null, 2) : line(report));
}
function recoveredLine(recovered) {
    return recovered.backup === undefined
        ? 'NOTHING TO RECOVER: no unfinished restore on these nodes'
        : `RECOVERED ${recovered.recovered.join(', ')}: the restore of ${recovered.backup} is rolled back, the old data serves`;
}
function rebuiltLine(rebuilt) {
    return `REBUILT ${rebuilt.nodes.map((n) => n.node).join(', ')} from ${rebuilt.backup} (${rebuilt.mode === 'rejoin' ? 'rejoined the running members' : 'etcd restored from the snapshot'})`;
}
function restoredLine(report) {
    if (report.dryRun)
        return `DRY RUN ${report.backup}: plan printed above, nothing changed`;
    return `RESTORED ${report.backup} to ${report.members.map((m) => m.name).join(', ')}: revision ${report.restoredRevision} (bump ${report.bump}), ${report.keys?.restored} keys and their revisions equal to the snapshot's (${report.keys?.valuesCompared} values compared)`;
}
const restore = (0,_command__WEBPACK_IMPORTED_MODULE_6__/* .defineCommand */ .N)({
    name: 'restore',
    usage: [
        '--store S (--host H[:P] ... | --nodes FILE) --key FILE (--fingerprint FP ... | --known-hosts FILE)',
        '        [options] [latest|NAME|ISO-TIME]',
        '--recover (--host H[:P] ... | --nodes FILE) --key FILE (--fingerprint FP ... | --known-hosts FILE)',
    ],
    about: `Puts a stored backup back into a kubeadm- or kind-style control plane, every etcd member at once: fetches and
verifies it, plans (prints every node's member, data dir and etcd version), restores each member's data dir
(on the node with its own etcdutl, or here and ships it over SSH), stops kube-apiserver then etcd on every
node, swaps the data, starts etcd, checks every key against the snapshot, then starts kube-apiserver. If anything
fails after the first stop, every node is put back as it was. Nothing is deleted: the old data dir is kept
as <dir>.before-restore-<UTC time>.`,
    exitCodes: [
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.done,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.failed,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.verificationFailed,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.restoreRefused,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.restoreRolledBack,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.restoreIncomplete,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ssh,
        _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.discovery,
    ],
    positionals: 1,
    sections: [
        {
            title: 'Nodes (one per etcd member)',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.host,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.nodes,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.port,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.user,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.key,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.fingerprint,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.knownHosts,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.insecureIgnoreHostKey,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.jump,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.jumpKey,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.jumpFingerprint,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.jumpKnownHosts,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.connectTimeout,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.commandTimeout,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.passphrase,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.password,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.sudoPassword,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.jumpPassphrase,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .SSH */ .rt.jumpPassword,
            ],
            note: '--fingerprint is given once per --host in the same order, or once for all',
        },
        {
            title: 'etcd on the nodes (each overrides discovery; paths are on the nodes)',
            options: Object.values(_options__WEBPACK_IMPORTED_MODULE_1__/* .DISCOVERY */ .DZ),
        },
        {
            title: 'Restore',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.mode,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.newDataDir,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.bumpRevision,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.restoreOn,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .ETCD_TOOLS */ .tx.dir,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .ETCD_TOOLS */ .tx.download,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .ETCD_TOOLS */ .tx.downloadUrl,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.lockWait,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.allowVersionSkew,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.force,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.confirmNoBump,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.keepControllersRunning,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.restartControllers,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.dryRun,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.rebuild,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.recover,
            ],
        },
        {
            title: 'Store and keys',
            options: [
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.store,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.repository,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.githubToken,
                ..._options__WEBPACK_IMPORTED_MODULE_1__/* .S3_READ */ .iG,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.runId,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .STORE */ .er.cluster,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .ENVELOPE */ .Pr.identity,
                _options__WEBPACK_IMPORTED_MODULE_1__/* .ENVELOPE */ .Pr.passphrase,
            ],
        },
        { title: 'Output', options: [OUTPUT_JSON] },
    ],
}, async ({ values, positionals }) => {
    const nodes = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .sshNodesFrom */ .Ik)(values, { several: true });
    const etcd = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .discoveryFrom */ .dc)(values);
    const choices = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .restoreChoicesFrom */ .Xk)(values);
    const json = (0,_options__WEBPACK_IMPORTED_MODULE_1__/* .isOn */ .Mp)(values, OUTPUT_JSON);
    if ((0,_options__WEBPACK_IMPORTED_MODULE_1__/* .isOn */ .Mp)(values, _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.recover)) {
        const recovered = await (0,_restore_recover__WEBPACK_IMPORTED_MODULE_3__/* .recoverCutRestore */ .$)({
            nodes,
            lockWaitSeconds: choices.lockWaitSeconds,
            log: _util_log__WEBPACK_IMPORTED_MODULE_5__/* .stderrLogger */ .D,
        });
        printReport(recovered, json, recoveredLine);
        return 0;
    }
    const backup = backupToPutBack(values, positionals[0], nodes);
    if ((0,_options__WEBPACK_IMPORTED_MODULE_1__/* .isOn */ .Mp)(values, _options__WEBPACK_IMPORTED_MODULE_1__/* .RESTORE */ .zN.rebuild)) {
        printReport(await rebuild(values, backup, choices), json, rebuiltLine);
        return 0;
    }
    printReport(await restoreFromStore(values, backup, etcd, choices), json, restoredLine);
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

/***/ 8933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UV: () => (/* binding */ existingPaths),
/* harmony export */   ak: () => (/* binding */ NodeLedger)
/* harmony export */ });
/* unused harmony export RebuildStepError */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _ssh_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26079);



/*
 * Puts one file in place with its mode and owner, keeping whatever was there under the keep-aside folder
 * (same path below it). The new bytes come on stdin into a 0600 temp file next to the target, which is renamed
 * over it only once complete. Folders that are missing are made 0755, as kubeadm makes them.
 */
const PUT_FILE = [
    'path=$1 mode=$2 owner=$3 aside=$4',
    'dir=$(dirname -- "$path")',
    '(umask 022 && mkdir -p -- "$dir") || exit 70',
    'umask 077',
    'kept=',
    'if [ -e "$path" ] || [ -L "$path" ]; then',
    '  (umask 022 && mkdir -p -- "$aside$dir") && mv -- "$path" "$aside$path" || exit 71',
    '  kept=1',
    'fi',
    'tmp="$path.etcd-backup-tmp"',
    'if cat >"$tmp" && chown -- "$owner" "$tmp" && chmod -- "$mode" "$tmp" && mv -f -- "$tmp" "$path"; then',
    '  [ -n "$kept" ] && echo kept',
    '  exit 0',
    'fi',
    'rm -f -- "$tmp"',
    '[ -n "$kept" ] && mv -- "$aside$path" "$path"',
    'exit 72',
].join('\n');
/** Moves a path (file or folder) under the keep-aside folder; prints `kept` when there was something to move. */
const KEEP_ASIDE = [
    'path=$1 aside=$2',
    '[ -e "$path" ] || [ -L "$path" ] || exit 0',
    '(umask 022 && mkdir -p -- "$aside$(dirname -- "$path")") && mv -- "$path" "$aside$path" && echo kept',
].join('\n');
/** Undoes one step: removes what was put at `path`, and moves back what was kept aside, if anything. */
const UNDO = [
    'path=$1 aside=$2 kept=$3 failed=$4',
    'if [ -e "$path" ] || [ -L "$path" ]; then',
    '  if [ -d "$path" ]; then (umask 022 && mkdir -p -- "$(dirname -- "$failed$path")") && mv -- "$path" "$failed$path" || exit 73',
    '  else rm -f -- "$path" || exit 73; fi',
    'fi',
    '[ "$kept" = 1 ] && { mv -- "$aside$path" "$path" || exit 74; }',
    'exit 0',
].join('\n');
class RebuildStepError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld {
}
/**
 * Every change a rebuild makes to one node, and how to undo it. Whatever it replaces is moved under
 * `aside` (e.g. /var/lib/etcd-backup/rebuild-<time>/etc/kubernetes/pki/ca.key), never deleted; a restored
 * data dir that has to be taken back goes under `aside/failed`.
 */
class NodeLedger {
    session;
    aside;
    changes = [];
    constructor(session, aside) {
        this.session = session;
        this.aside = aside;
    }
    /** What was kept aside, for the report. */
    get keptAside() {
        return this.changes
            .filter((c) => 'path' in c && c.kept)
            .map((c) => node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(this.aside, c.path));
    }
    async putFile(file, content) {
        const r = await this.session.exec(['sh', '-c', PUT_FILE, 'sh', file.path, file.mode, `${file.uid}:${file.gid}`, this.aside], { sudo: true, stdin: content });
        if (r.exitCode !== 0) {
            throw new RebuildStepError(`cannot put ${file.path} back on ${this.session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr) || `exit ${r.exitCode}`}`);
        }
        this.changes.push({ path: file.path, kept: r.stdout.toString('utf8').includes('kept') });
    }
    /** Moves a path aside (a manifest, so its pod stops; a data dir, so a restore can take its place). */
    async keepAside(path) {
        const r = await this.session.exec(['sh', '-c', KEEP_ASIDE, 'sh', path, this.aside], { sudo: true });
        if (r.exitCode !== 0) {
            throw new RebuildStepError(`cannot move ${path} aside on ${this.session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr) || `exit ${r.exitCode}`}`);
        }
        const kept = r.stdout.toString('utf8').includes('kept');
        this.changes.push({ path, kept });
        return kept;
    }
    /** Records a path the rebuild creates by other means (the restored data dir), so rollback takes it away. */
    created(path) {
        this.changes.push({ path, kept: false });
    }
    /** A change made elsewhere than in the node's files (the cluster's membership), and how to undo it. */
    undoWith(label, undo) {
        this.changes.push({ label, undo });
    }
    /** Undoes every change in reverse order; returns what could not be undone (empty when all was). */
    async rollback() {
        const left = [];
        for (const change of [...this.changes].reverse()) {
            if ('undo' in change) {
                await change
                    .undo()
                    .catch((error) => left.push(`${change.label}: ${error.message}`));
                continue;
            }
            const r = await this.session
                .exec(['sh', '-c', UNDO, 'sh', change.path, this.aside, change.kept ? '1' : '0', `${this.aside}/failed`], { sudo: true })
                .catch((error) => ({ exitCode: -1, stderr: error.message }));
            if (r.exitCode !== 0)
                left.push(`${change.path} on ${this.session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr)}`);
        }
        this.changes.length = 0;
        return left;
    }
}
/** Which of these paths exist on the node (nothing is changed). */
async function existingPaths(session, paths) {
    if (paths.length === 0)
        return [];
    const r = await session.exec(['sh', '-c', 'for p; do [ -e "$p" ] && printf "%s\\0" "$p"; done; exit 0', 'sh', ...paths], {
        sudo: true,
        check: true,
    });
    return r.stdout.toString('utf8').split('\0').filter(Boolean);
}


/***/ }),

/***/ 65315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ RebuildFailedError),
/* harmony export */   Q: () => (/* binding */ RebuildRefusedError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** The rebuild will not start: nothing on the nodes was changed (exit 6, as a refused restore). */
class RebuildRefusedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(message, hint = 'nothing was changed on the node') {
        super(message, { hint, exitCode: 6 });
    }
}
/** A step of the rebuild failed (the caller rolls back, then says whether that worked: exit 7 or 8). */
class RebuildFailedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
}


/***/ }),

/***/ 92057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aC: () => (/* binding */ putBackFiles),
  DN: () => (/* binding */ putBackManifests),
  AH: () => (/* binding */ rejoin),
  vf: () => (/* binding */ restoreData),
  hg: () => (/* binding */ waitForEtcd)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/node/members.ts
var members = __webpack_require__(44911);
// EXTERNAL MODULE: ./src/restore/compare-keys.ts
var compare_keys = __webpack_require__(75018);
// EXTERNAL MODULE: ./src/restore/etcd-tools.ts
var etcd_tools = __webpack_require__(80151);
// EXTERNAL MODULE: ./src/restore/node-ops.ts
var node_ops = __webpack_require__(92317);
// EXTERNAL MODULE: ./src/restore/on-node.ts
var on_node = __webpack_require__(27454);
// EXTERNAL MODULE: ./src/restore/snapshot-restore.ts
var snapshot_restore = __webpack_require__(55403);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/pki/rebuild-errors.ts
var rebuild_errors = __webpack_require__(65315);
;// CONCATENATED MODULE: ./src/pki/etcd-flags.ts


/**
 * Sets `--flag=value` in the etcd container's command of a static pod manifest, replacing the flag where it is
 * and appending it where it is not; the rest of the document (comments, order) stays as it was.
 */
function setEtcdFlags(text, flags, path) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    const containers = doc.getIn(['spec', 'containers']);
    if (!(0,dist/* isSeq */.oP)(containers))
        throw new rebuild_errors/* RebuildRefusedError */.Q(`${path} has no containers`);
    const etcd = containers.items.find((c) => (0,dist/* isMap */.jh)(c) &&
        (c.get('name') === 'etcd' ||
            String(c.getIn(['command', 0])).endsWith('etcd')));
    const command = etcd?.get('command');
    if (!(0,dist/* isSeq */.oP)(command))
        throw new rebuild_errors/* RebuildRefusedError */.Q(`${path} has no etcd container with a command`);
    const items = command.items;
    for (const [name, value] of Object.entries(flags)) {
        const word = `--${name}=${value}`;
        const at = items.findIndex((item) => {
            const text = String((0,dist/* isMap */.jh)(item) ? '' : (item.value ?? item));
            return text === `--${name}` || text.startsWith(`--${name}=`);
        });
        if (at >= 0)
            items[at] = doc.createNode(word);
        else
            items.push(doc.createNode(word));
    }
    return doc.toString();
}

// EXTERNAL MODULE: ./src/pki/put-back.ts
var put_back = __webpack_require__(8933);
// EXTERNAL MODULE: ./src/pki/rebuild-target.ts + 1 modules
var rebuild_target = __webpack_require__(36275);
;// CONCATENATED MODULE: ./src/pki/rebuild-steps.ts












/** The rebuild's steps on one node; rebuild.ts runs them in order and rolls back through each node's ledger. */
const compact = (d) => d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
/** Stops what still runs (its manifests moved aside), then puts back everything but the manifests. */
async function putBackFiles(target, log, timeoutMs) {
    const manifests = target.stored.files.filter((f) => f.kind === 'manifest').map((f) => f.path);
    const present = await (0,put_back/* existingPaths */.UV)(target.session, manifests);
    for (const path of present)
        await target.ledger.keepAside(path);
    if (present.length > 0)
        await (0,node_ops/* waitUntilGone */.Ly)(target.session, 'etcd', { timeoutMs });
    for (const file of target.stored.files.filter((f) => f.kind !== 'manifest')) {
        await target.ledger.putFile(file, target.files.get(file.path));
    }
    log.info(`${target.stored.node}: PKI, kubeconfigs and kubelet config put back with their modes and owners`);
}
/** The remaining manifests (kube-apiserver and the rest) back in the static pod folder; waits for the API server. */
async function putBackManifests(target, timeoutMs, log) {
    const rest = target.stored.files.filter((f) => f.kind === 'manifest' && f.path !== target.etcd.manifestPath);
    for (const file of rest)
        await target.ledger.putFile(file, target.files.get(file.path));
    const apiServer = rest.some((f) => target.files.get(f.path).includes('kube-apiserver'));
    if (apiServer && !(await (0,node_ops/* waitUntilRunning */.RF)(target.session, 'kube-apiserver', timeoutMs))) {
        throw new rebuild_errors/* RebuildFailedError */.F(`kube-apiserver did not start on ${target.stored.node} within ${Math.round(timeoutMs / 1000)}s`);
    }
    log.info(`${target.stored.node}: control plane back (${rest.length + 1} static pods)`);
}
async function restoreData(target, snapshotPath, metadata, options) {
    const { session, etcd, ledger } = target;
    const { log } = options;
    await ledger.keepAside(etcd.dataDir);
    await session.exec(['mkdir', '-p', '--', external_node_path_.posix.dirname(etcd.dataDir)], { sudo: true, check: true });
    const staging = external_node_path_.posix.join(external_node_path_.posix.dirname(etcd.dataDir), `.${external_node_path_.posix.basename(etcd.dataDir)}.restore-${compact(new Date())}`);
    const version = target.tool?.version ?? target.runnerTools.version;
    const restore = {
        name: etcd.name,
        initialAdvertisePeerUrls: etcd.peerUrls.join(','),
        initialCluster: etcd.initialCluster,
        initialClusterToken: options.token,
        ...(options.bump > 0 && (0,etcd_tools/* supportsBumpRevision */.Ef)(version) ? { bumpRevision: options.bump } : {}),
        log,
    };
    ledger.created(etcd.dataDir);
    if (target.tool) {
        const shipped = (0,on_node/* snapshotDirFor */.rS)(staging);
        await (0,on_node/* shipSnapshot */.Bx)(session, { path: snapshotPath }, shipped, log);
        try {
            await (0,on_node/* restoreOnNode */.q8)(session, target.tool, '0:0', {
                ...restore,
                snapshotPath: (0,on_node/* shippedSnapshotPath */.JJ)(shipped),
                dataDir: etcd.dataDir,
            });
        }
        finally {
            await (0,on_node/* removeOurDir */.Om)(session, shipped).catch(() => { });
        }
    }
    else {
        const local = (0,external_node_path_.join)(options.tempDir, `restored-${etcd.name}`);
        await (0,snapshot_restore/* restoreSnapshot */.n)(target.runnerTools, { ...restore, snapshotPath, dataDir: local });
        try {
            await (0,node_ops/* shipDir */._H)(session, local, staging, '0:0', log);
        }
        finally {
            await (0,promises_.rm)(local, { recursive: true, force: true });
        }
        await session.exec(['mv', '--', staging, etcd.dataDir], { sudo: true, check: true });
    }
    log.info(`${target.stored.node}: etcd data restored at ${etcd.dataDir} (revision ${metadata.etcd.revision}${restore.bumpRevision ? ` + ${restore.bumpRevision}` : ''}, ${target.tool ? `${target.tool.kind} on the node` : `${target.runnerTools.restoreToolKind} on the runner`})`);
}
/** The lost member is replaced in the running cluster (remove, add), and starts empty to sync from it. */
async function rejoin(target, peer, timeoutMs, log) {
    const { etcd, ledger } = target;
    await ledger.keepAside(etcd.dataDir);
    const before = await peer.client.memberList();
    const old = before.find((m) => m.name === etcd.name || m.peerURLs.some((u) => etcd.peerUrls.includes(u)));
    if (old)
        await whenHealthy(() => peer.client.memberRemove(old.id), timeoutMs);
    const added = await whenHealthy(() => peer.client.memberAdd(etcd.peerUrls), timeoutMs);
    // The lost member's data is gone, so it cannot come back; an added member that never starts would only
    // weigh on the quorum, so a rollback takes it out again.
    ledger.undoWith(`member ${etcd.name} added to the cluster`, () => peer.client.memberRemove(added.id));
    const members = (await peer.client.memberList()).map((m) => m.name ? `${m.name}=${m.peerURLs.join(',')}` : `${etcd.name}=${etcd.peerUrls.join(',')}`);
    const manifest = setEtcdFlags(target.etcd.manifest.toString('utf8'), { 'initial-cluster': members.join(','), 'initial-cluster-state': 'existing' }, etcd.manifestPath);
    await ledger.putFile((0,rebuild_target/* manifestOf */.$V)(target), Buffer.from(manifest));
    target.rejoinManifest = true;
    log.info(`${target.stored.node}: member ${etcd.name} replaced in the running cluster; it syncs from ${peer.url}`);
}
/**
 * etcd refuses membership changes ("unhealthy cluster") until its leader has been connected to a quorum for
 * a few seconds; right after a node is lost a new leader may just have been elected, so ask again until then.
 */
async function whenHealthy(change, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            return await change();
        }
        catch (error) {
            if (!/unhealthy cluster/.test(error.message) || Date.now() > deadline)
                throw error;
            await new Promise((r) => setTimeout(r, 500));
        }
    }
}
/** etcd answers on every rebuilt node; restored from the snapshot, it holds exactly the snapshot's keys. */
async function waitForEtcd(targets, analysis, restored, connections, timeoutMs, log) {
    for (const target of targets) {
        const deadline = Date.now() + timeoutMs;
        let connection;
        for (;;) {
            try {
                connection = await (0,members/* connectToAnyUrl */.Fl)(target.session, target.etcd.clientUrls.length
                    ? ['https://127.0.0.1:2379', ...target.etcd.clientUrls]
                    : ['https://127.0.0.1:2379'], (0,rebuild_target/* tlsOf */.Vt)(target));
                await connection.client.range('health-check-of-a-rebuild', {});
                break;
            }
            catch (error) {
                await connection?.close();
                connection = undefined;
                if (Date.now() > deadline) {
                    throw new rebuild_errors/* RebuildFailedError */.F(`etcd on ${target.stored.node} did not answer within ${Math.round(timeoutMs / 1000)}s: ${error.message}`);
                }
                await new Promise((r) => setTimeout(r, 250));
            }
        }
        connections.push(connection);
        if (restored && analysis.liveKeys && target === targets[0]) {
            const comparison = await (0,compare_keys/* compareWithSnapshot */.C)(connection.client, analysis.liveKeys);
            if (comparison.missing || comparison.changed || comparison.unexpected) {
                throw new rebuild_errors/* RebuildFailedError */.F(`etcd on ${target.stored.node} came back different from the snapshot: ${comparison.missing} missing, ${comparison.changed} changed, ${comparison.unexpected} unexpected keys`);
            }
            log.info(`${target.stored.node}: etcd answers with all ${comparison.restored} keys of the snapshot`);
        }
        else {
            log.info(`${target.stored.node}: etcd answers`);
        }
    }
}


/***/ }),

/***/ 36275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f$: () => (/* binding */ findTools),
  $V: () => (/* binding */ manifestOf),
  _O: () => (/* binding */ matchTargets),
  Rw: () => (/* binding */ openStoredFiles),
  ed: () => (/* binding */ parseInitialCluster),
  Hv: () => (/* binding */ reachRunningMember),
  Vt: () => (/* binding */ tlsOf)
});

// EXTERNAL MODULE: ./src/node/members.ts
var members = __webpack_require__(44911);
// EXTERNAL MODULE: ./src/restore/node-tools.ts
var node_tools = __webpack_require__(58690);
// EXTERNAL MODULE: ./src/pki/bundle.ts
var bundle = __webpack_require__(62046);
// EXTERNAL MODULE: ./src/pki/capture.ts + 1 modules
var capture = __webpack_require__(93697);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/controlplane/flags.ts
var controlplane_flags = __webpack_require__(3258);
// EXTERNAL MODULE: ./src/controlplane/static-pod.ts
var static_pod = __webpack_require__(21041);
// EXTERNAL MODULE: ./src/pki/rebuild-errors.ts
var rebuild_errors = __webpack_require__(65315);
;// CONCATENATED MODULE: ./src/pki/node-match.ts





const LOOPBACK = /^(127\.|::1$|0:0:0:0:0:0:0:1$)/;
function splitUrls(value) {
    return (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
/** Reads the etcd static pod among a node's stored files. */
function storedEtcdOf(node, contents) {
    for (const file of node.files.filter((f) => f.kind === 'manifest')) {
        const text = contents.get(file.path);
        if (!text)
            continue;
        let pod;
        try {
            pod = (0,static_pod/* parseStaticPod */.Rs)(text.toString('utf8'), file.path);
        }
        catch {
            continue;
        }
        const container = (0,static_pod/* etcdContainer */.ql)(pod);
        if (!container)
            continue;
        const flags = (0,controlplane_flags/* parseFlags */.bQ)(container.argv.slice(1)).values;
        const host = (flag) => {
            const value = flags.get(flag);
            return value ? ((0,static_pod/* hostPathOf */.J8)(pod, container, value) ?? value) : undefined;
        };
        const ca = host('trusted-ca-file');
        const dataDir = host('data-dir');
        const name = flags.get('name');
        if (!ca || !dataDir || !name)
            break;
        const pki = ca.slice(0, ca.lastIndexOf('/'));
        const clientCert = ['healthcheck-client', 'server']
            .map((n) => `${pki}/${n}`)
            .find((p) => contents.has(`${p}.crt`));
        return {
            manifestPath: file.path,
            manifest: text,
            name,
            dataDir,
            peerUrls: splitUrls(flags.get('initial-advertise-peer-urls')),
            clientUrls: splitUrls(flags.get('advertise-client-urls')),
            initialCluster: flags.get('initial-cluster') ?? '',
            flags,
            certFiles: [host('cert-file'), host('peer-cert-file')].filter((p) => !!p),
            client: {
                ca,
                cert: `${clientCert ?? `${pki}/server`}.crt`,
                key: `${clientCert ?? `${pki}/server`}.key`,
            },
        };
    }
    throw new rebuild_errors/* RebuildRefusedError */.Q(`the backup holds no etcd static pod manifest of ${node.node}`, 'pick a backup taken with the control-plane files of this node');
}
/** The non-loopback IP addresses a certificate is issued for. */
function ipSans(pem) {
    const sans = new external_node_crypto_.X509Certificate(pem).subjectAltName ?? '';
    return sans
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.startsWith('IP Address:'))
        .map((s) => s.slice('IP Address:'.length))
        .filter((ip) => (0,external_node_net_.isIP)(ip) && !LOOPBACK.test(ip));
}
/**
 * Finds the node's files in the backup by its hostname, and refuses, with the reason, when the node is not the
 * one they were issued to: etcd's server and peer certificates name the node's addresses, and a member that
 * listens elsewhere could never be reached by its peers.
 */
function matchNode(identity, nodes, opened) {
    const node = nodes.find((n) => n.node === identity.hostname);
    if (!node) {
        throw new rebuild_errors/* RebuildRefusedError */.Q(`node ${identity.hostname} is not in the backup: it holds the control-plane files of ${nodes.map((n) => n.node).join(', ')}`, 'rebuild on a node with the same hostname (a replacement VM keeps the name and IP), or pick the backup of this node');
    }
    const contents = opened.get(node.node) ?? new Map();
    const etcd = storedEtcdOf(node, contents);
    for (const path of etcd.certFiles) {
        const pem = contents.get(path);
        if (!pem)
            continue;
        const missing = ipSans(pem).filter((ip) => !identity.addresses.includes(ip));
        if (missing.length > 0) {
            throw new rebuild_errors/* RebuildRefusedError */.Q(`node ${identity.hostname} has addresses ${identity.addresses.filter((a) => !LOOPBACK.test(a)).join(', ') || 'none'}, but its certificate ${path} in the backup is for ${missing.join(', ')}`, 'give the node the address it had (a replacement VM needs the same IP), or re-issue the certificates with kubeadm; nothing was changed on the node');
        }
    }
    return node;
}

// EXTERNAL MODULE: ./src/pki/put-back.ts
var put_back = __webpack_require__(8933);
;// CONCATENATED MODULE: ./src/pki/rebuild-target.ts







async function openStoredFiles(metadata, sealed, keys) {
    if (!metadata.controlPlane || !sealed) {
        throw new rebuild_errors/* RebuildRefusedError */.Q(`${metadata.name} carries no control-plane files (taken with --no-control-plane-files, or by an older version)`, 'pick a backup that lists its node files (etcd-backup list shows NODE FILES); nothing was changed');
    }
    return (0,bundle/* openFiles */.Km)(sealed, metadata.controlPlane, metadata.envelope.encryption, keys, metadata.name);
}
async function matchTargets(sessions, metadata, opened, aside) {
    const targets = [];
    for (const session of sessions) {
        const identity = await (0,capture/* readIdentity */.xN)(session);
        const stored = matchNode(identity, metadata.controlPlane.nodes, opened);
        if (targets.some((t) => t.stored.node === stored.node)) {
            throw new rebuild_errors/* RebuildRefusedError */.Q(`${session.target} is ${stored.node} again: give each node once`);
        }
        const files = opened.get(stored.node);
        targets.push({
            session,
            stored,
            files,
            etcd: storedEtcdOf(stored, files),
            ledger: new put_back/* NodeLedger */.ak(session, aside),
        });
    }
    return targets;
}
/**
 * Where each node's snapshot restore runs: with the node's own etcdutl of the backup's version when it has
 * one, else here with the runner's tools (the restored data dir is then shipped). Neither refuses, changing
 * nothing.
 */
async function findTools(targets, version, bump, runnerTools) {
    let runner;
    for (const target of targets) {
        const found = (0,node_tools/* matchingNodeTool */.y)(await (0,node_tools/* probeNodeTools */.M)(target.session), version, bump);
        if ('tool' in found) {
            target.tool = found.tool;
            continue;
        }
        if (!runnerTools) {
            throw new rebuild_errors/* RebuildRefusedError */.Q(`${target.stored.node} cannot restore the snapshot of etcd ${version}: ${found.why}`, 'install etcdutl of that version on the node, or give etcd tools on the runner (--etcd-tools, --download-etcd); nothing was changed');
        }
        runner ??= await runnerTools();
        target.runnerTools = runner;
    }
}
function parseInitialCluster(value) {
    return value
        .split(',')
        .map((entry) => entry.split('='))
        .filter((p) => p.length === 2 && !!p[0] && !!p[1])
        .map(([name, peerUrl]) => ({ name, peerUrl }));
}
function tlsOf(target) {
    const read = (path) => {
        const content = target.files.get(path);
        if (!content)
            throw new rebuild_errors/* RebuildRefusedError */.Q(`the backup of ${target.stored.node} lacks ${path}`);
        return content;
    };
    return {
        ca: read(target.etcd.client.ca),
        cert: read(target.etcd.client.cert),
        key: read(target.etcd.client.key),
    };
}
/** A running member among the others, reached from the node being rebuilt at its peer host and client port. */
async function reachRunningMember(target, others, connections) {
    const port = new URL(target.etcd.clientUrls[0] ?? 'https://127.0.0.1:2379').port || '2379';
    const urls = others.map((m) => {
        const url = new URL(m.peerUrl);
        return `https://${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}`;
    });
    try {
        const connection = await (0,members/* connectToAnyUrl */.Fl)(target.session, urls, tlsOf(target));
        connections.push(connection);
        return connection;
    }
    catch {
        return undefined;
    }
}
function manifestOf(target) {
    return target.stored.files.find((f) => f.path === target.etcd.manifestPath);
}


/***/ }),

/***/ 54167:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ rebuildNodes)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _restore_fetch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43338);
/* harmony import */ var _restore_steps__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99029);
/* harmony import */ var _ssh__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45089);
/* harmony import */ var _util_private_temp__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70898);
/* harmony import */ var _rebuild_errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65315);
/* harmony import */ var _rebuild_steps__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(92057);
/* harmony import */ var _rebuild_target__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(36275);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_restore_fetch__WEBPACK_IMPORTED_MODULE_1__]);
_restore_fetch__WEBPACK_IMPORTED_MODULE_1__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];









/**
 * Brings back control-plane nodes that lost /etc/kubernetes and /var/lib/etcd, from a backup that carries their
 * files: fetch → verify → connect → match (refuse, changing nothing, when a node is not the one its files were
 * issued to) → tools → put back the files → etcd (restore the snapshot when every member is lost, else rejoin
 * the running ones) → start etcd → check → start the control plane. Anything replaced is kept aside; a failure
 * or an interrupt after the first change undoes every step on every node, in reverse.
 */
async function rebuildNodes(request) {
    const { log } = request;
    const temp = (0,_util_private_temp__WEBPACK_IMPORTED_MODULE_4__/* .createPrivateTempDir */ .f)('etcd-rebuild-');
    const sessions = [];
    const connections = [];
    const run = new _restore_steps__WEBPACK_IMPORTED_MODULE_2__/* .StepRunner */ .H(request.signal);
    const startMs = request.startTimeoutMs ?? 120_000;
    try {
        const fetched = await run.beforeStop('fetch', () => (0,_restore_fetch__WEBPACK_IMPORTED_MODULE_1__/* .fetchBackup */ .T)({ ...request, path: temp.file('snapshot.db') }));
        const { metadata } = fetched;
        const opened = await run.beforeStop('open', () => (0,_rebuild_target__WEBPACK_IMPORTED_MODULE_7__/* .openStoredFiles */ .Rw)(metadata, fetched.controlPlaneSealed, request.keys));
        await run.beforeStop('connect', () => connectAll(request, sessions));
        const stamp = compact((request.now ?? (() => new Date()))());
        const targets = await run.beforeStop('match', () => (0,_rebuild_target__WEBPACK_IMPORTED_MODULE_7__/* .matchTargets */ ._O)(sessions, metadata, opened, `/var/lib/etcd-backup/rebuild-${stamp}`));
        const others = othersOf(targets);
        const peer = await run.beforeStop('peers', () => reachPeer(targets, others, connections));
        const bump = request.bumpRevision ?? 1_000_000_000;
        if (!peer) {
            const tools = request.tools;
            const runnerTools = tools
                ? async () => (typeof tools === 'function' ? tools(metadata.etcd.version) : tools)
                : undefined;
            await run.beforeStop('tools', () => (0,_rebuild_target__WEBPACK_IMPORTED_MODULE_7__/* .findTools */ .f$)(targets, metadata.etcd.version, bump > 0, runnerTools));
        }
        log.info(`rebuilding ${targets.map((t) => `${t.stored.node} (${t.session.target})`).join(', ')} from ${metadata.name}: ${peer ? `rejoining ${others.map((m) => m.name).join(', ')}` : 'restoring etcd from the snapshot'}`);
        try {
            await run.inSwap('putBackFiles', () => eachTarget(targets, (t) => (0,_rebuild_steps__WEBPACK_IMPORTED_MODULE_6__/* .putBackFiles */ .aC)(t, log, startMs)));
            if (peer)
                await run.inSwap('rejoin', () => eachTarget(targets, (t) => (0,_rebuild_steps__WEBPACK_IMPORTED_MODULE_6__/* .rejoin */ .AH)(t, peer, startMs, log)));
            else
                await run.inSwap('restoreData', () => restoreAll(targets, fetched.path, metadata, { bump, tempDir: temp.path, log }));
            await run.inSwap('startEtcd', () => eachTarget(targets, (t) => startEtcdOf(t)));
            await run.inSwap('checkEtcd', () => (0,_rebuild_steps__WEBPACK_IMPORTED_MODULE_6__/* .waitForEtcd */ .hg)(targets, fetched.analysis, !peer, connections, startMs, log));
            await run.timed('startControlPlane', () => eachTarget(targets, (t) => (0,_rebuild_steps__WEBPACK_IMPORTED_MODULE_6__/* .putBackManifests */ .DN)(t, startMs, log)));
        }
        catch (error) {
            throw await rolledBack(error, targets);
        }
        return reportOf(metadata, peer ? 'rejoin' : 'restore', targets, run.timings);
    }
    finally {
        temp.dispose();
        await Promise.all(connections.map((c) => c.close().catch(() => { })));
        await Promise.all(sessions.map((s) => s.close()));
    }
}
async function eachTarget(targets, step) {
    for (const target of targets)
        await step(target);
}
async function connectAll(request, sessions) {
    for (const options of request.nodes)
        sessions.push(await (0,_ssh__WEBPACK_IMPORTED_MODULE_3__/* .connect */ .Ng)({ ...options, warn: request.log.warn }));
}
/** The members of the stored cluster that are not being rebuilt. */
function othersOf(targets) {
    const rebuilt = new Set(targets.map((t) => t.etcd.name));
    return (0,_rebuild_target__WEBPACK_IMPORTED_MODULE_7__/* .parseInitialCluster */ .ed)(targets[0].etcd.initialCluster).filter((m) => !rebuilt.has(m.name));
}
/** With members left out of the rebuild, one of them must run: the rebuilt nodes rejoin it. */
async function reachPeer(targets, others, connections) {
    if (others.length === 0)
        return undefined;
    const peer = await (0,_rebuild_target__WEBPACK_IMPORTED_MODULE_7__/* .reachRunningMember */ .Hv)(targets[0], others, connections);
    if (!peer) {
        throw new _rebuild_errors__WEBPACK_IMPORTED_MODULE_5__/* .RebuildRefusedError */ .Q(`members ${others.map((m) => m.name).join(', ')} do not answer and are not being rebuilt`, 'rebuild every lost member together (give all their nodes), or bring the others back first; nothing was changed');
    }
    return peer;
}
async function restoreAll(targets, snapshotPath, metadata, options) {
    const token = `rebuild-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
    for (const target of targets)
        await (0,_rebuild_steps__WEBPACK_IMPORTED_MODULE_6__/* .restoreData */ .vf)(target, snapshotPath, metadata, { ...options, token });
}
/** The etcd manifest back in the static pod folder: the kubelet starts etcd on the restored data. */
async function startEtcdOf(target) {
    if (target.rejoinManifest)
        return; // put back by rejoin, rewritten to join the running members
    await target.ledger.putFile((0,_rebuild_target__WEBPACK_IMPORTED_MODULE_7__/* .manifestOf */ .$V)(target), target.etcd.manifest);
}
async function rolledBack(error, targets) {
    const left = [];
    for (const target of targets)
        left.push(...(await target.ledger.rollback()));
    const how = left.length === 0
        ? 'every node was put back as it was'
        : `the rollback could not undo: ${left.join('; ')}`;
    return new _rebuild_errors__WEBPACK_IMPORTED_MODULE_5__/* .RebuildFailedError */ .F(`the rebuild failed: ${error.message}; ${how}`, {
        hint: left.length === 0
            ? 'fix the cause and run the rebuild again'
            : 'finish those steps by hand; what was replaced is under /var/lib/etcd-backup/',
        exitCode: left.length === 0 ? 7 : 8,
        cause: error,
    });
}
function reportOf(metadata, mode, targets, timingsMs) {
    return {
        backup: metadata.name,
        mode,
        revision: metadata.etcd.revision,
        nodes: targets.map((t) => ({
            node: t.stored.node,
            target: t.session.target,
            files: t.stored.files.length,
            keptAside: t.ledger.keptAside,
            etcdData: mode === 'rejoin' ? 'rejoin' : t.tool ? 'node' : 'runner',
        })),
        timingsMs,
    };
}
const compact = (d) => d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 72036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ findApiServers),
/* harmony export */   s: () => (/* binding */ waitForApiServersReady)
/* harmony export */ });
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _controlplane__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28493);
/* harmony import */ var _controlplane_flags__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3258);
/* harmony import */ var _controlplane_static_pod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21041);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83916);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(92317);
/* harmony import */ var _swap_context__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(22913);










const POLL_MS = 200;
/**
 * Before anything stops: which API servers answer `/readyz` over the SSH connection with the node's admin.conf
 * credentials (read into memory only). Those are the ones the restore waits for afterwards; a node whose API
 * server cannot be asked (no admin.conf, no answer) is waited for by its process only, with a warning.
 */
async function findApiServers(context) {
    const found = new Map();
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_9__/* .eachMember */ .c)(context, async (session, m) => {
        if (!m.apiServerManifest)
            return;
        try {
            const access = await accessOf(session, m);
            await readyz(session, access);
            found.set(m.node, access);
        }
        catch (error) {
            context.log.warn(`${m.node}: kube-apiserver's /readyz cannot be asked (${(0,_errors__WEBPACK_IMPORTED_MODULE_7__/* .errorLine */ .BP)(error)}); after the restore only its process will be waited for`);
        }
    });
    return found;
}
/**
 * The wait step after kube-apiserver is back: every node's own API server must answer `/readyz` with 200 (a
 * running process is not a ready server: it may still be reading the restored data). Returns how long the
 * slowest took.
 */
async function waitForApiServersReady(context) {
    const started = Date.now();
    const { log } = context;
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_9__/* .eachMember */ .c)(context, async (session, m) => {
        if (!m.apiServerManifest)
            return;
        const access = context.apiServers?.get(m.node);
        if (!access) {
            if (!(await (0,_node_ops__WEBPACK_IMPORTED_MODULE_8__/* .waitUntilRunning */ .RF)(session, 'kube-apiserver', context.startMs)))
                log.warn(`kube-apiserver has not started on ${m.node}; check the kubelet`);
            return;
        }
        const detail = await waitForReadyz(session, access, context.startMs, context.signal);
        if (detail !== undefined)
            log.warn(`kube-apiserver on ${m.node} is not ready after ${context.startMs / 1000}s (${detail}); check its logs`);
    });
    const ms = Date.now() - started;
    const asked = context.plan.members.filter((m) => context.apiServers?.has(m.node)).length;
    if (asked > 0)
        log.info(`kube-apiserver /readyz ok on ${asked === context.plan.members.length ? 'every node' : `${asked} node(s)`} ${(ms / 1000).toFixed(1)}s after it was started`);
    return ms;
}
/** admin.conf next to the static pod folder's parent (kubeadm: /etc/kubernetes/admin.conf). */
async function accessOf(session, m) {
    const manifest = (await session.readFile(m.apiServerManifest, { sudo: true })).toString('utf8');
    const pod = (0,_controlplane__WEBPACK_IMPORTED_MODULE_4__/* .parseStaticPod */ .Rs)(manifest, m.apiServerManifest);
    const container = (0,_controlplane_static_pod__WEBPACK_IMPORTED_MODULE_6__/* .apiServerContainer */ .Fh)(pod);
    if (!container)
        throw new Error(`${m.apiServerManifest} runs no kube-apiserver`);
    const { values } = (0,_controlplane_flags__WEBPACK_IMPORTED_MODULE_5__/* .parseFlags */ .bQ)(container.argv.slice(1));
    const adminConf = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(m.staticPodPath), 'admin.conf');
    const kubeconfig = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)((await session.readFile(adminConf, { sudo: true })).toString('utf8'));
    const cluster = kubeconfig.clusters?.[0]?.cluster ?? {};
    const user = kubeconfig.users?.[0]?.user ?? {};
    const data = (field) => {
        if (!field)
            throw new Error(`${adminConf} has no embedded certificate data`);
        return Buffer.from(field, 'base64');
    };
    return {
        address: values.get('advertise-address') ?? m.clientUrl.replace(/^https?:\/\/\[?([^\]/]+?)\]?:\d+.*$/, '$1'),
        port: Number(values.get('secure-port') ?? 6443),
        ca: data(cluster['certificate-authority-data']),
        cert: data(user['client-certificate-data']),
        key: data(user['client-key-data']),
    };
}
/** Polls /readyz until 200; undefined when ready, else the last answer. */
async function waitForReadyz(session, access, timeoutMs, signal) {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
        signal?.throwIfAborted();
        try {
            const answer = await readyz(session, access);
            if (answer.status === 200)
                return undefined;
            last = `HTTP ${answer.status}`;
        }
        catch (error) {
            last = (0,_errors__WEBPACK_IMPORTED_MODULE_7__/* .errorLine */ .BP)(error);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return last;
}
/** One GET /readyz over a fresh channel of the SSH connection, TLS checked against the cluster's CA. */
async function readyz(session, access) {
    // The node's sshd may wait minutes on a port that drops packets: the attempt gets as long as the request.
    let timer;
    let late = false;
    const timedOut = new Promise((_, reject) => {
        timer = setTimeout(() => {
            late = true;
            reject(new Error('no connection to /readyz within 5s'));
        }, 5_000);
    });
    const opening = session.forwardOut(access.address, access.port);
    // A channel that opens after we gave up is closed at once.
    opening.then((c) => late && c.destroy()).catch(() => { });
    const channel = await Promise.race([opening, timedOut]).finally(() => clearTimeout(timer));
    return new Promise((resolve, reject) => {
        const req = (0,node_https__WEBPACK_IMPORTED_MODULE_0__.request)({
            host: access.address,
            port: access.port,
            path: '/readyz',
            method: 'GET',
            timeout: 5_000,
            agent: false,
            ca: access.ca,
            cert: access.cert,
            key: access.key,
            // The TLS options have to reach tls.connect through these (seen: given only here, the CA was ignored).
            createConnection: (options) => (0,node_tls__WEBPACK_IMPORTED_MODULE_2__.connect)({ ...options, socket: channel }),
        }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error('/readyz did not answer within 5s')));
        req.on('error', reject);
        req.end();
    });
}


/***/ }),

/***/ 49086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ checkRestored)
/* harmony export */ });
/* harmony import */ var _node_members__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44911);
/* harmony import */ var _compare_keys__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75018);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27647);



/**
 * The check step, before kube-apiserver writes anything (so the comparison is exact and a rollback loses
 * nothing): the revision is at least the snapshot's plus the bump, the members are the planned ones, and
 * every key and value equals the snapshot's.
 */
async function checkRestored(context, fetched) {
    const { plan } = context;
    const first = plan.members[0];
    const connection = await (0,_node_members__WEBPACK_IMPORTED_MODULE_0__/* .connectThroughNode */ .eZ)(await context.links[0].live(), first.clientUrl, first.tls);
    try {
        const client = connection.client;
        const [status, members] = await Promise.all([client.status(), client.memberList()]);
        const problems = [...revisionProblems(Number(status.revision), plan), ...memberProblems(members, plan)];
        const live = fetched.analysis.liveKeys;
        if (!live)
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreCheckError */ .x3('the snapshot has no key inventory to compare with');
        const keys = await (0,_compare_keys__WEBPACK_IMPORTED_MODULE_1__/* .compareKeysWithSnapshot */ .u)(client, live);
        if (keys.missing || keys.unexpected || keys.changed)
            problems.push(`keys differ from the snapshot: ${keys.missing} missing, ${keys.unexpected} unexpected, ${keys.changed} changed`);
        if (problems.length > 0)
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreCheckError */ .x3(`the restored cluster is not what was planned: ${problems.join('; ')}`);
        return { revision: Number(status.revision), keys };
    }
    finally {
        await connection.close();
    }
}
function revisionProblems(revision, plan) {
    return revision < plan.snapshotRevision + plan.bump
        ? [`revision ${revision} is below the snapshot's ${plan.snapshotRevision} + bump ${plan.bump}`]
        : [];
}
function memberProblems(members, plan) {
    const want = plan.members.map((m) => `${m.name}=${[...m.peerUrls].sort().join(',')}`).sort();
    const got = members.map((m) => `${m.name}=${[...m.peerURLs].sort().join(',')}`).sort();
    return want.join(' ') === got.join(' ') ? [] : [`members are ${got.join(' ')}, planned ${want.join(' ')}`];
}


/***/ }),

/***/ 75018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ compareWithSnapshot),
/* harmony export */   u: () => (/* binding */ compareKeysWithSnapshot)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Every key from \0 on, all pages read at one revision. Ranging from \0 leaves out the empty key, under which
 * `--bump-revision` files its marker revision: that marker is etcd bookkeeping, not a user key.
 */
const ALL = Buffer.from([0]);
/** Live keys of a snapshot that a restored cluster serves: all but the `--bump-revision` marker under ''. */
function expectedKeys(live) {
    return live.size - (live.has('') ? 1 : 0);
}
/**
 * Counts the cluster's keys, page by page, against the snapshot: `snapshotOf` gives the snapshot's figure for
 * a key (undefined: not a live key there; null: not recorded), `clusterOf` the cluster's, and they must agree.
 */
async function countAgainstSnapshot(pages, snapshotOf, clusterOf, each) {
    const count = { restored: 0, unexpected: 0, changed: 0, seen: 0, revision: 0n };
    for await (const page of pages) {
        count.revision = page.revision;
        for (const kv of page.kvs) {
            each?.(kv, count.restored);
            count.restored++;
            const want = snapshotOf(kv.key);
            if (want === undefined)
                count.unexpected++;
            else {
                count.seen++;
                if (want !== null && want !== clusterOf(kv))
                    count.changed++;
            }
        }
    }
    return count;
}
/** Reads every key the cluster serves and compares the set and each value's CRC with the snapshot's live keys. */
async function compareWithSnapshot(client, live) {
    const count = await countAgainstSnapshot(client.scanPages(ALL, { rangeEnd: ALL, pageSize: 1000 }), (key) => live.valueCrcOf(key), (kv) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(kv.value));
    const expected = expectedKeys(live);
    return {
        expected,
        restored: count.restored,
        missing: expected - count.seen,
        unexpected: count.unexpected,
        changed: count.changed,
        revision: Number(count.revision),
        valuesCompared: count.seen,
    };
}
/**
 * The restore's check, cheaper than reading every value back through the SSH tunnel (at 600 MB that was 5 s
 * of the cluster standing still) and still exact about which data is there:
 * - every key, by a keys-only range (no values travel): the set of keys must equal the snapshot's live keys
 *   and each key's mod_revision must equal the revision of its newest value in the snapshot. A different
 *   or older snapshot, a missing or extra key, or a value from another write shows up here;
 * - values: `samples` stretches of up to `perSample` consecutive keys, starting at keys spread evenly over
 *   the sorted key space (plus the first key), are read with their values and each value's CRC-32 is
 *   compared with the snapshot's. This catches a data dir restored from other bytes under the same keys and
 *   revisions (e.g. another cluster's snapshot of identical shape), which would differ everywhere.
 * It does not read the values of keys outside the samples; the drill (compareWithSnapshot) reads them all.
 */
async function compareKeysWithSnapshot(client, live, options = {}) {
    const samples = options.samples ?? 32;
    const perSample = options.perSample ?? 32;
    const expected = expectedKeys(live);
    // Where the samples start: evenly spaced positions in the sorted key space, picked while listing.
    const positions = new Set();
    for (let i = 0; i < samples; i++)
        positions.add(Math.floor((i * expected) / samples));
    const starts = [];
    const count = await countAgainstSnapshot(
    // Keys and mod revisions only (no value or object per key).
    client.scanKeys(ALL, { rangeEnd: ALL, pageSize: 10_000 }), 
    // By the key's bytes: no string or record object per key of the cluster.
    (key) => live.modRevisionOf(key), (kv) => kv.modRevision, 
    // A copy: a view would keep its page's whole message (about 1 MB) alive until the samples are read.
    (kv, index) => {
        if (positions.has(index))
            starts.push(Buffer.from(kv.key));
    });
    const revision = count.revision;
    let changed = count.changed;
    const compared = new Set();
    await Promise.all(starts.map(async (start) => {
        const page = await client.range(start, { rangeEnd: ALL, limit: perSample, revision });
        for (const kv of page.kvs) {
            const key = kv.key.toString('latin1');
            const want = live.get(key);
            if (!want || compared.has(key))
                continue;
            compared.add(key);
            if (want.valueCrc !== (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(kv.value))
                changed++;
        }
    }));
    return {
        expected,
        restored: count.restored,
        missing: expected - count.seen,
        unexpected: count.unexpected,
        changed,
        revision: Number(revision),
        valuesCompared: compared.size,
    };
}


/***/ }),

/***/ 16719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ startControllers),
/* harmony export */   o: () => (/* binding */ programOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92317);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29879);
/* harmony import */ var _swap_context__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22913);





/** The program a static pod's manifest runs, named as kubeadm names the file (kube-controller-manager.yaml). */
function programOf(manifest) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(manifest).replace(/\.(ya?ml|json)$/, '');
}
/** Puts the controllers' manifests back once every API server is ready, and waits until they run. */
async function startControllers(context) {
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_4__/* .eachMember */ .c)(context, async (session, m) => {
        for (const manifest of m.controllerManifests) {
            try {
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_2__/* .move */ .Cy)(session, (0,_plan__WEBPACK_IMPORTED_MODULE_3__/* .inHolding */ .zl)(m, manifest), manifest, { ifPresent: true });
                if (!(await (0,_node_ops__WEBPACK_IMPORTED_MODULE_2__/* .waitUntilRunning */ .RF)(session, programOf(manifest), 60_000)))
                    context.log.warn(`${programOf(manifest)} has not started on ${m.node} within 60s; check the kubelet`);
            }
            catch (error) {
                context.log.warn(`could not start ${programOf(manifest)} on ${m.node}: ${(0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorLine */ .BP)(error)}`);
            }
        }
    });
}


/***/ }),

/***/ 27647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ RestoreRefusedError),
/* harmony export */   UM: () => (/* binding */ RestoreFailedError),
/* harmony export */   h_: () => (/* binding */ RestoreInterruptedError),
/* harmony export */   x3: () => (/* binding */ RestoreCheckError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91084);


/** The restore will not start: nothing on the cluster was changed (exit 6). */
class RestoreRefusedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(message, hint) {
        super(message, { hint, exitCode: _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.restoreRefused });
    }
}
/** The restore failed; rolledBack says whether the cluster runs on its old data again (exit 7, else 8). */
class RestoreFailedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    rolledBack;
    constructor(message, rolledBack, options) {
        super(message, { ...options, exitCode: rolledBack ? _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.restoreRolledBack : _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.restoreIncomplete });
        this.rolledBack = rolledBack;
    }
}
/** The caller interrupted the restore after the first stop: a failure like any other, rolled back. */
class RestoreInterruptedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
}
/** The restored cluster is not what was planned. */
class RestoreCheckError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
}


/***/ }),

/***/ 43338:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ downloadBackup),
/* harmony export */   T: () => (/* binding */ fetchBackup)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _envelope_open__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6162);
/* harmony import */ var _store_catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(754);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65365);
/* harmony import */ var _verify_backup__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31264);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_verify_backup__WEBPACK_IMPORTED_MODULE_5__]);
_verify_backup__WEBPACK_IMPORTED_MODULE_5__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];






/**
 * The fetch step: store → blob (SHA-256 checked against the metadata) → decrypt → decompress → the snapshot
 * file at `path` (its digest checked too). Anything that does not match is refused before it can be used.
 */
async function downloadBackup(options) {
    const { store, log } = options;
    const listing = await store.list();
    const chosen = (0,_store_catalog__WEBPACK_IMPORTED_MODULE_3__/* .selectBackup */ .Vr)(listing.backups, options.selector, {
        ...(options.cluster ? { cluster: options.cluster } : {}),
        location: store.location,
    });
    log.info(`fetching ${chosen.name} (revision ${chosen.etcd.revision}) from ${store.location}`);
    const stored = await store.get(chosen.name);
    let controlPlaneSealed;
    const sealedFiles = stored.metadata.controlPlane?.sealed;
    const packedPath = stored.metadata.envelope.compression === 'zstd' ? options.packedPath : undefined;
    const packed = packedPath ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(packedPath, { mode: 0o600, flags: 'wx' }) : undefined;
    try {
        const plain = await (0,_envelope_open__WEBPACK_IMPORTED_MODULE_2__/* .open */ .h)(stored.blob, {
            ...(packed ? { packedCopy: packed } : {}),
            keys: options.keys,
            envelope: { ...stored.metadata.envelope, blob: stored.metadata.envelope.blob },
            snapshot: stored.metadata.snapshot,
            label: chosen.name,
            ...(sealedFiles
                ? {
                    followedBy: {
                        offset: sealedFiles.offset,
                        collect: (rest) => (controlPlaneSealed = rest),
                    },
                }
                : {}),
        });
        const meter = new _util_progress__WEBPACK_IMPORTED_MODULE_4__/* .ProgressMeter */ .Z3('fetch', (r) => log.info((0,_util_progress__WEBPACK_IMPORTED_MODULE_4__/* .formatProgress */ .Vu)(r)), stored.metadata.snapshot.size);
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(plain, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(options.path, { mode: 0o600, flags: 'wx' }));
        if (packed)
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.finished)(packed);
    }
    finally {
        packed?.destroy();
    }
    return {
        metadata: stored.metadata,
        path: options.path,
        ...(controlPlaneSealed ? { controlPlaneSealed } : {}),
        ...(packedPath ? { packedPath } : {}),
    };
}
/** Fetch, then verify (verify-backup.ts): what a drill (and a test) needs of a stored backup. */
async function fetchBackup(options) {
    const started = Date.now();
    const downloaded = await downloadBackup(options);
    const opened = Date.now();
    const analysis = await (0,_verify_backup__WEBPACK_IMPORTED_MODULE_5__/* .verifyBackup */ .g)(downloaded.metadata, downloaded.path);
    return { ...downloaded, analysis, timingsMs: { open: opened - started, verify: Date.now() - opened } };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 82326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ waitForHealthyCluster)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _node_members__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44911);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27647);




/**
 * Waits until every member answers through its own node and all agree on one leader. Used by the start step
 * and by the rollback. An abort of `signal` stops the wait.
 */
async function waitForHealthyCluster(links, members, timeoutMs, log, signal) {
    const deadline = Date.now() + timeoutMs;
    const connections = members.map(() => undefined);
    let last = '';
    try {
        for (;;) {
            try {
                const statuses = await Promise.all(members.map(async (m, i) => {
                    connections[i] ??= await (0,_node_members__WEBPACK_IMPORTED_MODULE_2__/* .connectThroughNode */ .eZ)(await links[i].live(), m.clientUrl, m.tls);
                    try {
                        return await connections[i].client.status();
                    }
                    catch (error) {
                        await connections[i].close();
                        connections[i] = undefined;
                        throw error;
                    }
                }));
                const leaders = new Set(statuses.map((s) => s.leader));
                if (leaders.size === 1 && !leaders.has(0n)) {
                    log.info(`etcd is back: ${members.length} member(s), leader ${statuses[0].leader.toString(16)}`);
                    return;
                }
                last = 'the members do not agree on a leader yet';
            }
            catch (error) {
                last = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorLine */ .BP)(error);
            }
            if (Date.now() > deadline) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld(`etcd did not come back with a leader within ${Math.round(timeoutMs / 1000)}s: ${last}`);
            }
            if (signal?.aborted)
                throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .RestoreInterruptedError */ .h_(signal.reason instanceof Error ? signal.reason.message : 'interrupted');
            // etcd answers within a few hundred ms of being up; a longer pause is only time the cluster is down.
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(150);
        }
    }
    finally {
        await Promise.all(connections.map((c) => c?.close()));
    }
}


/***/ }),

/***/ 40081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ abortOnSignals)
/* harmony export */ });
/**
 * SIGINT and SIGTERM become an abort of the restore instead of an exit, so a restore that has already stopped
 * the cluster puts it back before the process ends. Call dispose() when the restore is over.
 */
function abortOnSignals(log) {
    const controller = new AbortController();
    const onSignal = (name) => {
        if (controller.signal.aborted)
            return;
        log.warn(`${name} received: stopping the restore; if the cluster was already stopped it is rolled back first (this can take a minute)`);
        controller.abort(new Error(`interrupted by ${name}`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
    };
}


/***/ }),

/***/ 89417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pz: () => (/* binding */ withJournals)
/* harmony export */ });
/* unused harmony exports journalOf, writeJournal */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _node_journal__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78379);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27647);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92317);




/**
 * Runs the part of a restore that changes the nodes with a journal on every node (see node/journal.ts):
 * written before anything is shipped, removed when the restore is done, refused or rolled back. A rollback
 * that did not finish leaves them for `restore --recover`.
 */
async function withJournals(links, plan, log, work) {
    const written = await Promise.allSettled(plan.members.map((m, i) => writeJournal(links[i].session, journalOf(plan, m, m.certFiles))));
    const failed = written.find((r) => r.status === 'rejected');
    if (failed) {
        await Promise.all(links.map((l) => (0,_node_journal__WEBPACK_IMPORTED_MODULE_1__/* .removeJournal */ .Sw)(l.session).catch(() => { })));
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreFailedError */ .UM(`restore stopped before anything on the cluster was changed: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(failed.reason)}`, true, { hint: 'nothing was changed; check the node (is /var/lib writable, is its disk full?) and run again' });
    }
    let keep = false;
    try {
        return await work();
    }
    catch (error) {
        keep = error instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreFailedError */ .UM && !error.rolledBack;
        throw error;
    }
    finally {
        if (!keep)
            await endJournals(links, log);
    }
}
/** The journals go, through a new connection if need be. */
async function endJournals(links, log) {
    await Promise.all(links.map(async (link) => {
        try {
            await (0,_node_journal__WEBPACK_IMPORTED_MODULE_1__/* .removeJournal */ .Sw)(await link.live());
        }
        catch (error) {
            log.warn(`${link.target}: could not remove ${_node_journal__WEBPACK_IMPORTED_MODULE_1__/* .JOURNAL_PATH */ .ip} (${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}); remove it by hand, or the next backup will refuse`);
        }
    }));
}
function journalOf(plan, m, certs) {
    return {
        version: 1,
        stamp: plan.stamp,
        backup: plan.backup,
        cluster: plan.cluster,
        startedAt: new Date().toISOString(),
        nodes: plan.members.map((x) => x.node),
        member: {
            name: m.name,
            peerUrls: m.peerUrls,
            clientUrl: m.clientUrl,
            clientPort: m.clientPort,
            dataHostPath: m.dataHostPath,
            etcdManifest: m.etcdManifest,
            apiServerManifest: m.apiServerManifest,
            controllerManifests: m.controllerManifests,
            holding: m.holding,
            staging: m.staging,
            snapshotDir: m.snapshotDir,
            target: m.target,
            aside: m.aside,
            rewritten: m.rewrittenManifest !== undefined,
            certs,
        },
    };
}
async function writeJournal(session, journal) {
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomically */ .lo)(session, _node_journal__WEBPACK_IMPORTED_MODULE_1__/* .JOURNAL_PATH */ .ip, `${JSON.stringify(journal, null, 2)}\n`);
}


/***/ }),

/***/ 65122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ findLeftovers)
/* harmony export */ });
/* harmony import */ var _etcd_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5538);
/* harmony import */ var _node_members__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44911);
/* harmony import */ var _snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46839);



const SHOWN = 10;
/**
 * The last step, once the controllers run again: objects stored in namespaces that no longer exist. A
 * controller that acted on its cache of the old data writes them (measured: a ConfigMap created in a
 * namespace the restore had removed, still there minutes later); the snapshot itself can hold some too. Read
 * from etcd's keys only, at one revision, so no value is decoded.
 */
async function findLeftovers(context) {
    const first = context.plan.members[0];
    const connection = await (0,_node_members__WEBPACK_IMPORTED_MODULE_1__/* .connectThroughNode */ .eZ)(await context.links[0].live(), first.clientUrl, first.tls);
    const leftovers = [];
    try {
        // Two passes at one revision: the namespaces first, so only the leftovers are kept of the second.
        const namespaces = new Set();
        const revision = await eachKey(connection.client, `${_snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_2__/* .REGISTRY_PREFIX */ .Z7}/namespaces/`, undefined, (key) => {
            if (key.resource === 'namespaces' && key.namespace === undefined)
                namespaces.add(key.name);
        });
        await eachKey(connection.client, `${_snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_2__/* .REGISTRY_PREFIX */ .Z7}/`, revision, (key) => {
            if (key.namespace !== undefined && !namespaces.has(key.namespace))
                leftovers.push({ resource: key.resource, namespace: key.namespace, name: key.name });
        });
    }
    finally {
        await connection.close();
    }
    if (leftovers.length > 0) {
        const shown = leftovers.slice(0, SHOWN).map((o) => `${o.resource} ${o.namespace}/${o.name}`);
        context.log.warn(`${leftovers.length} object(s) in namespaces that no longer exist: ${shown.join(', ')}${leftovers.length > SHOWN ? ', …' : ''}; nothing deletes them: remove them through etcd, or create the namespace and delete it`);
    }
    return leftovers;
}
/** Every Kubernetes object key under `prefix`, keys only, at one revision (the first page's, unless given). */
async function eachKey(client, prefix, atRevision, each) {
    const start = Buffer.from(prefix);
    let revision = atRevision;
    const pages = client.scanKeys(start, {
        rangeEnd: (0,_etcd_client__WEBPACK_IMPORTED_MODULE_0__/* .prefixRangeEnd */ .be)(start),
        pageSize: 5000,
        ...(atRevision ? { revision: atRevision } : {}),
    });
    for await (const page of pages) {
        revision = page.revision;
        for (const { key: bytes } of page.kvs) {
            const key = (0,_snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_2__/* .classifyKey */ .eL)(bytes.toString('utf8'));
            if (key?.name)
                each({ resource: key.resource, namespace: key.namespace, name: key.name });
        }
    }
    return revision;
}


/***/ }),

/***/ 491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ lockAll),
/* harmony export */   p: () => (/* binding */ connectAndLock)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _node_journal__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78379);
/* harmony import */ var _ssh__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45089);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27647);




/**
 * Connects to every node, takes the cluster's node lock on each and refuses when one holds the journal of a
 * restore that did not finish.
 */
async function connectAndLock(links, cluster, options) {
    await Promise.all(links.map((l) => l.open()));
    await lockAll(links, `cluster-${cluster}`, options);
    await (0,_node_journal__WEBPACK_IMPORTED_MODULE_1__/* .refuseIfCutShort */ .YH)(links.map((l) => l.session));
}
/**
 * Takes the cluster's node lock on every node, in the order given (so two restores cannot deadlock). A busy
 * lock (a backup is running) is waited for, up to lockWaitSeconds, then the restore is refused untouched.
 */
async function lockAll(links, name, options) {
    const wait = Math.max(0, Math.round(options.lockWaitSeconds ?? 300));
    for (const link of links) {
        try {
            await link.lock(name, 0);
            continue;
        }
        catch (error) {
            if (!(error instanceof _ssh__WEBPACK_IMPORTED_MODULE_2__/* .RemoteLockBusyError */ .v7) || wait === 0)
                throw refusedForLock(error, wait);
            options.log.info(`${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}; waiting up to ${wait}s for it`);
        }
        try {
            await link.lock(name, wait);
        }
        catch (error) {
            throw refusedForLock(error, wait);
        }
    }
}
/** The lock error names the node already (`ssh user@host:port: lock … is held by …`). */
function refusedForLock(error, waited) {
    if (!(error instanceof _ssh__WEBPACK_IMPORTED_MODULE_2__/* .RemoteLockBusyError */ .v7))
        return error;
    return new _errors__WEBPACK_IMPORTED_MODULE_3__/* .RestoreRefusedError */ .HI(`${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}${waited > 0 ? `, still after waiting ${waited}s` : ''}; nothing was changed`, 'a backup or restore of this cluster is running; run again when it is done, or wait longer (--lock-wait / lock_wait)');
}


/***/ }),

/***/ 3857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ NodeLink)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ssh__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45089);


/** Takes the node lock now and returns how to let it go (withRemoteLock's scope, held open). */
function holdLock(session, name, options) {
    return new Promise((resolveHeld, rejectHeld) => {
        let letGo;
        const released = new Promise((resolve) => {
            letGo = resolve;
        });
        const scope = (0,_ssh__WEBPACK_IMPORTED_MODULE_1__/* .withRemoteLock */ .UV)(session, name, async () => {
            resolveHeld(async () => {
                letGo();
                await scope.catch(() => { });
            });
            await released;
        }, options);
        scope.catch(rejectHeld);
    });
}
/**
 * One control-plane node for the length of a restore: its SSH session and the cluster's node lock. If the
 * connection drops (mid-swap, say), `live()` connects again and takes the lock again, so a rollback can
 * still reach the node.
 */
class NodeLink {
    options;
    log;
    current;
    release;
    lockName;
    constructor(options, log) {
        this.options = options;
        this.log = log;
    }
    get session() {
        if (!this.current)
            throw new Error('NodeLink used before open()');
        return this.current;
    }
    get target() {
        return this.current?.target ?? `${this.options.username}@${this.options.host}`;
    }
    async open() {
        this.current = await (0,_ssh__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)({ ...this.options, warn: this.log.warn });
        this.log.info(`connected to ${this.current.target} (host key ${this.current.hostKeyFingerprint})`);
    }
    async lock(name, waitSeconds = 0) {
        this.lockName = name;
        this.release = await holdLock(this.session, name, { waitSeconds });
    }
    /** The session, connected again (and locked again) if the old one was lost. */
    async live() {
        if (this.current?.isOpen)
            return this.current;
        this.log.warn(`lost the connection to ${this.target}; connecting again`);
        let lastError;
        for (let attempt = 0; attempt < 5; attempt++) {
            try {
                this.current = await (0,_ssh__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .Ng)({ ...this.options, warn: this.log.warn });
                // The old lock holder dies with its connection; wait for the node to notice.
                if (this.lockName)
                    this.release = await holdLock(this.current, this.lockName, { waitSeconds: 60 });
                return this.current;
            }
            catch (error) {
                lastError = error;
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(2_000);
            }
        }
        throw lastError;
    }
    async close() {
        await this.release?.().catch(() => { });
        await this.current?.close();
    }
}


/***/ }),

/***/ 92317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ move),
/* harmony export */   HE: () => (/* binding */ NodeActionError),
/* harmony export */   Ly: () => (/* binding */ waitUntilGone),
/* harmony export */   RF: () => (/* binding */ waitUntilRunning),
/* harmony export */   Sz: () => (/* binding */ statDir),
/* harmony export */   _H: () => (/* binding */ shipDir),
/* harmony export */   gE: () => (/* binding */ makeDir),
/* harmony export */   gT: () => (/* binding */ existing),
/* harmony export */   go: () => (/* binding */ freeBytes),
/* harmony export */   lo: () => (/* binding */ writeFileAtomically),
/* harmony export */   v7: () => (/* binding */ removeEmptyDir)
/* harmony export */ });
/* unused harmony export isRunning */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _ssh_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26079);
/* harmony import */ var _wire__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96937);





/** Small, checked actions on a control-plane node, each one command run as root with quoted argv. */
class NodeActionError extends _errors__WEBPACK_IMPORTED_MODULE_2__/* .EtcdBackupError */ .Ld {
}
const STAT_DIR = 'stat -c "%u:%g %d" -- "$1" && stat -c "%d" -- "$(dirname -- "$1")"';
async function statDir(session, path) {
    const r = await session.exec(['sh', '-c', `[ -d "$1" ] || exit 66; ${STAT_DIR}`, 'sh', path], {
        sudo: true,
    });
    if (r.exitCode === 66)
        return undefined;
    if (r.exitCode !== 0)
        throw new NodeActionError(`cannot stat ${path} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(r.stderr)}`);
    const [first, second] = r.stdout.toString('utf8').trim().split('\n');
    const [owner, device] = (first ?? '').split(' ');
    return { owner: owner, mountPoint: device !== second?.trim() };
}
/** Free bytes on the filesystem that holds path (the nearest existing ancestor), from POSIX `df -P -k`. */
async function freeBytes(session, path) {
    const script = 'p=$1; while [ ! -e "$p" ]; do p=$(dirname -- "$p"); done; exec df -P -k -- "$p"';
    const r = await session.exec(['sh', '-c', script, 'sh', path], { sudo: true, check: true });
    const line = r.stdout.toString('utf8').trim().split('\n').pop() ?? '';
    const available = Number(line.trim().split(/\s+/)[3]);
    if (!Number.isFinite(available))
        throw new NodeActionError(`cannot read free space of ${path} from df`);
    return available * 1024;
}
async function existing(session, paths) {
    const script = 'for f; do if [ -e "$f" ] || [ -L "$f" ]; then printf "%s\\0" "$f"; fi; done; exit 0';
    const r = await session.exec(['sh', '-c', script, 'sh', ...paths], { sudo: true, check: true });
    return new Set(r.stdout
        .toString('utf8')
        .split('\0')
        .filter((p) => p));
}
/** rename(2) from → to; refuses to overwrite. With ifPresent, a missing `from` is not an error. */
async function move(session, from, to, options = {}) {
    const script = [
        `if [ ! -e "$1" ] && [ ! -L "$1" ]; then [ "$3" = 1 ] && exit 65; exit 66; fi`,
        'if [ -e "$2" ] || [ -L "$2" ]; then echo "$2 already exists" >&2; exit 73; fi',
        'exec mv -- "$1" "$2"',
    ].join('\n');
    const r = await session.exec(['sh', '-c', script, 'sh', from, to, options.ifPresent ? '1' : '0'], {
        sudo: true,
    });
    if (r.exitCode === 0)
        return true;
    if (r.exitCode === 65)
        return false;
    if (r.exitCode === 66)
        throw new NodeActionError(`${from} does not exist on ${session.target}`);
    throw new NodeActionError(`cannot move ${from} to ${to} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(r.stderr)}`);
}
async function makeDir(session, path) {
    await session.exec(['mkdir', '-p', '-m', '0700', '--', path], { sudo: true, check: true });
}
/** Removes an empty dir we made; leaves it (and says nothing) when something is still in it. */
async function removeEmptyDir(session, path) {
    await session.exec(['sh', '-c', 'rmdir -- "$1" 2>/dev/null; exit 0', 'sh', path], { sudo: true });
}
/** Writes a small file (0600) through a temp name next to it and a rename, so readers see all or nothing. */
async function writeFileAtomically(session, path, content) {
    const script = 'umask 077; t="$1.tmp-$$"; cat >"$t" && mv -- "$t" "$1" || { rm -f -- "$t"; exit 1; }';
    const r = await session.exec(['sh', '-c', script, 'sh', path], { sudo: true, stdin: content });
    if (r.exitCode !== 0)
        throw new NodeActionError(`cannot write ${path} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(r.stderr)}`);
}
/**
 * Whether a program runs on the node (argv[0]'s base name, read from /proc so no ps is needed) or, for etcd,
 * still listens on its client port (read from /proc/net/tcp{,6}: the socket outlives the process briefly).
 */
const RUNNING = [
    'name=$1 port=$2',
    'for d in /proc/[0-9]*; do',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    '  [ "${d#/proc/}" = "$$" ] && continue',
    '  a=$(tr "\\000" "\\n" <"$d/cmdline" 2>/dev/null | head -n 1) || continue',
    // A process that rewrote its title has all its words in argv[0]; the program is the first.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    '  a=${a%% *}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    '  [ "${a##*/}" = "$name" ] && { echo "pid ${d#/proc/}"; exit 0; }',
    'done',
    'if [ -n "$port" ]; then',
    '  hex=$(printf ":%04X " "$port")',
    '  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p="$hex" \'index($2 " ", p) && $4 == "0A" { found = 1 } END { exit !found }\' && { echo "port $port"; exit 0; }',
    'fi',
    'exit 1',
].join('\n');
async function isRunning(session, program, port) {
    const r = await session.exec(['sh', '-c', RUNNING, 'sh', program, port ? String(port) : ''], {
        sudo: true,
    });
    if (r.exitCode === 0)
        return r.stdout.toString('utf8').trim();
    if (r.exitCode === 1)
        return undefined;
    throw new NodeActionError(`cannot list processes on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(r.stderr)}`);
}
/**
 * How often a stop or start is checked: each check is one short command on the node, and every interval of
 * waiting here is the cluster standing still (the timeouts stay as they are).
 */
const POLL_MS = 100;
/** Polls until the program is gone (and its port closed), or fails after the timeout. */
async function waitUntilGone(session, program, options) {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
        const still = await isRunning(session, program, options.port);
        if (!still)
            return;
        if (options.signal?.aborted) {
            throw new NodeActionError(`stopped waiting for ${program} to stop on ${session.target}: ${options.signal.reason instanceof Error ? options.signal.reason.message : 'interrupted'}`);
        }
        if (Date.now() > deadline) {
            throw new NodeActionError(`${program} is still running on ${session.target} (${still}) ${Math.round(options.timeoutMs / 1000)}s after its manifest was moved out`, {
                hint: 'the kubelet may not be watching the static pod folder; stop the container by hand (crictl stop) and run again',
            });
        }
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(POLL_MS);
    }
}
async function waitUntilRunning(session, program, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await isRunning(session, program))
            return true;
        if (Date.now() > deadline)
            return false;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(POLL_MS);
    }
}
const UNPACK = [
    'staging=$1 owner=$2 unpack=$3',
    'umask 077',
    'mkdir -m 0700 -- "$staging" || exit 70',
    'if tar "$unpack" -xf - -C "$staging" --no-same-owner && chown -R -- "$owner" "$staging" && chmod 0700 -- "$staging"; then exit 0; fi',
    // Only our own staging dir, which holds nothing but the copy being shipped.
    'rm -rf -- "$staging"',
    'exit 71',
].join('\n');
/**
 * Ships a local dir to the node as a tar stream on the command's stdin, packed with zstd or gzip (wire.ts; no
 * temp file on either side; etcd's 64 MB preallocated WAL compresses to almost nothing) and unpacks it into `staging`, which must not
 * exist, then makes it 0700 and owned by `owner`. A failed unpack removes the partial staging dir. Returns
 * the bytes sent (compressed).
 */
async function shipDir(session, localDir, staging, owner, log) {
    const codec = (await (0,_wire__WEBPACK_IMPORTED_MODULE_4__/* .wireCodecs */ .p7)(session)).tar;
    const tar = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('tar', ['-C', localDir, '-cf', '-', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let tarError = '';
    tar.stderr.on('data', (d) => {
        tarError += d.toString('utf8');
    });
    const tarDone = new Promise((resolve) => tar.on('close', resolve));
    let sent;
    try {
        sent = await (0,_wire__WEBPACK_IMPORTED_MODULE_4__/* .sendPacked */ .h$)(session, {
            source: tar.stdout,
            pack: codec.pack(),
            argv: ['sh', '-c', UNPACK, 'sh', staging, owner, codec.tarOption],
            label: `ship to ${session.target}, packed with ${codec.name}`,
            log,
        });
    }
    catch (error) {
        tar.kill();
        if (error instanceof _wire__WEBPACK_IMPORTED_MODULE_4__/* .LocalSendError */ .Y1)
            throw new NodeActionError(`cannot pack ${localDir}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(tarError) || error.message}`, {
                hint: 'nothing was changed on the cluster',
                cause: error.failure,
            });
        if (error instanceof _ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .SshCommandError */ .qu) {
            throw new NodeActionError(`cannot unpack the restored data into ${staging} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(error.stderr) || `exit ${error.remoteExitCode}`}`, {
                hint: /space/i.test(error.stderr)
                    ? 'free space on the node (the restored data dir needs room next to the old one), then run again'
                    : 'nothing was changed on the cluster; check the node',
                cause: error,
            });
        }
        throw error;
    }
    const code = await tarDone;
    if (code !== 0)
        throw new NodeActionError(`cannot pack ${localDir}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(tarError) || `tar exit ${code}`}`);
    return sent;
}


/***/ }),

/***/ 58690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ probeNodeTools),
/* harmony export */   y: () => (/* binding */ matchingNodeTool)
/* harmony export */ });
/* harmony import */ var _etcd_tools__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80151);

/** Where etcd's tools usually are when they are not on root's PATH (release tarballs, distro packages). */
const USUAL_DIRS = ['/usr/local/bin', '/usr/bin', '/opt/bin', '/opt/etcd', '/opt/etcd/bin'];
/*
 * Every etcdutl and etcdctl on root's PATH and in the usual folders, each with the first line of
 * `<tool> version`. The script is constant text; the folders come in as arguments.
 */
const PROBE = [
    'for name in etcdutl etcdctl; do',
    '  for p in "$(command -v "$name" 2>/dev/null)" "$@"; do',
    '    case $p in /*) ;; *) continue ;; esac',
    '    [ -d "$p" ] && p="$p/$name"',
    '    [ -f "$p" ] && [ -x "$p" ] || continue',
    '    v=$(ETCDCTL_API=3 "$p" version 2>/dev/null | head -n 1)',
    '    printf "%s\\t%s\\t%s\\n" "$name" "$p" "$v"',
    '  done',
    'done',
    'exit 0',
].join('\n');
/** All the restore tools on the node, with the versions they report (unparsable ones are left out). */
async function probeNodeTools(session) {
    const r = await session.exec(['sh', '-c', PROBE, 'sh', ...USUAL_DIRS], { sudo: true, check: true });
    const seen = new Set();
    const tools = [];
    for (const line of r.stdout.toString('utf8').split('\n')) {
        const [kind, path, versionLine] = line.split('\t');
        if ((kind !== 'etcdutl' && kind !== 'etcdctl') || !path || seen.has(path))
            continue;
        seen.add(path);
        const version = new RegExp(`^${kind} version: v?(\\d+\\.\\d+\\.\\d+)`).exec(versionLine ?? '')?.[1];
        if (version)
            tools.push({ path, kind, version });
    }
    return tools;
}
/**
 * The node tool that can restore a snapshot of `snapshotVersion`: etcdutl of the same major.minor, or on
 * 3.4 etcdctl (3.5's etcdctl still has a deprecated `snapshot restore` without --bump-revision, so it is not
 * used). With a bump, the tool must support --bump-revision. Returns the tool, or why none fits.
 */
function matchingNodeTool(tools, snapshotVersion, needsBump) {
    const minor = (0,_etcd_tools__WEBPACK_IMPORTED_MODULE_0__/* .minorOf */ .Hs)(snapshotVersion);
    const fits = tools.filter((t) => (0,_etcd_tools__WEBPACK_IMPORTED_MODULE_0__/* .minorOf */ .Hs)(t.version) === minor && (t.kind === 'etcdutl' || minor === '3.4'));
    const usable = fits.filter((t) => !needsBump || (0,_etcd_tools__WEBPACK_IMPORTED_MODULE_0__/* .supportsBumpRevision */ .Ef)(t.version));
    const best = usable.find((t) => t.kind === 'etcdutl') ?? usable[0];
    if (best)
        return { tool: best };
    if (fits.length > 0)
        return { why: `${fits[0].kind} ${fits[0].version} there cannot bump the revision` };
    if (tools.length > 0)
        return {
            why: `it has ${tools.map((t) => `${t.kind} ${t.version}`).join(', ')}, not etcdutl ${minor}.x${minor === '3.4' ? ' or etcdctl 3.4.x' : ''}`,
        };
    return { why: 'it has no etcdutl or etcdctl on root PATH or in /usr/local/bin, /usr/bin, /opt' };
}


/***/ }),

/***/ 27454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ shipSnapshot),
/* harmony export */   JJ: () => (/* binding */ shippedSnapshotPath),
/* harmony export */   Om: () => (/* binding */ removeOurDir),
/* harmony export */   q8: () => (/* binding */ restoreOnNode),
/* harmony export */   rS: () => (/* binding */ snapshotDirFor)
/* harmony export */ });
/* unused harmony export OUR_STAGING */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _ssh_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26079);
/* harmony import */ var _etcd_tools__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80151);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92317);
/* harmony import */ var _snapshot_restore__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(55403);
/* harmony import */ var _wire__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(96937);








const RECEIVE = [
    'dir=$1',
    'umask 077',
    'mkdir -m 0700 -- "$dir" || exit 70',
    // $2 is one of our fixed unpack commands (wire.ts), split into words on purpose.
    'if $2 >"$dir/snapshot.db"; then exit 0; fi',
    'rm -rf -- "$dir"',
    'exit 71',
].join('\n');
/** Only dirs named like our own staging (`.<name>.restore-<stamp>[.snapshot]`) are ever removed. */
const OUR_STAGING = /\/\.[^/]+\.restore-\d{8}T\d{6}Z(\.snapshot)?$/;
async function removeOurDir(session, dir) {
    if (!OUR_STAGING.test(dir))
        return;
    await session.exec(['rm', '-rf', '--', dir], { sudo: true, check: true });
}
/**
 * Copies the verified snapshot into `dir` (made here, 0700; the file 0600, root's), packed on the wire with
 * zstd or gzip (wire.ts).
 * Returns the bytes sent. A failed copy removes `dir`.
 */
async function shipSnapshot(session, snapshot, dir, log) {
    const codec = (await (0,_wire__WEBPACK_IMPORTED_MODULE_7__/* .wireCodecs */ .p7)(session)).file;
    // The stored zstd stream goes as it is when the node can unpack it: nothing to pack on the runner.
    const asStored = snapshot.packedPath !== undefined && codec.name === 'zstd';
    const localPath = asStored ? snapshot.packedPath : snapshot.path;
    try {
        return await (0,_wire__WEBPACK_IMPORTED_MODULE_7__/* .sendPacked */ .h$)(session, {
            source: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(localPath, { highWaterMark: 1 << 20 }),
            pack: asStored ? new node_stream__WEBPACK_IMPORTED_MODULE_2__.PassThrough() : codec.pack(),
            argv: ['sh', '-c', RECEIVE, 'sh', dir, codec.unpack],
            label: `snapshot to ${session.target}, ${asStored ? 'zstd-packed as stored' : `packed with ${codec.name}`}`,
            log,
        });
    }
    catch (error) {
        if (error instanceof _wire__WEBPACK_IMPORTED_MODULE_7__/* .LocalSendError */ .Y1) {
            // The node's command has ended on the cut input; a cut that still unpacked cleanly leaves a file.
            await removeOurDir(session, dir).catch(() => { });
            throw new _node_ops__WEBPACK_IMPORTED_MODULE_5__/* .NodeActionError */ .HE(`cannot read ${localPath} to send it to ${session.target}: ${error.message}`, { hint: 'nothing was changed on the cluster', cause: error.failure });
        }
        if (error instanceof _ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .SshCommandError */ .qu) {
            throw new _node_ops__WEBPACK_IMPORTED_MODULE_5__/* .NodeActionError */ .HE(`cannot copy the snapshot into ${dir} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(error.stderr) || `exit ${error.remoteExitCode}`}`, {
                hint: /space/i.test(error.stderr)
                    ? 'free space on the node (the snapshot and the restored data dir need room next to the old one), then run again'
                    : 'nothing was changed on the cluster; check the node',
                cause: error,
            });
        }
        throw error;
    }
}
/**
 * Runs the node's own `snapshot restore` on the shipped snapshot into `options.dataDir` (which must not exist),
 * then gives the restored dir the data dir's owner and mode 0700. The tool's output goes to the log. A failed
 * restore removes its partial output.
 */
async function restoreOnNode(session, tool, owner, options) {
    const args = (0,_snapshot_restore__WEBPACK_IMPORTED_MODULE_6__/* .snapshotRestoreArgs */ ._)(tool, options);
    const r = await session.exec(['env', 'ETCDCTL_API=3', tool.path, ...args], { sudo: true });
    const output = `${r.stdout.toString('utf8')}\n${r.stderr}`.trim();
    for (const line of output.split('\n'))
        if (line.trim())
            options.log.debug(`${session.target} ${tool.kind}: ${line}`);
    if (r.exitCode !== 0) {
        await removeOurDir(session, options.dataDir).catch(() => { });
        const last = output.split('\n').filter(Boolean).pop() ?? '';
        throw new _etcd_tools__WEBPACK_IMPORTED_MODULE_4__/* .EtcdToolError */ .n5(`${tool.kind} snapshot restore failed on ${session.target} (exit ${r.exitCode ?? r.signal}): ${last}`, {
            hint: /space/i.test(output)
                ? 'free space on the node next to the data dir, or restore on the runner (--restore-on runner)'
                : 'nothing was changed on the cluster; the tool output is in the log above',
        });
    }
    const own = await session.exec(['sh', '-c', 'chown -R -- "$2" "$1" && chmod 0700 -- "$1"', 'sh', options.dataDir, owner], { sudo: true });
    if (own.exitCode !== 0) {
        await removeOurDir(session, options.dataDir).catch(() => { });
        throw new _node_ops__WEBPACK_IMPORTED_MODULE_5__/* .NodeActionError */ .HE(`cannot give ${options.dataDir} on ${session.target} to ${owner}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(own.stderr)}`);
    }
}
/** The snapshot's place on the node: a private dir next to the staging dir, removed as soon as it is used. */
function snapshotDirFor(staging) {
    return `${staging}.snapshot`;
}
function shippedSnapshotPath(dir) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(dir, 'snapshot.db');
}


/***/ }),

/***/ 63725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ choosePlace)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27647);
/* harmony import */ var _node_tools__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58690);



/**
 * Where `snapshot restore` runs. On the nodes only the snapshot travels (a data dir is the database plus a
 * 64 MiB WAL), but every node needs an etcdutl of the snapshot's major.minor; the runner's tools are found,
 * or downloaded, only when the restore runs there.
 */
async function choosePlace(links, snapshotVersion, options) {
    const want = options.restoreOn ?? 'auto';
    let reason = 'asked for (restore on the runner)';
    if (want !== 'runner') {
        const needsBump = options.bumpRevision !== 0;
        const found = await Promise.all(links.map(async (link) => {
            try {
                return (0,_node_tools__WEBPACK_IMPORTED_MODULE_2__/* .matchingNodeTool */ .y)(await (0,_node_tools__WEBPACK_IMPORTED_MODULE_2__/* .probeNodeTools */ .M)(link.session), snapshotVersion, needsBump);
            }
            catch (error) {
                return { why: `its tools could not be listed (${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)})` };
            }
        }));
        const missing = found.flatMap((f, i) => ('why' in f ? [`${links[i].target}: ${f.why}`] : []));
        if (missing.length === 0) {
            const nodeTools = found.map((f) => ('tool' in f ? f.tool : undefined));
            const kinds = [...new Set(nodeTools.map((t) => `${t.kind} ${t.version}`))].join(', ');
            return {
                on: 'node',
                reason: want === 'node'
                    ? `asked for; every node has ${kinds}`
                    : `every node has ${kinds}, so only the snapshot is shipped`,
                nodeTools,
            };
        }
        if (want === 'node') {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .RestoreRefusedError */ .HI(`cannot restore on the nodes: ${missing.join('; ')}`, `put etcdutl ${snapshotVersion} (etcdctl on 3.4) in /usr/local/bin on every node, or restore on the runner (--restore-on runner / restore_on: runner)`);
        }
        reason = `not every node has a matching etcdutl (${missing.join('; ')})`;
    }
    const tools = typeof options.tools === 'function' ? await options.tools(snapshotVersion) : options.tools;
    if (!tools) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .RestoreRefusedError */ .HI(`no etcd tools to restore with on the runner (${reason})`, "give the etcd tools of the snapshot's version (--etcd-tools), or let the restore download them");
    }
    return { on: 'runner', reason, tools };
}


/***/ }),

/***/ 29879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  df: () => (/* binding */ describePlan),
  zl: () => (/* binding */ inHolding),
  Cs: () => (/* binding */ makePlan)
});

// UNUSED EXPORTS: DEFAULT_BUMP, RestoreRefusedError, stampOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/controlplane/index.ts
var controlplane = __webpack_require__(28493);
// EXTERNAL MODULE: ./src/node/members.ts
var node_members = __webpack_require__(44911);
// EXTERNAL MODULE: ./src/options/naming.ts
var naming = __webpack_require__(38412);
// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
// EXTERNAL MODULE: ./src/restore/errors.ts
var errors = __webpack_require__(27647);
// EXTERNAL MODULE: ./src/restore/etcd-tools.ts
var etcd_tools = __webpack_require__(80151);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/controlplane/static-pod.ts
var static_pod = __webpack_require__(21041);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/restore/manifest-rewrite.ts




class ManifestRewriteError extends src_errors/* EtcdBackupError */.Ld {
}
/** Paths we write into manifests: absolute, no whitespace or YAML-special characters. */
const SAFE_PATH = /^\/[A-Za-z0-9._/-]*$/;
function get(map, key) {
    return (0,dist/* isMap */.jh)(map) ? map.get(key, true) : undefined;
}
/** The new scalar text, written in the style of the old one so the line still looks like its neighbours. */
function scalarEdit(node, value) {
    const [start, end] = node.range;
    let text = value;
    if (node.type === dist/* Scalar */.X5.QUOTE_DOUBLE)
        text = JSON.stringify(value);
    else if (node.type === dist/* Scalar */.X5.QUOTE_SINGLE)
        text = `'${value.replaceAll("'", "''")}'`;
    return { start, end, text };
}
/**
 * The runbook's restore: point etcd's static pod at a new data dir. Changes only the scalars that name the
 * data dir — `--data-dir` in the etcd container's command/args (or ETCD_DATA_DIR), the `etcd-data` volume's
 * hostPath, and that volume's mountPath when it equals the data dir — and leaves every other byte of the file
 * as it was (comments, order, quoting, other flags). `newDir` is the new path on the host.
 */
function rewriteEtcdDataDir(text, newDir, path = 'etcd.yaml') {
    if (!SAFE_PATH.test(newDir) || external_node_path_.posix.normalize(newDir) !== newDir || newDir === '/') {
        throw new ManifestRewriteError(`'${newDir}' is not a plain absolute path for the new data dir`);
    }
    const pod = (0,static_pod/* parseStaticPod */.Rs)(text, path);
    const container = (0,static_pod/* etcdContainer */.ql)(pod);
    if (!container)
        throw new ManifestRewriteError(`${path} does not run etcd`);
    const doc = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: false });
    if (doc.errors.length > 0)
        throw new ManifestRewriteError(`cannot parse ${path}: ${doc.errors[0].message}`);
    const containers = get(get(doc.contents, 'spec'), 'containers');
    const yamlContainer = (0,dist/* isSeq */.oP)(containers)
        ? containers.items.find((c) => {
            const name = get(c, 'name');
            return (0,dist/* isScalar */.jn)(name) && name.value === container.name;
        })
        : undefined;
    if (!yamlContainer)
        throw new ManifestRewriteError(`${path}: cannot find the etcd container`);
    // The data dir as etcd sees it, and which volume holds it.
    const dataDirFlag = findDataDirFlag(yamlContainer);
    const dataDir = dataDirFlag?.value;
    if (!dataDir || !external_node_path_.posix.isAbsolute(dataDir)) {
        throw new ManifestRewriteError(`${path}: etcd has no absolute --data-dir to rewrite`);
    }
    const { mount, hostPathNode } = dataDirVolume(doc, yamlContainer, dataDir, path);
    const edits = [scalarEdit(hostPathNode, newDir)];
    const oldHost = String(hostPathNode.value);
    // kubeadm mounts the host dir at the same path: keep that identity, so --data-dir names the new dir too.
    if (external_node_path_.posix.normalize(oldHost) === dataDir) {
        edits.push(scalarEdit(dataDirFlag.node, dataDirFlag.render(newDir)));
        edits.push(scalarEdit(get(mount, 'mountPath'), newDir));
    }
    edits.sort((a, b) => b.start - a.start);
    let out = text;
    for (const edit of edits)
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    checkRewritten(out, newDir, path);
    return out;
}
/** The volume mounted at etcd's data dir, which must be a hostPath volume of its own. */
function dataDirVolume(doc, yamlContainer, dataDir, path) {
    const mounts = get(yamlContainer, 'volumeMounts');
    const mount = (0,dist/* isSeq */.oP)(mounts)
        ? mounts.items.find((m) => {
            const mp = get(m, 'mountPath');
            return (0,dist/* isScalar */.jn)(mp) && external_node_path_.posix.normalize(String(mp.value)).replace(/\/+$/, '') === dataDir;
        })
        : undefined;
    const volumeName = mount ? String(get(mount, 'name')?.value ?? '') : '';
    const volumes = get(get(doc.contents, 'spec'), 'volumes');
    const volume = (0,dist/* isSeq */.oP)(volumes)
        ? volumes.items.find((v) => {
            const n = get(v, 'name');
            return (0,dist/* isScalar */.jn)(n) && n.value === volumeName;
        })
        : undefined;
    const hostPathNode = get(get(volume, 'hostPath'), 'path');
    if (!mount || !(0,dist/* isScalar */.jn)(hostPathNode)) {
        throw new ManifestRewriteError(`${path}: etcd's data dir ${dataDir} is not a hostPath volume of its own, so it cannot be moved by editing the manifest`, { hint: 'use the swap mode, which restores into the same path' });
    }
    return { mount, hostPathNode };
}
/** Reads the result back the way discovery will, and makes sure it says what we meant. */
function checkRewritten(out, newDir, path) {
    const check = (0,static_pod/* parseStaticPod */.Rs)(out, path);
    const checkContainer = (0,static_pod/* etcdContainer */.ql)(check);
    const flagAfter = findDataDirFlagValue(checkContainer.argv, checkContainer.env);
    const hostAfter = flagAfter ? (0,static_pod/* hostPathOf */.J8)(check, checkContainer, flagAfter) : undefined;
    if (hostAfter !== newDir) {
        throw new ManifestRewriteError(`${path}: the rewritten manifest would put etcd's data in ${hostAfter}`);
    }
}
function findDataDirFlag(container) {
    let found;
    for (const key of ['command', 'args']) {
        const list = get(container, key);
        if (!(0,dist/* isSeq */.oP)(list))
            continue;
        const items = list.items;
        items.forEach((item, i) => {
            if (!(0,dist/* isScalar */.jn)(item))
                return;
            const word = String(item.value);
            const eq = /^(--?data-dir=)(.*)$/.exec(word);
            if (eq) {
                found = { value: external_node_path_.posix.normalize(eq[2]), node: item, render: (d) => `${eq[1]}${d}` };
            }
            else if (/^--?data-dir$/.test(word) && (0,dist/* isScalar */.jn)(items[i + 1])) {
                const next = items[i + 1];
                found = { value: external_node_path_.posix.normalize(String(next.value)), node: next, render: (d) => d };
            }
        });
    }
    if (found)
        return found;
    const env = get(container, 'env');
    if ((0,dist/* isSeq */.oP)(env)) {
        for (const e of env.items) {
            const name = get(e, 'name');
            const value = get(e, 'value');
            if ((0,dist/* isScalar */.jn)(name) && name.value === 'ETCD_DATA_DIR' && (0,dist/* isScalar */.jn)(value)) {
                found = { value: external_node_path_.posix.normalize(String(value.value)), node: value, render: (d) => d };
            }
        }
    }
    return found;
}
function findDataDirFlagValue(argv, env) {
    let value;
    argv.forEach((word, i) => {
        const eq = /^--?data-dir=(.*)$/.exec(word);
        if (eq)
            value = eq[1];
        else if (/^--?data-dir$/.test(word) && argv[i + 1] !== undefined)
            value = argv[i + 1];
    });
    return value ?? env.get('ETCD_DATA_DIR');
}

// EXTERNAL MODULE: ./src/restore/node-ops.ts
var node_ops = __webpack_require__(92317);
// EXTERNAL MODULE: ./src/restore/on-node.ts
var on_node = __webpack_require__(27454);
;// CONCATENATED MODULE: ./src/restore/plan.ts












const DEFAULT_QUOTA = 2 * 1024 ** 3;
/** The default revision bump: see chooseBump. */
const DEFAULT_BUMP = 1_000_000_000;
/** Where a member's manifest waits while its pod is stopped. */
function inHolding(m, manifest) {
    return external_node_path_.posix.join(m.holding, external_node_path_.posix.basename(manifest));
}
/** `20261121T203000Z`: sorts by time and is safe in a file name. */
function stampOf(date) {
    return date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
function refuse(message, hint) {
    throw new errors/* RestoreRefusedError */.HI(message, hint);
}
async function readTls(link, plane) {
    const certs = plane.etcd.certs;
    if (!certs)
        refuse(`no etcd client certificate found on ${link.target}`, 'give the etcd CA, certificate and key paths');
    return (0,node_members/* readClientTls */.Z$)(link.session, certs);
}
async function planMember(link, nodeTool, options, stamp, log) {
    const session = link.session;
    const { plane, etcd, manifest, staticPodPath, dataHostPath } = await discoverStaticEtcd(link, options, log);
    const facts = await (0,node_ops/* statDir */.Sz)(session, dataHostPath);
    if (!facts)
        refuse(`etcd's data dir ${dataHostPath} does not exist on ${session.target}`, 'check --data-dir and the etcd-data hostPath');
    const places = await choosePlaces(link, { manifest, staticPodPath, dataHostPath, facts }, options, stamp);
    const byComponent = (c) => plane.staticPods.filter((p) => p.component === c).map((p) => p.path);
    return {
        node: session.target,
        name: etcd.name,
        peerUrls: etcd.peerUrls,
        clientUrl: etcd.clientUrl,
        clientPort: (0,controlplane/* parseClientUrl */.EP)(etcd.clientUrl).port,
        dataDir: etcd.dataDir,
        dataHostPath,
        owner: facts.owner,
        version: etcd.version,
        staticPodPath,
        etcdManifest: manifest,
        apiServerManifest: plane.apiServer?.manifestPath,
        apiServerAddress: plane.apiServer?.advertiseAddress,
        controllerManifests: [...byComponent('kube-controller-manager'), ...byComponent('kube-scheduler')],
        ...places,
        nodeTool,
        quotaBytes: Number(etcd.flags['quota-backend-bytes'] ?? 0) || DEFAULT_QUOTA,
        tls: await readTls(link, plane),
        certFiles: { ca: plane.etcd.certs.ca, cert: plane.etcd.certs.cert, key: plane.etcd.certs.key },
    };
}
/** The node's control plane, refused unless etcd runs as a static pod whose manifest names it fully. */
async function discoverStaticEtcd(link, options, log) {
    const session = link.session;
    const plane = await (0,controlplane/* discoverOverSsh */.Y0)(session, options.overrides ?? {});
    for (const w of plane.warnings)
        log.warn(`${session.target}: ${w}`);
    const { etcd } = plane;
    if (etcd.runsAs !== 'static-pod' || !plane.etcdManifestPath || !plane.staticPodPath) {
        refuse(`etcd on ${session.target} does not run as a static pod (${etcd.runsAs})`, 'restore handles kubeadm/kind-style stacked etcd; restore an external etcd with its own tooling');
    }
    const { name, dataDir, dataHostPath } = etcd;
    if (!name || etcd.peerUrls.length === 0 || !dataDir || !dataHostPath) {
        refuse(`${plane.etcdManifestPath} on ${session.target} does not say etcd's name, peer URL and data dir`, 'check the manifest (kubeadm sets --name, --initial-advertise-peer-urls and --data-dir)');
    }
    return {
        plane,
        etcd: { ...etcd, name, dataDir },
        manifest: plane.etcdManifestPath,
        staticPodPath: external_node_path_.posix.normalize(plane.staticPodPath),
        dataHostPath: external_node_path_.posix.normalize(dataHostPath),
    };
}
/**
 * Where this member's restore puts things: the holding dir for manifests, the staging dir, the final place
 * (swap: the old data dir, moved aside first; new-dir: a new dir and a manifest rewritten to point at it).
 * Refuses when any of them exists already: a restore never overwrites anything.
 */
async function choosePlaces(link, found, options, stamp) {
    const session = link.session;
    const { dataHostPath } = found;
    const holding = external_node_path_.posix.join(external_node_path_.posix.dirname(found.staticPodPath), `etcd-restore-${stamp}`);
    let target = dataHostPath;
    let aside;
    let rewrittenManifest;
    if (options.mode === 'swap') {
        if (found.facts.mountPoint) {
            refuse(`${dataHostPath} on ${session.target} is a mount point, so it cannot be moved aside`, 'use --mode new-dir with a new data dir on that filesystem (e.g. a subdirectory of the mount)');
        }
        aside = `${dataHostPath}.before-restore-${stamp}`;
    }
    else {
        target = external_node_path_.posix.normalize(options.newDataDir ?? `${dataHostPath}-restored-${stamp}`);
        const text = (await session.readFile(found.manifest, { sudo: true })).toString('utf8');
        rewrittenManifest = rewriteEtcdDataDir(text, target, found.manifest);
    }
    const staging = external_node_path_.posix.join(external_node_path_.posix.dirname(target), `.${external_node_path_.posix.basename(target)}.restore-${stamp}`);
    const snapshotDir = (0,on_node/* snapshotDirFor */.rS)(staging);
    const taken = await (0,node_ops/* existing */.gT)(session, [holding, staging, snapshotDir, target === dataHostPath ? '' : target, aside ?? ''].filter(Boolean));
    if (taken.size > 0) {
        refuse(`${[...taken].join(', ')} already exists on ${session.target}`, 'move it away (a restore never overwrites anything), then run again');
    }
    return { holding, staging, snapshotDir, target, aside, rewrittenManifest };
}
/** What the running cluster says, if it answers: its revision and members (to check every one is covered). */
/** Every kube-apiserver keeps a lease here under its advertise address while it runs (the default reconciler). */
const MASTER_LEASES = '/registry/masterleases/';
async function liveCluster(link, member) {
    let connection;
    try {
        connection = await (0,node_members/* connectThroughNode */.eZ)(link.session, member.clientUrl, member.tls);
        const [status, members, leases] = await Promise.all([
            connection.client.status(),
            connection.client.memberList(),
            connection.client.range(MASTER_LEASES, { prefix: true, keysOnly: true, limit: 1000 }),
        ]);
        const apiServers = leases.kvs.map((kv) => kv.key.toString('utf8').slice(MASTER_LEASES.length));
        return { revision: Number(status.revision), members, apiServers };
    }
    catch {
        return undefined;
    }
    finally {
        await connection?.close();
    }
}
/**
 * The revision bump. Kubernetes clients (informers, watch caches) remember revisions; after a restore the
 * revision must be above any they have seen, or their watches silently resume in the past. It must cover the
 * revisions written since the snapshot: when the running cluster answers, twice that; in any case at least
 * 1e9 (OpenShift's default when it cannot tell: 1000 writes/s for eleven days). Revisions are int64, so a
 * large bump costs nothing.
 */
function chooseBump(requested, snapshotRevision, live) {
    if (requested !== 'auto')
        return { bump: requested, reason: requested === 0 ? 'disabled on request' : 'as requested' };
    if (!live)
        return { bump: DEFAULT_BUMP, reason: 'default 1e9 (the running cluster did not answer)' };
    const since = Math.max(0, live.revision - snapshotRevision);
    const bump = Math.max(DEFAULT_BUMP, 2 * since);
    return { bump, reason: `${since} revisions written since the snapshot; bumping by max(1e9, 2 × that)` };
}
/**
 * The plan step: every node's part (planMember), then the checks that refuse a restore that would go wrong
 * (duplicate members, version skew, a database over the quota, running members no node covers, tools that
 * cannot bump the revision). What is allowed but worth knowing becomes a warning.
 */
async function makePlan(links, fetched, place, options, log) {
    const stamp = stampOf(options.now);
    const members = await Promise.all(links.map((l, i) => planMember(l, place.on === 'node' ? place.nodeTools[i] : undefined, options, stamp, log)));
    const tools = restoringTools(place, members);
    const meta = fetched.metadata;
    const warnings = [
        ...checkMembers(members, meta),
        ...checkVersions(tools, members, meta.etcd.version, options.allowVersionSkew),
        ...checkQuota(members, meta.etcd.totalSize, options.force),
    ];
    const live = await liveCluster(links[0], members[0]);
    warnings.push(...checkCoverage(live, members, options.force));
    warnings.push(...checkApiServers(live, members, options.force));
    const { bump, reason } = chooseBump(options.bump, meta.etcd.revision, live);
    warnings.push(...checkBump(bump, tools));
    warnings.push(...checkNoBump(bump, members, options.confirmNoBump));
    return {
        backup: meta.name,
        restoreOn: place.on,
        restoreOnReason: place.reason,
        cluster: meta.cluster,
        snapshotRevision: meta.etcd.revision,
        snapshotVersion: meta.etcd.version,
        toolsVersion: [...new Set(tools.map((t) => t.version))].join(', '),
        mode: options.mode,
        bump,
        bumpReason: reason,
        stamp,
        initialCluster: members.flatMap((m) => m.peerUrls.map((u) => `${m.name}=${u}`)).join(','),
        clusterToken: `etcd-restore-${stamp.toLowerCase()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
        members,
        live: live ? { revision: live.revision, members: live.members.map((m) => m.name) } : undefined,
        warnings,
    };
}
/** The tools that will run `snapshot restore`: the runner's, or each node's own. */
function restoringTools(place, members) {
    return place.on === 'runner'
        ? [{ kind: place.tools.restoreToolKind, version: place.tools.version, where: 'the restore tools are' }]
        : place.nodeTools.map((t, i) => ({
            kind: t.kind,
            version: t.version,
            where: `${members[i].node}'s ${t.kind} is`,
        }));
}
function checkMembers(members, meta) {
    const names = members.map((m) => m.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate)
        refuse(`two of the given nodes run etcd member '${duplicate}'`, 'give each control-plane node once');
    // Legit when rebuilding on new hosts; a mistake when it is the wrong cluster's backup.
    return meta.member && !names.includes(meta.member.name)
        ? [
            `the backup was taken from member ${meta.member.name} of cluster ${meta.cluster}, which none of the given nodes runs`,
        ]
        : [];
}
function checkVersions(tools, members, snapshotVersion, allowVersionSkew) {
    const warnings = [];
    const problems = [];
    for (const t of tools)
        if ((0,etcd_tools/* minorOf */.Hs)(t.version) !== (0,etcd_tools/* minorOf */.Hs)(snapshotVersion))
            problems.push(`${t.where} etcd ${t.version}, the snapshot is from ${snapshotVersion}`);
    for (const m of members) {
        if (!m.version)
            warnings.push(`${m.node}: etcd's version is not in its image tag; not checked`);
        else if ((0,etcd_tools/* minorOf */.Hs)(m.version) !== (0,etcd_tools/* minorOf */.Hs)(snapshotVersion))
            problems.push(`${m.node} runs etcd ${m.version}, the snapshot is from ${snapshotVersion}`);
    }
    if (problems.length > 0 && !allowVersionSkew) {
        refuse(`etcd versions differ: ${problems.join('; ')}`, `restore with the same etcd major.minor everywhere, or allow version skew on purpose`);
    }
    return [...warnings, ...problems.map((p) => `version skew allowed: ${p}`)];
}
function checkQuota(members, totalSize, force) {
    const warnings = [];
    for (const m of members) {
        if (totalSize > m.quotaBytes) {
            const message = `the snapshot's database (${(0,progress/* formatBytes */.z3)(totalSize)}) is larger than etcd's quota on ${m.node} (${(0,progress/* formatBytes */.z3)(m.quotaBytes)}): it would start with a NOSPACE alarm`;
            if (!force)
                refuse(message, 'raise --quota-backend-bytes in etcd.yaml first, or force it');
            warnings.push(`forced: ${message}`);
        }
    }
    return warnings;
}
/** A restore replaces the whole cluster: every running member must be on a given node. */
function checkCoverage(live, members, force) {
    if (!live)
        return ['the running cluster did not answer; its members and revision were not checked'];
    const names = members.map((m) => m.name);
    const uncovered = live.members
        .filter((m) => !names.includes(m.name))
        .map((m) => m.name || m.id.toString(16));
    if (uncovered.length === 0)
        return [];
    const message = `the running cluster has members no given node covers: ${uncovered.join(', ')}`;
    if (!force) {
        refuse(message, 'give every control-plane node (a restore replaces the whole cluster), or force it to drop them');
    }
    return [`forced: ${message}`];
}
/**
 * An API server on a node the restore does not control keeps running on its cache of the old data and writes
 * to the restored etcd as soon as it is back (measured: stale lists, objects in namespaces that no longer exist).
 */
function checkApiServers(live, members, force) {
    if (!live)
        return [];
    const ours = new Set(members.flatMap((m) => [
        ...(m.apiServerAddress ? [m.apiServerAddress] : []),
        ...[...m.peerUrls, m.clientUrl].map(hostOfUrl),
    ]));
    const others = live.apiServers.filter((address) => !ours.has(address));
    if (others.length === 0)
        return [];
    const message = `kube-apiserver runs on ${others.join(', ')} (its master lease is in etcd), which no given node is`;
    if (!force)
        refuse(message, `give that node too, or stop that API server first; ${(0,naming/* optionName */.fS)('restoreForce')} goes on anyway, and that API server must then be restarted by hand`);
    return [`forced: ${message}; restart it by hand once the restore is done`];
}
/** The address in a member's URL, as a master lease names an API server (brackets of IPv6 removed). */
function hostOfUrl(url) {
    try {
        return (0,controlplane/* parseClientUrl */.EP)(url).host;
    }
    catch {
        return url;
    }
}
/** Without a bump every client with a watch or a cache sees revisions go back and must be restarted: say which. */
function checkNoBump(bump, members, confirmed) {
    const apiServers = members.filter((m) => m.apiServerManifest).map((m) => m.node);
    if (bump !== 0 || apiServers.length === 0)
        return [];
    const clients = [
        `kube-apiserver on ${apiServers.join(', ')} (restarted by the restore)`,
        'kube-controller-manager and kube-scheduler on every control-plane node',
        'the kubelet on every node of the cluster',
        'every controller or operator that watches the API (CNI, CoreDNS, ingress, cert-manager, …)',
    ];
    const message = `no revision bump: these clients will see revisions go back and must be restarted after the restore: ${clients.join('; ')}`;
    if (!confirmed)
        refuse(message, `restore with the bump (the default), or confirm with ${(0,naming/* optionName */.fS)('confirmNoBump')} that you will restart them`);
    return [message];
}
function checkBump(bump, tools) {
    const cannotBump = tools.find((t) => !(0,etcd_tools/* supportsBumpRevision */.Ef)(t.version));
    if (bump > 0 && cannotBump) {
        refuse(`${cannotBump.kind} ${cannotBump.version} cannot bump the revision (--bump-revision came in etcd 3.4.27 and 3.5.10)`, 'use newer etcd tools of the same minor version (--etcd-tools), or pass --bump-revision 0 to restore without a bump (Kubernetes watch caches may then see revisions go back)');
    }
    return [];
}
/** restoredBytes: measured on the runner, or estimated when the restore runs on the nodes. */
function describePlan(plan, restoredBytes) {
    const lines = [
        `restore plan: ${plan.backup} (revision ${plan.snapshotRevision}, etcd ${plan.snapshotVersion}) with etcd tools ${plan.toolsVersion}`,
        `  mode ${plan.mode}; revision bump ${plan.bump} (${plan.bumpReason}); new cluster token ${plan.clusterToken}`,
        `  snapshot restore runs on the ${plan.restoreOn === 'node' ? 'nodes' : 'runner'}: ${plan.restoreOnReason}`,
        `  initial cluster ${plan.initialCluster}`,
        plan.live
            ? `  running cluster: revision ${plan.live.revision}, members ${plan.live.members.join(', ')}`
            : '  running cluster: not reachable',
    ];
    for (const m of plan.members) {
        lines.push(`  ${m.name} on ${m.node}: etcd ${m.version ?? '?'}, peer ${m.peerUrls.join(',')}, data ${m.dataHostPath} (owner ${m.owner})`, ...(m.nodeTool
            ? [
                `    restored there by ${m.nodeTool.path} (${m.nodeTool.kind} ${m.nodeTool.version}) from a copy of the snapshot in ${m.snapshotDir}`,
            ]
            : []), plan.mode === 'swap'
            ? `    swap: old data kept as ${m.aside}, restored data (${(0,progress/* formatBytes */.z3)(restoredBytes)}) put at ${m.target}`
            : `    new-dir: restored data (${(0,progress/* formatBytes */.z3)(restoredBytes)}) at ${m.target}; ${m.etcdManifest} rewritten to point at it`, `    stops ${[m.apiServerManifest, m.etcdManifest].filter(Boolean).join(' then ')} (held in ${m.holding})`);
    }
    for (const w of plan.warnings)
        lines.push(`  warning: ${w}`);
    return lines;
}


/***/ }),

/***/ 93138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ recoverCutRestore)
/* harmony export */ });
/* harmony import */ var _node_journal__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78379);
/* harmony import */ var _node_members__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44911);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27647);
/* harmony import */ var _lock__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(491);
/* harmony import */ var _node_link__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3857);
/* harmony import */ var _rollback__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20023);






/**
 * `restore --recover`: finds the journals a restore cut short left on these nodes (journal.ts) and rolls that
 * restore back the way a failed restore rolls back: old data dirs and manifests in place, etcd healthy, then
 * kube-apiserver. Nothing is deleted; the restored data that was swapped in is kept aside.
 */
async function recoverCutRestore(request) {
    const { log } = request;
    if (request.nodes.length === 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreRefusedError */ .HI('no control-plane node given', 'name every node of the restore to recover');
    const links = request.nodes.map((n) => new _node_link__WEBPACK_IMPORTED_MODULE_4__/* .NodeLink */ .V(n, log));
    try {
        await Promise.all(links.map((l) => l.open()));
        const journals = await Promise.all(links.map((l) => (0,_node_journal__WEBPACK_IMPORTED_MODULE_0__/* .readJournal */ .a0)(l.session)));
        const found = links.flatMap((link, i) => (journals[i] ? [{ link, journal: journals[i] }] : []));
        if (found.length === 0) {
            log.info('no unfinished restore on these nodes: nothing to recover');
            return { backup: undefined, recovered: [] };
        }
        const first = journalOfOneRestore(found);
        await (0,_lock__WEBPACK_IMPORTED_MODULE_3__/* .lockAll */ .j)(found.map((f) => f.link), `cluster-${first.cluster}`, request);
        // A restore that was still running held the lock until now: only what is left after it counts.
        const stillThere = await Promise.all(found.map((f) => (0,_node_journal__WEBPACK_IMPORTED_MODULE_0__/* .readJournal */ .a0)(f.link.session)));
        const left = found.filter((_, i) => stillThere[i]?.stamp === first.stamp);
        if (left.length === 0) {
            log.info('the restore finished while this recovery waited for the lock: nothing to recover');
            return { backup: undefined, recovered: [] };
        }
        const without = links.filter((_, i) => !journals[i]).map((l) => l.target);
        if (without.length > 0)
            log.info(`no journal on ${without.join(', ')}: that node's part had not started or was already put back`);
        log.info(`recovering the restore of ${first.backup} started ${first.startedAt} on ${left.map((f) => f.link.target).join(', ')}: putting the old data and manifests back`);
        await rollBackFromJournals(left, first.stamp, request);
        await Promise.all(left.map(async (f) => (0,_node_journal__WEBPACK_IMPORTED_MODULE_0__/* .removeJournal */ .Sw)(await f.link.live())));
        return { backup: first.backup, recovered: left.map((f) => f.link.target) };
    }
    finally {
        await Promise.all(links.map((l) => l.close().catch(() => { })));
    }
}
/** The journal every node holds, when they are all of one restore; refuses journals of two restores. */
function journalOfOneRestore(found) {
    const first = found[0].journal;
    const other = found.find((f) => f.journal.stamp !== first.stamp);
    if (other)
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreRefusedError */ .HI(`the nodes hold journals of two different restores (${first.stamp} on ${found[0].link.target}, ${other.journal.stamp} on ${other.link.target})`, 'recover each restore with its own nodes (the journal names them), or check the nodes by hand');
    return first;
}
/** The restore's rollback, planned from what the journals recorded; throws when a node could not be put back. */
async function rollBackFromJournals(left, stamp, request) {
    const plan = {
        stamp,
        members: await Promise.all(left.map(async ({ link, journal }) => memberOf(journal, link.target, await readTls(link, journal)))),
    };
    const problems = await (0,_rollback__WEBPACK_IMPORTED_MODULE_5__/* .rollback */ .dU)(left.map((f) => f.link), plan, request);
    if (problems.length > 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreFailedError */ .UM(`the recovery did not finish: ${problems.join('; ')}`, false, {
            hint: `the journals stay; fix the cause and run 'etcd-backup restore --recover' again`,
        });
}
function readTls(link, journal) {
    return (0,_node_members__WEBPACK_IMPORTED_MODULE_1__/* .readClientTls */ .Z$)(link.session, journal.member.certs);
}
function memberOf(journal, node, tls) {
    const { certs: _paths, ...recorded } = journal.member;
    return { ...recorded, node, tls };
}


/***/ }),

/***/ 8322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ reportOf)
/* harmony export */ });
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29879);

/** The report as the plan has it; the restore fills in what it shipped and what the check found. */
function reportOf(plan, dryRun, timingsMs) {
    return {
        backup: plan.backup,
        dryRun,
        restoredOn: plan.restoreOn,
        restoredOnReason: plan.restoreOnReason,
        bytesShipped: 0,
        mode: plan.mode,
        snapshotRevision: plan.snapshotRevision,
        bump: plan.bump,
        members: plan.members.map((m) => ({
            name: m.name,
            node: m.node,
            dataDir: m.target,
            oldDataKeptAt: m.aside,
            oldManifestKeptAt: m.rewrittenManifest ? (0,_plan__WEBPACK_IMPORTED_MODULE_0__/* .inHolding */ .zl)(m, m.etcdManifest) : undefined,
        })),
        restoredRevision: undefined,
        keys: undefined,
        objectsInMissingNamespaces: undefined,
        warnings: plan.warnings,
        timingsMs,
    };
}


/***/ }),

/***/ 17848:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PF: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_private_temp__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70898);
/* harmony import */ var _check__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49086);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27647);
/* harmony import */ var _fetch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43338);
/* harmony import */ var _journal__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89417);
/* harmony import */ var _leftovers__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65122);
/* harmony import */ var _lock__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(491);
/* harmony import */ var _node_link__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3857);
/* harmony import */ var _place__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(63725);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(29879);
/* harmony import */ var _report__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8322);
/* harmony import */ var _rollback__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(20023);
/* harmony import */ var _stage__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(57556);
/* harmony import */ var _stage_node__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(65437);
/* harmony import */ var _stage_runner__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(30835);
/* harmony import */ var _start__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(29062);
/* harmony import */ var _steps__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(99029);
/* harmony import */ var _stop__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(67740);
/* harmony import */ var _swap__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(47639);
/* harmony import */ var _verify_backup__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(31264);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_fetch__WEBPACK_IMPORTED_MODULE_4__, _verify_backup__WEBPACK_IMPORTED_MODULE_20__]);
([_fetch__WEBPACK_IMPORTED_MODULE_4__, _verify_backup__WEBPACK_IMPORTED_MODULE_20__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);






















/**
 * Puts a stored backup back into a kubeadm-style control plane:
 * fetch → verify → plan → stage → stop → swap → start → check, with rollback as the mirror.
 * Everything up to the stage step runs while the cluster still runs, and an interrupt or failure there changes
 * nothing; anything that fails after the first stop puts every node back as it was. Nothing is deleted: the
 * old data dir stays, named with the time.
 */
async function restore(request) {
    const { log } = request;
    if (request.nodes.length === 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .RestoreRefusedError */ .HI('no control-plane node given', 'name every control-plane node');
    const temp = (0,_util_private_temp__WEBPACK_IMPORTED_MODULE_1__/* .createPrivateTempDir */ .f)('etcd-restore-');
    const links = request.nodes.map((n) => new _node_link__WEBPACK_IMPORTED_MODULE_8__/* .NodeLink */ .V(n, log));
    const run = new _steps__WEBPACK_IMPORTED_MODULE_17__/* .StepRunner */ .H(request.signal);
    let verifying;
    try {
        const downloaded = await run.beforeStop('fetch', () => (0,_fetch__WEBPACK_IMPORTED_MODULE_4__/* .downloadBackup */ .$)({
            ...request,
            path: temp.file('snapshot.db'),
            packedPath: temp.file('snapshot.db.zst'),
        }));
        verifying = verifyAlongside(run, downloaded);
        const cluster = request.cluster ?? downloaded.metadata.cluster;
        await run.beforeStop('connectAndLock', () => (0,_lock__WEBPACK_IMPORTED_MODULE_7__/* .connectAndLock */ .p)(links, cluster, request));
        const { plan, place } = await run.beforeStop('plan', () => planRestore(links, downloaded, request));
        const stager = stagerFor(place, {
            links,
            plan,
            fetched: downloaded,
            tempDir: temp.path,
            log,
            signal: request.signal,
        });
        const sizes = await run.beforeStop(stager.timingNames.prepare, () => stager.prepare());
        await (0,_stage__WEBPACK_IMPORTED_MODULE_13__/* .checkSpace */ .Xe)(links, plan, sizes.neededBytes);
        for (const line of (0,_plan__WEBPACK_IMPORTED_MODULE_10__/* .describePlan */ .df)(plan, sizes.restoredBytes))
            log.info(line);
        const report = (0,_report__WEBPACK_IMPORTED_MODULE_11__/* .reportOf */ .E)(plan, request.dryRun ?? false, run.timings);
        if (request.dryRun) {
            await verifying;
            log.info('dry run: nothing was changed');
            return report;
        }
        run.notInterrupted();
        await request.onStep?.('planned', plan);
        return await (0,_journal__WEBPACK_IMPORTED_MODULE_5__/* .withJournals */ .Pz)(links, plan, log, async () => {
            report.bytesShipped = await run.beforeStop(stager.timingNames.stage, () => stager.stage());
            const fetched = {
                ...downloaded,
                analysis: await verifiedOrUnstaged(verifying, links, plan),
            };
            // The restored copies on the runner and the snapshot are not needed any more.
            temp.dispose();
            await request.onStep?.('shipped', plan);
            if (request.signal?.aborted)
                await (0,_stage__WEBPACK_IMPORTED_MODULE_13__/* .removeStaging */ .O7)(links, plan).then(() => run.notInterrupted());
            const checked = await run.timed('swap', () => swapOrRollBack(run, links, plan, fetched, request));
            return finished(report, checked, log);
        });
    }
    finally {
        // The walk reads the snapshot in the temp dir: let it end before the dir goes.
        await verifying?.catch(() => { });
        await Promise.all(links.map((l) => l.close().catch(() => { })));
        temp.dispose();
    }
}
/**
 * The verify step, started beside the next ones (lock, plan, stage). The fetch has checked the digests, so a
 * damaged blob was refused before any node was reached; nothing stops before this walk's verdict.
 */
function verifyAlongside(run, downloaded) {
    const verifying = run.beforeStop('verify', () => (0,_verify_backup__WEBPACK_IMPORTED_MODULE_20__/* .verifyBackup */ .g)(downloaded.metadata, downloaded.path));
    verifying.catch(() => { });
    return verifying;
}
/** The verify step's verdict, awaited before anything stops; a backup it refuses takes its staging with it. */
async function verifiedOrUnstaged(verifying, links, plan) {
    try {
        return await verifying;
    }
    catch (error) {
        await (0,_stage__WEBPACK_IMPORTED_MODULE_13__/* .removeStaging */ .O7)(links, plan);
        throw error;
    }
}
function finished(report, checked, log) {
    log.info(`restored ${report.backup} to ${report.members.length} member(s): revision ${checked.revision}, ${checked.keys.restored} keys and their revisions equal to the snapshot's, ${checked.keys.valuesCompared} values compared`);
    return {
        ...report,
        restoredRevision: checked.revision,
        keys: checked.keys,
        objectsInMissingNamespaces: checked.leftovers,
    };
}
/** From the first stop on: any failure (an interrupt too) rolls every node back. */
async function swapOrRollBack(run, links, plan, fetched, request) {
    const context = {
        links,
        plan,
        log: request.log,
        stopMs: request.timeouts?.stopMs ?? 90_000,
        startMs: request.timeouts?.startMs ?? 120_000,
        signal: request.signal,
        controllers: request.keepControllersRunning ? 'keep-running' : 'stop',
    };
    try {
        return await swapIn(run, context, fetched, request);
    }
    catch (error) {
        return await (0,_rollback__WEBPACK_IMPORTED_MODULE_12__/* .rollBackAfter */ .hc)(error, links, (0,_rollback__WEBPACK_IMPORTED_MODULE_12__/* .rollbackPlanOf */ .lj)(plan), request);
    }
}
/** stop → swap → start etcd → check → start kube-apiserver; the caller rolls back whatever fails. */
async function swapIn(run, context, fetched, request) {
    const reached = (step) => async () => request.onStep?.(step, context.plan);
    await run.inSwap('swap.prepare', () => (0,_stop__WEBPACK_IMPORTED_MODULE_18__/* .prepareStop */ .G)(context));
    // Downtime as users feel it: from the first stop (kube-apiserver and the controllers) until every API server
    // that answered before is ready again.
    const down = Date.now();
    await run.inSwap('swap.stop', () => (0,_stop__WEBPACK_IMPORTED_MODULE_18__/* .stopControlPlane */ .c)(context, () => run.stopIfInterrupted()), reached('stopped'));
    await run.inSwap('swap.moveData', () => (0,_swap__WEBPACK_IMPORTED_MODULE_19__/* .swapData */ ._)(context), reached('swapped'));
    await run.inSwap('swap.startEtcd', () => (0,_start__WEBPACK_IMPORTED_MODULE_16__/* .startEtcd */ .p)(context), reached('started'));
    // The last point at which an interrupt rolls back: after this kube-apiserver may write to the new data.
    const checked = await run.inSwap('swap.verify', () => (0,_check__WEBPACK_IMPORTED_MODULE_2__/* .checkRestored */ .H)(context, fetched));
    // Reported on its own: how long the API servers took to answer /readyz once started.
    const started = await run.timed('swap.startApiServer', () => (0,_start__WEBPACK_IMPORTED_MODULE_16__/* .startApiServer */ .K)(context, request.restartControllers ?? false));
    run.timings.apiServersReady = started.readyMs;
    run.timings.downtime = started.readyAt - down;
    // The restore is done; a failure to look for leftovers is only a warning.
    const leftovers = await run
        .timed('leftovers', () => (0,_leftovers__WEBPACK_IMPORTED_MODULE_6__/* .findLeftovers */ .Q)(context))
        .catch((error) => {
        request.log.warn(`could not look for objects in namespaces that no longer exist: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}`);
        return undefined;
    });
    return { ...checked, leftovers };
}
/** The plan step: where `snapshot restore` runs, then every node's part. */
async function planRestore(links, fetched, request) {
    const place = await (0,_place__WEBPACK_IMPORTED_MODULE_9__/* .choosePlace */ .$)(links, fetched.metadata.etcd.version, request);
    const plan = await (0,_plan__WEBPACK_IMPORTED_MODULE_10__/* .makePlan */ .Cs)(links, fetched, place, {
        mode: request.mode ?? 'swap',
        ...(request.newDataDir ? { newDataDir: request.newDataDir } : {}),
        bump: request.bumpRevision ?? 'auto',
        allowVersionSkew: request.allowVersionSkew ?? false,
        force: request.force ?? false,
        confirmNoBump: request.confirmNoBump ?? false,
        ...(request.etcd ? { overrides: request.etcd } : {}),
        now: (request.now ?? (() => new Date()))(),
    }, request.log);
    for (const member of plan.members)
        request.onSecret?.(member.tls.key.toString('utf8'));
    return { plan, place };
}
function stagerFor(place, context) {
    return place.on === 'runner' ? new _stage_runner__WEBPACK_IMPORTED_MODULE_15__/* .RunnerStager */ .V(context, place.tools) : new _stage_node__WEBPACK_IMPORTED_MODULE_14__/* .NodeStager */ .v(context);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 20023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dU: () => (/* binding */ rollback),
/* harmony export */   hc: () => (/* binding */ rollBackAfter),
/* harmony export */   lj: () => (/* binding */ rollbackPlanOf)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27647);
/* harmony import */ var _health__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82326);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92317);
/* harmony import */ var _on_node__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27454);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(29879);






function rollbackPlanOf(plan) {
    return {
        stamp: plan.stamp,
        members: plan.members.map((m) => ({ ...m, rewritten: m.rewrittenManifest !== undefined })),
    };
}
/**
 * After a failure past the first stop: rolls every node back and throws the failure, saying whether the
 * cluster runs on its old data again (and if not, how to finish by hand or with `restore --recover`).
 */
async function rollBackAfter(error, links, plan, options) {
    options.log.warn(`restore failed after the cluster was stopped: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}; rolling back`);
    const problems = await rollback(links, plan, options);
    if (problems.length > 0) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .RestoreFailedError */ .UM(`restore failed (${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}) and the rollback did not finish: ${problems.join('; ')}`, false, {
            hint: `the old data dirs are kept (${plan.members.map((m) => m.aside ?? m.dataHostPath).join(', ')}) and the manifests wait in ${plan.members[0].holding}; once the cause is fixed, run 'etcd-backup restore --recover' with the same nodes to put them back`,
            cause: error,
        });
    }
    throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .RestoreFailedError */ .UM(`restore failed and was rolled back: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}`, true, {
        hint: 'the cluster runs on its old data again; nothing was lost. Fix the cause and run again',
        cause: error,
    });
}
/**
 * Puts every node back as it was before the first stop, judging by what is on disk (a dropped connection
 * leaves us unsure which of our moves happened): etcd stopped if it runs on restored data, the old data dir
 * back in its place, the held manifests back, etcd healthy, then kube-apiserver and the controllers. Returns
 * what it could not do.
 */
async function rollback(links, plan, options) {
    const { log } = options;
    const stopMs = options.timeouts?.stopMs ?? 90_000;
    const problems = [];
    const sessions = [];
    await Promise.all(plan.members.map(async (m, i) => {
        try {
            sessions[i] = await links[i].live();
            await rollbackNode(sessions[i], m, plan.stamp, stopMs, log);
        }
        catch (error) {
            problems.push(`${m.node}: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}`);
        }
    }));
    if (problems.length > 0)
        return problems;
    try {
        await (0,_health__WEBPACK_IMPORTED_MODULE_2__/* .waitForHealthyCluster */ .M)(links, plan.members, options.timeouts?.startMs ?? 120_000, log);
    }
    catch (error) {
        problems.push(`the old cluster did not come back: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}`);
    }
    await Promise.all(plan.members.map(async (m, i) => {
        try {
            if (m.apiServerManifest)
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(sessions[i], (0,_plan__WEBPACK_IMPORTED_MODULE_5__/* .inHolding */ .zl)(m, m.apiServerManifest), m.apiServerManifest, {
                    ifPresent: true,
                });
            for (const manifest of m.controllerManifests ?? [])
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(sessions[i], (0,_plan__WEBPACK_IMPORTED_MODULE_5__/* .inHolding */ .zl)(m, manifest), manifest, { ifPresent: true });
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .removeEmptyDir */ .v7)(sessions[i], m.holding);
        }
        catch (error) {
            problems.push(`${m.node}: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorLine */ .BP)(error)}`);
        }
    }));
    if (problems.length === 0)
        log.info('rolled back: the cluster runs on its old data');
    return problems;
}
async function rollbackNode(session, m, stamp, stopMs, log) {
    const held = (0,_plan__WEBPACK_IMPORTED_MODULE_5__/* .inHolding */ .zl)(m, m.etcdManifest);
    const there = await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .existing */ .gT)(session, [m.etcdManifest, held, m.aside ?? '', m.staging, m.snapshotDir, m.target].filter(Boolean));
    // Stop etcd if it runs on what we put there; if it was never stopped, it still runs on the old data.
    let stopped = there.has(held);
    if (there.has(m.etcdManifest)) {
        if (m.aside && there.has(m.aside) && !there.has(held)) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(session, m.etcdManifest, held);
            stopped = true;
        }
        else if (m.rewritten && there.has(held)) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(session, m.etcdManifest, `${held}.restored-${stamp}`);
        }
    }
    if (stopped)
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .waitUntilGone */ .Ly)(session, 'etcd', { port: m.clientPort, timeoutMs: stopMs });
    if (m.aside && there.has(m.aside)) {
        if ((await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .existing */ .gT)(session, [m.dataHostPath])).size > 0) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(session, m.dataHostPath, `${m.dataHostPath}.failed-restore-${stamp}`);
        }
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(session, m.aside, m.dataHostPath);
        log.info(`${m.node}: old data dir back at ${m.dataHostPath}`);
    }
    if (there.has(m.staging))
        await (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .removeOurDir */ .Om)(session, m.staging);
    if (there.has(m.snapshotDir))
        await (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .removeOurDir */ .Om)(session, m.snapshotDir);
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .move */ .Cy)(session, held, m.etcdManifest, { ifPresent: true });
}


/***/ }),

/***/ 55403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ snapshotRestoreArgs),
/* harmony export */   n: () => (/* binding */ restoreSnapshot)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _etcd_tools__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80151);


/** The `snapshot restore` argv after the program, the same on the runner and on a node. */
function snapshotRestoreArgs(tool, options) {
    const args = [
        'snapshot',
        'restore',
        options.snapshotPath,
        `--data-dir=${options.dataDir}`,
        `--name=${options.name}`,
        `--initial-advertise-peer-urls=${options.initialAdvertisePeerUrls}`,
        `--initial-cluster=${options.initialCluster}`,
        `--initial-cluster-token=${options.initialClusterToken}`,
    ];
    if (options.skipHashCheck)
        args.push('--skip-hash-check=true');
    const bump = options.bumpRevision ?? 0;
    if (bump > 0) {
        if (!(0,_etcd_tools__WEBPACK_IMPORTED_MODULE_1__/* .supportsBumpRevision */ .Ef)(tool.version)) {
            throw new _etcd_tools__WEBPACK_IMPORTED_MODULE_1__/* .EtcdToolError */ .n5(`${tool.kind} ${tool.version} cannot bump the revision`, {
                hint: 'use etcd 3.4.27+, 3.5.10+ or 3.6 tools, or set the revision bump to 0 (watch caches may then go back in time)',
            });
        }
        args.push(`--bump-revision=${bump}`, '--mark-compacted');
    }
    return args;
}
/**
 * Runs `etcdutl snapshot restore` (`etcdctl snapshot restore` on 3.4) and keeps its output in the log. The tool
 * checks the snapshot's SHA-256 trailer itself before writing anything.
 */
async function restoreSnapshot(tools, options) {
    const args = snapshotRestoreArgs({ kind: tools.restoreToolKind, version: tools.version }, options);
    const output = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(tools.restoreTool, args, {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, ETCDCTL_API: '3' },
            ...(options.signal ? { signal: options.signal } : {}),
        });
        let text = '';
        const keep = (d) => {
            text = (text + d.toString('utf8')).slice(-64 * 1024);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        child.on('error', (error) => reject(new _etcd_tools__WEBPACK_IMPORTED_MODULE_1__/* .EtcdToolError */ .n5(`cannot run ${tools.restoreTool}: ${error.message}`)));
        child.on('close', (code) => {
            if (code === 0)
                resolve(text);
            else {
                const last = text.trim().split('\n').filter(Boolean).pop() ?? '';
                reject(new _etcd_tools__WEBPACK_IMPORTED_MODULE_1__/* .EtcdToolError */ .n5(`${tools.restoreToolKind} snapshot restore failed (exit ${code}): ${last}`, {
                    hint: 'nothing was changed on the cluster; the tool output is in the log above',
                }));
            }
        });
    });
    for (const line of output.trim().split('\n'))
        if (line)
            options.log.debug(`${tools.restoreToolKind}: ${line}`);
}


/***/ }),

/***/ 65437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ NodeStager)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92317);
/* harmony import */ var _on_node__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27454);
/* harmony import */ var _stage__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57556);






/** etcd preallocates its first WAL file at 64 MiB. */
const WAL_BYTES = 64 * 1024 ** 2;
/**
 * Staging on the nodes: the verified snapshot is shipped into a private dir next to the data dir, the node's
 * own `snapshot restore` writes the staging dir, and the shipped snapshot is removed whatever happened (it
 * holds every Secret).
 */
class NodeStager {
    context;
    timingNames = { prepare: undefined, stage: 'shipAndRestoreOnNodes' };
    constructor(context) {
        this.context = context;
    }
    async prepare() {
        // The shipped copy sits next to the restored dir until the tool is done.
        const snapshotBytes = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(this.context.fetched.path)).size;
        const restoredBytes = snapshotBytes + WAL_BYTES;
        return { restoredBytes, neededBytes: restoredBytes + snapshotBytes };
    }
    stage() {
        const { links, plan, fetched, log } = this.context;
        return (0,_stage__WEBPACK_IMPORTED_MODULE_5__/* .onEveryNode */ .Lg)(links, plan, async (session, m, i) => {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .makeDir */ .gE)(session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(m.target));
            let sent = 0;
            try {
                sent = await (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .shipSnapshot */ .Bx)(session, fetched, m.snapshotDir, log);
                log.info(`${m.node}: restoring ${m.name} with ${m.nodeTool.kind} ${m.nodeTool.version} on the node`);
                await (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .restoreOnNode */ .q8)(session, m.nodeTool, m.owner, {
                    snapshotPath: (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .shippedSnapshotPath */ .JJ)(m.snapshotDir),
                    dataDir: m.staging,
                    name: m.name,
                    initialAdvertisePeerUrls: m.peerUrls.join(','),
                    initialCluster: plan.initialCluster,
                    initialClusterToken: plan.clusterToken,
                    bumpRevision: plan.bump,
                    log,
                });
            }
            finally {
                // Through a fresh connection if this one dropped: the copy holds every Secret.
                await (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .removeOurDir */ .Om)(await links[i].live(), m.snapshotDir).catch((error) => log.warn(`${m.node}: could not remove the shipped snapshot ${m.snapshotDir}: ${(0,_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorLine */ .BP)(error)}; remove it by hand, it holds every Secret`));
            }
            return sent;
        });
    }
}


/***/ }),

/***/ 30835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ RunnerStager)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92317);
/* harmony import */ var _snapshot_restore__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55403);
/* harmony import */ var _stage__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57556);





/** Staging on the runner: one `snapshot restore` per member there, then each restored dir shipped to its node. */
class RunnerStager {
    context;
    tools;
    timingNames = { prepare: 'restoreData', stage: 'ship' };
    localDirs = [];
    constructor(context, tools) {
        this.context = context;
        this.tools = tools;
    }
    async prepare() {
        this.localDirs = await this.restoreLocally();
        const restoredBytes = await dirSize(this.localDirs[0]);
        return { restoredBytes, neededBytes: restoredBytes };
    }
    /** Ships every member's restored dir next to its final place. */
    stage() {
        const { links, plan, log } = this.context;
        return (0,_stage__WEBPACK_IMPORTED_MODULE_4__/* .onEveryNode */ .Lg)(links, plan, async (session, m, i) => {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_2__/* .makeDir */ .gE)(session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(m.target));
            return (0,_node_ops__WEBPACK_IMPORTED_MODULE_2__/* .shipDir */ ._H)(session, this.localDirs[i], m.staging, m.owner, log);
        });
    }
    /** Same snapshot, same initial cluster, each member its own name. */
    async restoreLocally() {
        const { plan, fetched, tempDir, log, signal } = this.context;
        const dirs = [];
        for (const [i, member] of plan.members.entries()) {
            const dataDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempDir, `member-${i}`);
            await (0,_snapshot_restore__WEBPACK_IMPORTED_MODULE_3__/* .restoreSnapshot */ .n)(this.tools, {
                snapshotPath: fetched.path,
                dataDir,
                name: member.name,
                initialAdvertisePeerUrls: member.peerUrls.join(','),
                initialCluster: plan.initialCluster,
                initialClusterToken: plan.clusterToken,
                bumpRevision: plan.bump,
                log,
                ...(signal ? { signal } : {}),
            });
            dirs.push(dataDir);
        }
        return dirs;
    }
}
async function dirSize(path) {
    let total = 0;
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path, { withFileTypes: true })) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, entry.name);
        total += entry.isDirectory() ? await dirSize(full) : (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(full)).size;
    }
    return total;
}


/***/ }),

/***/ 57556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lg: () => (/* binding */ onEveryNode),
/* harmony export */   O7: () => (/* binding */ removeStaging),
/* harmony export */   Xe: () => (/* binding */ checkSpace)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65365);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27647);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92317);
/* harmony import */ var _on_node__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27454);





/**
 * Runs `work` for every member at once and adds up the bytes each sent; when one fails, waits for the others,
 * removes every staging dir and throws the first failure.
 */
async function onEveryNode(links, plan, work) {
    const results = await Promise.allSettled(plan.members.map((m, i) => work(links[i].session, m, i)));
    const failed = results.find((r) => r.status === 'rejected');
    if (!failed)
        return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
    await removeStaging(links, plan);
    throw failed.reason;
}
/** Removes every member's staging dir, as far as it can. */
async function removeStaging(links, plan) {
    await Promise.all(plan.members.map((m, i) => (0,_on_node__WEBPACK_IMPORTED_MODULE_4__/* .removeOurDir */ .Om)(links[i].session, m.staging).catch(() => { })));
}
/** Refuses when a node has no room for the restored dir next to the old one, which stays. */
async function checkSpace(links, plan, neededBytes) {
    // 10% slack for the filesystem.
    const needed = Math.ceil(neededBytes * 1.1);
    await Promise.all(plan.members.map(async (m, i) => {
        const free = await (0,_node_ops__WEBPACK_IMPORTED_MODULE_3__/* .freeBytes */ .go)(links[i].session, node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(m.target));
        if (free < needed) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .RestoreRefusedError */ .HI(`not enough free space for the restored data dir on ${m.node}: ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(free)} free next to ${m.target}, ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(needed)} needed`, 'free space on that filesystem (the old data dir is kept, so both must fit), or restore to another one with --mode new-dir');
        }
    }));
}


/***/ }),

/***/ 29062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ startApiServer),
/* harmony export */   p: () => (/* binding */ startEtcd)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _api_ready__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72036);
/* harmony import */ var _controllers__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16719);
/* harmony import */ var _health__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82326);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92317);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29879);
/* harmony import */ var _stop_pod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34890);
/* harmony import */ var _swap_context__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(22913);









/**
 * The start step, for etcd: its manifest back in the static pod folder (new-dir mode: the rewritten one,
 * written next to the held original first), then the wait until every member answers and all agree on a leader.
 */
async function startEtcd(context) {
    context.log.info('starting etcd on every node');
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_8__/* .eachMember */ .c)(context, async (session, m) => {
        if (m.rewrittenManifest) {
            const next = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(m.holding, `.${node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(m.etcdManifest)}.new`);
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomically */ .lo)(session, next, m.rewrittenManifest);
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_5__/* .move */ .Cy)(session, next, m.etcdManifest);
        }
        else {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_5__/* .move */ .Cy)(session, (0,_plan__WEBPACK_IMPORTED_MODULE_6__/* .inHolding */ .zl)(m, m.etcdManifest), m.etcdManifest);
        }
    });
    await (0,_health__WEBPACK_IMPORTED_MODULE_4__/* .waitForHealthyCluster */ .M)(context.links, context.plan.members, context.startMs, context.log, context.signal);
}
/**
 * The start step, for Kubernetes, once the check passed: kube-apiserver back everywhere, every API server's
 * /readyz waited for, then the controllers started (or, kept running, restarted when asked), and the holding
 * dirs removed (new-dir mode keeps the original etcd.yaml there). Returns how long the API servers took, and
 * when the last was ready (where the downtime ends).
 */
async function startApiServer(context, restartControllers) {
    const { log } = context;
    log.info('etcd verified; starting kube-apiserver');
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_8__/* .eachMember */ .c)(context, async (session, m) => {
        if (m.apiServerManifest)
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_5__/* .move */ .Cy)(session, (0,_plan__WEBPACK_IMPORTED_MODULE_6__/* .inHolding */ .zl)(m, m.apiServerManifest), m.apiServerManifest);
    });
    const readyMs = await (0,_api_ready__WEBPACK_IMPORTED_MODULE_2__/* .waitForApiServersReady */ .s)(context);
    const readyAt = Date.now();
    if (context.controllers === 'stop') {
        log.info('starting kube-controller-manager and kube-scheduler');
        await (0,_controllers__WEBPACK_IMPORTED_MODULE_3__/* .startControllers */ ._)(context);
    }
    else if (restartControllers) {
        await restartControllerPods(context);
    }
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_8__/* .eachMember */ .c)(context, async (session, m) => {
        if (!m.rewrittenManifest)
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_5__/* .removeEmptyDir */ .v7)(session, m.holding);
    });
    return { readyMs, readyAt };
}
/** Stops and starts kube-controller-manager and kube-scheduler, so they drop what they cached of the old data. */
async function restartControllerPods(context) {
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_8__/* .eachMember */ .c)(context, async (session, m) => {
        for (const manifest of m.controllerManifests) {
            const program = (0,_controllers__WEBPACK_IMPORTED_MODULE_3__/* .programOf */ .o)(manifest);
            try {
                await (0,_stop_pod__WEBPACK_IMPORTED_MODULE_7__/* .stopPod */ .M)(session, m, manifest, program, { timeoutMs: context.stopMs });
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_5__/* .move */ .Cy)(session, (0,_plan__WEBPACK_IMPORTED_MODULE_6__/* .inHolding */ .zl)(m, manifest), manifest);
            }
            catch (error) {
                context.log.warn(`could not restart ${program} on ${m.node}: ${(0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorLine */ .BP)(error)}`);
            }
        }
    });
}


/***/ }),

/***/ 99029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ StepRunner)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27647);

const reasonOf = (signal) => signal.reason instanceof Error ? signal.reason.message : 'interrupted';
/**
 * Times the restore's steps and checks for an interrupt between them, so the step list reads as a list. Before
 * the first stop an interrupt changes nothing, and whatever it broke (a killed etcdutl, a torn copy) is reported
 * as the interrupt it was; in the swap an interrupt becomes a failure, which the caller rolls back.
 */
class StepRunner {
    signal;
    timings = {};
    constructor(signal) {
        this.signal = signal;
    }
    /** A step before the first stop; timed when it has a name. */
    async beforeStop(name, work) {
        this.notInterrupted();
        const started = Date.now();
        try {
            return await work();
        }
        catch (error) {
            this.notInterrupted();
            throw error;
        }
        finally {
            if (name)
                this.timings[name] = Date.now() - started;
        }
    }
    /** A step of the swap; `after` (the caller's onStep) runs before the interrupt check that follows it. */
    async inSwap(name, work, after) {
        const result = await this.timed(name, work);
        await after?.();
        this.stopIfInterrupted();
        return result;
    }
    /** A step timed and nothing more (past the point where an interrupt rolls back). */
    async timed(name, work) {
        const started = Date.now();
        const result = await work();
        this.timings[name] = Date.now() - started;
        return result;
    }
    /** Throws (before anything on the cluster changed) when the caller asked us to stop. */
    notInterrupted() {
        if (!this.signal?.aborted)
            return;
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .RestoreFailedError */ .UM(`restore ${reasonOf(this.signal)} before anything on the cluster was changed`, true, { hint: 'nothing was changed; run again when ready' });
    }
    /** In the swap (after the first stop): an interrupt becomes a failure, which the caller rolls back. */
    stopIfInterrupted() {
        if (this.signal?.aborted)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .RestoreInterruptedError */ .h_(reasonOf(this.signal));
    }
}


/***/ }),

/***/ 34890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ stopPod)
/* harmony export */ });
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92317);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29879);


/** Moves a static pod's manifest into the member's holding dir and waits until its program is gone. */
async function stopPod(session, m, manifest, program, options) {
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_0__/* .move */ .Cy)(session, manifest, (0,_plan__WEBPACK_IMPORTED_MODULE_1__/* .inHolding */ .zl)(m, manifest));
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_0__/* .waitUntilGone */ .Ly)(session, program, {
        ...(options.port ? { port: options.port } : {}),
        timeoutMs: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
    });
}


/***/ }),

/***/ 67740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ prepareStop),
/* harmony export */   c: () => (/* binding */ stopControlPlane)
/* harmony export */ });
/* harmony import */ var _api_ready__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72036);
/* harmony import */ var _controllers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16719);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92317);
/* harmony import */ var _stop_pod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34890);
/* harmony import */ var _swap_context__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22913);





/**
 * Before the first stop, while everything still runs: which API servers can be asked for /readyz afterwards,
 * and each member's holding dir. Nothing is down yet, so this is not part of the downtime.
 */
async function prepareStop(context) {
    context.apiServers = await (0,_api_ready__WEBPACK_IMPORTED_MODULE_0__/* .findApiServers */ .g)(context);
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_4__/* .eachMember */ .c)(context, async (session, m) => {
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_2__/* .makeDir */ .gE)(session, m.holding);
    });
}
/**
 * The stop step: kube-apiserver on every node, with kube-controller-manager and kube-scheduler (unless asked to
 * keep them) at the same moment, so nothing writes to etcd or acts on what it cached of the old data (a
 * controller left running was measured creating and deleting Pods, and writing into namespaces the restore
 * removed, while the API servers came back); then etcd.
 * Each stops by moving its manifest out of the static pod folder and waiting until the kubelet has stopped it.
 */
async function stopControlPlane(context, checkpoint) {
    const { stopMs: timeoutMs, signal } = context;
    const controllers = context.controllers === 'stop';
    context.log.info(`stopping kube-apiserver on every node, then etcd${controllers ? '; kube-controller-manager and kube-scheduler stop with kube-apiserver' : ''}`);
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_4__/* .eachMember */ .c)(context, async (session, m) => {
        const pods = [
            ...(m.apiServerManifest ? [m.apiServerManifest] : []),
            ...(controllers ? m.controllerManifests : []),
        ];
        await Promise.all(pods.map((manifest) => (0,_stop_pod__WEBPACK_IMPORTED_MODULE_3__/* .stopPod */ .M)(session, m, manifest, (0,_controllers__WEBPACK_IMPORTED_MODULE_1__/* .programOf */ .o)(manifest), { timeoutMs, signal })));
    });
    checkpoint();
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_4__/* .eachMember */ .c)(context, (session, m) => (0,_stop_pod__WEBPACK_IMPORTED_MODULE_3__/* .stopPod */ .M)(session, m, m.etcdManifest, 'etcd', { port: m.clientPort, timeoutMs, signal }));
}


/***/ }),

/***/ 22913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ eachMember)
/* harmony export */ });
/** Runs `work` for every member at once, on its node's session. */
async function eachMember(context, work) {
    await Promise.all(context.plan.members.map((m, i) => work(context.links[i].session, m)));
}


/***/ }),

/***/ 47639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ swapData)
/* harmony export */ });
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92317);
/* harmony import */ var _swap_context__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22913);


/** The swap step: the old data dir moves aside (swap mode; new-dir mode keeps it where it is), the staged dir into its final place. */
async function swapData(context) {
    await (0,_swap_context__WEBPACK_IMPORTED_MODULE_1__/* .eachMember */ .c)(context, async (session, m) => {
        if (m.aside)
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_0__/* .move */ .Cy)(session, m.dataHostPath, m.aside);
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_0__/* .move */ .Cy)(session, m.staging, m.target);
    });
}


/***/ }),

/***/ 31264:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ verifyBackup)
/* harmony export */ });
/* unused harmony export BackupRejectedError */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91084);
/* harmony import */ var _snapshot__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94976);
/* harmony import */ var _snapshot_verdict__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24181);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot__WEBPACK_IMPORTED_MODULE_2__]);
_snapshot__WEBPACK_IMPORTED_MODULE_2__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];




class BackupRejectedError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(message) {
        super(message, {
            hint: 'this backup cannot be trusted; pick another one (etcd-backup list) and check the store',
            exitCode: _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.verificationFailed,
        });
    }
}
/**
 * The verify step: the full verification of the fetched snapshot, with every live key and value (the check
 * step compares the restored cluster with them), and its revision against what the metadata promised.
 */
async function verifyBackup(metadata, path) {
    const analysis = await (0,_snapshot__WEBPACK_IMPORTED_MODULE_2__/* .analyzeSnapshot */ .Jb)(path, { liveKeys: 'detailed' });
    const report = analysis.report;
    (0,_snapshot_verdict__WEBPACK_IMPORTED_MODULE_3__/* .assertIntact */ .Qb)(report, (reason) => new BackupRejectedError(`${metadata.name} failed verification after download: ${reason}`));
    if (report.revision !== metadata.etcd.revision) {
        throw new BackupRejectedError(`${metadata.name} holds revision ${report.revision} but its metadata says ${metadata.etcd.revision}`);
    }
    return analysis;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 96937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ LocalSendError),
/* harmony export */   h$: () => (/* binding */ sendPacked),
/* harmony export */   p7: () => (/* binding */ wireCodecs)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65365);




const ZSTD = {
    name: 'zstd',
    pack: () => (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createZstdCompress)({ chunkSize: 1 << 20, params: { [node_zlib__WEBPACK_IMPORTED_MODULE_2__.constants.ZSTD_c_compressionLevel]: 1 } }),
    unpack: 'zstd -dcq',
    tarOption: '--use-compress-program=zstd',
};
const GZIP = {
    name: 'gzip',
    pack: () => (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGzip)({ level: 1 }),
    unpack: 'gzip -dc',
    tarOption: '-z',
};
const PROBE = 'command -v zstd >/dev/null 2>&1 || exit 1; tar --version 2>/dev/null | grep -q "GNU tar" || exit 2';
const chosen = new WeakMap();
/** zstd where the node has it on root's PATH, else gzip; asked once per connection. */
function wireCodecs(session) {
    let codecs = chosen.get(session);
    if (!codecs) {
        codecs = session
            .exec(['sh', '-c', PROBE], { sudo: true })
            .then((r) => ({
            file: r.exitCode === 0 || r.exitCode === 2 ? ZSTD : GZIP,
            tar: r.exitCode === 0 ? ZSTD : GZIP,
        }))
            .catch(() => ({ file: GZIP, tar: GZIP }));
        chosen.set(session, codecs);
    }
    return codecs;
}
/** The local side of a packed send failed: reading the source or packing it. */
class LocalSendError extends Error {
    failure;
    constructor(failure) {
        super(failure.message, { cause: failure });
        this.failure = failure;
    }
}
/**
 * Streams `source` through `pack` into the stdin of `argv` run (with sudo) on the node, with progress, and
 * returns the packed bytes sent. If the local side fails, the command's stdin is ended — it would otherwise
 * wait for the rest of its input forever — and, once the command has exited (so whatever it does on a cut
 * input, like removing what it made, is done), a LocalSendError is thrown; a failure of the command itself
 * (SshCommandError and the like) is thrown as it is.
 */
async function sendPacked(session, options) {
    const body = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    // The command's stdin. A failed pipeline destroys body without ending it, so it is ended here by hand.
    const stdin = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    body.pipe(stdin);
    const meter = new _util_progress__WEBPACK_IMPORTED_MODULE_3__/* .ProgressMeter */ .Z3(options.label, (r) => options.log.info((0,_util_progress__WEBPACK_IMPORTED_MODULE_3__/* .formatProgress */ .Vu)(r)));
    const packing = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(options.source, meter, options.pack, body).catch((e) => e);
    // Counted once the pipe is in place, so this listener only watches what flows into body.
    let sent = 0;
    options.pack.on('data', (chunk) => {
        sent += chunk.length;
    });
    void packing.then((e) => {
        if (e instanceof Error) {
            body.unpipe(stdin);
            stdin.end();
        }
    });
    const { done } = await session.execStream(options.argv, { sudo: true, stdin });
    const ended = await done.then(() => undefined, (error) => error);
    const packed = ended === undefined ? await packing : await settledNow(packing);
    if (packed instanceof Error)
        throw new LocalSendError(packed);
    if (ended !== undefined)
        throw ended;
    return sent;
}
/** The promise's value if it has settled by now, else undefined. */
async function settledNow(promise) {
    return Promise.race([promise, Promise.resolve(undefined)]);
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
