import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 839;
export const ids = [839];
export const modules = {

/***/ 3256:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ acquireViaEtcdctl)
/* harmony export */ });
/* unused harmony export EtcdctlError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _snapshot_file__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7403);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot_file__WEBPACK_IMPORTED_MODULE_3__]);
_snapshot_file__WEBPACK_IMPORTED_MODULE_3__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];




class EtcdctlError extends _errors__WEBPACK_IMPORTED_MODULE_2__/* .EtcdBackupError */ .Ld {
}
async function hasCommand(session, name) {
    const r = await session.exec(['sh', '-c', 'command -v "$1" >/dev/null', 'sh', name], { sudo: true });
    return r.exitCode === 0;
}
async function run(session, argv, what) {
    const r = await session.exec(argv, { sudo: true });
    if (r.exitCode !== 0) {
        const detail = r.stderr.trim().split('\n').pop() ?? '';
        throw new EtcdctlError(`${what} failed on ${session.target} (exit ${r.exitCode}): ${detail}`, {
            hint: 'see the message above; `--method grpc` needs nothing on the node but sshd',
        });
    }
    return r.stdout.toString('utf8');
}
/**
 * The runbook's way: `etcdctl snapshot save` on the node — or inside the etcd container via crictl when the node
 * has no etcdctl, as on kind — then the file is streamed back over SSH and removed from the node.
 */
async function acquireViaEtcdctl(session, target, options) {
    const started = Date.now();
    const tlsFlags = (t) => [
        `--endpoints=${target.endpoint}`,
        `--cacert=${t.caPath}`,
        `--cert=${t.certPath}`,
        `--key=${t.keyPath}`,
    ];
    const tls = tlsFlags(target);
    const name = `etcd-backup-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.db`;
    let remoteFile;
    /** What to remove on the node afterwards: the private temp dir (etcdctl) or the file itself (crictl). */
    let leftover;
    const cleanUp = () => session.exec(['rm', '-rf', '--', leftover], { sudo: true }).catch(() => { });
    let how;
    if (await hasCommand(session, 'etcdctl')) {
        how = 'etcdctl';
        const dir = (await run(session, ['mktemp', '-d', '/tmp/etcd-backup.XXXXXXXX'], 'mktemp')).trim();
        remoteFile = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(dir, name);
        leftover = dir;
        try {
            await run(session, ['env', 'ETCDCTL_API=3', 'etcdctl', ...tls, 'snapshot', 'save', remoteFile], 'etcdctl snapshot save');
        }
        catch (error) {
            await cleanUp();
            throw error;
        }
    }
    else if (await hasCommand(session, 'crictl')) {
        how = 'crictl';
        const ids = await run(session, ['crictl', 'ps', '--name', '^etcd$', '--state', 'Running', '-q'], 'crictl ps');
        const id = ids.split('\n').find((line) => line.trim());
        if (!id)
            throw new EtcdctlError(`no running etcd container on ${session.target} (crictl ps --name etcd)`);
        // Written into the data dir, which the container shares with the node through its hostPath volume.
        remoteFile = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(target.dataHostPath, name);
        leftover = remoteFile;
        try {
            await run(session, [
                'crictl',
                'exec',
                id.trim(),
                'etcdctl',
                ...tlsFlags(target.containerTls ?? target),
                'snapshot',
                'save',
                node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(target.dataDir, name),
            ], 'etcdctl snapshot save in the etcd container');
        }
        catch (error) {
            await cleanUp();
            throw error;
        }
    }
    else {
        throw new EtcdctlError(`neither etcdctl nor crictl found on ${session.target}`, {
            hint: 'use --method grpc (the default), which needs nothing on the node but sshd',
        });
    }
    try {
        const size = Number((await run(session, ['stat', '-c', '%s', '--', remoteFile], 'stat')).trim());
        // The node removes the plaintext itself once cat ends for any reason: a cut connection never delivers
        // the cleanup command sent from here afterwards.
        const stream = await session.execStream(['sh', '-c', 'trap \'rm -rf -- "$1"\' EXIT; cat -- "$2"', 'sh', leftover, remoteFile], { sudo: true });
        const written = await (0,_snapshot_file__WEBPACK_IMPORTED_MODULE_3__/* .writeSnapshotFile */ .C)({
            source: stream.stdout,
            path: options.path,
            totalBytes: Number.isFinite(size) ? size : undefined,
            progress: options.progress,
            label: 'snapshot (etcdctl)',
            ...(options.also ? { also: options.also } : {}),
        });
        await stream.done;
        return { ...written, serverVersion: '', durationMs: Date.now() - started, how };
    }
    finally {
        await cleanUp();
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 74351:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ acquireViaGrpc)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _snapshot_file__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7403);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot_file__WEBPACK_IMPORTED_MODULE_1__]);
_snapshot_file__WEBPACK_IMPORTED_MODULE_1__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];


/**
 * Streams Maintenance.Snapshot from one member to a file, through whatever address reaches it (an SSH tunnel in
 * practice). The file is created 0600 and holds the snapshot exactly as `etcdctl snapshot save` would write it.
 */
