import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 19;
export const ids = [19];
export const modules = {

/***/ 93019:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nodeConnectOptions: () => (/* binding */ nodeConnectOptions),
/* harmony export */   restore: () => (/* binding */ restore)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _restore_interrupt__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(40081);
/* harmony import */ var _restore_recover__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93138);
/* harmony import */ var _restore_restore__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17848);
/* harmony import */ var _store_catalog__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(754);
/* harmony import */ var _store_cli_options__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41913);
/* harmony import */ var _store_retention__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(89311);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(29906);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3567);
/* harmony import */ var _etcd_tool_options__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(26111);
/* harmony import */ var _opening_keys__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(37271);
/* harmony import */ var _ssh_options__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(75911);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_restore_recover__WEBPACK_IMPORTED_MODULE_2__, _restore_restore__WEBPACK_IMPORTED_MODULE_3__]);
([_restore_recover__WEBPACK_IMPORTED_MODULE_2__, _restore_restore__WEBPACK_IMPORTED_MODULE_3__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);













const HELP = `usage: etcd-backup restore --store S (--host H[:P] ... | --nodes FILE) --key FILE
                            (--fingerprint FP ... | --known-hosts FILE) [options] [latest|NAME|ISO-TIME]
       etcd-backup restore --recover (--host H[:P] ... | --nodes FILE) --key FILE
                            (--fingerprint FP ... | --known-hosts FILE)

Puts a stored backup back into a kubeadm- or kind-style control plane, every etcd member at once: fetches and
verifies it, plans (prints every node's member, data dir and etcd version), restores each member's data dir
(on the node with its own etcdutl, or here and ships it over SSH), stops kube-apiserver then etcd on every
node, swaps the data, starts etcd, checks every key against the snapshot, then starts kube-apiserver. If anything
fails after the first stop, every node is put back as it was. Nothing is deleted: the old data dir is kept
as <dir>.before-restore-<UTC time>. Exit 0 when restored; 6 refused before touching anything; 7 failed and
rolled back; 8 failed and the rollback did not finish (the message says what is left).

Nodes (one per etcd member)
  --host H[:P]          repeatable, one per control-plane node; --fingerprint FP is then given once per
                        --host in the same order (or once for all), or --known-hosts pins them all
  --nodes FILE          or a JSON list: [{"host": "10.0.0.1", "port": 22, "user": "root",
                        "fingerprint": "SHA256:…"}, …] (user and port default to --user and --port)
  --user U (root), --port P (22), --key FILE, --jump …, --connect-timeout D, --command-timeout D
                        as for backup; secrets in ${_ssh_options__WEBPACK_IMPORTED_MODULE_11__/* .SSH_ENV */ .LJ.passphrase}, ${_ssh_options__WEBPACK_IMPORTED_MODULE_11__/* .SSH_ENV */ .LJ.password}, ${_ssh_options__WEBPACK_IMPORTED_MODULE_11__/* .SSH_ENV */ .LJ.sudoPassword}
Restore
  --mode swap|new-dir   swap (default): move the old data dir aside and put the restored one at the same
                        path; new-dir (the runbook's): restore to a new dir and point --data-dir and the
                        etcd-data hostPath in etcd.yaml at it (--new-data-dir PATH, default <dir>-restored-<time>)
  --bump-revision N|auto   jump revisions forward so Kubernetes watch caches relist instead of going back in
                        time; auto (default) = max(1e9, 2 × revisions written since the snapshot); 0 disables
  --restore-on runner|node|auto   where \`snapshot restore\` runs: node = each node's own etcdutl (etcdctl on
                        3.4) of the snapshot's major.minor, only the snapshot is shipped; runner = here, the
                        restored data dirs are shipped; auto (default) = node when every node has one
  --etcd-tools DIR      etcd and etcdutl (etcdctl on 3.4) of the cluster's version (default: PATH)
  --download-etcd       when PATH has no etcd tools of the snapshot's major.minor, download etcd's release of
                        the exact version, check it against its SHA256SUMS and keep it in the tool cache
                        (RUNNER_TOOL_CACHE, default ~/.cache/etcd-backup-action/tool-cache); off by default
  --etcd-download-url U base URL of etcd's releases (default https://github.com/etcd-io/etcd/releases/download;
                        https, or http to loopback only)
  --lock-wait D         wait this long for the cluster's node lock if a backup holds it, then refuse (default
                        5m; 0 refuses at once)
  --allow-version-skew  restore with tools or onto members of another etcd minor version than the snapshot's
  --force               restore even if the running cluster has members no given node covers
  --restart-controllers also restart kube-controller-manager and kube-scheduler afterwards
  --dry-run             stop after the plan (when restoring here, the restore tools still run, here only)
  --recover             roll back a restore that was cut short (the runner killed, a job cancelled past its
                        grace time): every node with its journal gets its old data dir and manifests back,
                        then etcd and kube-apiserver start; no backup, store or key is needed. A backup or
                        restore that finds such a journal refuses and points here
  --cluster C           only this cluster's backups (and the node lock's name)
${_store_cli_options__WEBPACK_IMPORTED_MODULE_5__/* .STORE_HELP */ .UJ}
${_opening_keys__WEBPACK_IMPORTED_MODULE_10__/* .OPENING_KEYS_HELP */ .qh}
  --json                the report as JSON on stdout`;
function hostAndPort(value) {
    const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(value);
    if (!match)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--host', 'host or host:port');
    return { host: match[1].replace(/^\[|\]$/g, ''), ...(match[2] ? { port: match[2] } : {}) };
}
function readNodesFile(path) {
    let parsed;
    try {
        parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--nodes', `a readable JSON file (${error.message.split('\n')[0]})`);
    }
    if (!Array.isArray(parsed) || parsed.length === 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--nodes', 'a JSON list of {host, port?, user?, fingerprint?}');
    return parsed.map((n, i) => {
        if (typeof n !== 'object' || n === null || typeof n.host !== 'string')
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--nodes', `entry ${i + 1} to be an object with a "host"`);
        return n;
    });
}
function nodeConnectOptions(values) {
    const hosts = values.host ?? [];
    const fingerprints = values.fingerprint ?? [];
    let specs;
    if (values.nodes) {
        if (hosts.length > 0)
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--host', 'not together with --nodes');
        specs = readNodesFile(values.nodes);
    }
    else {
        if (hosts.length === 0)
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--host', 'a control-plane node (repeat for each member), or --nodes FILE');
        if (fingerprints.length > 1 && fingerprints.length !== hosts.length)
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--fingerprint', `one per --host, in the same order (${hosts.length}), or one for all`);
        specs = hosts.map((h, i) => {
            const { host, port } = hostAndPort(h);
            const pin = fingerprints.length > 1 ? [fingerprints[i]] : fingerprints;
            return { host, ...(port ? { port } : {}), fingerprint: pin };
        });
    }
    return specs.map((spec) => {
        const pin = spec.fingerprint === undefined ? fingerprints : [].concat(spec.fingerprint);
        return (0,_ssh_options__WEBPACK_IMPORTED_MODULE_11__/* .sshConnectOptions */ .bf)({
            ...values,
            host: spec.host,
            ...(spec.port !== undefined ? { port: String(spec.port) } : {}),
            ...(spec.user ? { user: spec.user } : {}),
            ...(pin.length ? { fingerprint: pin } : { fingerprint: undefined }),
        });
    });
}
function parseBump(value) {
    if (value === undefined || value === 'auto')
        return 'auto';
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--bump-revision', "a whole number (0 disables) or 'auto'");
    return n;
}
const restore = {
    async run(argv) {
        const { values, positionals } = (0,_command__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Q)(argv, {
            ..._ssh_options__WEBPACK_IMPORTED_MODULE_11__/* .sshOptionSpec */ .ZD,
            host: { type: 'string', multiple: true },
            nodes: { type: 'string' },
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_5__/* .STORE_OPTIONS */ .n0,
            ..._opening_keys__WEBPACK_IMPORTED_MODULE_10__/* .openingKeyOptionSpec */ .c3,
            mode: { type: 'string' },
            'new-data-dir': { type: 'string' },
            'bump-revision': { type: 'string' },
            ..._etcd_tool_options__WEBPACK_IMPORTED_MODULE_9__/* .etcdToolOptionSpec */ .t,
            'restore-on': { type: 'string' },
            'lock-wait': { type: 'string' },
            'allow-version-skew': { type: 'boolean' },
            force: { type: 'boolean' },
            'restart-controllers': { type: 'boolean' },
            'dry-run': { type: 'boolean' },
            recover: { type: 'boolean' },
            cluster: { type: 'string' },
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            console.log(HELP);
            return 0;
        }
        const mode = values.mode ?? 'swap';
        if (mode !== 'swap' && mode !== 'new-dir')
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--mode', "'swap' or 'new-dir'");
        if (values['new-data-dir'] && mode !== 'new-dir')
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--new-data-dir', 'only with --mode new-dir');
        const restoreOn = values['restore-on'] ?? 'auto';
        if (restoreOn !== 'runner' && restoreOn !== 'node' && restoreOn !== 'auto')
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--restore-on', "'runner', 'node' or 'auto'");
        const lockWait = values['lock-wait'];
        const lockWaitSeconds = lockWait === undefined ? 300 : lockWait === '0' ? 0 : (0,_store_retention__WEBPACK_IMPORTED_MODULE_6__/* .parseDuration */ .E9)(lockWait, '--lock-wait') / 1000;
        const nodes = nodeConnectOptions(values);
        if (values.recover) {
            const recovered = await (0,_restore_recover__WEBPACK_IMPORTED_MODULE_2__/* .recoverCutRestore */ .$)({ nodes, lockWaitSeconds, log: _util_log__WEBPACK_IMPORTED_MODULE_7__/* .stderrLogger */ .D });
            if (values.json)
                console.log(JSON.stringify(recovered, null, 2));
            else if (recovered.backup === undefined)
                console.log('NOTHING TO RECOVER: no unfinished restore on these nodes');
            else
                console.log(`RECOVERED ${recovered.recovered.join(', ')}: the restore of ${recovered.backup} is rolled back, the old data serves`);
            return 0;
        }
        const interrupt = (0,_restore_interrupt__WEBPACK_IMPORTED_MODULE_12__/* .abortOnSignals */ .P)(_util_log__WEBPACK_IMPORTED_MODULE_7__/* .stderrLogger */ .D);
        const report = await (0,_restore_restore__WEBPACK_IMPORTED_MODULE_3__/* .restore */ .PF)({
            store: (0,_store_cli_options__WEBPACK_IMPORTED_MODULE_5__/* .storeFromOptions */ .o1)(values),
            selector: (0,_store_catalog__WEBPACK_IMPORTED_MODULE_4__/* .parseSelector */ .Pl)(positionals[0] ?? 'latest'),
            ...(values.cluster ? { cluster: values.cluster } : {}),
            keys: (0,_opening_keys__WEBPACK_IMPORTED_MODULE_10__/* .openingKeysFrom */ .LY)(values),
            nodes,
            tools: (0,_etcd_tool_options__WEBPACK_IMPORTED_MODULE_9__/* .etcdToolsFrom */ .y)(values),
            restoreOn: restoreOn,
            lockWaitSeconds,
            signal: interrupt.signal,
            mode,
            ...(values['new-data-dir'] ? { newDataDir: values['new-data-dir'] } : {}),
            bumpRevision: parseBump(values['bump-revision']),
            allowVersionSkew: values['allow-version-skew'] ?? false,
            force: values.force ?? false,
            restartControllers: values['restart-controllers'] ?? false,
            dryRun: values['dry-run'] ?? false,
            log: _util_log__WEBPACK_IMPORTED_MODULE_7__/* .stderrLogger */ .D,
        }).finally(interrupt.dispose);
        if (values.json)
            console.log(JSON.stringify(report, null, 2));
        else if (report.dryRun)
            console.log(`DRY RUN ${report.backup}: plan printed above, nothing changed`);
        else {
            console.log(`RESTORED ${report.backup} to ${report.members.map((m) => m.name).join(', ')}: revision ${report.restoredRevision} (bump ${report.bump}), ${report.keys?.restored} keys and their revisions equal to the snapshot's (${report.keys?.valuesCompared} values compared)`);
        }
        return 0;
    },
};

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

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

/***/ 3857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ NodeLink)
/* harmony export */ });
/* harmony import */ var _ssh__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74883);

