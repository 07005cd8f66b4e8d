import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 372;
export const ids = [372];
export const modules = {

/***/ 83966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ webToNode),
/* harmony export */   a: () => (/* binding */ nodeToWeb)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);

/**
 * age-encryption works on web streams. This bridge pulls one chunk at a time from a Node stream, so the
 * web side never buffers ahead of what the cipher asks for, and a failure of the source fails the reader.
 */
function nodeToWeb(readable) {
    const chunks = readable[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const next = await chunks.next();
            if (next.done)
                controller.close();
            else {
                const b = next.value;
                controller.enqueue(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
            }
        },
        cancel(reason) {
            readable.destroy(reason instanceof Error ? reason : undefined);
        },
    }, { highWaterMark: 0 });
}
function webToNode(stream) {
    return node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(stream);
}


/***/ }),

/***/ 53974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iY: () => (/* binding */ EtcdClient)
});

// UNUSED EXPORTS: SNAPSHOT_CHANNEL_OPTIONS, prefixRangeEnd

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/@grpc/grpc-js/build/src/index.js
var src = __webpack_require__(83033);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/etcd/errors.ts


class EtcdError extends errors/* EtcdBackupError */.Ld {
    grpcCode;
    constructor(message, options = {}) {
        super(message, { hint: options.hint, cause: options.cause });
        this.grpcCode = options.grpcCode;
    }
}
/** Turns a grpc-js error into one line that says which etcd call failed, where, and what to check. */
function etcdErrorFrom(error, call, address) {
    const e = error;
    const details = (e?.details || e?.message || String(error)).split('\n')[0];
    switch (e?.code) {
        case src/* status */.h5.UNAVAILABLE:
            return new EtcdError(`etcd ${call} at ${address}: unavailable (${details})`, {
                hint: 'check that etcd is running and that the client URL and certificates are right',
                grpcCode: e.code,
                cause: error,
            });
        case src/* status */.h5.DEADLINE_EXCEEDED:
            return new EtcdError(`etcd ${call} at ${address}: timed out`, {
                hint: 'etcd did not answer in time; check its health and load, or raise the timeout',
                grpcCode: e.code,
                cause: error,
            });
        case src/* status */.h5.UNAUTHENTICATED:
        case src/* status */.h5.PERMISSION_DENIED:
            return new EtcdError(`etcd ${call} at ${address}: permission denied (${details})`, {
                hint: 'the client certificate is not accepted; use the healthcheck-client or apiserver-etcd-client pair',
                grpcCode: e.code,
                cause: error,
            });
        default:
            return new EtcdError(`etcd ${call} at ${address}: ${details}`, { grpcCode: e?.code, cause: error });
    }
}

// EXTERNAL MODULE: ./node_modules/@grpc/proto-loader/build/src/index.js
var build_src = __webpack_require__(76081);
// EXTERNAL MODULE: ./node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(23928);
var protobufjs_default = /*#__PURE__*/__webpack_require__.n(protobufjs);
;// CONCATENATED MODULE: ./src/etcd/proto.ts



/**
 * The subset of etcd's v3 API this project calls, written out from etcd's api/etcdserverpb/rpc.proto field
 * numbers. Kept in-source (not a .proto file) so the ncc bundles need no assets. Fields a server does not know
 * (e.g. StatusResponse.storageVersion on 3.4) simply stay at their defaults.
 */