async function acquireViaGrpc(member, options) {
    const started = Date.now();
    const stream = await member.openSnapshot();
    const written = await (0,_snapshot_file__WEBPACK_IMPORTED_MODULE_1__/* .writeSnapshotFile */ .C)({
        source: node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from(stream.chunks),
        path: options.path,
        totalBytes: stream.totalBytes,
        progress: options.progress,
        label: options.label ?? 'snapshot',
        onError: () => stream.cancel(),
        ...(options.also ? { also: options.also } : {}),
    });
    return { ...written, serverVersion: stream.version, durationMs: Date.now() - started };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 80378:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RR: () => (/* binding */ backup),
/* harmony export */   YN: () => (/* binding */ checkClusterName)
/* harmony export */ });
/* unused harmony exports SnapshotRejectedError, RunnerDiskFullError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _backup_metadata__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38341);
/* harmony import */ var _envelope_seal__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(52175);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83916);
/* harmony import */ var _etcd_health__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(19186);
/* harmony import */ var _restore_journal__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(89417);
/* harmony import */ var _snapshot_verify__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(34247);
/* harmony import */ var _ssh__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(74883);
/* harmony import */ var _util_private_temp__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(70898);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(65365);
/* harmony import */ var _util_shown__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(98161);
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(311);
/* harmony import */ var _acquire_etcdctl__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(3256);
/* harmony import */ var _acquire_grpc__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(74351);
/* harmony import */ var _inventory__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(4762);
/* harmony import */ var _members__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(66005);
/* harmony import */ var _target__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(2149);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot_verify__WEBPACK_IMPORTED_MODULE_10__, _acquire_etcdctl__WEBPACK_IMPORTED_MODULE_14__, _acquire_grpc__WEBPACK_IMPORTED_MODULE_15__, _inventory__WEBPACK_IMPORTED_MODULE_16__]);
([_snapshot_verify__WEBPACK_IMPORTED_MODULE_10__, _acquire_etcdctl__WEBPACK_IMPORTED_MODULE_14__, _acquire_grpc__WEBPACK_IMPORTED_MODULE_15__, _inventory__WEBPACK_IMPORTED_MODULE_16__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);





















/** etcd's own TLS files as the etcd container sees them (for etcdctl run inside it). */
function containerTlsOf(access) {
    const flags = access.controlPlane.etcd.flags;
    const [caPath, certPath, keyPath] = [flags['trusted-ca-file'], flags['cert-file'], flags['key-file']];
    return caPath && certPath && keyPath ? { caPath, certPath, keyPath } : undefined;
}
class SnapshotRejectedError extends _errors__WEBPACK_IMPORTED_MODULE_7__/* .EtcdBackupError */ .Ld {
    constructor(message) {
        super(message, {
            hint: 'the snapshot was not stored; run the backup again, and if it fails again inspect the member (etcdutl check)',
            exitCode: 3,
        });
    }
}
/** The runner has no room for the snapshot in its temp dir. */
class RunnerDiskFullError extends _errors__WEBPACK_IMPORTED_MODULE_7__/* .EtcdBackupError */ .Ld {
    constructor(dir, dbSize, cause) {
        const size = dbSize === undefined ? '' : ` (the database is ${(0,_util_progress__WEBPACK_IMPORTED_MODULE_13__/* .formatBytes */ .z3)(Number(dbSize))})`;
        super(`no space left on the runner in ${dir} for the snapshot${size}`, {
            hint: 'nothing was stored; free space there, or point RUNNER_TEMP (or TMPDIR) at a disk with room for the snapshot and its sealed copy',
            cause,
        });
    }
}
/** Whether the error, or one it was caused by, is a system error with one of these codes. */
function hasErrorCode(error, codes) {
    for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
        if (codes.includes(e.code ?? ''))
            return true;
    }
    return false;
}
/**
 * The cluster name becomes part of every backup's name and of the node lock's file name, so it is checked before
 * anything else happens; `input` is how the caller spells it (cluster, --cluster).
 */
function checkClusterName(cluster, input) {
    if (!(0,_backup_metadata__WEBPACK_IMPORTED_MODULE_5__/* .isValidClusterName */ .oO)(cluster)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(input, `1-63 letters, digits, dots, underscores or hyphens, starting with a letter or digit (got ${(0,_util_shown__WEBPACK_IMPORTED_MODULE_19__/* .shown */ .S)(cluster)})`);
    }
}
const firstLineOf = (message) => message?.split('\n')[0] ?? 'no status';
/** discover → acquire → verify → envelope → store, on one SSH connection, under the node's backup lock. */
async function backup(request) {
    const { log } = request;
    checkClusterName(request.cluster, 'cluster');
    const progress = request.progress ?? ((r) => log.info((0,_util_progress__WEBPACK_IMPORTED_MODULE_13__/* .formatProgress */ .Vu)(r)));
    const session = await (0,_ssh__WEBPACK_IMPORTED_MODULE_11__/* .connect */ .Ng)({ ...request.ssh, warn: log.warn });
    try {
        log.info(`connected to ${session.target} (host key ${session.hostKeyFingerprint})`);
        await refuseIfRestoreUnfinished(session, request.cluster);
        const access = await (0,_target__WEBPACK_IMPORTED_MODULE_18__/* .locateEtcd */ .h)(session, request.etcd ?? {}, log);
        return await (0,_ssh__WEBPACK_IMPORTED_MODULE_11__/* .withRemoteLock */ .UV)(session, `cluster-${request.cluster}`, () => backupLocked(session, access, request, progress));
    }
    finally {
        await session.close();
    }
}
/**
 * A restore's journal on the node: a restore runs now (its lock says so) or was cut short, and then its
 * manifests may be held aside and etcd may run on half-restored data. Either way this is no time to snapshot.
 */