/** Takes the node lock now and returns how to let it go (withRemoteLock's scope, held open). */
function holdLock(session, name, options) {
    return new Promise((resolveHeld, rejectHeld) => {
        let letGo;
        const released = new Promise((resolve) => {
            letGo = resolve;
        });
        const scope = (0,_ssh__WEBPACK_IMPORTED_MODULE_0__/* .withRemoteLock */ .UV)(session, name, async () => {
            resolveHeld(async () => {
                letGo();
                await scope.catch(() => { });
            });
            await released;
        }, options);
        scope.catch(rejectHeld);
    });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
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
        this.current = await (0,_ssh__WEBPACK_IMPORTED_MODULE_0__/* .connect */ .Ng)({ ...this.options, warn: this.log.warn });
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
                this.current = await (0,_ssh__WEBPACK_IMPORTED_MODULE_0__/* .connect */ .Ng)({ ...this.options, warn: this.log.warn });
                // The old lock holder dies with its connection; wait for the node to notice.
                if (this.lockName)
                    this.release = await holdLock(this.current, this.lockName, { waitSeconds: 60 });
                return this.current;
            }
            catch (error) {
                lastError = error;
                await sleep(2_000);
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
/* harmony import */ var _ssh_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26079);
/* harmony import */ var _etcd_tools__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80151);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92317);
/* harmony import */ var _snapshot_restore__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(55403);
/* harmony import */ var _wire__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(96937);







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
async function shipSnapshot(session, localPath, dir, log) {
    const codec = (await (0,_wire__WEBPACK_IMPORTED_MODULE_6__/* .wireCodecs */ .p7)(session)).file;
    try {
        return await (0,_wire__WEBPACK_IMPORTED_MODULE_6__/* .sendPacked */ .h$)(session, {
            source: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(localPath),
            pack: codec.pack(),
            argv: ['sh', '-c', RECEIVE, 'sh', dir, codec.unpack],
            label: `snapshot to ${session.target}, packed with ${codec.name}`,
            log,
        });
    }
    catch (error) {
        if (error instanceof _wire__WEBPACK_IMPORTED_MODULE_6__/* .LocalSendError */ .Y1)
            throw new _node_ops__WEBPACK_IMPORTED_MODULE_4__/* .NodeActionError */ .HE(`cannot read ${localPath} to send it to ${session.target}: ${error.message}`, { hint: 'nothing was changed on the cluster', cause: error.failure });
        if (error instanceof _ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .SshCommandError */ .qu) {
            throw new _node_ops__WEBPACK_IMPORTED_MODULE_4__/* .NodeActionError */ .HE(`cannot copy the snapshot into ${dir} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(error.stderr) || `exit ${error.remoteExitCode}`}`, {
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
    const args = (0,_snapshot_restore__WEBPACK_IMPORTED_MODULE_5__/* .snapshotRestoreArgs */ ._)(tool, options);
    const r = await session.exec(['env', 'ETCDCTL_API=3', tool.path, ...args], { sudo: true });
    const output = `${r.stdout.toString('utf8')}\n${r.stderr}`.trim();
    for (const line of output.split('\n'))
        if (line.trim())
            options.log.debug(`${session.target} ${tool.kind}: ${line}`);
    if (r.exitCode !== 0) {
        await removeOurDir(session, options.dataDir).catch(() => { });
        const last = output.split('\n').filter(Boolean).pop() ?? '';
        throw new _etcd_tools__WEBPACK_IMPORTED_MODULE_3__/* .EtcdToolError */ .n5(`${tool.kind} snapshot restore failed on ${session.target} (exit ${r.exitCode ?? r.signal}): ${last}`, {
            hint: /space/i.test(output)
                ? 'free space on the node next to the data dir, or restore on the runner (--restore-on runner)'
                : 'nothing was changed on the cluster; the tool output is in the log above',
        });
    }
    const own = await session.exec(['sh', '-c', 'chown -R -- "$2" "$1" && chmod 0700 -- "$1"', 'sh', options.dataDir, owner], { sudo: true });
    if (own.exitCode !== 0) {
        await removeOurDir(session, options.dataDir).catch(() => { });
        throw new _node_ops__WEBPACK_IMPORTED_MODULE_4__/* .NodeActionError */ .HE(`cannot give ${options.dataDir} on ${session.target} to ${owner}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(own.stderr)}`);
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

/***/ 29879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HI: () => (/* binding */ RestoreRefusedError),
  df: () => (/* binding */ describePlan),
  Cs: () => (/* binding */ makePlan)
});

// UNUSED EXPORTS: DEFAULT_BUMP, stampOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/backup/members.ts
var backup_members = __webpack_require__(66005);
// EXTERNAL MODULE: ./src/controlplane/index.ts + 1 modules
var controlplane = __webpack_require__(49214);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
// EXTERNAL MODULE: ./src/restore/etcd-tools.ts
var etcd_tools = __webpack_require__(80151);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/controlplane/static-pod.ts
var static_pod = __webpack_require__(21041);
;// CONCATENATED MODULE: ./src/restore/manifest-rewrite.ts




class ManifestRewriteError extends errors/* EtcdBackupError */.Ld {
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
    // Read the result back the way discovery will, and make sure it says what we meant.
    const check = (0,static_pod/* parseStaticPod */.Rs)(out, path);
    const checkContainer = (0,static_pod/* etcdContainer */.ql)(check);
    const flagAfter = findDataDirFlagValue(checkContainer.argv, checkContainer.env);
    const hostAfter = flagAfter ? (0,static_pod/* hostPathOf */.J8)(check, checkContainer, flagAfter) : undefined;
    if (hostAfter !== newDir) {
        throw new ManifestRewriteError(`${path}: the rewritten manifest would put etcd's data in ${hostAfter}`);
    }
    return out;
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










class RestoreRefusedError extends errors/* EtcdBackupError */.Ld {
    constructor(message, hint) {
        super(message, { hint, exitCode: 6 });
    }
}
const DEFAULT_QUOTA = 2 * 1024 ** 3;
/** The default revision bump: see chooseBump. */
const DEFAULT_BUMP = 1_000_000_000;
/** `20261121T203000Z`: sorts by time and is safe in a file name. */
function stampOf(date) {
    return date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}
function refuse(message, hint) {
    throw new RestoreRefusedError(message, hint);
}
async function readTls(link, plane) {
    const certs = plane.etcd.certs;
    if (!certs)
        refuse(`no etcd client certificate found on ${link.target}`, 'give the etcd CA, certificate and key paths');
    return (0,backup_members/* readClientTls */.Z$)(link.session, certs);
}
async function planMember(link, nodeTool, options, stamp, log) {
    const session = link.session;
    const plane = await (0,controlplane/* discoverOverSsh */.Y0)(session, options.overrides ?? {});
    for (const w of plane.warnings)
        log.warn(`${session.target}: ${w}`);
    const { etcd } = plane;
    if (etcd.runsAs !== 'static-pod' || !plane.etcdManifestPath || !plane.staticPodPath) {
        refuse(`etcd on ${session.target} does not run as a static pod (${etcd.runsAs})`, 'restore handles kubeadm/kind-style stacked etcd; restore an external etcd with its own tooling');
    }
    if (!etcd.name || etcd.peerUrls.length === 0 || !etcd.dataDir || !etcd.dataHostPath) {
        refuse(`${plane.etcdManifestPath} on ${session.target} does not say etcd's name, peer URL and data dir`, 'check the manifest (kubeadm sets --name, --initial-advertise-peer-urls and --data-dir)');
    }
    const staticPodPath = external_node_path_.posix.normalize(plane.staticPodPath);
    const holding = external_node_path_.posix.join(external_node_path_.posix.dirname(staticPodPath), `etcd-restore-${stamp}`);
    const dataHostPath = external_node_path_.posix.normalize(etcd.dataHostPath);
    const facts = await (0,node_ops/* statDir */.Sz)(session, dataHostPath);
    if (!facts)
        refuse(`etcd's data dir ${dataHostPath} does not exist on ${session.target}`, 'check --data-dir and the etcd-data hostPath');
    let target = dataHostPath;
    let aside;
    let rewrittenManifest;
    if (options.mode === 'swap') {
        if (facts.mountPoint) {
            refuse(`${dataHostPath} on ${session.target} is a mount point, so it cannot be moved aside`, 'use --mode new-dir with a new data dir on that filesystem (e.g. a subdirectory of the mount)');
        }
        aside = `${dataHostPath}.before-restore-${stamp}`;
    }
    else {
        target = external_node_path_.posix.normalize(options.newDataDir ?? `${dataHostPath}-restored-${stamp}`);
        const text = (await session.readFile(plane.etcdManifestPath, { sudo: true })).toString('utf8');
        rewrittenManifest = rewriteEtcdDataDir(text, target, plane.etcdManifestPath);
    }
    const staging = external_node_path_.posix.join(external_node_path_.posix.dirname(target), `.${external_node_path_.posix.basename(target)}.restore-${stamp}`);
    const snapshotDir = (0,on_node/* snapshotDirFor */.rS)(staging);
    const taken = await (0,node_ops/* existing */.gT)(session, [holding, staging, snapshotDir, target === dataHostPath ? '' : target, aside ?? ''].filter(Boolean));
    if (taken.size > 0) {
        refuse(`${[...taken].join(', ')} already exists on ${session.target}`, 'move it away (a restore never overwrites anything), then run again');
    }
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
        etcdManifest: plane.etcdManifestPath,
        apiServerManifest: plane.apiServer?.manifestPath,
        controllerManifests: [...byComponent('kube-controller-manager'), ...byComponent('kube-scheduler')],
        holding,
        staging,
        snapshotDir,
        nodeTool,
        target,
        aside,
        rewrittenManifest,
        quotaBytes: Number(etcd.flags['quota-backend-bytes'] ?? 0) || DEFAULT_QUOTA,
        tls: await readTls(link, plane),
        certFiles: { ca: plane.etcd.certs.ca, cert: plane.etcd.certs.cert, key: plane.etcd.certs.key },
    };
}
/** What the running cluster says, if it answers: its revision and members (to check every one is covered). */
async function liveCluster(link, member) {
    let connection;
    try {
        connection = await (0,backup_members/* connectThroughNode */.eZ)(link.session, member.clientUrl, member.tls);
        const [status, members] = await Promise.all([connection.client.status(), connection.client.memberList()]);
        return { revision: Number(status.revision), members };
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
async function makePlan(links, fetched, place, options, log) {
    const stamp = stampOf(options.now);
    const warnings = [];
    const members = await Promise.all(links.map((l, i) => planMember(l, place.on === 'node' ? place.nodeTools[i] : undefined, options, stamp, log)));
    // The tools that will run `snapshot restore`: the runner's, or each node's own.
    const tools = place.on === 'runner'
        ? [{ kind: place.tools.restoreToolKind, version: place.tools.version, where: 'the restore tools are' }]
        : place.nodeTools.map((t, i) => ({
            kind: t.kind,
            version: t.version,
            where: `${members[i].node}'s ${t.kind} is`,
        }));
    const names = members.map((m) => m.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate)
        refuse(`two of the given nodes run etcd member '${duplicate}'`, 'give each control-plane node once');
    const meta = fetched.metadata;
    if (meta.member && !names.includes(meta.member.name)) {
        // Legit when rebuilding on new hosts; a mistake when it is the wrong cluster's backup.
        warnings.push(`the backup was taken from member ${meta.member.name} of cluster ${meta.cluster}, which none of the given nodes runs`);
    }
    const snapshotVersion = meta.etcd.version;
    const versionProblems = [];
    for (const t of tools)
        if ((0,etcd_tools/* minorOf */.Hs)(t.version) !== (0,etcd_tools/* minorOf */.Hs)(snapshotVersion))
            versionProblems.push(`${t.where} etcd ${t.version}, the snapshot is from ${snapshotVersion}`);
    for (const m of members) {
        if (!m.version)
            warnings.push(`${m.node}: etcd's version is not in its image tag; not checked`);
        else if ((0,etcd_tools/* minorOf */.Hs)(m.version) !== (0,etcd_tools/* minorOf */.Hs)(snapshotVersion))
            versionProblems.push(`${m.node} runs etcd ${m.version}, the snapshot is from ${snapshotVersion}`);
    }
    if (versionProblems.length > 0) {
        if (!options.allowVersionSkew) {
            refuse(`etcd versions differ: ${versionProblems.join('; ')}`, `restore with the same etcd major.minor everywhere, or allow version skew on purpose`);
        }
        for (const p of versionProblems)
            warnings.push(`version skew allowed: ${p}`);
    }
    for (const m of members) {
        if (meta.etcd.totalSize > m.quotaBytes) {
            const message = `the snapshot's database (${(0,progress/* formatBytes */.z3)(meta.etcd.totalSize)}) is larger than etcd's quota on ${m.node} (${(0,progress/* formatBytes */.z3)(m.quotaBytes)}): it would start with a NOSPACE alarm`;
            if (!options.force)
                refuse(message, 'raise --quota-backend-bytes in etcd.yaml first, or force it');
            warnings.push(`forced: ${message}`);
        }
    }
    const live = await liveCluster(links[0], members[0]);
    if (live) {
        const uncovered = live.members
            .filter((m) => !names.includes(m.name))
            .map((m) => m.name || m.id.toString(16));
        if (uncovered.length > 0) {
            const message = `the running cluster has members no given node covers: ${uncovered.join(', ')}`;
            if (!options.force) {
                refuse(message, 'give every control-plane node (a restore replaces the whole cluster), or force it to drop them');
            }
            warnings.push(`forced: ${message}`);
        }
    }
    else {
        warnings.push('the running cluster did not answer; its members and revision were not checked');
    }
    const { bump, reason } = chooseBump(options.bump, meta.etcd.revision, live);
    const cannotBump = tools.find((t) => !(0,etcd_tools/* supportsBumpRevision */.Ef)(t.version));
    if (bump > 0 && cannotBump) {
        refuse(`${cannotBump.kind} ${cannotBump.version} cannot bump the revision (--bump-revision came in etcd 3.4.27 and 3.5.10)`, 'use newer etcd tools of the same minor version (--etcd-tools), or pass --bump-revision 0 to restore without a bump (Kubernetes watch caches may then see revisions go back)');
    }
    if (bump === 0)
        warnings.push('no revision bump: restart every Kubernetes client (kubelets, controllers, operators) after the restore');
    const initialCluster = members.flatMap((m) => m.peerUrls.map((u) => `${m.name}=${u}`)).join(',');
    return {
        backup: meta.name,
        restoreOn: place.on,
        restoreOnReason: place.reason,
        cluster: meta.cluster,
        snapshotRevision: meta.etcd.revision,
        snapshotVersion,
        toolsVersion: [...new Set(tools.map((t) => t.version))].join(', '),
        mode: options.mode,
        bump,
        bumpReason: reason,
        stamp,
        initialCluster,
        clusterToken: `etcd-restore-${stamp.toLowerCase()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
        members,
        live: live ? { revision: live.revision, members: live.members.map((m) => m.name) } : undefined,
        warnings,
    };
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
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ recoverCutRestore)
/* harmony export */ });
/* harmony import */ var _backup_members__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66005);
/* harmony import */ var _journal__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89417);
/* harmony import */ var _node_link__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3857);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29879);
/* harmony import */ var _restore__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17848);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_restore__WEBPACK_IMPORTED_MODULE_4__]);
_restore__WEBPACK_IMPORTED_MODULE_4__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];





/**
 * `restore --recover`: finds the journals a restore cut short left on these nodes (journal.ts) and rolls that
 * restore back the way a failed restore rolls back: old data dirs and manifests in place, etcd healthy, then
 * kube-apiserver. Nothing is deleted; the restored data that was swapped in is kept aside.
 */
async function recoverCutRestore(request) {
    const { log } = request;
    if (request.nodes.length === 0)
        throw new _plan__WEBPACK_IMPORTED_MODULE_3__/* .RestoreRefusedError */ .HI('no control-plane node given', 'name every node of the restore to recover');
    const links = request.nodes.map((n) => new _node_link__WEBPACK_IMPORTED_MODULE_2__/* .NodeLink */ .V(n, log));
    try {
        await Promise.all(links.map((l) => l.open()));
        const journals = await Promise.all(links.map((l) => (0,_journal__WEBPACK_IMPORTED_MODULE_1__/* .readJournal */ .a0)(l.session)));
        const found = links.flatMap((link, i) => (journals[i] ? [{ link, journal: journals[i] }] : []));
        if (found.length === 0) {
            log.info('no unfinished restore on these nodes: nothing to recover');
            return { backup: undefined, recovered: [] };
        }
        const first = found[0].journal;
        const other = found.find((f) => f.journal.stamp !== first.stamp);
        if (other)
            throw new _plan__WEBPACK_IMPORTED_MODULE_3__/* .RestoreRefusedError */ .HI(`the nodes hold journals of two different restores (${first.stamp} on ${found[0].link.target}, ${other.journal.stamp} on ${other.link.target})`, 'recover each restore with its own nodes (the journal names them), or check the nodes by hand');
        await (0,_restore__WEBPACK_IMPORTED_MODULE_4__/* .lockAll */ .jt)(found.map((f) => f.link), `cluster-${first.cluster}`, request);
        // A restore that was still running held the lock until now: only what is left after it counts.
        const stillThere = await Promise.all(found.map((f) => (0,_journal__WEBPACK_IMPORTED_MODULE_1__/* .readJournal */ .a0)(f.link.session)));
        const left = found.filter((_, i) => stillThere[i]?.stamp === first.stamp);
        if (left.length === 0) {
            log.info('the restore finished while this recovery waited for the lock: nothing to recover');
            return { backup: undefined, recovered: [] };
        }
        const without = links.filter((_, i) => !journals[i]).map((l) => l.target);
        if (without.length > 0)
            log.info(`no journal on ${without.join(', ')}: that node's part had not started or was already put back`);
        log.info(`recovering the restore of ${first.backup} started ${first.startedAt} on ${left.map((f) => f.link.target).join(', ')}: putting the old data and manifests back`);
        const plan = {
            stamp: first.stamp,
            members: await Promise.all(left.map(async ({ link, journal }) => memberOf(journal, link.target, await readTls(link, journal)))),
        };
        const problems = await (0,_restore__WEBPACK_IMPORTED_MODULE_4__/* .rollback */ .dU)(left.map((f) => f.link), plan, request);
        if (problems.length > 0)
            throw new _restore__WEBPACK_IMPORTED_MODULE_4__/* .RestoreFailedError */ .UM(`the recovery did not finish: ${problems.join('; ')}`, false, {
                hint: `the journals stay; fix the cause and run 'etcd-backup restore --recover' again`,
            });
        await Promise.all(left.map(async (f) => (0,_journal__WEBPACK_IMPORTED_MODULE_1__/* .removeJournal */ .Sw)(await f.link.live())));
        return { backup: first.backup, recovered: left.map((f) => f.link.target) };
    }
    finally {
        await Promise.all(links.map((l) => l.close().catch(() => { })));
    }
}
function readTls(link, journal) {
    return (0,_backup_members__WEBPACK_IMPORTED_MODULE_0__/* .readClientTls */ .Z$)(link.session, journal.member.certs);
}
function memberOf(journal, node, tls) {
    const { rewritten, certs: _paths, ...recorded } = journal.member;
    // The rewritten text itself is not needed to roll back, only whether there was one.
    return { ...recorded, node, tls, rewrittenManifest: rewritten ? '' : undefined };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 17848:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PF: () => (/* binding */ restore),
/* harmony export */   UM: () => (/* binding */ RestoreFailedError),
/* harmony export */   dU: () => (/* binding */ rollback),
/* harmony export */   jt: () => (/* binding */ lockAll)
/* harmony export */ });
/* unused harmony export RestoreInterruptedError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _backup_members__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66005);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _ssh__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74883);
/* harmony import */ var _util_private_temp__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70898);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65365);
/* harmony import */ var _fetch__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(43338);
/* harmony import */ var _journal__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(89417);
/* harmony import */ var _node_link__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3857);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(92317);
/* harmony import */ var _node_tools__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(58690);
/* harmony import */ var _on_node__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(27454);
/* harmony import */ var _plan__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(29879);
/* harmony import */ var _snapshot_restore__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(55403);
/* harmony import */ var _verify_keys__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(19578);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_fetch__WEBPACK_IMPORTED_MODULE_7__]);
_fetch__WEBPACK_IMPORTED_MODULE_7__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];
