const ETCD_PROTO = `
syntax = "proto3";
package etcdserverpb;

message ResponseHeader { uint64 cluster_id = 1; uint64 member_id = 2; int64 revision = 3; uint64 raft_term = 4; }
message KeyValue { bytes key = 1; int64 create_revision = 2; int64 mod_revision = 3; int64 version = 4; bytes value = 5; int64 lease = 6; }

message RangeRequest {
  bytes key = 1; bytes range_end = 2; int64 limit = 3; int64 revision = 4; int32 sort_order = 5; int32 sort_target = 6;
  bool serializable = 7; bool keys_only = 8; bool count_only = 9;
}
message RangeResponse { ResponseHeader header = 1; repeated KeyValue kvs = 2; bool more = 3; int64 count = 4; }
message PutRequest { bytes key = 1; bytes value = 2; int64 lease = 3; bool prev_kv = 4; }
message PutResponse { ResponseHeader header = 1; }
message DeleteRangeRequest { bytes key = 1; bytes range_end = 2; bool prev_kv = 3; }
message DeleteRangeResponse { ResponseHeader header = 1; int64 deleted = 2; }
message RequestOp { oneof request { RangeRequest request_range = 1; PutRequest request_put = 2; DeleteRangeRequest request_delete_range = 3; } }
message ResponseOp { oneof response { RangeResponse response_range = 1; PutResponse response_put = 2; DeleteRangeResponse response_delete_range = 3; } }
message TxnRequest { repeated RequestOp success = 2; repeated RequestOp failure = 3; }
message TxnResponse { ResponseHeader header = 1; bool succeeded = 2; repeated ResponseOp responses = 3; }
message CompactionRequest { int64 revision = 1; bool physical = 2; }
message CompactionResponse { ResponseHeader header = 1; }
service KV {
  rpc Range(RangeRequest) returns (RangeResponse);
  rpc Put(PutRequest) returns (PutResponse);
  rpc DeleteRange(DeleteRangeRequest) returns (DeleteRangeResponse);
  rpc Txn(TxnRequest) returns (TxnResponse);
  rpc Compact(CompactionRequest) returns (CompactionResponse);
}

message LeaseGrantRequest { int64 TTL = 1; int64 ID = 2; }
message LeaseGrantResponse { ResponseHeader header = 1; int64 ID = 2; int64 TTL = 3; string error = 4; }
service Lease { rpc LeaseGrant(LeaseGrantRequest) returns (LeaseGrantResponse); }

message Member { uint64 ID = 1; string name = 2; repeated string peerURLs = 3; repeated string clientURLs = 4; bool isLearner = 5; }
message MemberListRequest { bool linearizable = 1; }
message MemberListResponse { ResponseHeader header = 1; repeated Member members = 2; }
service Cluster { rpc MemberList(MemberListRequest) returns (MemberListResponse); }

message AlarmRequest { int32 action = 1; uint64 memberID = 2; int32 alarm = 3; }
message AlarmMember { uint64 memberID = 1; int32 alarm = 2; }
message AlarmResponse { ResponseHeader header = 1; repeated AlarmMember alarms = 2; }
message StatusRequest {}
message StatusResponse {
  ResponseHeader header = 1; string version = 2; int64 dbSize = 3; uint64 leader = 4; uint64 raftIndex = 5;
  uint64 raftTerm = 6; uint64 raftAppliedIndex = 7; repeated string errors = 8; int64 dbSizeInUse = 9;
  bool isLearner = 10; string storageVersion = 11;
}
message DefragmentRequest {}
message DefragmentResponse { ResponseHeader header = 1; }
message HashKVRequest { int64 revision = 1; }
message HashKVResponse { ResponseHeader header = 1; uint32 hash = 2; int64 compact_revision = 3; }
message SnapshotRequest {}
message SnapshotResponse { ResponseHeader header = 1; uint64 remaining_bytes = 2; bytes blob = 3; string version = 4; }
service Maintenance {
  rpc Alarm(AlarmRequest) returns (AlarmResponse);
  rpc Status(StatusRequest) returns (StatusResponse);
  rpc Defragment(DefragmentRequest) returns (DefragmentResponse);
  rpc HashKV(HashKVRequest) returns (HashKVResponse);
  rpc Snapshot(SnapshotRequest) returns (stream SnapshotResponse);
}

message Permission { int32 permType = 1; bytes key = 2; bytes range_end = 3; }
message AuthUserAddRequest { string name = 1; string password = 2; }
message AuthUserAddResponse { ResponseHeader header = 1; }
message AuthRoleAddRequest { string name = 1; }
message AuthRoleAddResponse { ResponseHeader header = 1; }
message AuthRoleGrantPermissionRequest { string name = 1; Permission perm = 2; }
message AuthRoleGrantPermissionResponse { ResponseHeader header = 1; }
message AuthUserGrantRoleRequest { string user = 1; string role = 2; }
message AuthUserGrantRoleResponse { ResponseHeader header = 1; }
service Auth {
  rpc UserAdd(AuthUserAddRequest) returns (AuthUserAddResponse);
  rpc RoleAdd(AuthRoleAddRequest) returns (AuthRoleAddResponse);
  rpc RoleGrantPermission(AuthRoleGrantPermissionRequest) returns (AuthRoleGrantPermissionResponse);
  rpc UserGrantRole(AuthUserGrantRoleRequest) returns (AuthUserGrantRoleResponse);
}
`;
let loaded;
function etcdServices() {
    if (!loaded) {
        const root = protobufjs_default().parse(ETCD_PROTO, { keepCase: true }).root;
        const definition = build_src/* fromJSON */.rS(root.toJSON(), {
            keepCase: true,
            longs: String,
            enums: Number,
            bytes: Buffer,
            defaults: true,
            oneofs: true,
        });
        const pkg = src/* loadPackageDefinition */.ex(definition).etcdserverpb;
        loaded = pkg;
    }
    return loaded;
}