async function refuseIfRestoreUnfinished(session, cluster) {
    const journal = await (0,_restore_journal__WEBPACK_IMPORTED_MODULE_9__/* .readJournal */ .a0)(session);
    if (!journal)
        return;
    // A few seconds' grace: the lock of a restore killed just now goes when the node notices the dead connection.
    await (0,_ssh__WEBPACK_IMPORTED_MODULE_11__/* .withRemoteLock */ .UV)(session, `cluster-${cluster}`, async () => {
        // Still there once no restore holds the lock: that restore was cut short.
        const left = await (0,_restore_journal__WEBPACK_IMPORTED_MODULE_9__/* .readJournal */ .a0)(session);
        if (left)
            throw new _restore_journal__WEBPACK_IMPORTED_MODULE_9__/* .RestoreCutShortError */ .Rd(session.target, left, 4);
    }, { waitSeconds: 5 });
}
async function backupLocked(session, access, request, progress) {
    const { log } = request;
    const timings = {};
    const tls = await (0,_members__WEBPACK_IMPORTED_MODULE_17__/* .readClientTls */ .Z$)(session, { ca: access.caPath, cert: access.certPath, key: access.keyPath });
    request.onSecret?.(tls.key.toString('utf8'));
    const connections = [];
    const temp = (0,_util_private_temp__WEBPACK_IMPORTED_MODULE_12__/* .createPrivateTempDir */ .f)();
    try {
        const local = await (0,_members__WEBPACK_IMPORTED_MODULE_17__/* .connectThroughNode */ .eZ)(session, access.clientUrl, tls);
        connections.push(local);
        let started = Date.now();
        const health = await (0,_etcd_health__WEBPACK_IMPORTED_MODULE_8__/* .inspectCluster */ .FX)(local.client, async (member) => {
            const c = await (0,_members__WEBPACK_IMPORTED_MODULE_17__/* .connectToAnyUrl */ .Fl)(session, member.clientURLs, tls);
            connections.push(c);
            return c.client;
        });
        timings.health = Date.now() - started;
        (0,_etcd_health__WEBPACK_IMPORTED_MODULE_8__/* .assertSafeToSnapshot */ .bW)(health, request.force ?? false, log.warn);
        const member = request.member
            ? health.members.find((m) => m.name === request.member)
            : health.members.find((m) => m.id === health.localMemberId);
        if (!member) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .EtcdBackupError */ .Ld(`member ${request.member ? (0,_util_shown__WEBPACK_IMPORTED_MODULE_19__/* .shown */ .S)(request.member) : 'local member'} is not in the cluster`, {
                hint: `members are: ${health.members.map((m) => m.name).join(', ')}`,
            });
        }
        const answering = health.members.filter((m) => m.status).map((m) => m.name);
        if (!member.status) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_7__/* .EtcdBackupError */ .Ld(`member ${member.name} does not answer at ${member.clientURLs.join(', ')}: ${firstLineOf(member.error)}`, {
                hint: `it may be down; snapshot a member that answers (${answering.join(', ') || 'none'}) instead`,
            });
        }
        for (const other of health.members) {
            if (!other.status)
                log.warn(`member ${other.name} does not answer (${firstLineOf(other.error)})`);
        }
        log.info(`cluster ${health.clusterId.toString(16)}: ${health.members.length} members, leader ${health.leader?.name ?? 'none'}; snapshotting ${member.name}`);
        started = Date.now();
        const path = temp.file('snapshot.db');
        // The snapshot and its sealed copy are written under the runner's temp dir; a full disk there is the
        // runner's problem, not the link's, and the message says so.
        const onRunnerDisk = (step) => step().catch((error) => {
            throw hasErrorCode(error, ['ENOSPC', 'EDQUOT'])
                ? new RunnerDiskFullError((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(temp.path), member.status?.dbSize, error)
                : error;
        });
        // The envelope (zstd + age) works while the snapshot arrives, into a private file; it is stored only
        // once the snapshot has passed verification.
        const sealInput = new node_stream__WEBPACK_IMPORTED_MODULE_3__.PassThrough();
        const sealed = await (0,_envelope_seal__WEBPACK_IMPORTED_MODULE_6__/* .seal */ .od)(sealInput, {
            encryption: request.encryption,
            compression: request.compression ?? 'zstd',
            // It reads a tee of the transfer, which hashes these same bytes already.
            hashInput: false,
        });
        const sealedPath = temp.file('sealed.blob');
        const sealing = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(sealed.blob, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(sealedPath, { mode: 0o600, flags: 'wx' }));
        sealing.catch(() => { });
        sealed.snapshot.catch(() => { });
        let acquired;
        if ((request.method ?? 'grpc') === 'grpc') {
            const source = member.id === health.localMemberId ? local : await (0,_members__WEBPACK_IMPORTED_MODULE_17__/* .connectToAnyUrl */ .Fl)(session, member.clientURLs, tls);
            if (source !== local)
                connections.push(source);
            acquired = await onRunnerDisk(() => (0,_acquire_grpc__WEBPACK_IMPORTED_MODULE_15__/* .acquireViaGrpc */ .X)(source.client, { path, progress, also: sealInput }));
        }
        else {
            const containerTls = containerTlsOf(access);
            const viaEtcdctl = await onRunnerDisk(() => (0,_acquire_etcdctl__WEBPACK_IMPORTED_MODULE_14__/* .acquireViaEtcdctl */ .A)(session, {
                ...access,
                endpoint: access.clientUrl,
                ...(containerTls ? { containerTls } : {}),
            }, { path, progress, also: sealInput }));
            log.info(`snapshot taken by etcdctl ${viaEtcdctl.how === 'crictl' ? 'inside the etcd container (crictl exec)' : 'on the node'}`);
            acquired = viaEtcdctl;
        }
        timings.acquire = Date.now() - started;
        if (!acquired.trailerOk) {
            throw new SnapshotRejectedError('the snapshot that arrived does not match the SHA-256 etcd appended to it');
        }
        log.debug(`snapshot written: ${acquired.bytes} bytes, sha256 ${acquired.sha256}`);
        started = Date.now();
        const [analysis] = await onRunnerDisk(() => Promise.all([
            // The metadata's inventory counts keys by type and namespace only: keys without value records
            // suffice, which keeps the store smaller and reads no value.
            (0,_snapshot_verify__WEBPACK_IMPORTED_MODULE_10__/* .analyseSnapshot */ .Uu)(path, { liveKeys: 'keys', databaseSha256: acquired.databaseSha256 }),
            sealing,
        ]));
        const report = analysis.report;
        timings.verify = Date.now() - started;
        const sealedDigest = await sealed.snapshot;
        if (sealedDigest.size !== acquired.bytes) {
            throw new SnapshotRejectedError('the envelope did not receive the same bytes as the snapshot file');
        }
        if (!report.integrity.ok ||
            report.trailer !== 'ok' ||
            report.revision === null ||
            report.totalSize === null) {
            const first = report.integrity.problems[0];
            throw new SnapshotRejectedError(`the snapshot failed verification: ${first ? first.message : `trailer ${report.trailer}`}`);
        }
        const inventory = analysis.liveKeys
            ? (0,_inventory__WEBPACK_IMPORTED_MODULE_16__/* .summarizeInventory */ .C)(analysis.liveKeys)
            : undefined;
        const status = member.status;
        const createdAt = (request.now ?? (() => new Date()))();
        const name = (0,_backup_metadata__WEBPACK_IMPORTED_MODULE_5__/* .backupName */ .aw)(request.cluster, createdAt, report.revision);
        const draft = {
            schemaVersion: 1,
            name,
            createdAt: createdAt.toISOString(),
            cluster: request.cluster,
            node: access.memberName ?? session.target,
            member: { id: member.id.toString(16), name: member.name },
            etcd: {
                version: status?.version ?? access.version ?? 'unknown',
                revision: report.revision,
                ...(report.compactRevision !== null ? { compactRevision: report.compactRevision } : {}),
                ...(report.hash !== null ? { hash: report.hash } : {}),
                ...(report.totalKey !== null ? { totalKey: report.totalKey } : {}),
                totalSize: report.totalSize,
                ...(health.leader ? { leader: health.leader.name } : {}),
                ...(status ? { raftIndex: Number(status.raftIndex), raftTerm: Number(status.raftTerm) } : {}),
            },
            snapshot: { sha256: acquired.sha256, size: acquired.bytes },
            ...(inventory ? { inventory } : {}),
            timings,
            toolVersion: `etcd-backup ${_version__WEBPACK_IMPORTED_MODULE_20__/* .VERSION */ .x} on ${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)()}`,
            envelope: { compression: 'zstd', encryption: { kind: 'none' } },
        };
        log.debug(`verified: revision ${report.revision}, ${report.totalKey} keys`);
        started = Date.now();
        draft.envelope = sealed.envelope;
        const metadata = await request.store.put(name, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(sealedPath), draft);
        timings.store = Date.now() - started;
        log.info(`stored ${name} in ${request.store.location}`);
        return { metadata, location: request.store.location, health, access };
    }
    finally {
        temp.dispose();
        await Promise.all(connections.map((c) => c.close()));
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 4762:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ summarizeInventory)
/* harmony export */ });
/* harmony import */ var _snapshot_compact_key_map__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31681);
/* harmony import */ var _snapshot_inventory__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25236);
/* harmony import */ var _snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46839);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot_inventory__WEBPACK_IMPORTED_MODULE_0__]);
_snapshot_inventory__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];