class RestoreFailedError extends _errors__WEBPACK_IMPORTED_MODULE_3__/* .EtcdBackupError */ .Ld {
    rolledBack;
    constructor(message, rolledBack, options) {
        super(message, { ...options, exitCode: rolledBack ? 7 : 8 });
        this.rolledBack = rolledBack;
    }
}
class VerificationError extends _errors__WEBPACK_IMPORTED_MODULE_3__/* .EtcdBackupError */ .Ld {
}
async function dirSize(path) {
    let total = 0;
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path, { withFileTypes: true })) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, entry.name);
        total += entry.isDirectory() ? await dirSize(full) : (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(full)).size;
    }
    return total;
}
function describe(error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
/**
 * Puts a stored backup back into a kubeadm-style control plane: fetch and verify → plan (every node) →
 * restore each member's data dir on the runner and ship it next to its final place while the cluster still
 * runs → stop kube-apiserver, then etcd, everywhere → swap the data → start etcd, wait for a leader → verify
 * every key → start kube-apiserver. Anything that fails after the first stop puts every node back as it was.
 * Nothing is deleted: the old data dir stays, named with the time.
 */
async function restore(request) {
    const { log } = request;
    if (request.nodes.length === 0)
        throw new _plan__WEBPACK_IMPORTED_MODULE_13__/* .RestoreRefusedError */ .HI('no control-plane node given', 'name every control-plane node');
    const temp = (0,_util_private_temp__WEBPACK_IMPORTED_MODULE_5__/* .createPrivateTempDir */ .f)('etcd-restore-');
    const links = request.nodes.map((n) => new _node_link__WEBPACK_IMPORTED_MODULE_9__/* .NodeLink */ .V(n, log));
    const timings = {};
    let started = Date.now();
    try {
        notInterrupted(request.signal);
        const fetched = await (0,_fetch__WEBPACK_IMPORTED_MODULE_7__/* .fetchBackup */ .T)({
            store: request.store,
            selector: request.selector,
            ...(request.cluster ? { cluster: request.cluster } : {}),
            keys: request.keys,
            path: temp.file('snapshot.db'),
            log,
        });
        timings.fetch = Date.now() - started;
        timings['fetch.open'] = fetched.timingsMs.open;
        timings['fetch.verify'] = fetched.timingsMs.verify;
        notInterrupted(request.signal);
        started = Date.now();
        await Promise.all(links.map((l) => l.open()));
        await lockAll(links, `cluster-${request.cluster ?? fetched.metadata.cluster}`, request);
        await (0,_journal__WEBPACK_IMPORTED_MODULE_8__/* .refuseIfCutShort */ .YH)(links.map((l) => l.session));
        timings.connectAndLock = Date.now() - started;
        notInterrupted(request.signal);
        started = Date.now();
        const place = await choosePlace(links, fetched, request);
        const plan = await (0,_plan__WEBPACK_IMPORTED_MODULE_13__/* .makePlan */ .Cs)(links, fetched, place, {
            mode: request.mode ?? 'swap',
            ...(request.newDataDir ? { newDataDir: request.newDataDir } : {}),
            bump: request.bumpRevision ?? 'auto',
            allowVersionSkew: request.allowVersionSkew ?? false,
            force: request.force ?? false,
            ...(request.etcd ? { overrides: request.etcd } : {}),
            now: (request.now ?? (() => new Date()))(),
        }, log);
        for (const member of plan.members)
            request.onSecret?.(member.tls.key.toString('utf8'));
        timings.plan = Date.now() - started;
        // Before the first stop an interrupt changes nothing; whatever it broke (a killed etcdutl, a torn
        // copy) is reported as the interrupt it was.
        const interruptible = async (work) => {
            try {
                return await work;
            }
            catch (error) {
                notInterrupted(request.signal);
                throw error;
            }
        };
        started = Date.now();
        let localDirs = [];
        let restoredBytes;
        let neededBytes;
        if (place.on === 'runner') {
            localDirs = await interruptible(restoreLocally(plan, fetched, place.tools, request, temp.path));
            restoredBytes = await dirSize(localDirs[0]);
            neededBytes = restoredBytes;
            timings.restoreData = Date.now() - started;
        }
        else {
            // Restored: the snapshot's database plus etcd's preallocated 64 MiB WAL; the shipped copy sits next to
            // it until the tool is done.
            const snapshotBytes = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(fetched.path)).size;
            restoredBytes = snapshotBytes + 64 * 1024 ** 2;
            neededBytes = restoredBytes + snapshotBytes;
        }
        await checkSpace(links, plan, neededBytes);
        for (const line of (0,_plan__WEBPACK_IMPORTED_MODULE_13__/* .describePlan */ .df)(plan, restoredBytes))
            log.info(line);
        const report = {
            backup: plan.backup,
            dryRun: request.dryRun ?? false,
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
                oldManifestKeptAt: m.rewrittenManifest ? inHolding(m, m.etcdManifest) : undefined,
            })),
            restoredRevision: undefined,
            keys: undefined,
            warnings: plan.warnings,
            timingsMs: timings,
        };
        if (request.dryRun) {
            log.info('dry run: nothing was changed');
            return report;
        }
        notInterrupted(request.signal);
        await request.onStep?.('planned', plan);
        return await withJournals(links, plan, log, async () => {
            started = Date.now();
            report.bytesShipped = await interruptible(place.on === 'runner'
                ? ship(links, plan, localDirs, log)
                : restoreOnNodes(links, plan, fetched, request));
            timings[place.on === 'runner' ? 'ship' : 'shipAndRestoreOnNodes'] = Date.now() - started;
            // The restored copies on the runner are not needed any more; the snapshot stays for nothing either.
            temp.dispose();
            await request.onStep?.('shipped', plan);
            if (request.signal?.aborted) {
                await Promise.all(plan.members.map((m, i) => removeOurStaging(links[i].session, m.staging).catch(() => { })));
                notInterrupted(request.signal);
            }
            started = Date.now();
            try {
                const verified = await swapAndStart(links, plan, fetched, request, timings);
                report.restoredRevision = verified.revision;
                report.keys = verified.keys;
            }
            catch (error) {
                log.warn(`restore failed after the cluster was stopped: ${describe(error)}; rolling back`);
                const problems = await rollback(links, plan, request);
                if (problems.length > 0) {
                    throw new RestoreFailedError(`restore failed (${describe(error)}) and the rollback did not finish: ${problems.join('; ')}`, false, {
                        hint: `the old data dirs are kept (${plan.members.map((m) => m.aside ?? m.dataHostPath).join(', ')}) and the manifests wait in ${plan.members[0].holding}; once the cause is fixed, run 'etcd-backup restore --recover' with the same nodes to put them back`,
                        cause: error,
                    });
                }
                throw new RestoreFailedError(`restore failed and was rolled back: ${describe(error)}`, true, {
                    hint: 'the cluster runs on its old data again; nothing was lost. Fix the cause and run again',
                    cause: error,
                });
            }
            timings.swap = Date.now() - started;
            log.info(`restored ${plan.backup} to ${plan.members.length} member(s): revision ${report.restoredRevision}, ${report.keys?.restored} keys and their revisions equal to the snapshot's, ${report.keys?.valuesCompared} values compared`);
            return report;
        });
    }
    finally {
        await Promise.all(links.map((l) => l.close().catch(() => { })));
        temp.dispose();
    }
}
class RestoreInterruptedError extends _errors__WEBPACK_IMPORTED_MODULE_3__/* .EtcdBackupError */ .Ld {
}
/** Throws (before anything on the cluster changed) when the caller asked us to stop. */
function notInterrupted(signal) {
    if (!signal?.aborted)
        return;
    const reason = signal.reason instanceof Error ? signal.reason.message : 'interrupted';
    throw new RestoreFailedError(`restore ${reason} before anything on the cluster was changed`, true, {
        hint: 'nothing was changed; run again when ready',
    });
}
/** In the swap (after the first stop): an interrupt becomes a failure, which the caller rolls back. */
function stopIfInterrupted(signal) {
    if (!signal?.aborted)
        return;
    throw new RestoreInterruptedError(signal.reason instanceof Error ? signal.reason.message : 'interrupted');
}
/**
 * Takes the cluster's node lock on every node, in the order given (so two restores cannot deadlock). A busy
 * lock (a backup is running) is waited for, up to lockWaitSeconds, then the restore is refused untouched.
 */