;// CONCATENATED MODULE: ./src/etcd/client.ts





const ALARMS = ['NONE', 'NOSPACE', 'CORRUPT'];
/**
 * etcd's HTTP/2 default flow-control window (64 KiB) makes a snapshot crawl through an SSH tunnel (one window
 * per round trip: ~1.4 MB/s measured); a 16 MiB window gives ~110 MB/s.
 */
const SNAPSHOT_CHANNEL_OPTIONS = {
    'grpc-node.flow_control_window': 16 * 1024 * 1024,
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': 64 * 1024 * 1024,
};
const big = (v) => BigInt(v ?? 0);
const bytes = (v) => (typeof v === 'string' ? Buffer.from(v) : v);
/** The end of the range that holds every key starting with `prefix` (etcd's convention). */
function prefixRangeEnd(prefix) {
    const end = Buffer.from(prefix);
    for (let i = end.length - 1; i >= 0; i--) {
        if (end[i] < 0xff) {
            end[i] += 1;
            return end.subarray(0, i + 1);
        }
    }
    return Buffer.from([0]);
}
/**
 * The key and range_end fields of a range or delete. A single key must be sent with no range_end at all: etcd
 * reads a present-but-empty range_end as "every key from here on" (a delete would take them all).
 */
function rangeOf(key, options) {
    const k = bytes(key);
    if (options.prefix)
        return { key: k, range_end: prefixRangeEnd(k) };
    const end = options.rangeEnd === undefined ? undefined : bytes(options.rangeEnd);
    return end && end.length > 0 ? { key: k, range_end: end } : { key: k };
}
function toKeyValue(raw) {
    return {
        key: raw.key,
        value: raw.value,
        createRevision: big(raw.create_revision),
        modRevision: big(raw.mod_revision),
        version: big(raw.version),
        lease: big(raw.lease),
    };
}
/** A small etcd v3 client over @grpc/grpc-js: what backup, restore, drills, the sandbox and tests need. */
class EtcdClient {
    address;
    clients;
    timeoutMs;
    constructor(address, options) {
        this.address = address;
        const services = etcdServices();
        const serverName = options.tls?.serverName ?? address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
        // An IP cannot go in SNI (RFC 6066): send a neutral name and check the certificate's IP SANs ourselves.
        const checkIp = (0,external_node_net_.isIP)(serverName) ? serverName : undefined;
        const credentials = options.tls
            ? src/* credentials */.z3.createSsl(options.tls.ca, options.tls.key, options.tls.cert, {
                ...(checkIp ? { checkServerIdentity: (_host, cert) => (0,external_node_tls_.checkServerIdentity)(checkIp, cert) } : {}),
            })
            : src/* credentials */.z3.createInsecure();
        const channelOptions = {
            ...SNAPSHOT_CHANNEL_OPTIONS,
            ...(options.tls ? { 'grpc.ssl_target_name_override': checkIp ? 'localhost' : serverName } : {}),
            ...options.channelOptions,
        };
        // All services share one channel (one TCP connection, one TLS handshake).
        const kv = new services.KV(address, credentials, channelOptions);
        const channel = { channelOverride: kv.getChannel() };
        this.clients = {
            KV: kv,
            Lease: new services.Lease(address, credentials, channel),
            Cluster: new services.Cluster(address, credentials, channel),
            Maintenance: new services.Maintenance(address, credentials, channel),
            Auth: new services.Auth(address, credentials, channel),
        };
        this.timeoutMs = options.callTimeoutMs ?? 15_000;
    }
    static connect(options) {
        return new EtcdClient(options.address, options);
    }
    unary(service, method, request, timeoutMs) {
        const client = this.clients[service];
        const deadline = new Date(Date.now() + (timeoutMs ?? this.timeoutMs));
        return new Promise((resolve, reject) => {
            client[method](request, { deadline }, (error, response) => {
                if (error)
                    reject(etcdErrorFrom(error, `${service}.${method}`, this.address));
                else
                    resolve(response);
            });
        });
    }
    async put(key, value, options = {}) {
        const r = await this.unary('KV', 'Put', {
            key: bytes(key),
            value: bytes(value),
            lease: String(options.lease ?? 0n),
        });
        return { revision: big(r.header.revision) };
    }
    /** Puts many keys in one transaction (etcd's default limit is 128 operations per transaction). */
    async putMany(entries) {
        const success = entries.map(([key, value]) => ({
            request_put: { key: bytes(key), value: bytes(value) },
        }));
        const r = await this.unary('KV', 'Txn', { success });
        return { revision: big(r.header.revision) };
    }
    async range(key, options = {}) {
        const r = await this.unary('KV', 'Range', {
            ...rangeOf(key, options),
            limit: String(options.limit ?? 0),
            revision: String(options.revision ?? 0n),
            keys_only: options.keysOnly ?? false,
            count_only: options.countOnly ?? false,
            serializable: options.serializable ?? false,
        });
        return {
            kvs: r.kvs.map(toKeyValue),
            count: Number(r.count),
            revision: big(r.header.revision),
            more: Boolean(r.more),
        };
    }
    /** Every key-value in [key, rangeEnd) at one revision, fetched in pages so memory stays bounded per page. */
    async *scan(key, options = {}) {
        const start = bytes(key);
        const end = options.prefix
            ? prefixRangeEnd(start)
            : options.rangeEnd
                ? bytes(options.rangeEnd)
                : prefixRangeEnd(start);
        let from = start;
        let revision;
        for (;;) {
            const page = await this.range(from, {
                rangeEnd: end,
                limit: options.pageSize ?? 1000,
                ...(revision ? { revision } : {}),
            });
            revision ??= page.revision;
            yield* page.kvs;
            if (!page.more || page.kvs.length === 0)
                return;
            from = Buffer.concat([page.kvs[page.kvs.length - 1].key, Buffer.from([0])]);
        }
    }
    async deleteRange(key, options = {}) {
        const r = await this.unary('KV', 'DeleteRange', rangeOf(key, options));
        return { deleted: Number(r.deleted), revision: big(r.header.revision) };
    }
    async compact(revision, physical = true) {
        await this.unary('KV', 'Compact', { revision: String(revision), physical }, 120_000);
    }
    async leaseGrant(ttlSeconds) {
        const r = await this.unary('Lease', 'LeaseGrant', { TTL: String(ttlSeconds), ID: '0' });
        if (r.error)
            throw new EtcdError(`etcd lease grant: ${String(r.error)}`);
        return big(r.ID);
    }
    async status() {
        const r = await this.unary('Maintenance', 'Status', {});
        const header = r.header;
        return {
            version: String(r.version),
            dbSize: big(r.dbSize),
            dbSizeInUse: big(r.dbSizeInUse),
            leader: big(r.leader),
            memberId: big(header.member_id),
            clusterId: big(header.cluster_id),
            raftIndex: big(r.raftIndex),
            raftTerm: big(r.raftTerm),
            revision: big(header.revision),
            errors: r.errors ?? [],
            isLearner: Boolean(r.isLearner),
            storageVersion: String(r.storageVersion ?? ''),
        };
    }
    /** Linearizable by default (needs a leader); `linearizable: false` answers from the member's own view. */
    async memberList(options = {}) {
        const r = await this.unary('Cluster', 'MemberList', { linearizable: options.linearizable ?? true });
        return r.members.map((m) => ({
            id: big(m.ID),
            name: String(m.name),
            peerURLs: m.peerURLs,
            clientURLs: m.clientURLs,
            isLearner: Boolean(m.isLearner),
        }));
    }
    async alarmList() {
        return this.alarm(0, 0n, 0);
    }
    /** Raises an alarm on a member (tests use it to put a cluster into NOSPACE, like a full disk would). */
    async alarmActivate(memberId, alarm) {
        return this.alarm(1, memberId, ALARMS.indexOf(alarm));
    }
    async alarmDeactivate(memberId, alarm) {
        return this.alarm(2, memberId, ALARMS.indexOf(alarm));
    }
    async alarm(action, memberId, alarm) {
        const r = await this.unary('Maintenance', 'Alarm', { action, memberID: String(memberId), alarm });
        return r.alarms.map((a) => ({
            memberId: big(a.memberID),
            alarm: ALARMS[Number(a.alarm)] ?? 'NONE',
        }));
    }
    async defragment() {
        await this.unary('Maintenance', 'Defragment', {}, 300_000);
    }
    async hashKV(revision = 0n) {
        const r = await this.unary('Maintenance', 'HashKV', { revision: String(revision) }, 300_000);
        return {
            hash: Number(r.hash),
            compactRevision: big(r.compact_revision),
            revision: big(r.header.revision),
        };
    }
    async authUserAdd(name, password) {
        await this.unary('Auth', 'UserAdd', { name, password });
    }
    async authRoleAdd(name) {
        await this.unary('Auth', 'RoleAdd', { name });
    }
    async authRoleGrantPermission(role, key, rangeEnd, perm) {
        const permType = ['READ', 'WRITE', 'READWRITE'].indexOf(perm);
        await this.unary('Auth', 'RoleGrantPermission', {
            name: role,
            perm: { permType, key: Buffer.from(key), range_end: Buffer.from(rangeEnd) },
        });
    }
    async authUserGrantRole(user, role) {
        await this.unary('Auth', 'UserGrantRole', { user, role });
    }
    /**
     * Starts Maintenance.Snapshot and waits for the first message, which tells the size. The stream has no
     * deadline (a big snapshot takes minutes); cancel() aborts it.
     */
    async openSnapshot() {
        const call = this.clients.Maintenance.Snapshot({});
        const iterator = call[Symbol.asyncIterator]();
        let first;
        try {
            first = await iterator.next();
        }
        catch (error) {
            throw etcdErrorFrom(error, 'Maintenance.Snapshot', this.address);
        }
        if (first.done)
            throw new EtcdError(`etcd Maintenance.Snapshot at ${this.address}: the stream ended before any data`);
        const firstBlob = first.value.blob;
        // remaining_bytes is what is left of the database after this message; the trailer comes on top.
        const totalBytes = Number(first.value.remaining_bytes) + firstBlob.length + 32;
        const address = this.address;
        async function* chunks() {
            yield firstBlob;
            try {
                for (;;) {
                    const next = await iterator.next();
                    if (next.done)
                        return;
                    yield next.value.blob;
                }
            }
            catch (error) {
                throw etcdErrorFrom(error, 'Maintenance.Snapshot', address);
            }
        }
        return {
            totalBytes,
            version: String(first.value.version ?? ''),
            chunks: chunks(),
            cancel: () => call.cancel(),
        };
    }
    /** The raw snapshot bytes in order: the database, then the 32-byte SHA-256 trailer. */
    async *snapshot() {
        const s = await this.openSnapshot();
        yield* s.chunks;
    }
    close() {
        for (const client of Object.values(this.clients))
            client.close();
    }
}