const SLASH = 0x2f;
const DOT = 0x2e;
const PREFIX = Buffer.from(`${_snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .REGISTRY_PREFIX */ .Z7}/`, 'latin1');
const SERVICES = Buffer.from('services', 'latin1');
const NAMESPACED = 1;
const CLUSTER_SCOPED = 0;
/**
 * The counts the metadata keeps (by type and namespace, never names) from a snapshot's live keys: what
 * `buildInventory` counts (resources and namespaces as classifyKey tells them), read from the key bytes in
 * place. Keys are grouped by (resource, namespace) first, so no string is made per key: with hundreds of
 * thousands of keys, strings per key would be garbage enough to fill V8's whole young generation.
 *
 * Splitting bytes at '/' and decoding the parts equals decoding the key and splitting it: UTF-8 never uses
 * 0x2f inside a character, and a decoder never folds an ASCII byte into a replacement character.
 */
function summarizeInventory(live) {
    // Group key: a namespaced flag byte, the resource part's bytes, and for namespaced keys '/' + namespace.
    const groups = new _snapshot_compact_key_map__WEBPACK_IMPORTED_MODULE_2__/* .CompactKeyMap */ .X({ count: Float64Array });
    let scratch = Buffer.allocUnsafe(256);
    live.forEachKey((buf, start, end) => {
        if (end - start < PREFIX.length || !equalsBytes(buf, start, start + PREFIX.length, PREFIX))
            return;
        const rest = start + PREFIX.length;
        const first = indexOfSlash(buf, rest, end);
        const grouped = first >= 0 && (hasDot(buf, rest, first) || equalsBytes(buf, rest, first, SERVICES));
        // The resource is one part, or two for grouped types (`apps.example.com/widgets`, `services/specs`).
        let resourceEnd;
        if (grouped) {
            const second = indexOfSlash(buf, first + 1, end);
            resourceEnd = second < 0 ? end : second;
        }
        else {
            resourceEnd = first < 0 ? end : first;
        }
        // What follows the resource: one part (a name: cluster-scoped), two (namespace and name), or other.
        let namespaceEnd = -1;
        if (resourceEnd < end) {
            const afterNamespace = indexOfSlash(buf, resourceEnd + 1, end);
            if (afterNamespace >= 0 && indexOfSlash(buf, afterNamespace + 1, end) < 0)
                namespaceEnd = afterNamespace;
        }
        const length = 1 + (namespaceEnd >= 0 ? namespaceEnd : resourceEnd) - rest;
        if (scratch.length < length)
            scratch = Buffer.allocUnsafe(length * 2);
        scratch[0] = namespaceEnd >= 0 ? NAMESPACED : CLUSTER_SCOPED;
        buf.copy(scratch, 1, rest, namespaceEnd >= 0 ? namespaceEnd : resourceEnd);
        groups.columns.count[groups.setRange(scratch, 0, length)] += 1;
    });
    // Groups in the order their first key came, so namespaces are listed in the order buildInventory meets them.
    const byResource = new Map();
    const namespaces = (0,_snapshot_inventory__WEBPACK_IMPORTED_MODULE_0__/* .countTable */ .yO)();
    let clusterScoped = 0;
    groups.forEachLiveKey((buf, start, end, entry) => {
        const count = groups.columns.count[entry];
        const namespaced = buf[start] === NAMESPACED;
        const lastSlash = namespaced ? buf.lastIndexOf(SLASH, end - 1) : end;
        const resource = (0,_snapshot_kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .resourceName */ .Iy)(buf.toString('utf8', start + 1, lastSlash));
        byResource.set(resource, (byResource.get(resource) ?? 0) + count);
        if (!namespaced)
            clusterScoped += count;
        else {
            const namespace = buf.toString('utf8', lastSlash + 1, end);
            namespaces[namespace] = (namespaces[namespace] ?? 0) + count;
        }
    });
    const byType = (0,_snapshot_inventory__WEBPACK_IMPORTED_MODULE_0__/* .countTable */ .yO)();
    for (const resource of [...byResource.keys()].sort((a, b) => (a < b ? -1 : 1)))
        byType[resource] = byResource.get(resource);
    const byNamespace = Object.assign((0,_snapshot_inventory__WEBPACK_IMPORTED_MODULE_0__/* .countTable */ .yO)(), namespaces);
    if (clusterScoped > 0)
        byNamespace[''] = clusterScoped;
    return { byType, byNamespace };
}
function indexOfSlash(buf, from, end) {
    for (let i = from; i < end; i++)
        if (buf[i] === SLASH)
            return i;
    return -1;
}
function hasDot(buf, from, end) {
    for (let i = from; i < end; i++)
        if (buf[i] === DOT)
            return true;
    return false;
}
function equalsBytes(buf, from, end, word) {
    if (end - from !== word.length)
        return false;
    for (let i = 0; i < word.length; i++)
        if (buf[from + i] !== word[i])
            return false;
    return true;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 7403:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ writeSnapshotFile)