async function lockAll(links, name, request) {
    const wait = Math.max(0, Math.round(request.lockWaitSeconds ?? 300));
    for (const link of links) {
        try {
            await link.lock(name, 0);
            continue;
        }
        catch (error) {
            if (!(error instanceof _ssh__WEBPACK_IMPORTED_MODULE_4__/* .RemoteLockBusyError */ .v7) || wait === 0)
                throw refusedForLock(error, wait);
            request.log.info(`${describe(error)}; waiting up to ${wait}s for it`);
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
    if (!(error instanceof _ssh__WEBPACK_IMPORTED_MODULE_4__/* .RemoteLockBusyError */ .v7))
        return error;
    return new _plan__WEBPACK_IMPORTED_MODULE_13__/* .RestoreRefusedError */ .HI(`${describe(error)}${waited > 0 ? `, still after waiting ${waited}s` : ''}; nothing was changed`, 'a backup or restore of this cluster is running; run again when it is done, or wait longer (--lock-wait / lock_wait)');
}
/**
 * Where `snapshot restore` runs. On the nodes only the snapshot travels (a data dir is the database plus a
 * 64 MiB WAL), but every node needs an etcdutl of the snapshot's major.minor; the runner's tools are found,
 * or downloaded, only when the restore runs there.
 */
async function choosePlace(links, fetched, request) {
    const want = request.restoreOn ?? 'auto';
    const version = fetched.metadata.etcd.version;
    let reason = 'asked for (restore on the runner)';
    if (want !== 'runner') {
        const needsBump = request.bumpRevision !== 0;
        const found = await Promise.all(links.map(async (link) => {
            try {
                return (0,_node_tools__WEBPACK_IMPORTED_MODULE_11__/* .matchingNodeTool */ .y)(await (0,_node_tools__WEBPACK_IMPORTED_MODULE_11__/* .probeNodeTools */ .M)(link.session), version, needsBump);
            }
            catch (error) {
                return { why: `its tools could not be listed (${describe(error)})` };
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
            throw new _plan__WEBPACK_IMPORTED_MODULE_13__/* .RestoreRefusedError */ .HI(`cannot restore on the nodes: ${missing.join('; ')}`, `put etcdutl ${version} (etcdctl on 3.4) in /usr/local/bin on every node, or restore on the runner (--restore-on runner / restore_on: runner)`);
        }
        reason = `not every node has a matching etcdutl (${missing.join('; ')})`;
    }
    const tools = typeof request.tools === 'function' ? await request.tools(version) : request.tools;
    if (!tools) {
        throw new _plan__WEBPACK_IMPORTED_MODULE_13__/* .RestoreRefusedError */ .HI(`no etcd tools to restore with on the runner (${reason})`, "give the etcd tools of the snapshot's version (--etcd-tools), or let the restore download them");
    }
    return { on: 'runner', reason, tools };
}
/**
 * On every node at once: ship the verified snapshot into a private dir next to the data dir, run the node's
 * own `snapshot restore` into the staging dir, and remove the shipped snapshot whatever happened (it holds
 * every Secret). If one node fails, the staging dirs already made are removed too. Returns the bytes sent.
 */
async function restoreOnNodes(links, plan, fetched, request) {
    const { log } = request;
    const results = await Promise.allSettled(plan.members.map(async (m, i) => {
        const session = links[i].session;
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .makeDir */ .gE)(session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(m.target));
        let sent = 0;
        try {
            sent = await (0,_on_node__WEBPACK_IMPORTED_MODULE_12__/* .shipSnapshot */ .Bx)(session, fetched.path, m.snapshotDir, log);
            log.info(`${m.node}: restoring ${m.name} with ${m.nodeTool.kind} ${m.nodeTool.version} on the node`);
            await (0,_on_node__WEBPACK_IMPORTED_MODULE_12__/* .restoreOnNode */ .q8)(session, m.nodeTool, m.owner, {
                snapshotPath: (0,_on_node__WEBPACK_IMPORTED_MODULE_12__/* .shippedSnapshotPath */ .JJ)(m.snapshotDir),
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
            await (0,_on_node__WEBPACK_IMPORTED_MODULE_12__/* .removeOurDir */ .Om)(await links[i].live(), m.snapshotDir).catch((error) => log.warn(`${m.node}: could not remove the shipped snapshot ${m.snapshotDir}: ${describe(error)}; remove it by hand, it holds every Secret`));
        }
        return sent;
    }));
    const failed = results.find((r) => r.status === 'rejected');
    if (!failed)
        return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
    await Promise.all(plan.members.map((m, i) => removeOurStaging(links[i].session, m.staging).catch(() => { })));
    throw failed.reason;
}
/** One `snapshot restore` per member, on the runner: same snapshot, same initial cluster, its own name. */
async function restoreLocally(plan, fetched, tools, request, tempDir) {
    const dirs = [];
    for (const [i, member] of plan.members.entries()) {
        const dataDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempDir, `member-${i}`);
        await (0,_snapshot_restore__WEBPACK_IMPORTED_MODULE_14__/* .restoreSnapshot */ .n)(tools, {
            snapshotPath: fetched.path,
            dataDir,
            name: member.name,
            initialAdvertisePeerUrls: member.peerUrls.join(','),
            initialCluster: plan.initialCluster,
            initialClusterToken: plan.clusterToken,
            bumpRevision: plan.bump,
            log: request.log,
            ...(request.signal ? { signal: request.signal } : {}),
        });
        dirs.push(dataDir);
    }
    return dirs;
}
async function checkSpace(links, plan, restoredBytes) {
    // The old data dir stays, so the restored one needs room of its own; 10% slack for the filesystem.
    const needed = Math.ceil(restoredBytes * 1.1);
    await Promise.all(plan.members.map(async (m, i) => {
        const free = await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .freeBytes */ .go)(links[i].session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(m.target));
        if (free < needed) {
            throw new _plan__WEBPACK_IMPORTED_MODULE_13__/* .RestoreRefusedError */ .HI(`not enough free space for the restored data dir on ${m.node}: ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z3)(free)} free next to ${m.target}, ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_6__/* .formatBytes */ .z3)(needed)} needed`, 'free space on that filesystem (the old data dir is kept, so both must fit), or restore to another one with --mode new-dir');
        }
    }));
}
async function removeOurStaging(session, staging) {
    await (0,_on_node__WEBPACK_IMPORTED_MODULE_12__/* .removeOurDir */ .Om)(session, staging);
}
/**
 * Ships every member's restored dir next to its final place; if one fails, removes the copies already made.
 * Returns the bytes sent.
 */
async function ship(links, plan, localDirs, log) {
    const results = await Promise.allSettled(plan.members.map(async (m, i) => {
        const session = links[i].session;
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .makeDir */ .gE)(session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(m.target));
        return (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .shipDir */ ._H)(session, localDirs[i], m.staging, m.owner, log);
    }));
    const failed = results.find((r) => r.status === 'rejected');
    if (!failed)
        return results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
    await Promise.all(plan.members.map((m, i) => removeOurStaging(links[i].session, m.staging).catch(() => { })));
    throw failed.reason;
}
const inHolding = (m, manifest) => node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(m.holding, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(manifest));
async function stopPod(session, m, manifest, program, port, timeoutMs, signal) {
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, manifest, inHolding(m, manifest));
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .waitUntilGone */ .Ly)(session, program, {
        ...(port ? { port } : {}),
        timeoutMs,
        ...(signal ? { signal } : {}),
    });
}
async function swapAndStart(links, plan, fetched, request, timings) {
    const { log } = request;
    let since = Date.now();
    const lap = (name) => {
        timings[name] = Date.now() - since;
        since = Date.now();
    };
    const stopMs = request.timeouts?.stopMs ?? 90_000;
    const each = (fn) => Promise.all(plan.members.map((m, i) => fn(links[i].session, m)));
    const signal = request.signal;
    log.info('stopping kube-apiserver on every node, then etcd');
    await each(async (session, m) => {
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .makeDir */ .gE)(session, m.holding);
        if (m.apiServerManifest)
            await stopPod(session, m, m.apiServerManifest, 'kube-apiserver', undefined, stopMs, signal);
    });
    stopIfInterrupted(signal);
    await each((session, m) => stopPod(session, m, m.etcdManifest, 'etcd', m.clientPort, stopMs, signal));
    lap('swap.stop');
    await request.onStep?.('stopped', plan);
    stopIfInterrupted(signal);
    await each(async (session, m) => {
        if (m.aside)
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, m.dataHostPath, m.aside);
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, m.staging, m.target);
    });
    lap('swap.moveData');
    await request.onStep?.('swapped', plan);
    stopIfInterrupted(signal);
    log.info('starting etcd on every node');
    await each(async (session, m) => {
        if (m.rewrittenManifest) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .writeFileAtomically */ .lo)(session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(m.holding, `.${node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(m.etcdManifest)}.new`), m.rewrittenManifest);
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(m.holding, `.${node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(m.etcdManifest)}.new`), m.etcdManifest);
        }
        else {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, inHolding(m, m.etcdManifest), m.etcdManifest);
        }
    });
    const connections = await waitForHealthyCluster(links, plan, request.timeouts?.startMs ?? 120_000, log, signal);
    lap('swap.startEtcd');
    try {
        await request.onStep?.('started', plan);
        stopIfInterrupted(signal);
        // Verify before kube-apiserver writes anything, so the comparison is exact and a rollback loses nothing.
        const verified = await verifyRestored(connections[0], plan, fetched);
        lap('swap.verify');
        // The last point at which an interrupt rolls back: after this kube-apiserver may write to the new data.
        stopIfInterrupted(signal);
        log.info('etcd verified; starting kube-apiserver');
        await each(async (session, m) => {
            if (!m.apiServerManifest)
                return;
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, inHolding(m, m.apiServerManifest), m.apiServerManifest);
        });
        await each(async (session, m) => {
            if (m.apiServerManifest && !(await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .waitUntilRunning */ .RF)(session, 'kube-apiserver', 60_000)))
                log.warn(`kube-apiserver has not started on ${m.node} within 60s; check the kubelet`);
        });
        lap('swap.startApiServer');
        if (request.restartControllers)
            await bounceControllers(links, plan, stopMs, log);
        await each(async (session, m) => {
            if (!m.rewrittenManifest)
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .removeEmptyDir */ .v7)(session, m.holding);
        });
        return verified;
    }
    finally {
        await Promise.all(connections.map((c) => c.close()));
    }
}
async function bounceControllers(links, plan, stopMs, log) {
    await Promise.all(plan.members.map(async (m, i) => {
        const session = links[i].session;
        for (const manifest of m.controllerManifests) {
            const program = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(manifest).replace(/\.(ya?ml|json)$/, '');
            try {
                await stopPod(session, m, manifest, program, undefined, stopMs);
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, inHolding(m, manifest), manifest);
            }
            catch (error) {
                log.warn(`could not restart ${program} on ${m.node}: ${describe(error)}`);
            }
        }
    }));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Waits until every member answers through its own node and all agree on one leader and the planned members. */
