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
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91084);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44502);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29906);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3567);
/* harmony import */ var _json_option__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54218);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_drill_drill__WEBPACK_IMPORTED_MODULE_0__, _options__WEBPACK_IMPORTED_MODULE_2__, _command__WEBPACK_IMPORTED_MODULE_4__, _json_option__WEBPACK_IMPORTED_MODULE_5__]);
([_drill_drill__WEBPACK_IMPORTED_MODULE_0__, _options__WEBPACK_IMPORTED_MODULE_2__, _command__WEBPACK_IMPORTED_MODULE_4__, _json_option__WEBPACK_IMPORTED_MODULE_5__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);






const OUTPUT_JSON = (0,_json_option__WEBPACK_IMPORTED_MODULE_5__/* .jsonOption */ .E)('the report as JSON on stdout');
const drill = (0,_command__WEBPACK_IMPORTED_MODULE_4__/* .defineCommand */ .N)({
    name: 'drill',
    usage: [
        '--store S [--identity FILE] [--etcd-tools DIR | --download-etcd] [options] [latest|NAME|ISO-TIME]',
    ],
    about: `Proves a stored backup restores, without touching the cluster: fetches and verifies it, restores it with the
etcd tools into a scratch dir, boots a throw-away etcd on loopback, reads every key back and compares it with
the snapshot.`,
    exitCodes: [_exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.done, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.failed, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.badInput, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.verificationFailed, _exit_codes__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.drillFailed],
    positionals: 1,
    sections: [
        {
            title: 'Store',
            options: [_options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.store, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.repository, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.githubToken, ..._options__WEBPACK_IMPORTED_MODULE_2__/* .S3_READ */ .iG, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.runId, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.cluster],
        },
        { title: 'Keys', options: [_options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.identity, _options__WEBPACK_IMPORTED_MODULE_2__/* .ENVELOPE */ .Pr.passphrase] },
        {
            title: 'etcd tools on this machine',
            options: [_options__WEBPACK_IMPORTED_MODULE_2__/* .ETCD_TOOLS */ .tx.dir, _options__WEBPACK_IMPORTED_MODULE_2__/* .ETCD_TOOLS */ .tx.download, _options__WEBPACK_IMPORTED_MODULE_2__/* .ETCD_TOOLS */ .tx.downloadUrl, _options__WEBPACK_IMPORTED_MODULE_2__/* .RESTORE */ .zN.allowVersionSkew],
        },
        { title: 'Output', options: [OUTPUT_JSON] },
    ],
}, async ({ values, positionals }) => {
    const selector = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .selectorFrom */ .qs)(values, positionals[0]);
    const keys = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .openingKeysFrom */ .LY)(values);
    const tools = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .etcdToolsFrom */ .yp)(values, _util_log__WEBPACK_IMPORTED_MODULE_3__/* .stderrLogger */ .D);
    const cluster = (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .read */ .LF)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .STORE */ .er.cluster);
    const report = await (0,_drill_drill__WEBPACK_IMPORTED_MODULE_0__/* .drill */ .E)({
        store: (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .storeFrom */ .O5)(values, { writes: false }),
        selector,
        ...(cluster ? { cluster } : {}),
        keys,
        tools,
        allowVersionSkew: (0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, _options__WEBPACK_IMPORTED_MODULE_2__/* .RESTORE */ .zN.allowVersionSkew),
        log: _util_log__WEBPACK_IMPORTED_MODULE_3__/* .stderrLogger */ .D,
    });
    if ((0,_options__WEBPACK_IMPORTED_MODULE_2__/* .isOn */ .Mp)(values, OUTPUT_JSON))
        console.log(JSON.stringify(report, null, 2));
    else {
        console.log(`PASS ${report.backup}: ${report.restoredKeys} of ${report.expectedKeys} live keys restored with etcd ${report.toolsVersion}, revision ${report.restoredRevision}`);
        const files = report.controlPlane;
        if (files) {
            console.log(`control-plane files of ${files.nodes.join(', ')}: ${files.files} open, ${files.certificates.length} certificates chain to their CA and have not expired`);
            for (const warning of files.warnings)
                console.log(`warning: certificate ${warning}`);
        }
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
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91084);
/* harmony import */ var _options_naming__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38412);
/* harmony import */ var _pki_drill_check__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16925);
/* harmony import */ var _restore_compare_keys__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(75018);
/* harmony import */ var _restore_etcd_tools__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80151);
/* harmony import */ var _restore_fetch__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(43338);
/* harmony import */ var _restore_snapshot_restore__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(55403);
/* harmony import */ var _snapshot__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(94976);
/* harmony import */ var _util_private_temp__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(70898);
/* harmony import */ var _util_timings__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(72427);
/* harmony import */ var _scratch_etcd__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(78790);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_restore_fetch__WEBPACK_IMPORTED_MODULE_7__, _snapshot__WEBPACK_IMPORTED_MODULE_9__]);
([_restore_fetch__WEBPACK_IMPORTED_MODULE_7__, _snapshot__WEBPACK_IMPORTED_MODULE_9__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);













class DrillFailedError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld {
    report;
    constructor(message, report) {
        super(message, {
            hint: 'this backup would not restore as stored; keep older backups and investigate',
            exitCode: _exit_codes__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.drillFailed,
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
    const temp = (0,_util_private_temp__WEBPACK_IMPORTED_MODULE_10__/* .createPrivateTempDir */ .f)('etcd-drill-');
    const timings = new _util_timings__WEBPACK_IMPORTED_MODULE_12__/* .Timings */ .M();
    const timed = timings.time.bind(timings);
    try {
        const fetched = await timed('fetch', () => (0,_restore_fetch__WEBPACK_IMPORTED_MODULE_7__/* .fetchBackup */ .T)({ ...request, path: temp.file('snapshot.db') }));
        const metadata = fetched.metadata;
        const tools = typeof request.tools === 'function' ? await request.tools(metadata.etcd.version) : request.tools;
        checkVersions(metadata.etcd.version, tools, request.allowVersionSkew ?? false);
        const controlPlane = await (0,_pki_drill_check__WEBPACK_IMPORTED_MODULE_4__/* .drillControlPlaneFiles */ .u)(metadata, fetched.controlPlaneSealed, request.keys, log);
        const live = fetched.analysis.liveKeys;
        if (!live)
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld(`${metadata.name}: the snapshot's keys could not be read`);
        const peerUrl = `http://127.0.0.1:${await (0,_scratch_etcd__WEBPACK_IMPORTED_MODULE_11__/* .freeLoopbackPort */ .Tb)()}`;
        const dataDir = temp.file('data');
        await timed('restore', () => (0,_restore_snapshot_restore__WEBPACK_IMPORTED_MODULE_8__/* .restoreSnapshot */ .n)(tools, {
            snapshotPath: fetched.path,
            dataDir,
            name: 'drill',
            initialAdvertisePeerUrls: peerUrl,
            initialCluster: `drill=${peerUrl}`,
            initialClusterToken: `drill-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`,
            log,
        }));
        const quotaBackendBytes = Math.max(2 * 1024 ** 3, (metadata.etcd.totalSize ?? 0) * 2);
        const etcd = await timed('boot', () => (0,_scratch_etcd__WEBPACK_IMPORTED_MODULE_11__/* .startScratchEtcd */ .to)(tools, { dataDir, name: 'drill', peerUrl, quotaBackendBytes }));
        const comparison = await timed('readBack', () => (0,_restore_compare_keys__WEBPACK_IMPORTED_MODULE_5__/* .compareWithSnapshot */ .C)(etcd.client, live).finally(() => etcd.stop()));
        return judge(metadata, tools, { inventory: (0,_snapshot__WEBPACK_IMPORTED_MODULE_9__/* .buildInventory */ .Rs)(live), controlPlane }, comparison, timings.record, log);
    }
    finally {
        temp.dispose();
    }
}
/** Pass when every key came back equal and at the backup's revision; a failure throws with the report. */
function judge(metadata, tools, found, comparison, timings, log) {
    const { restored: restoredKeys, missing, unexpected, changed, revision: restoredRevision } = comparison;
    const { inventory, controlPlane } = found;
    const reasons = [...(controlPlane?.failures ?? [])];
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
        inventory,
        verdict: reasons.length ? 'fail' : 'pass',
        reasons,
        ...(controlPlane ? { controlPlane } : {}),
        timingsMs: timings,
    };
    if (report.verdict === 'fail')
        throw new DrillFailedError(`drill of ${metadata.name} failed: ${reasons.join('; ')}`, report);
    log.info(`drill of ${metadata.name}: ${restoredKeys} keys restored and read back, all equal to the snapshot` +
        (controlPlane ? `; ${controlPlane.certificates.length} certificates valid and chained` : ''));
    return report;
}
function checkVersions(backupVersion, tools, allowSkew) {
    if ((0,_restore_etcd_tools__WEBPACK_IMPORTED_MODULE_6__/* .minorOf */ .Hs)(backupVersion) === (0,_restore_etcd_tools__WEBPACK_IMPORTED_MODULE_6__/* .minorOf */ .Hs)(tools.version) || allowSkew)
        return;
    throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld(`the backup was taken from etcd ${backupVersion} but the tools on this runner are ${tools.version}`, {
        hint: `name a folder of etcd ${(0,_restore_etcd_tools__WEBPACK_IMPORTED_MODULE_6__/* .minorOf */ .Hs)(backupVersion)}.x tools with ${(0,_options_naming__WEBPACK_IMPORTED_MODULE_3__/* .optionName */ .fS)('etcdTools')}, or let ${(0,_options_naming__WEBPACK_IMPORTED_MODULE_3__/* .optionName */ .fS)('downloadEtcd')} fetch them, or allow version skew on purpose (${(0,_options_naming__WEBPACK_IMPORTED_MODULE_3__/* .optionName */ .fS)('allowVersionSkew')})`,
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
/* harmony import */ var _etcd_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5538);




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
    const peer = new URL(options.peerUrl);
    const clientPort = await freeClientPort(peer);
    const { child, log } = spawnEtcd(tools, options, peer, `http://127.0.0.1:${clientPort}`);
    const address = `127.0.0.1:${clientPort}`;
    const client = _etcd_client__WEBPACK_IMPORTED_MODULE_3__/* .EtcdClient */ .iY.connect({ address, callTimeoutMs: 2_000 });
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    try {
        await waitUntilServing(child, client, log, deadline);
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
/**
 * A free loopback port for etcd's clients other than the peer port: the caller's peer port is free again by
 * now, so the kernel may hand out that same number here.
 */
async function freeClientPort(peer) {
    let port = await freeLoopbackPort();
    while (String(port) === peer.port)
        port = await freeLoopbackPort();
    return port;
}
/** Starts etcd on the restored data dir; `log` is the end of what it has written to stderr so far. */
function spawnEtcd(tools, options, peer, clientUrl) {
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
    return { child, log: () => log };
}
/** Probes with a read every 200 ms until etcd answers; fails when it exits or the deadline passes. */
async function waitUntilServing(child, client, log, deadline) {
    for (;;) {
        if (child.exitCode !== null) {
            throw new ScratchEtcdError(`the scratch etcd exited (code ${child.exitCode}): ${lastLine(log())}`);
        }
        try {
            await client.range('health-probe', { countOnly: true });
            return;
        }
        catch (error) {
            if (Date.now() > deadline) {
                throw new ScratchEtcdError(`the scratch etcd did not serve within the timeout: ${lastLine(log()) || error.message}`);
            }
            await new Promise((r) => setTimeout(r, 200));
        }
    }
}
function lastLine(text) {
    return text.trim().split('\n').filter(Boolean).pop() ?? '';
}


/***/ }),

/***/ 16925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ drillControlPlaneFiles)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/pki/bundle.ts
var bundle = __webpack_require__(62046);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/pki/certificates.ts


/** kubeadm renews yearly; a month is the window in which someone can still act before a node stops working. */
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;
/**
 * The drill's look at the control-plane files: every certificate parses (files and the ones embedded in
 * kubeconfigs), chains to a CA in the same backup, matches its private key, and is not expired; those that
 * expire within 30 days are reported too.
 */
function checkCertificates(opened, now = new Date()) {
    const found = collect(opened);
    const parsed = found.map((f) => ({ ...f, cert: parse(f.pem) }));
    const cas = parsed.filter((p) => p.cert instanceof external_node_crypto_.X509Certificate && p.cert.ca);
    const checks = parsed.map((p) => {
        if (!(p.cert instanceof external_node_crypto_.X509Certificate)) {
            return { node: p.node, source: p.source, state: 'unparsable', detail: p.cert };
        }
        const cert = p.cert;
        const notAfter = new Date(cert.validTo);
        const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
        const base = {
            node: p.node,
            source: p.source,
            subject: cert.subject.replaceAll('\n', ', '),
            notAfter: notAfter.toISOString(),
            daysLeft,
        };
        const issuer = cas.find((ca) => ca.node === p.node && cert.checkIssued(ca.cert) && cert.verify(ca.cert.publicKey));
        if (!issuer)
            return { ...base, state: 'unchained', detail: 'signed by no CA in this backup' };
        const issuerName = issuer.cert === cert || issuer.source === p.source ? 'self' : issuer.source;
        if (p.key && !matchesKey(cert, p.key)) {
            return {
                ...base,
                issuer: issuerName,
                state: 'key-mismatch',
                detail: 'its .key file holds another key',
            };
        }
        if (notAfter.getTime() <= now.getTime())
            return { ...base, issuer: issuerName, state: 'expired' };
        if (daysLeft < EXPIRY_WARNING_DAYS)
            return { ...base, issuer: issuerName, state: 'expiring' };
        return { ...base, issuer: issuerName, state: 'ok' };
    });
    const say = (c) => `${c.source} on ${c.node}: ${c.state === 'expired'
        ? `expired ${c.notAfter}`
        : c.state === 'expiring'
            ? `expires ${c.notAfter} (in ${c.daysLeft} days)`
            : c.state === 'unparsable'
                ? `not a certificate (${c.detail})`
                : (c.detail ?? c.state)}`;
    return {
        checks,
        failures: checks.filter((c) => c.state !== 'ok' && c.state !== 'expiring').map(say),
        warnings: checks.filter((c) => c.state === 'expiring').map(say),
    };
}
function parse(pem) {
    try {
        return new external_node_crypto_.X509Certificate(pem);
    }
    catch (error) {
        return error.message;
    }
}
function matchesKey(cert, key) {
    try {
        return cert.checkPrivateKey((0,external_node_crypto_.createPrivateKey)(key));
    }
    catch {
        return false;
    }
}
const PEM_CERT = '-----BEGIN CERTIFICATE-----';
function collect(opened) {
    const found = [];
    for (const [node, files] of opened) {
        for (const [path, content] of files) {
            if (content.includes(PEM_CERT)) {
                const keyPath = path.replace(/\.(crt|pem)$/, '.key');
                const key = keyPath !== path ? files.get(keyPath) : undefined;
                found.push({ node, source: path, pem: content, ...(key ? { key } : {}) });
            }
            else if (path.endsWith('.conf')) {
                found.push(...fromKubeconfig(node, path, content));
            }
        }
    }
    return found;
}
/** The certificates a kubeconfig carries inline (kubeadm's admin.conf, kubelet.conf, scheduler.conf…). */
function fromKubeconfig(node, path, content) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(content.toString('utf8'));
    }
    catch {
        return [];
    }
    const found = [];
    const record = doc;
    for (const entry of record?.users ?? []) {
        const data = entry?.user?.['client-certificate-data'];
        if (typeof data !== 'string')
            continue;
        const keyData = entry.user?.['client-key-data'];
        found.push({
            node,
            source: `${path} (user ${entry.name ?? '?'})`,
            pem: Buffer.from(data, 'base64'),
            ...(typeof keyData === 'string' ? { key: Buffer.from(keyData, 'base64') } : {}),
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/pki/drill-check.ts



/**
 * The drill's part for the control-plane files: they decrypt and match their metadata, and every certificate
 * parses, chains to a CA of the same backup, matches its key and has not expired.
 */
async function drillControlPlaneFiles(metadata, sealed, keys, log, now = new Date()) {
    const description = metadata.controlPlane;
    if (!description)
        return undefined;
    const result = {
        nodes: description.nodes.map((n) => n.node),
        files: description.nodes.reduce((sum, n) => sum + n.files.length, 0),
        certificates: [],
        warnings: [],
        failures: [],
    };
    if (!sealed) {
        result.failures.push('the control-plane files listed in the metadata are not in the blob');
        return result;
    }
    try {
        const opened = await (0,bundle/* openFiles */.Km)(sealed, description, metadata.envelope.encryption, keys, metadata.name);
        const report = checkCertificates(opened, now);
        result.certificates = report.checks;
        result.warnings = report.warnings;
        result.failures = report.failures;
    }
    catch (error) {
        result.failures.push(`the control-plane files do not open: ${(0,errors/* describeError */.Uc)(error)}`);
    }
    for (const warning of result.warnings)
        log.warn(`certificate ${warning}`);
    const soonest = result.certificates
        .filter((c) => c.notAfter)
        .sort((a, b) => (a.notAfter ?? '').localeCompare(b.notAfter ?? ''))[0];
    log.info(`control-plane files: ${result.files} of ${result.nodes.join(', ')} open; ${result.certificates.length} certificates checked` +
        (soonest ? `, the first to expire is ${soonest.source} on ${soonest.notAfter}` : ''));
    return result;
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