/* harmony export */ });
/* unused harmony export SnapshotTransferError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _snapshot__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94976);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65365);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot__WEBPACK_IMPORTED_MODULE_4__]);
_snapshot__WEBPACK_IMPORTED_MODULE_4__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];






class SnapshotTransferError extends _errors__WEBPACK_IMPORTED_MODULE_3__/* .EtcdBackupError */ .Ld {
    constructor(message, cause) {
        super(message, {
            hint: 'nothing was stored; check the node and the link, then run the backup again',
            cause,
        });
    }
}
/** Passes every chunk on and also writes it to `out`, going only as fast as `out` takes it. */
class Tee extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    out;
    constructor(out) {
        super();
        this.out = out;
    }
    _transform(chunk, _encoding, done) {
        if (this.out.write(chunk)) {
            done(null, chunk);
            return;
        }
        const onDrain = () => {
            this.out.off('error', onError);
            done(null, chunk);
        };
        const onError = (error) => {
            this.out.off('drain', onDrain);
            done(error);
        };
        this.out.once('drain', onDrain);
        this.out.once('error', onError);
    }
    _flush(done) {
        this.out.end();
        done();
    }
}
/**
 * Writes a snapshot stream to a new 0600 file with progress, checking its length and etcd's SHA-256 trailer on
 * the way, so what arrived is known to be what etcd sent without reading the file again.
 */
async function writeSnapshotFile(options) {
    const meter = new _util_progress__WEBPACK_IMPORTED_MODULE_5__/* .ProgressMeter */ .Z3(options.label, options.progress, options.totalBytes);
    const trailer = new _snapshot__WEBPACK_IMPORTED_MODULE_4__/* .SnapshotTrailerCheck */ .Ar();
    try {
        const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(options.path, { mode: 0o600, flags: 'wx' });
        if (options.also)
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(options.source, meter, trailer, new Tee(options.also), file);
        else
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(options.source, meter, trailer, file);
    }
    catch (error) {
        options.onError?.();
        options.also?.destroy(error);
        const of = options.totalBytes === undefined ? '' : ` of ${options.totalBytes}`;
        throw new SnapshotTransferError(`snapshot stream broke after ${meter.transferred}${of} bytes: ${error.message}`, error);
    }
    if (options.totalBytes !== undefined && meter.transferred !== options.totalBytes) {
        throw new SnapshotTransferError(`snapshot stream ended early: ${meter.transferred} of ${options.totalBytes} bytes arrived`);
    }
    return {
        path: options.path,
        bytes: meter.transferred,
        sha256: trailer.result.fileSha256,
        trailerOk: trailer.result.trailer === 'ok',
        databaseSha256: trailer.result.sha256,
    };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 2149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ locateEtcd)
/* harmony export */ });
/* harmony import */ var _controlplane__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49214);
/* harmony import */ var _controlplane_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15190);