async function waitForHealthyCluster(links, plan, timeoutMs, log, signal) {
    const deadline = Date.now() + timeoutMs;
    const connections = plan.members.map(() => undefined);
    let last = '';
    try {
        for (;;) {
            try {
                const statuses = await Promise.all(plan.members.map(async (m, i) => {
                    connections[i] ??= await (0,_backup_members__WEBPACK_IMPORTED_MODULE_2__/* .connectThroughNode */ .eZ)(await links[i].live(), m.clientUrl, m.tls);
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
                    log.info(`etcd is back: ${plan.members.length} member(s), leader ${statuses[0].leader.toString(16)}`);
                    return connections;
                }
                last = 'the members do not agree on a leader yet';
            }
            catch (error) {
                last = describe(error);
            }
            if (Date.now() > deadline) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .EtcdBackupError */ .Ld(`etcd did not come back with a leader within ${Math.round(timeoutMs / 1000)}s: ${last}`);
            }
            stopIfInterrupted(signal);
            // etcd answers within a few hundred ms of being up; a longer pause is only time the cluster is down.
            await sleep(150);
        }
    }
    catch (error) {
        await Promise.all(connections.map((c) => c?.close()));
        throw error;
    }
}
async function verifyRestored(connection, plan, fetched) {
    const client = connection.client;
    const [status, members] = await Promise.all([client.status(), client.memberList()]);
    const problems = [];
    const expectedRevision = plan.snapshotRevision + plan.bump;
    if (Number(status.revision) < expectedRevision)
        problems.push(`revision ${status.revision} is below the snapshot's ${plan.snapshotRevision} + bump ${plan.bump}`);
    const want = plan.members.map((m) => `${m.name}=${[...m.peerUrls].sort().join(',')}`).sort();
    const got = members.map((m) => `${m.name}=${[...m.peerURLs].sort().join(',')}`).sort();
    if (want.join(' ') !== got.join(' '))
        problems.push(`members are ${got.join(' ')}, planned ${want.join(' ')}`);
    const live = fetched.analysis.liveKeys;
    if (!live)
        throw new VerificationError('the snapshot has no key inventory to compare with');
    const keys = await (0,_verify_keys__WEBPACK_IMPORTED_MODULE_15__/* .compareKeysWithSnapshot */ .u)(client, live);
    if (keys.missing || keys.unexpected || keys.changed)
        problems.push(`keys differ from the snapshot: ${keys.missing} missing, ${keys.unexpected} unexpected, ${keys.changed} changed`);
    if (problems.length > 0)
        throw new VerificationError(`the restored cluster is not what was planned: ${problems.join('; ')}`);
    return { revision: Number(status.revision), keys };
}
/**
 * Runs the part of a restore that changes the nodes with a journal on every node (see journal.ts): written
 * before anything is shipped, removed when the restore is done, refused or rolled back. A rollback that did
 * not finish leaves them for `restore --recover`.
 */
async function withJournals(links, plan, log, work) {
    const written = await Promise.allSettled(plan.members.map((m, i) => (0,_journal__WEBPACK_IMPORTED_MODULE_8__/* .writeJournal */ .fY)(links[i].session, (0,_journal__WEBPACK_IMPORTED_MODULE_8__/* .journalOf */ .PR)(plan, m, m.certFiles))));
    const failed = written.find((r) => r.status === 'rejected');
    if (failed) {
        await Promise.all(links.map((l) => (0,_journal__WEBPACK_IMPORTED_MODULE_8__/* .removeJournal */ .Sw)(l.session).catch(() => { })));
        throw new RestoreFailedError(`restore stopped before anything on the cluster was changed: ${describe(failed.reason)}`, true, { hint: 'nothing was changed; check the node (is /var/lib writable, is its disk full?) and run again' });
    }
    let keep = false;
    try {
        return await work();
    }
    catch (error) {
        keep = error instanceof RestoreFailedError && !error.rolledBack;
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
            await (0,_journal__WEBPACK_IMPORTED_MODULE_8__/* .removeJournal */ .Sw)(await link.live());
        }
        catch (error) {
            log.warn(`${link.target}: could not remove ${_journal__WEBPACK_IMPORTED_MODULE_8__/* .JOURNAL_PATH */ .ip} (${describe(error)}); remove it by hand, or the next backup will refuse`);
        }
    }));
}
async function rollback(links, plan, request) {
    const { log } = request;
    const stopMs = request.timeouts?.stopMs ?? 90_000;
    const problems = [];
    const sessions = [];
    await Promise.all(plan.members.map(async (m, i) => {
        try {
            sessions[i] = await links[i].live();
            await rollbackNode(sessions[i], m, plan, stopMs, log);
        }
        catch (error) {
            problems.push(`${m.node}: ${describe(error)}`);
        }
    }));
    if (problems.length > 0)
        return problems;
    try {
        const connections = await waitForHealthyCluster(links, plan, request.timeouts?.startMs ?? 120_000, log);
        await Promise.all(connections.map((c) => c.close()));
    }
    catch (error) {
        problems.push(`the old cluster did not come back: ${describe(error)}`);
    }
    await Promise.all(plan.members.map(async (m, i) => {
        try {
            if (m.apiServerManifest)
                await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(sessions[i], inHolding(m, m.apiServerManifest), m.apiServerManifest, {
                    ifPresent: true,
                });
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .removeEmptyDir */ .v7)(sessions[i], m.holding);
        }
        catch (error) {
            problems.push(`${m.node}: ${describe(error)}`);
        }
    }));
    if (problems.length === 0)
        log.info('rolled back: the cluster runs on its old data');
    return problems;
}
async function rollbackNode(session, m, plan, stopMs, log) {
    const held = inHolding(m, m.etcdManifest);
    const there = await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .existing */ .gT)(session, [m.etcdManifest, held, m.aside ?? '', m.staging, m.snapshotDir, m.target].filter(Boolean));
    // Stop etcd if it runs on what we put there; if it was never stopped, it still runs on the old data.
    let stopped = there.has(held);
    if (there.has(m.etcdManifest)) {
        if (m.aside && there.has(m.aside) && !there.has(held)) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, m.etcdManifest, held);
            stopped = true;
        }
        else if (m.rewrittenManifest !== undefined && there.has(held)) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, m.etcdManifest, `${held}.restored-${plan.stamp}`);
        }
    }
    if (stopped)
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .waitUntilGone */ .Ly)(session, 'etcd', { port: m.clientPort, timeoutMs: stopMs });
    if (m.aside && there.has(m.aside)) {
        if ((await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .existing */ .gT)(session, [m.dataHostPath])).size > 0) {
            await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, m.dataHostPath, `${m.dataHostPath}.failed-restore-${plan.stamp}`);
        }
        await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, m.aside, m.dataHostPath);
        log.info(`${m.node}: old data dir back at ${m.dataHostPath}`);
    }
    if (there.has(m.staging))
        await removeOurStaging(session, m.staging);
    if (there.has(m.snapshotDir))
        await (0,_on_node__WEBPACK_IMPORTED_MODULE_12__/* .removeOurDir */ .Om)(session, m.snapshotDir);
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_10__/* .move */ .Cy)(session, held, m.etcdManifest, { ifPresent: true });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ })

};
