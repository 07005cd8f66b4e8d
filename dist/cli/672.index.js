import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 672;
export const ids = [672];
export const modules = {

/***/ 70672:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   drill: () => (/* binding */ drill)
/* harmony export */ });
/* harmony import */ var _drill_drill__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55948);
/* harmony import */ var _store_catalog__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(754);
/* harmony import */ var _store_cli_options__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41913);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29906);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3567);
/* harmony import */ var _etcd_tool_options__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26111);
/* harmony import */ var _opening_keys__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(37271);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_drill_drill__WEBPACK_IMPORTED_MODULE_0__]);
_drill_drill__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];







const HELP = `usage: etcd-backup drill --store S [--identity FILE] [--etcd-tools DIR | --download-etcd] [--cluster C] [--json]
                          [latest|NAME|ISO-TIME]

Proves a stored backup restores, without touching the cluster: fetches and verifies it, restores it with the
etcd tools into a scratch dir, boots a throw-away etcd on loopback, reads every key back and compares it with
the snapshot. Exit 0 when everything came back; 5 when it did not.

${_store_cli_options__WEBPACK_IMPORTED_MODULE_2__/* .STORE_HELP */ .UJ}
${_opening_keys__WEBPACK_IMPORTED_MODULE_6__/* .OPENING_KEYS_HELP */ .qh}
  --etcd-tools DIR  folder with etcd and etcdutl (or etcdctl for 3.4) of the backup's version (default: PATH)
  --download-etcd   when PATH has no etcd tools of the backup's major.minor, download etcd's release of the
                    exact version, check it against its SHA256SUMS and keep it in the tool cache; off by default
  --etcd-download-url U  base URL of etcd's releases (default https://github.com/etcd-io/etcd/releases/download;
                    https, or http to loopback only)
  --allow-version-skew   restore with tools of another etcd minor version than the backup's
  --cluster C       only this cluster's backups
  --json            the report as JSON on stdout`;