/***/ }),

/***/ 94976:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* reexport safe */ _trailer__WEBPACK_IMPORTED_MODULE_3__.Ar),
/* harmony export */   Rs: () => (/* reexport safe */ _inventory__WEBPACK_IMPORTED_MODULE_2__.Rs),
/* harmony export */   Uu: () => (/* reexport safe */ _verify__WEBPACK_IMPORTED_MODULE_5__.Uu)
/* harmony export */ });
/* harmony import */ var _diff__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29073);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94793);
/* harmony import */ var _inventory__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25236);
/* harmony import */ var _trailer__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84155);
/* harmony import */ var _verdict__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24181);
/* harmony import */ var _verify__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34247);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_diff__WEBPACK_IMPORTED_MODULE_0__, _inventory__WEBPACK_IMPORTED_MODULE_2__, _verify__WEBPACK_IMPORTED_MODULE_5__]);
([_diff__WEBPACK_IMPORTED_MODULE_0__, _inventory__WEBPACK_IMPORTED_MODULE_2__, _verify__WEBPACK_IMPORTED_MODULE_5__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);
// The snapshot module's public face: verify a file (or a stream), count what Kubernetes keeps in it, and
// compare two of them. Results are plain objects; printing lives in print.ts.
//
// What "verified" means here, beyond etcd's `snapshot status`: the SHA-256 trailer matches the database part;
// the size is exactly meta pgid × page size (+ 32 for the trailer); both meta pages are checked and the valid
// newest is used; every page reached from the root (branch, leaf, overflow, inline buckets, nested buckets)
// is in bounds, of the right type, carries its own id, is reached once, and keeps keys in order. Pages not
// reached: with a persisted freelist they must be listed in it (and nothing reached may be); without one
// (etcd on Linux) bbolt defines them as free, so only the trailer can vouch for their bytes.
//
// Typical use: `assertIntact(await verifySnapshot(path))` before a restore; `SnapshotTrailerCheck` piped into
// a download to know the bytes arrived as etcd sent them; `diffSnapshots(a, b)` after a drill.







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


/***/ }),

/***/ 70898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ createPrivateTempDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



const live = new Set();
let hooked = false;
function removeAll() {
    for (const dir of live)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    live.clear();
}
function hookProcessExit() {
    if (hooked)
        return;
    hooked = true;
    process.on('exit', removeAll);
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            removeAll();
            // Re-raise so the exit status says we were cancelled.
            process.kill(process.pid, signal);
        });
    }
}
function createPrivateTempDir(prefix = 'etcd-backup-', parent = process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)()) {
    hookProcessExit();
    const path = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(parent, prefix));
    live.add(path);
    return {
        path,
        file: (name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(path, name),
        dispose: () => {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { recursive: true, force: true });
            live.delete(path);
        },
    };
}


/***/ })

};