/** Discovery as a careful operator does it; every explicit input wins over what it finds. */
async function locateEtcd(session, overrides, log) {
    const plane = await (0,_controlplane__WEBPACK_IMPORTED_MODULE_0__/* .discoverOverSsh */ .Y0)(session, overrides);
    for (const warning of plane.warnings)
        log.warn(warning);
    const { etcd } = plane;
    if (!etcd.certs) {
        throw new _controlplane_errors__WEBPACK_IMPORTED_MODULE_1__/* .DiscoveryError */ .P(`found etcd at ${etcd.clientUrl} on ${session.target} but no client certificate`, {
            hint: 'give the etcd CA, certificate and key paths on the node',
        });
    }
    log.info(`etcd ${etcd.version ?? '(version unknown)'} member ${etcd.name ?? '?'} at ${etcd.clientUrl}` +
        ` (${etcd.runsAs}${plane.etcdManifestPath ? ` from ${plane.etcdManifestPath}` : ''}), client certificate ${etcd.certs.cert} (${etcd.certs.source})`);
    const dataDir = etcd.dataDir ?? '/var/lib/etcd';
    return {
        clientUrl: etcd.clientUrl,
        caPath: etcd.certs.ca,
        certPath: etcd.certs.cert,
        keyPath: etcd.certs.key,
        dataDir,
        dataHostPath: etcd.dataHostPath ?? dataDir,
        memberName: etcd.name,
        version: etcd.version,
        controlPlane: plane,
    };
}


/***/ }),

/***/ 96839:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backup: () => (/* binding */ backup)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _backup_backup__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80378);
/* harmony import */ var _envelope_encryption__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68147);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _store_cli_options__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41913);
/* harmony import */ var _store_retention__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89311);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29906);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3567);
/* harmony import */ var _discovery_options__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(62387);
/* harmony import */ var _ssh_options__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(75911);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_backup_backup__WEBPACK_IMPORTED_MODULE_1__]);
_backup_backup__WEBPACK_IMPORTED_MODULE_1__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];










const HELP = `usage: etcd-backup backup --host H --key FILE (--fingerprint SHA256:… | --known-hosts FILE) --store S
                           (--recipient age1… | ETCD_BACKUP_PASSPHRASE | --encryption none) [options]

Snapshots the etcd of a kubeadm- or kind-style control plane over SSH, verifies it, encrypts it and stores it.
Nothing is needed on the node but sshd: etcd is found from the kubelet config and the static pod manifests.

SSH
  --host H, --port P (22), --user U (root)
  --key FILE            private key (passphrase in ${_ssh_options__WEBPACK_IMPORTED_MODULE_9__/* .SSH_ENV */ .LJ.passphrase}; password login: ${_ssh_options__WEBPACK_IMPORTED_MODULE_9__/* .SSH_ENV */ .LJ.password})
  --fingerprint FP      pin the host key (SHA256:…, as ssh-keygen -lf prints it); repeatable
  --known-hosts FILE    or pin it with known_hosts lines
  --insecure-ignore-host-key   accept any host key (throw-away test hosts only)
  --jump [U@]H[:P]      through a bastion (--jump-key, --jump-fingerprint, --jump-known-hosts)
  sudo: a non-root user needs sudo; its password, if it asks for one, in ${_ssh_options__WEBPACK_IMPORTED_MODULE_9__/* .SSH_ENV */ .LJ.sudoPassword}
  --connect-timeout D (20s), --command-timeout D (30m)
${_discovery_options__WEBPACK_IMPORTED_MODULE_8__/* .DISCOVERY_HELP */ .j3}
  --member NAME         snapshot this member (default: the node's own)
  --method grpc|etcdctl grpc (default) streams over an SSH tunnel; etcdctl runs the runbook on the node
  --force               snapshot even with no quorum, no leader or an active alarm
Store
  --cluster NAME        names the backup: <cluster>-<UTC time>-r<revision> (default: kubernetes)
${_store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .STORE_HELP */ .UJ}
${_store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .STORE_WRITE_HELP */ .__}
  --recipient age1…     encrypt to this age public key; repeatable; or --recipients-file FILE
                        or a passphrase in ETCD_BACKUP_PASSPHRASE; or --encryption none (plaintext, on purpose)
  --compression zstd|none   zstd (the default) before encryption
  --keep-last N, --max-age D   retention, applied after the new backup is stored and verified
  --json                print the stored backup's metadata as JSON on stdout`;