const drill = {
    async run(argv) {
        const { values, positionals } = (0,_command__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Q)(argv, {
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_2__/* .STORE_OPTIONS */ .n0,
            ..._opening_keys__WEBPACK_IMPORTED_MODULE_6__/* .openingKeyOptionSpec */ .c3,
            ..._etcd_tool_options__WEBPACK_IMPORTED_MODULE_5__/* .etcdToolOptionSpec */ .t,
            'allow-version-skew': { type: 'boolean' },
            cluster: { type: 'string' },
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        });
        if (values.help) {
            console.log(HELP);
            return 0;
        }
        const report = await (0,_drill_drill__WEBPACK_IMPORTED_MODULE_0__/* .drill */ .E)({
            store: (0,_store_cli_options__WEBPACK_IMPORTED_MODULE_2__/* .storeFromOptions */ .o1)(values),
            selector: (0,_store_catalog__WEBPACK_IMPORTED_MODULE_1__/* .parseSelector */ .Pl)(positionals[0] ?? 'latest'),
            ...(values.cluster ? { cluster: values.cluster } : {}),
            keys: (0,_opening_keys__WEBPACK_IMPORTED_MODULE_6__/* .openingKeysFrom */ .LY)(values),
            tools: (0,_etcd_tool_options__WEBPACK_IMPORTED_MODULE_5__/* .etcdToolsFrom */ .y)(values),
            allowVersionSkew: values['allow-version-skew'] ?? false,
            log: _util_log__WEBPACK_IMPORTED_MODULE_3__/* .stderrLogger */ .D,
        });
        if (values.json)
            console.log(JSON.stringify(report, null, 2));
        else {
            console.log(`PASS ${report.backup}: ${report.restoredKeys} of ${report.expectedKeys} keys restored with etcd ${report.toolsVersion}, revision ${report.restoredRevision}`);
        }
        return 0;
    },
};

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 55948:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ drill)
/* harmony export */ });
/* unused harmony export DrillFailedError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _restore_etcd_tools__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80151);
/* harmony import */ var _restore_fetch__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43338);
/* harmony import */ var _restore_snapshot_restore__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(55403);
/* harmony import */ var _restore_verify_keys__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19578);
/* harmony import */ var _snapshot__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94976);
/* harmony import */ var _util_private_temp__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(70898);
/* harmony import */ var _scratch_etcd__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(78790);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_restore_fetch__WEBPACK_IMPORTED_MODULE_3__, _snapshot__WEBPACK_IMPORTED_MODULE_6__]);
([_restore_fetch__WEBPACK_IMPORTED_MODULE_3__, _snapshot__WEBPACK_IMPORTED_MODULE_6__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);









class DrillFailedError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld {
    report;
    constructor(message, report) {
        super(message, {
            hint: 'this backup would not restore as stored; keep older backups and investigate',
            exitCode: 5,
        });
        this.report = report;
    }
}
/**
 * Proves a stored backup restores, without touching the cluster: fetch and verify it, restore it with the etcd
 * tools into a scratch dir on the runner, boot a throw-away single-member etcd on loopback, read every key back
 * and compare it with the snapshot's own live keys. Everything is torn down afterwards.
 */
async function drill(request) {
    const { log } = request;
    const temp = (0,_util_private_temp__WEBPACK_IMPORTED_MODULE_7__/* .createPrivateTempDir */ .f)('etcd-drill-');
    const timings = {};
    try {
        let started = Date.now();
        const fetched = await (0,_restore_fetch__WEBPACK_IMPORTED_MODULE_3__/* .fetchBackup */ .T)({
            store: request.store,
            selector: request.selector,
            ...(request.cluster ? { cluster: request.cluster } : {}),
            keys: request.keys,
            path: temp.file('snapshot.db'),
            log,
        });
        timings.fetch = Date.now() - started;
        const metadata = fetched.metadata;
        const tools = typeof request.tools === 'function' ? await request.tools(metadata.etcd.version) : request.tools;
        checkVersions(metadata.etcd.version, tools, request.allowVersionSkew ?? false);
        const live = fetched.analysis.liveKeys;
        if (!live)
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld(`${metadata.name}: the snapshot's keys could not be read`);
        started = Date.now();
        const peerUrl = `http://127.0.0.1:${await (0,_scratch_etcd__WEBPACK_IMPORTED_MODULE_8__/* .freeLoopbackPort */ .Tb)()}`;
        const dataDir = temp.file('data');
        await (0,_restore_snapshot_restore__WEBPACK_IMPORTED_MODULE_4__/* .restoreSnapshot */ .n)(tools, {
            snapshotPath: fetched.path,
            dataDir,
            name: 'drill',
            initialAdvertisePeerUrls: peerUrl,
            initialCluster: `drill=${peerUrl}`,
            initialClusterToken: `drill-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`,
            log,
        });
        timings.restore = Date.now() - started;
        started = Date.now();
        const etcd = await (0,_scratch_etcd__WEBPACK_IMPORTED_MODULE_8__/* .startScratchEtcd */ .to)(tools, {
            dataDir,
            name: 'drill',
            peerUrl,
            quotaBackendBytes: Math.max(2 * 1024 ** 3, (metadata.etcd.totalSize ?? 0) * 2),
        });
        timings.boot = Date.now() - started;
        started = Date.now();
        let comparison;
        try {
            comparison = await (0,_restore_verify_keys__WEBPACK_IMPORTED_MODULE_5__/* .compareWithSnapshot */ .C)(etcd.client, live);
        }
        finally {
            await etcd.stop();
        }
        timings.readBack = Date.now() - started;
        const { restored: restoredKeys, missing, unexpected, changed, revision: restoredRevision } = comparison;
        const reasons = [];
        if (missing)
            reasons.push(`${missing} keys of the snapshot did not come back`);
        if (unexpected)
            reasons.push(`${unexpected} keys came back that the snapshot does not hold`);
        if (changed)
            reasons.push(`${changed} values came back different`);
        if (Number(restoredRevision) !== metadata.etcd.revision) {
            reasons.push(`the restored etcd is at revision ${restoredRevision}, the backup at ${metadata.etcd.revision}`);
        }
        const report = {
            backup: metadata.name,
            cluster: metadata.cluster,
            revision: metadata.etcd.revision,
            backupEtcdVersion: metadata.etcd.version,
            toolsVersion: tools.version,
            expectedKeys: comparison.expected,
            restoredKeys,
            missing,
            unexpected,
            changed,
            restoredRevision: Number(restoredRevision),
            inventory: (0,_snapshot__WEBPACK_IMPORTED_MODULE_6__/* .buildInventory */ .Rs)(live),
            verdict: reasons.length ? 'fail' : 'pass',
            reasons,
            timingsMs: timings,
        };
        if (report.verdict === 'fail')
            throw new DrillFailedError(`drill of ${metadata.name} failed: ${reasons.join('; ')}`, report);
        log.info(`drill of ${metadata.name}: ${restoredKeys} keys restored and read back, all equal to the snapshot`);
        return report;
    }
    finally {
        temp.dispose();
    }
}
function checkVersions(backupVersion, tools, allowSkew) {
    if ((0,_restore_etcd_tools__WEBPACK_IMPORTED_MODULE_2__/* .minorOf */ .Hs)(backupVersion) === (0,_restore_etcd_tools__WEBPACK_IMPORTED_MODULE_2__/* .minorOf */ .Hs)(tools.version) || allowSkew)
        return;
    throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld(`the backup was taken from etcd ${backupVersion} but the tools on this runner are ${tools.version}`, {
        hint: `use etcd ${(0,_restore_etcd_tools__WEBPACK_IMPORTED_MODULE_2__/* .minorOf */ .Hs)(backupVersion)}.x tools (same major.minor), or allow version skew on purpose`,
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 78790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tb: () => (/* binding */ freeLoopbackPort),
/* harmony export */   to: () => (/* binding */ startScratchEtcd)
/* harmony export */ });
/* unused harmony export ScratchEtcdError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _etcd_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53974);




class ScratchEtcdError extends _errors__WEBPACK_IMPORTED_MODULE_2__/* .EtcdBackupError */ .Ld {
}
function freeLoopbackPort() {
    return new Promise((resolve, reject) => {
        const server = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
async function stopProcess(child) {
    if (child.exitCode !== null || child.signalCode !== null)
        return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
}
/**
 * Boots a throw-away single-member etcd on loopback from a restored data dir (plain HTTP: nothing leaves the
 * machine) and waits until it serves reads. The member name and peer URL must be those it was restored with.
 */
async function startScratchEtcd(tools, options) {
    const clientPort = await freeLoopbackPort();
    const clientUrl = `http://127.0.0.1:${clientPort}`;
    const peer = new URL(options.peerUrl);
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(tools.etcd, [
        `--name=${options.name}`,
        `--data-dir=${options.dataDir}`,
        `--listen-client-urls=${clientUrl}`,
        `--advertise-client-urls=${clientUrl}`,
        `--listen-peer-urls=http://127.0.0.1:${peer.port}`,
        `--initial-advertise-peer-urls=${options.peerUrl}`,
        '--log-level=warn',
        ...(options.quotaBackendBytes ? [`--quota-backend-bytes=${options.quotaBackendBytes}`] : []),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => {
        log = (log + d.toString('utf8')).slice(-16 * 1024);
    });
    const address = `127.0.0.1:${clientPort}`;
    const client = _etcd_client__WEBPACK_IMPORTED_MODULE_3__/* .EtcdClient */ .iY.connect({ address, callTimeoutMs: 2_000 });
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    try {
        for (;;) {
            if (child.exitCode !== null) {
                throw new ScratchEtcdError(`the scratch etcd exited (code ${child.exitCode}): ${lastLine(log)}`);
            }
            try {
                await client.range('health-probe', { countOnly: true });
                break;
            }
            catch (error) {
                if (Date.now() > deadline) {
                    throw new ScratchEtcdError(`the scratch etcd did not serve within the timeout: ${lastLine(log) || error.message}`);
                }
                await new Promise((r) => setTimeout(r, 200));
            }
        }
    }
    catch (error) {
        client.close();
        await stopProcess(child);
        throw error;
    }
    return {
        address,
        client,
        stop: async () => {
            client.close();
            await stopProcess(child);
        },
    };
}
function lastLine(text) {
    return text.trim().split('\n').filter(Boolean).pop() ?? '';
}


/***/ })

};