function recipientsFrom(values) {
    const recipients = [...(values.recipient ?? [])];
    const file = values['recipients-file'];
    if (file) {
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
        }
        catch {
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('--recipients-file', `a readable file of age recipients (${file})`);
        }
        for (const line of text.split('\n')) {
            const r = line.trim();
            if (r && !r.startsWith('#'))
                recipients.push(r);
        }
    }
    return recipients;
}
const backup = {
    async run(argv) {
        const { values } = (0,_command__WEBPACK_IMPORTED_MODULE_7__/* .parseCommandArgs */ .Q)(argv, {
            ..._ssh_options__WEBPACK_IMPORTED_MODULE_9__/* .sshOptionSpec */ .ZD,
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .STORE_OPTIONS */ .n0,
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .STORE_WRITE_OPTIONS */ .hj,
            ..._discovery_options__WEBPACK_IMPORTED_MODULE_8__/* .discoveryOptionSpec */ .HM,
            member: { type: 'string' },
            method: { type: 'string' },
            force: { type: 'boolean' },
            cluster: { type: 'string' },
            recipient: { type: 'string', multiple: true },
            'recipients-file': { type: 'string' },
            encryption: { type: 'string' },
            compression: { type: 'string' },
            ..._store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .RETENTION_OPTIONS */ .sV,
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        }, false);
        if (values.help) {
            console.log(HELP);
            return 0;
        }
        const method = values.method ?? 'grpc';
        if (method !== 'grpc' && method !== 'etcdctl')
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('--method', "'grpc' or 'etcdctl'");
        const encryptionMode = values.encryption;
        const compression = values.compression ?? 'zstd';
        if (compression !== 'zstd' && compression !== 'none')
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('--compression', "'zstd' (the default) or 'none'");
        if (encryptionMode !== undefined && encryptionMode !== 'age' && encryptionMode !== 'none') {
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('--encryption', "'age' (the default) or 'none'");
        }
        const cluster = values.cluster ?? 'kubernetes';
        (0,_backup_backup__WEBPACK_IMPORTED_MODULE_1__/* .checkClusterName */ .YN)(cluster, '--cluster');
        const policy = (0,_store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .retentionPolicyFrom */ .Nf)(values);
        const encryption = (0,_envelope_encryption__WEBPACK_IMPORTED_MODULE_2__/* .chooseEncryption */ .Ng)({
            recipients: recipientsFrom(values),
            ...(process.env.ETCD_BACKUP_PASSPHRASE ? { passphrase: process.env.ETCD_BACKUP_PASSPHRASE } : {}),
            ...(encryptionMode ? { encryption: encryptionMode } : {}),
        });
        const store = (0,_store_cli_options__WEBPACK_IMPORTED_MODULE_4__/* .storeFromOptions */ .o1)(values);
        const result = await (0,_backup_backup__WEBPACK_IMPORTED_MODULE_1__/* .backup */ .RR)({
            ssh: (0,_ssh_options__WEBPACK_IMPORTED_MODULE_9__/* .sshConnectOptions */ .bf)(values),
            etcd: (0,_discovery_options__WEBPACK_IMPORTED_MODULE_8__/* .discoveryOverridesFrom */ .gw)(values),
            ...(values.member ? { member: values.member } : {}),
            method,
            cluster,
            force: values.force ?? false,
            store,
            encryption,
            compression,
            log: _util_log__WEBPACK_IMPORTED_MODULE_6__/* .stderrLogger */ .D,
        });
        if (policy.keepLast !== undefined || policy.maxAgeMs !== undefined) {
            const pruned = await (0,_store_retention__WEBPACK_IMPORTED_MODULE_5__/* .prune */ .R3)(store, policy, {
                verified: [result.metadata.name],
                onDelete: (b) => _util_log__WEBPACK_IMPORTED_MODULE_6__/* .stderrLogger */ .D.info(`retention: deleted ${b.name}`),
            });
            _util_log__WEBPACK_IMPORTED_MODULE_6__/* .stderrLogger */ .D.info(`retention: kept ${pruned.keep.length}, deleted ${pruned.delete.length}`);
        }
        if (values.json)
            console.log(JSON.stringify(result.metadata, null, 2));
        else
            console.log(result.metadata.name);
        return 0;
    },
};

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 62387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ discoveryOptionSpec),
/* harmony export */   gw: () => (/* binding */ discoveryOverridesFrom),
/* harmony export */   j3: () => (/* binding */ DISCOVERY_HELP)
/* harmony export */ });
/* harmony import */ var _controlplane_discover__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96822);
/* harmony import */ var _controlplane_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15190);


/** One CLI option per discovery override, spelled as discovery's hints spell them (e.g. --etcd-ca-file). */
const discoveryOptionSpec = Object.fromEntries(Object.values(_controlplane_errors__WEBPACK_IMPORTED_MODULE_1__/* .OVERRIDE_INPUTS */ .F).map((name) => [name, { type: 'string' }]));
const DISCOVERY_HELP = `etcd on the node (each option overrides discovery; paths are on the node)
  --kubelet-config PATH, --static-pod-path DIR, --etcd-manifest PATH
  --etcd-endpoint URL, --etcd-ca-file PATH, --etcd-cert-file PATH, --etcd-key-file PATH
  --etcd-data-dir PATH, --etcd-member-name NAME`;
function discoveryOverridesFrom(values) {
    const overrides = {};
    for (const [key, option] of Object.entries(_controlplane_errors__WEBPACK_IMPORTED_MODULE_1__/* .OVERRIDE_INPUTS */ .F)) {
        const value = values[option];
        if (typeof value === 'string' && value !== '')
            overrides[key] = value;
    }
    // Checked before connecting, and named as the user typed them.
    (0,_controlplane_discover__WEBPACK_IMPORTED_MODULE_0__/* .validateOverrides */ .ec)(overrides, (key) => `--${_controlplane_errors__WEBPACK_IMPORTED_MODULE_1__/* .OVERRIDE_INPUTS */ .F[key]}`);
    return overrides;
}


/***/ }),

/***/ 52175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   od: () => (/* binding */ seal)
/* harmony export */ });
/* unused harmony exports DEFAULT_ZSTD_LEVEL, ZSTD_CHUNK */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _digest__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93886);
/* harmony import */ var _encryption__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68147);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2157);
/* harmony import */ var _web__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83966);







/** Level 1 sealed k8s-like data at ~270-400 MB/s on the 2-core test box vs ~160-190 MB/s for level 3, same ratio. */
const DEFAULT_ZSTD_LEVEL = 1;
/** Output chunks of 1 MiB instead of zlib's 16 KiB: fewer callbacks, ~20 % faster. */
const ZSTD_CHUNK = 1 << 20;
/** Streams a snapshot through zstd and age. Memory stays bounded: every stage is a stream with backpressure. */
async function seal(snapshot, options) {
    const compression = options.compression ?? 'zstd';
    const expected = options.expectedSnapshot;
    const hashing = options.hashInput !== false;
    const plain = new _digest__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .v((d) => expected && ((hashing && d.sha256 !== expected.sha256) || d.size !== expected.size)
        ? new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('snapshot-mismatch', `the snapshot changed between verification and sealing (${d.size !== expected.size
            ? `${d.size} bytes, expected ${expected.size}`
            : `sha256 ${d.sha256.slice(0, 12)}…, expected ${expected.sha256.slice(0, 12)}…`})`, { hint: 'take the backup again; something else wrote to the snapshot file' })
        : undefined, { hash: hashing });
    // A few MiB of slack between zstd (libuv threads) and age (main thread) lets the two run side by side.
    const compressed = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough({ highWaterMark: 8 << 20 });
    const stages = [plain];
    if (compression === 'zstd') {
        const level = options.zstdLevel ?? DEFAULT_ZSTD_LEVEL;
        stages.push((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createZstdCompress)({ params: { [node_zlib__WEBPACK_IMPORTED_MODULE_2__.constants.ZSTD_c_compressionLevel]: level }, chunkSize: ZSTD_CHUNK }));
    }
    const upstream = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(snapshot, ...stages, compressed);
    const snapshotDigest = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.finished)(plain).then(() => ({
        size: plain.size,
        sha256: hashing ? plain.digest.sha256 : undefined,
    }));
    // Both are observed through `blob`; these handlers only keep an early failure from being "unhandled".
    upstream.catch(() => { });
    snapshotDigest.catch(() => { });
    let blob = compressed;
    if (options.encryption.kind !== 'none') {
        blob = (0,_web__WEBPACK_IMPORTED_MODULE_6__/* .webToNode */ .C)(await (0,_encryption__WEBPACK_IMPORTED_MODULE_4__/* .makeEncrypter */ .j)(options.encryption).encrypt((0,_web__WEBPACK_IMPORTED_MODULE_6__/* .nodeToWeb */ .a)(compressed)));
    }
    // A failure anywhere upstream must fail the blob reader too, never end it cleanly.
    upstream.catch((error) => blob.destroy(error));
    return {
        blob,
        envelope: { compression, encryption: (0,_encryption__WEBPACK_IMPORTED_MODULE_4__/* .describeEncryption */ .zN)(options.encryption) },
        snapshot: snapshotDigest,
    };
}


/***/ }),

/***/ 19186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FX: () => (/* binding */ inspectCluster),
/* harmony export */   bW: () => (/* binding */ assertSafeToSnapshot)
/* harmony export */ });
/* unused harmony exports ClusterUnsafeError, problemsWith */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

class ClusterUnsafeError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(message) {
        super(message, {
            hint: 'fix the cluster first, or pass force to take the snapshot anyway (it may be stale or incomplete)',
            exitCode: 4,
        });
    }
}
const hex = (id) => id.toString(16);
/**
 * Asks the cluster about itself the way an operator would before a snapshot: the member list, then every
 * member's own status (leader, raft index, revision), and the active alarms.
 */
async function inspectCluster(local, connect) {
    const localStatus = await local.status();
    // Without a leader the linearizable member list times out; the member's own view still names everyone.
    const members = await local.memberList().catch(() => local.memberList({ linearizable: false }));
    let alarmList = [];
    let alarmError;
    try {
        alarmList = await local.alarmList();
    }
    catch (error) {
        alarmError = error instanceof Error ? error.message : String(error);
    }
    const health = await Promise.all(members.map(async (member) => {
        const base = {
            id: member.id,
            name: member.name,
            clientURLs: member.clientURLs,
            isLearner: member.isLearner,
        };
        if (member.id === localStatus.memberId)
            return { ...base, status: localStatus, error: undefined };
        let client;
        try {
            client = await connect(member);
            return { ...base, status: await client.status(), error: undefined };
        }
        catch (error) {
            return { ...base, status: undefined, error: error instanceof Error ? error.message : String(error) };
        }
        finally {
            client?.close();
        }
    }));
    const voters = health.filter((m) => !m.isLearner);
    const reachable = voters.filter((m) => m.status);
    const leaders = new Set(reachable.map((m) => m.status.leader).filter((l) => l !== 0n));
    const leaderId = leaders.size === 1 ? [...leaders][0] : undefined;
    const leader = health.find((m) => m.id === leaderId);
    const byId = new Map(health.map((m) => [m.id, m.name]));
    return {
        clusterId: localStatus.clusterId,
        localMemberId: localStatus.memberId,
        members: health,
        leader,
        votingMembers: voters.length,
        reachableVoters: reachable.length,
        hasQuorum: reachable.length > voters.length / 2,
        alarms: alarmList
            .filter((a) => a.alarm !== 'NONE')
            .map((a) => ({ member: byId.get(a.memberId) ?? hex(a.memberId), alarm: a.alarm })),
        alarmError,
    };
}
/** Refuses a snapshot of a cluster with no quorum, no agreed leader, or an active alarm (unless forced). */
function problemsWith(health) {
    const problems = [];
    if (!health.hasQuorum) {
        const down = health.members.filter((m) => !m.status).map((m) => m.name || hex(m.id));
        problems.push(`no quorum: ${health.reachableVoters} of ${health.votingMembers} voting members answer (down: ${down.join(', ')})`);
    }
    if (!health.leader)
        problems.push('no leader: the reachable members do not agree on a leader');
    for (const alarm of health.alarms)
        problems.push(`alarm ${alarm.alarm} is active on member ${alarm.member}`);
    if (health.alarmError)
        problems.push(`the alarms could not be read (${health.alarmError})`);
    for (const member of health.members) {
        for (const error of member.status?.errors ?? [])
            problems.push(`member ${member.name} reports: ${error}`);
    }
    return problems;
}
function assertSafeToSnapshot(health, force, warn) {
    const problems = problemsWith(health);
    if (problems.length === 0)
        return;
    if (force) {
        for (const p of problems)
            warn(`forced past: ${p}`);
        return;
    }
    throw new ClusterUnsafeError(`refusing to snapshot: ${problems.join('; ')}`);
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = '0.1.0';


/***/ })

};
