import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 829;
export const ids = [829];
export const modules = {

/***/ 31681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ CompactKeyMap)
});

// UNUSED EXPORTS: KEY_SEGMENT_BYTES

;// CONCATENATED MODULE: ./src/snapshot/key-hash.ts
/** FNV-1a, 32 bits, mixed at the end so that the low bits (a table index) depend on every byte. */
function hashKeyBytes(key, start = 0, end = key.length) {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++)
        h = Math.imul(h ^ key[i], 0x01000193);
    return finish(h);
}
/**
 * The same hash over a latin1 string (one char per byte, as `Buffer.toString('latin1')` makes), without
 * encoding it first. -1 when a char is above 0xff: no byte key reads back as that string.
 */
function hashKeyLatin1(key) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (c > 0xff)
            return -1;
        h = Math.imul(h ^ c, 0x01000193);
    }
    return finish(h);
}
function finish(h) {
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h >>> 0;
}

;// CONCATENATED MODULE: ./src/snapshot/compact-key-map.ts

const FIRST_ENTRIES = 1024;
/** Dead entries are squeezed out once there are this many and more than live ones. */
const COMPACT_AFTER = 4096;
/** Key bytes are kept in segments of this size; a longer key gets a segment of its own. */
const KEY_SEGMENT_BYTES = 1 << 20;
/** An entry's key address: segment number × this + offset in the segment (exact in a double). */
const SEGMENT_STRIDE = 2 ** 32;
/**
 * A map from byte-string keys to a fixed-size record (a few typed-array columns the caller names), held
 * without a JS object or string per key: key bytes packed into fixed-size segments, per entry an address,
 * a length, a hash and a live flag plus the caller's columns, and an open-addressing table of entry
 * numbers. Iterates in insertion order like a Map: setting a live key keeps its place, a deleted key set
 * again goes to the end. Deleted entries stay in place (dead) until they outnumber the live ones, then are
 * squeezed out in one pass that keeps the order.
 *
 * The key bytes, the bulk of it, grow one segment at a time and are never copied to a larger arena, so
 * growing never holds two copies of them; only the per-entry arrays and the table double.
 */
class CompactKeyMap {
    columnTypes;
    segmentBytes;
    /** Key bytes; a null segment was freed (a long key's, or one emptied by a squeeze). */
    segments = [];
    /** Numbers of the segments shared by short keys, in packing order. */
    shared = [];
    /** Where the next short key goes: shared[sharedIndex], at sharedUsed. */
    sharedIndex = -1;
    sharedUsed = 0;
    addresses = new Float64Array(FIRST_ENTRIES);
    lengths = new Uint32Array(FIRST_ENTRIES);
    hashes = new Uint32Array(FIRST_ENTRIES);
    live = new Uint8Array(FIRST_ENTRIES);
    /** Entries made so far, live or dead: the next entry number. */
    entries = 0;
    dead = 0;
    /** Entry number + 1 per slot, the key's newest entry (live or dead); 0 = empty. At most half full. */
    table = new Uint32Array(FIRST_ENTRIES * 2);
    /** The caller's per-entry record; arrays are replaced as they grow, so read them after set(). */
    columns;
    /** The same arrays as `columns`, as a list (no allocation per entry to visit them). */
    columnList = [];
    size = 0;
    constructor(columnTypes, segmentBytes = KEY_SEGMENT_BYTES) {
        this.columnTypes = columnTypes;
        this.segmentBytes = segmentBytes;
        this.columns = {};
        for (const name of Object.keys(columnTypes))
            this.columns[name] = new columnTypes[name](FIRST_ENTRIES);
        this.columnList = Object.values(this.columns);
    }
    /** The entry of a key, made live: its own if live already, else a new one at the end (columns zeroed). */
    set(key) {
        return this.setRange(key, 0, key.length);
    }
    /** set() of the key in buf[start, end), read in place. */
    setRange(buf, start, end) {
        const hash = hashKeyBytes(buf, start, end);
        const slot = this.slotOfBytes(buf, start, end, hash);
        const at = this.table[slot];
        if (at !== 0 && this.live[at - 1])
            return at - 1;
        const entry = this.append(buf, start, end, hash);
        this.table[slot] = entry + 1;
        this.size++;
        if (this.entries * 2 > this.table.length)
            this.rebuildTable(this.table.length * 2);
        return entry;
    }
    delete(key) {
        return this.deleteRange(key, 0, key.length);
    }
    /** delete() of the key in buf[start, end), read in place. */
    deleteRange(buf, start, end) {
        const at = this.table[this.slotOfBytes(buf, start, end, hashKeyBytes(buf, start, end))];
        if (at === 0 || !this.live[at - 1])
            return false;
        this.live[at - 1] = 0;
        this.size--;
        this.dead++;
        if (this.dead >= COMPACT_AFTER && this.dead > this.size)
            this.compact();
        return true;
    }
    /** The live entry of a key given as a latin1 string, or -1. */
    find(key) {
        const hash = hashKeyLatin1(key);
        if (hash < 0)
            return -1;
        const mask = this.table.length - 1;
        for (let slot = hash & mask;; slot = (slot + 1) & mask) {
            const at = this.table[slot];
            if (at === 0)
                return -1;
            const entry = at - 1;
            if (this.hashes[entry] === hash && this.sameLatin1(entry, key))
                return this.live[entry] ? entry : -1;
        }
    }
    /** The live entry of the key in buf[start, end), or -1; reads in place, allocates nothing. */
    findRange(buf, start, end) {
        const at = this.table[this.slotOfBytes(buf, start, end, hashKeyBytes(buf, start, end))];
        return at !== 0 && this.live[at - 1] ? at - 1 : -1;
    }
    /** Live entries in insertion order. */
    *liveEntries() {
        for (let entry = 0; entry < this.entries; entry++)
            if (this.live[entry])
                yield entry;
    }
    /** Each live key's bytes in insertion order, as buf[start, end) (no string or view per key). */
    forEachLiveKey(visit) {
        for (let entry = 0; entry < this.entries; entry++) {
            if (!this.live[entry])
                continue;
            const address = this.addresses[entry];
            const offset = address % SEGMENT_STRIDE;
            visit(this.segments[Math.floor(address / SEGMENT_STRIDE)], offset, offset + this.lengths[entry], entry);
        }
    }
    /** The key of an entry as a latin1 string (one char per byte, byte-exact). */
    keyOf(entry) {
        const address = this.addresses[entry];
        const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)];
        const offset = address % SEGMENT_STRIDE;
        return segment.toString('latin1', offset, offset + this.lengths[entry]);
    }
    /** Bytes held, for measurements. */
    get bytes() {
        let total = this.addresses.byteLength +
            this.lengths.byteLength +
            this.hashes.byteLength +
            this.live.byteLength +
            this.table.byteLength;
        for (const column of this.columnList)
            total += column.byteLength;
        for (const segment of this.segments)
            total += segment?.byteLength ?? 0;
        return total;
    }
    /** The size of every key segment held, for tests of how the key bytes grow. */
    get segmentSizes() {
        return this.segments.filter((s) => s !== null).map((s) => s.byteLength);
    }
    /** The slot holding the key's newest entry, or the empty slot where it would go. */
    slotOfBytes(buf, start, end, hash) {
        const mask = this.table.length - 1;
        for (let slot = hash & mask;; slot = (slot + 1) & mask) {
            const at = this.table[slot];
            if (at === 0 || (this.hashes[at - 1] === hash && this.sameBytes(at - 1, buf, start, end)))
                return slot;
        }
    }
    sameBytes(entry, buf, start, end) {
        const length = this.lengths[entry];
        if (length !== end - start)
            return false;
        const address = this.addresses[entry];
        const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)];
        const offset = address % SEGMENT_STRIDE;
        for (let i = 0; i < length; i++)
            if (segment[offset + i] !== buf[start + i])
                return false;
        return true;
    }
    sameLatin1(entry, key) {
        const length = this.lengths[entry];
        if (length !== key.length)
            return false;
        const address = this.addresses[entry];
        const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)];
        const offset = address % SEGMENT_STRIDE;
        for (let i = 0; i < length; i++)
            if (segment[offset + i] !== key.charCodeAt(i))
                return false;
        return true;
    }
    /** Where `length` key bytes go: the current shared segment, the next one, or a segment of their own. */
    place(length) {
        if (length > this.segmentBytes)
            return this.newSegment(length) * SEGMENT_STRIDE;
        if (this.sharedIndex < 0 || this.sharedUsed + length > this.segmentBytes) {
            this.sharedIndex++;
            this.sharedUsed = 0;
            if (this.sharedIndex === this.shared.length)
                this.shared.push(this.newSegment(this.segmentBytes));
        }
        const address = this.shared[this.sharedIndex] * SEGMENT_STRIDE + this.sharedUsed;
        this.sharedUsed += length;
        return address;
    }
    /** A new segment's number, reusing the number of a freed one. */
    newSegment(bytes) {
        const segment = Buffer.allocUnsafeSlow(bytes);
        const free = this.segments.indexOf(null);
        if (free >= 0) {
            this.segments[free] = segment;
            return free;
        }
        return this.segments.push(segment) - 1;
    }
    append(buf, start, end, hash) {
        const length = end - start;
        const address = this.place(length);
        const segment = this.segments[Math.floor(address / SEGMENT_STRIDE)];
        const offset = address % SEGMENT_STRIDE;
        // Byte by byte for the usual short key: a subarray to copy from would be one more object per key.
        if (length <= 256)
            for (let i = 0; i < length; i++)
                segment[offset + i] = buf[start + i];
        else
            segment.set(buf.subarray(start, end), offset);
        if (this.entries === this.addresses.length)
            this.resizeEntries(this.entries * 2);
        const entry = this.entries++;
        this.addresses[entry] = address;
        this.lengths[entry] = length;
        this.hashes[entry] = hash;
        this.live[entry] = 1;
        for (const column of this.columnList)
            column[entry] = 0;
        return entry;
    }
    resizeEntries(capacity) {
        const resize = (old, next) => {
            next.set(old.subarray(0, Math.min(old.length, capacity)));
            return next;
        };
        this.addresses = resize(this.addresses, new Float64Array(capacity));
        this.lengths = resize(this.lengths, new Uint32Array(capacity));
        this.hashes = resize(this.hashes, new Uint32Array(capacity));
        this.live = resize(this.live, new Uint8Array(capacity));
        for (const name of Object.keys(this.columnTypes)) {
            const next = new this.columnTypes[name](capacity);
            this.columns[name] = resize(this.columns[name], next);
        }
        this.columnList = Object.values(this.columns);
    }
    /**
     * Drops dead entries and their key bytes, keeping the order of the live ones; entry numbers change. Short
     * keys are packed again from the first shared segment with the same rule as append(), so a key only ever
     * moves towards the front of the segments and never onto bytes not yet moved; long keys stay where they
     * are, and the segments of dead long keys and the shared segments left empty are freed.
     */
    compact() {
        const columns = this.columnList;
        let kept = 0;
        let toIndex = -1;
        let toUsed = 0;
        for (let entry = 0; entry < this.entries; entry++) {
            const address = this.addresses[entry];
            const number = Math.floor(address / SEGMENT_STRIDE);
            const length = this.lengths[entry];
            if (!this.live[entry]) {
                if (length > this.segmentBytes)
                    this.segments[number] = null;
                continue;
            }
            let moved = address;
            if (length <= this.segmentBytes) {
                if (toIndex < 0 || toUsed + length > this.segmentBytes) {
                    toIndex++;
                    toUsed = 0;
                }
                moved = this.shared[toIndex] * SEGMENT_STRIDE + toUsed;
                toUsed += length;
                if (moved !== address) {
                    const from = this.segments[number];
                    const offset = address % SEGMENT_STRIDE;
                    from.copy(this.segments[this.shared[toIndex]], moved % SEGMENT_STRIDE, offset, offset + length);
                }
            }
            this.addresses[kept] = moved;
            this.lengths[kept] = length;
            this.hashes[kept] = this.hashes[entry];
            this.live[kept] = 1;
            for (const column of columns)
                column[kept] = column[entry];
            kept++;
        }
        for (const number of this.shared.splice(toIndex + 1))
            this.segments[number] = null;
        this.sharedIndex = toIndex;
        this.sharedUsed = toIndex < 0 ? 0 : toUsed;
        this.live.fill(0, kept, this.entries);
        this.entries = kept;
        this.dead = 0;
        this.rebuildTable(this.table.length);
    }
    rebuildTable(slots) {
        const table = new Uint32Array(slots);
        const mask = slots - 1;
        for (let entry = 0; entry < this.entries; entry++) {
            if (!this.live[entry])
                continue;
            let slot = this.hashes[entry] & mask;
            while (table[slot] !== 0)
                slot = (slot + 1) & mask;
            table[slot] = entry + 1;
        }
        this.table = table;
    }
}


/***/ }),

/***/ 10042:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EL: () => (/* binding */ crc32cUpdate),
/* harmony export */   b2: () => (/* binding */ crc32cFinal),
/* harmony export */   rS: () => (/* binding */ crc32cInit)
/* harmony export */ });
/* unused harmony exports crc32cImplementation, crc32cUpdateJs, crc32c */
/**
 * CRC-32C (Castagnoli), the checksum behind etcd's `snapshot status` hash: reflected polynomial 0x82F63B78,
 * init and final xor 0xFFFFFFFF. The status hash covers every key and value, so the bulk goes to
 * @node-rs/crc32 (SSE4.2/ARMv8 CRC instructions, about 7 GB/s here against 1.5 GB/s in JavaScript) when its
 * prebuilt binary loads for this platform; otherwise, and for short inputs where a native call costs more
 * than it saves, slicing-by-8 tables in JavaScript.
 */
const POLY = 0x82f63b78;
const TABLES = buildTables();
function buildTables() {
    const t = new Uint32Array(8 * 256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
        t[n] = c >>> 0;
    }
    for (let n = 0; n < 256; n++) {
        let c = t[n];
        for (let s = 1; s < 8; s++) {
            c = t[c & 0xff] ^ (c >>> 8);
            t[s * 256 + n] = c >>> 0;
        }
    }
    return t;
}
const WORD_PATH_MIN = 64;
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
async function loadNative() {
    if (process.env.ETCD_BACKUP_CRC32C === 'js')
        return undefined;
    try {
        const { crc32c } = await __webpack_require__.e(/* import() */ 344).then(__webpack_require__.t.bind(__webpack_require__, 96344, 23));
        // A binary that loads but computes something else would silently break every status hash.
        return crc32c(Buffer.from('123456789')) === 0xe3069283 ? crc32c : undefined;
    }
    catch {
        return undefined;
    }
}
const native = await loadNative();
/** Which implementation `crc32cUpdate` uses for long inputs. */
const crc32cImplementation = (/* unused pure expression or super */ null && (native ? 'native' : 'javascript'));
/** Below this many bytes the JavaScript tables beat the cost of a native call. */
const NATIVE_MIN = 96;
/** Continues a CRC-32C over `data`; start from `crc32cInit` and finish with `crc32cFinal`. */
function crc32cUpdate(state, data, start = 0, end = data.length) {
    if (native === undefined || end - start < NATIVE_MIN)
        return crc32cUpdateJs(state, data, start, end);
    // The native function takes and returns finished values; the running state here is unfinished.
    const part = start === 0 && end === data.length ? data : data.subarray(start, end);
    return (native(part, (state ^ 0xffffffff) >>> 0) ^ 0xffffffff) >>> 0;
}
/** The JavaScript implementation alone (the fallback), exported so tests can hold both to the definition. */
function crc32cUpdateJs(state, data, start = 0, end = data.length) {
    const t = TABLES;
    let c = state;
    let i = start;
    if (end - i >= WORD_PATH_MIN && LITTLE_ENDIAN_HOST) {
        // Align to 4 bytes in the underlying memory, then read two 32-bit words per step through an Int32Array
        // view: fewer loads than byte reads.
        while ((data.byteOffset + i) & 3)
            c = t[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
        const words = ((end - i) >>> 3) << 1;
        const w = new Int32Array(data.buffer, data.byteOffset + i, words);
        for (let j = 0; j < words; j += 2) {
            const a = c ^ w[j];
            const b = w[j + 1];
            c =
                t[1792 + (a & 0xff)] ^
                    t[1536 + ((a >>> 8) & 0xff)] ^
                    t[1280 + ((a >>> 16) & 0xff)] ^
                    t[1024 + (a >>> 24)] ^
                    t[768 + (b & 0xff)] ^
                    t[512 + ((b >>> 8) & 0xff)] ^
                    t[256 + ((b >>> 16) & 0xff)] ^
                    t[b >>> 24];
        }
        i += words << 2;
    }
    else {
        const fast = end - ((end - i) & 7);
        while (i < fast) {
            const lo = (c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24))) >>> 0;
            c =
                t[1792 + (lo & 0xff)] ^
                    t[1536 + ((lo >>> 8) & 0xff)] ^
                    t[1280 + ((lo >>> 16) & 0xff)] ^
                    t[1024 + (lo >>> 24)] ^
                    t[768 + data[i + 4]] ^
                    t[512 + data[i + 5]] ^
                    t[256 + data[i + 6]] ^
                    t[data[i + 7]];
            i += 8;
        }
    }
    while (i < end)
        c = t[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
    return c;
}
const crc32cInit = 0xffffffff;
function crc32cFinal(state) {
    return (state ^ 0xffffffff) >>> 0;
}
function crc32c(data) {
    return crc32cFinal(crc32cUpdate(crc32cInit, data));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 29073:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aA: () => (/* binding */ diffLiveKeys)
/* harmony export */ });
/* unused harmony exports OTHER_KEYS, diffSnapshots */
/* harmony import */ var _inventory__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25236);
/* harmony import */ var _kubernetes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46839);
/* harmony import */ var _verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34247);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_inventory__WEBPACK_IMPORTED_MODULE_0__, _verify__WEBPACK_IMPORTED_MODULE_2__]);
([_inventory__WEBPACK_IMPORTED_MODULE_0__, _verify__WEBPACK_IMPORTED_MODULE_2__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);



const OTHER_KEYS = '(other)';
function sameValue(a, b) {
    if (!a || !b)
        return a === b;
    return a.valueCrc === b.valueCrc && a.valueSize === b.valueSize;
}
/** Compares the live keys of two snapshots: a key is changed when its value differs (CRC-32 and size). */
function diffLiveKeys(a, b, options = {}) {
    const prefix = options.prefix ?? _kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .REGISTRY_PREFIX */ .Z7;
    const diff = { added: 0, removed: 0, changed: 0, unchanged: 0, groups: [] };
    if (options.names)
        diff.names = { added: [], removed: [], changed: [] };
    const groups = new Map();
    const note = (rawKey, change) => {
        const key = Buffer.from(rawKey, 'latin1').toString('utf8');
        const k8s = (0,_kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .classifyKey */ .eL)(key, prefix);
        const resource = k8s?.resource ?? OTHER_KEYS;
        const namespace = k8s?.namespace ?? '';
        const id = `${resource}\0${namespace}`;
        let group = groups.get(id);
        if (!group) {
            group = { resource, namespace, added: 0, removed: 0, changed: 0 };
            groups.set(id, group);
        }
        group[change]++;
        diff[change]++;
        diff.names?.[change].push(key);
    };
    for (const [key, before] of a.entries()) {
        const after = b.get(key);
        if (after === undefined)
            note(key, 'removed');
        else if (!sameValue(before, after))
            note(key, 'changed');
        else
            diff.unchanged++;
    }
    for (const key of b.keys())
        if (!a.has(key))
            note(key, 'added');
    diff.groups = [...groups.values()].sort((x, y) => x.resource === y.resource ? (x.namespace < y.namespace ? -1 : 1) : x.resource < y.resource ? -1 : 1);
    if (diff.names)
        for (const list of Object.values(diff.names))
            list.sort();
    return diff;
}
/**
 * What differs between two snapshots, by resource type and namespace: the basis for restore checks and
 * drills. Both are verified first; throws SnapshotError if either tree is damaged.
 */
async function diffSnapshots(base, other, options = {}) {
    const verify = { etcdCompat: options.etcdCompat, liveKeys: 'detailed' };
    const a = await analyseSnapshot(base, verify);
    if (!a.liveKeys)
        throw damaged(a.report, 'compare the keys');
    const b = await analyseSnapshot(other, verify);
    if (!b.liveKeys)
        throw damaged(b.report, 'compare the keys');
    return { base: a.report, other: b.report, diff: diffLiveKeys(a.liveKeys, b.liveKeys, options) };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 94793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ SnapshotError),
/* harmony export */   K: () => (/* binding */ SNAPSHOT_EXIT)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** Exit codes of `inspect` and of anything that refuses a snapshot. */
const SNAPSHOT_EXIT = {
    intact: 0,
    /** Bad command line or a file that cannot be read at all (missing, a directory, no permission). */
    unreadable: 2,
    /** The file is not an intact etcd snapshot: the one-line reason names the page and offset. */
    damaged: 3,
    /** A raw member/snap/db copy: structurally sound, but nothing proves it is the bytes etcd sent. */
    noTrailer: 4,
};
/**
 * The only error the snapshot module lets escape. Damage found while verifying is reported in the
 * SnapshotReport, not thrown; this is thrown when the input cannot be read or when a caller asks for an
 * intact snapshot and did not get one.
 */
class SnapshotError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(message, options = {}) {
        super(message, { exitCode: SNAPSHOT_EXIT.damaged, ...options });
    }
}


/***/ }),

/***/ 41610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ SnapshotFile)
});

// UNUSED EXPORTS: CHUNK_SIZE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/snapshot/chunk-hasher.ts


/** Below this many bytes a worker's start-up costs more than hashing on the main thread saves. */
const WORKER_HASH_THRESHOLD = 64 << 20;
/**
 * A SHA-256 fed piecewise that takes a digest each time the byte count passes a cut. Shared by the
 * main-thread hasher and (as source text) the worker, so both split chunks at cuts the same way.
 */
const CUT_HASHER = `(function (createHash, cuts) {
  const hash = createHash('sha256');
  const digests = [];
  let done = 0;
  let cut = 0;
  const take = () => {
    while (cut < cuts.length && done >= cuts[cut]) { digests.push(hash.copy().digest()); cut++; }
  };
  take();
  return {
    digests,
    update(bytes) {
      let at = 0;
      while (at < bytes.length && cut < cuts.length) {
        const n = Math.min(bytes.length - at, cuts[cut] - done);
        hash.update(bytes.subarray(at, at + n));
        at += n;
        done += n;
        take();
      }
    },
    // A file shorter than a cut: that digest covers what there was.
    end() { while (cut < cuts.length) { digests.push(hash.copy().digest()); cut++; } return digests; },
  };
})`;
const cutHasherFactory = new Function(`return ${CUT_HASHER}`)();
function makeCutHasher(cuts) {
    return cutHasherFactory(external_node_crypto_.createHash, cuts);
}
/** The worker's read size: small enough that each piece is still in this core's cache when it is hashed. */
const WORKER_READ = 512 << 10;
// Plain JS so it survives bundling. Reads the already-open descriptor by position (no shared offset) into
// one small buffer and hashes it; stops between reads once told to.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { fd, cuts, stop } = workerData;
const stopped = new Int32Array(stop);
const hasher = ${CUT_HASHER}(createHash, cuts);
const end = cuts[cuts.length - 1];
const chunk = Buffer.allocUnsafe(${WORKER_READ});
let done = 0;
while (done < end && Atomics.load(stopped, 0) === 0) {
  const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - done), done);
  if (n <= 0) break;
  hasher.update(chunk.subarray(0, n));
  done += n;
}
if (Atomics.load(stopped, 0) === 0) parentPort.postMessage(hasher.end());
`;
/**
 * The hasher for a file's SHA-256 prefixes: for large files a worker thread that reads the file by itself
 * (on the other core, alongside the walk: hashing data another core has just written into shared memory
 * measured a third slower than reading it again here), for small ones the sequential pass's own chunks.
 */
function startChunkHasher(cuts, end, fd, 
/** Hashes the file by position on this thread: the fallback if the worker fails. */
rehash) {
    if (end >= WORKER_HASH_THRESHOLD) {
        try {
            return new WorkerHasher(cuts, fd, rehash);
        }
        catch {
            // no worker threads here: same result on one core
        }
    }
    return new InlineHasher(cuts, end);
}
class Deferred {
    resolve;
    reject;
    promise = new Promise((resolve, reject) => {
        this.resolve = resolve;
        this.reject = reject;
    });
    settled = false;
    settle(outcome) {
        if (this.settled)
            return;
        this.settled = true;
        try {
            this.resolve(outcome());
        }
        catch (error) {
            this.reject(error instanceof Error ? error : new Error(String(error)));
        }
    }
    fail(error) {
        if (this.settled)
            return;
        this.settled = true;
        this.reject(error);
    }
}
class InlineHasher {
    end;
    thread = 'main';
    hasher;
    result = new Deferred();
    digests = this.result.promise;
    constructor(cuts, end) {
        this.end = end;
        this.hasher = makeCutHasher(cuts);
    }
    get wantsChunks() {
        return !this.result.settled;
    }
    produced(bytes) {
        this.hasher.update(bytes);
    }
    allProduced() {
        this.result.settle(() => this.hasher.end());
    }
    abort() {
        this.result.fail(new Error('verification stopped'));
        return Promise.resolve();
    }
}
class WorkerHasher {
    cuts;
    rehash;
    thread = 'worker';
    end = 0;
    wantsChunks = false;
    stop = new Int32Array(new SharedArrayBuffer(4));
    worker;
    exited;
    result = new Deferred();
    digests = this.result.promise;
    lost = false;
    finished = false;
    constructor(cuts, fd, rehash) {
        this.cuts = cuts;
        this.rehash = rehash;
        this.worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { fd, cuts, stop: this.stop.buffer },
        });
        this.worker.once('message', (digests) => {
            this.result.settle(() => digests.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength)));
        });
        const lost = () => {
            this.lost = true;
            if (this.finished)
                this.result.settle(() => this.rehash(this.cuts));
        };
        this.worker.once('error', lost);
        this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
        void this.exited.then(lost);
    }
    produced() { }
    allProduced() {
        this.finished = true;
        if (this.lost)
            this.result.settle(() => this.rehash(this.cuts));
    }
    /** Tells the worker to stop reading; resolves once it has (then the descriptor may be closed). */
    abort() {
        Atomics.store(this.stop, 0, 1);
        this.result.fail(new Error('verification stopped'));
        return this.exited;
    }
}
/** SHA-256 prefixes by a positional pass of its own (4 MiB reads): the fallback when a worker fails. */
function hashByPosition(cuts, readAt) {
    const hasher = makeCutHasher(cuts);
    const end = cuts.at(-1) ?? 0;
    const chunk = Buffer.allocUnsafe(Math.min(4 << 20, Math.max(end, 1)));
    let done = 0;
    while (done < end) {
        const n = readAt(chunk.subarray(0, Math.min(chunk.length, end - done)), done);
        if (n <= 0)
            break;
        hasher.update(chunk.subarray(0, n));
        done += n;
    }
    return hasher.end();
}

// EXTERNAL MODULE: ./src/snapshot/errors.ts
var errors = __webpack_require__(94793);
;// CONCATENATED MODULE: ./src/snapshot/file.ts



const BLOCK_SIZE = 1 << 20;
const MAX_BLOCKS = 8;
/** The sequential pass reads the file in chunks of this size into a ring of RING_CHUNKS of them. */
const CHUNK_SIZE = 512 << 10;
const RING_CHUNKS = 32;
/** How far past what has been read a page may lie and still be reached by reading on sequentially. */
const LOOKAHEAD = 8 << 20;
/**
 * A snapshot file read in pieces, never as a whole, with memory flat whatever its size.
 *
 * Once `startSequential` is called, the file is read from the start in 512 KiB chunks into a 16 MiB ring,
 * and a page that lies in the ring, or a little past it, is served from there: a tree walk of an etcd
 * snapshot mostly moves forward through the file, so this is one large read per chunk instead of a read per
 * page. Pages elsewhere (behind the ring, or far ahead) are read by position through a small cache of
 * 1 MiB blocks. The SHA-256 of a large file is computed meanwhile by a worker thread reading on its own;
 * that of a small one from the ring's chunks.
 *
 * A view returned by read() is valid only until the next read(); copy to keep.
 */
class SnapshotFile {
    path;
    fd;
    size;
    blocks = new Map();
    ring;
    scratch = Buffer.alloc(0);
    /** Where the sequential pass hashes, once started with cuts. */
    hashThread;
    constructor(path, fd) {
        this.path = path;
        this.fd = fd;
        this.size = (0,external_node_fs_.fstatSync)(fd).size;
    }
    static open(path) {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(path, 'r');
            const st = (0,external_node_fs_.fstatSync)(fd);
            if (!st.isFile())
                throw new Error('not a regular file');
            return new SnapshotFile(path, fd);
        }
        catch (error) {
            if (fd !== undefined)
                (0,external_node_fs_.closeSync)(fd);
            const reason = error.code ?? error.message;
            throw new errors/* SnapshotError */.J(`cannot read snapshot '${path}': ${reason}`, {
                exitCode: errors/* SNAPSHOT_EXIT */.K.unreadable,
                hint: 'give the path of an etcd snapshot file (etcdctl snapshot save output or member/snap/db)',
                cause: error,
            });
        }
    }
    /**
     * Starts the one sequential pass. With `hashCuts` (ascending byte counts), returns the SHA-256 of the
     * file's first `cut` bytes for each cut, available once `finishSequential` has read up to the last cut.
     */
    startSequential(hashCuts = []) {
        if (this.ring)
            throw new Error('the sequential pass has already started');
        const hashEnd = Math.min(hashCuts.at(-1) ?? 0, this.size);
        const hasher = hashCuts.length > 0
            ? startChunkHasher(hashCuts, hashEnd, this.fd, (cuts) => hashByPosition(cuts, (target, position) => this.readInto(target, position)))
            : undefined;
        this.hashThread = hasher?.thread;
        const chunks = Math.max(1, Math.min(RING_CHUNKS, Math.ceil(this.size / CHUNK_SIZE)));
        this.ring = new Ring(this.fd, this.size, chunks, hasher, this.path);
        return hasher?.digests;
    }
    /** Reads on to the last hash cut, so that the digests promised by `startSequential` arrive. */
    finishSequential() {
        this.ring?.finish();
    }
    /** `length` bytes at `position`, or fewer if the file ends first. May be a view valid until the next read. */
    read(position, length) {
        const end = Math.min(position + length, this.size);
        if (position >= end)
            return Buffer.alloc(0);
        const ring = this.ring;
        if (ring && position >= ring.start && end - position <= ring.reach) {
            if (end > ring.end && end <= ring.end + LOOKAHEAD)
                ring.advanceTo(end);
            if (end <= ring.end)
                return ring.view(position, end, this.scratchOf(end - position));
        }
        return this.readByPosition(position, end);
    }
    /**
     * Copies up to `target.length` bytes at `position` into `target` through the same caches as read(), and
     * returns how many: for small fixed-size pieces (a page header) read once per page, without a view object
     * per read.
     */
    copyInto(target, position) {
        const end = Math.min(position + target.length, this.size);
        if (position >= end)
            return 0;
        const ring = this.ring;
        if (ring && position >= ring.start && end - position <= ring.reach) {
            if (end > ring.end && end <= ring.end + LOOKAHEAD)
                ring.advanceTo(end);
            if (end <= ring.end)
                return ring.copyOut(position, end, target);
        }
        const first = Math.floor(position / BLOCK_SIZE);
        const last = Math.floor((end - 1) / BLOCK_SIZE);
        let done = 0;
        for (let b = first; b <= last; b++) {
            const block = this.block(b);
            const from = b === first ? position - b * BLOCK_SIZE : 0;
            const to = Math.min(block.length, end - b * BLOCK_SIZE);
            if (to <= from)
                break;
            block.copy(target, done, from, to);
            done += to - from;
        }
        return done;
    }
    /** Reads straight into `target` by position, bypassing every cache (for a hash pass of its own). */
    readInto(target, position) {
        return (0,external_node_fs_.readSync)(this.fd, target, 0, target.length, position);
    }
    close() {
        const fd = this.fd;
        this.fd = -1;
        this.blocks.clear();
        const stopping = this.ring?.abort();
        this.ring = undefined;
        if (fd < 0)
            return;
        // A hashing worker may be between reads of this descriptor: close it once the worker has stopped.
        if (stopping)
            void stopping.then(() => (0,external_node_fs_.closeSync)(fd));
        else
            (0,external_node_fs_.closeSync)(fd);
    }
    scratchOf(length) {
        if (this.scratch.length < length)
            this.scratch = Buffer.allocUnsafeSlow(Math.max(length, 64 << 10));
        return this.scratch;
    }
    readByPosition(position, end) {
        const first = Math.floor(position / BLOCK_SIZE);
        const last = Math.floor((end - 1) / BLOCK_SIZE);
        if (first === last) {
            const block = this.block(first);
            const from = position - first * BLOCK_SIZE;
            return block.subarray(from, from + (end - position));
        }
        const out = Buffer.allocUnsafe(end - position);
        let done = 0;
        for (let b = first; b <= last; b++) {
            const block = this.block(b);
            const from = b === first ? position - b * BLOCK_SIZE : 0;
            const to = Math.min(block.length, end - b * BLOCK_SIZE);
            block.copy(out, done, from, to);
            done += to - from;
        }
        return out;
    }
    block(index) {
        const cached = this.blocks.get(index);
        if (cached) {
            this.blocks.delete(index);
            this.blocks.set(index, cached);
            return cached;
        }
        const start = index * BLOCK_SIZE;
        const length = Math.min(BLOCK_SIZE, this.size - start);
        // Reuse the least recently used block's memory: no garbage per block, flat memory whatever the file size.
        let buffer;
        if (this.blocks.size >= MAX_BLOCKS) {
            const oldest = this.blocks.keys().next().value;
            const evicted = this.blocks.get(oldest);
            this.blocks.delete(oldest);
            if (evicted.byteOffset === 0 && evicted.buffer.byteLength === BLOCK_SIZE)
                buffer = Buffer.from(evicted.buffer, 0, length);
        }
        buffer ??= Buffer.allocUnsafeSlow(BLOCK_SIZE).subarray(0, length);
        const done = readFully(this.fd, buffer, length, start);
        const block = done === length ? buffer : buffer.subarray(0, done);
        this.blocks.set(index, block);
        return block;
    }
}
function readFully(fd, target, length, position) {
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_.readSync)(fd, target, done, length - done, position + done);
        if (n === 0)
            break;
        done += n;
    }
    return done;
}
/** The last `count` chunks read, chunk k in slot k % count; every chunk goes to the hasher in order, if it wants them. */
class Ring {
    fd;
    size;
    count;
    path;
    slots = [];
    lengths = [];
    /** Index of the next chunk to read. */
    next = 0;
    /** Bytes [0, end) have been read; the last `count` chunks of them are in the ring. */
    end = 0;
    hasher;
    constructor(fd, size, count, hasher, path) {
        this.fd = fd;
        this.size = size;
        this.count = count;
        this.path = path;
        const memory = Buffer.allocUnsafeSlow(count * CHUNK_SIZE);
        for (let i = 0; i < count; i++)
            this.slots.push(memory.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE));
        this.hasher = hasher;
    }
    /** The first byte still in the ring. */
    get start() {
        return Math.max(0, this.next - this.count) * CHUNK_SIZE;
    }
    /** The longest piece the ring can always serve after reading on to its end. */
    get reach() {
        return (this.count - 1) * CHUNK_SIZE;
    }
    advanceTo(target) {
        const feed = this.hasher?.wantsChunks ? this.hasher : undefined;
        while (this.end < target && this.end < this.size) {
            const index = this.next;
            const slot = index % this.count;
            const length = Math.min(CHUNK_SIZE, this.size - index * CHUNK_SIZE);
            const got = readFully(this.fd, this.slots[slot], length, index * CHUNK_SIZE);
            if (got < length) {
                throw new errors/* SnapshotError */.J(`cannot read snapshot '${this.path}': it shrank while being read`, {
                    exitCode: errors/* SNAPSHOT_EXIT */.K.unreadable,
                    hint: 'verify a copy that nothing else is writing to',
                });
            }
            this.lengths[slot] = length;
            this.next++;
            this.end += length;
            feed?.produced(this.slots[slot].subarray(0, length));
        }
    }
    view(position, end, scratch) {
        const first = Math.floor(position / CHUNK_SIZE);
        const last = Math.floor((end - 1) / CHUNK_SIZE);
        const from = position - first * CHUNK_SIZE;
        if (first === last)
            return this.slots[first % this.count].subarray(from, from + (end - position));
        let done = 0;
        for (let k = first; k <= last; k++) {
            const slot = this.slots[k % this.count];
            const a = k === first ? from : 0;
            const b = Math.min(this.lengths[k % this.count], end - k * CHUNK_SIZE);
            slot.copy(scratch, done, a, b);
            done += b - a;
        }
        return scratch.subarray(0, done);
    }
    /** Copies bytes [position, end), all within the ring, into the start of `target`. */
    copyOut(position, end, target) {
        let done = 0;
        for (let k = Math.floor(position / CHUNK_SIZE); k * CHUNK_SIZE < end; k++) {
            const slot = this.slots[k % this.count];
            const a = Math.max(position - k * CHUNK_SIZE, 0);
            const b = Math.min(this.lengths[k % this.count], end - k * CHUNK_SIZE);
            // By hand for a page header's few bytes: Buffer#copy validates its arguments into garbage per call.
            for (let i = a; i < b; i++)
                target[done++] = slot[i];
        }
        return done;
    }
    finish() {
        const hasher = this.hasher;
        if (!hasher)
            return;
        if (hasher.wantsChunks)
            this.advanceTo(hasher.end);
        hasher.allProduced();
    }
    abort() {
        const hasher = this.hasher;
        this.hasher = undefined;
        return hasher?.abort();
    }
}


/***/ }),

/***/ 32188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ readFreelistIds)
/* harmony export */ });
/* harmony import */ var _meta__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46679);

/**
 * The page ids listed on a freelist page (`region` = the page and its overflow pages). A count of 0xFFFF
 * means the real count is the first u64 after the header. Returns an error string if the list does not fit.
 */
function readFreelistIds(region, count) {
    let n = count;
    let start = _meta__WEBPACK_IMPORTED_MODULE_0__/* .PAGE_HEADER_SIZE */ .ql;
    if (count === 0xffff) {
        if (region.length < start + 8)
            return { error: 'freelist count field is cut short' };
        const big = region.readBigUInt64LE(start);
        start += 8;
        if (big > BigInt(region.length))
            return { error: `freelist claims ${big} ids, more than the page can hold` };
        n = Number(big);
    }
    if (start + n * 8 > region.length) {
        return {
            error: `freelist claims ${n} ids but the page holds ${Math.floor((region.length - start) / 8)}`,
        };
    }
    const ids = [];
    for (let i = 0; i < n; i++)
        ids.push(region.readBigUInt64LE(start + i * 8));
    return { ids };
}


/***/ }),

/***/ 25236:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rs: () => (/* binding */ buildInventory),
/* harmony export */   yO: () => (/* binding */ countTable)
/* harmony export */ });
/* unused harmony exports inventorySnapshot, damaged */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94793);
/* harmony import */ var _kubernetes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46839);
/* harmony import */ var _verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34247);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_verify__WEBPACK_IMPORTED_MODULE_2__]);
_verify__WEBPACK_IMPORTED_MODULE_2__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];



/** A table of counts keyed by names read from the snapshot: no prototype, so 'constructor' is just a name. */
function countTable() {
    return Object.create(null);
}
function bump(record, key, by = 1) {
    record[key] = (record[key] ?? 0) + by;
}
/** Counts live keys by resource type and namespace, from a replay made with liveKeys: 'detailed'. */
function buildInventory(live, options = {}) {
    const prefix = options.prefix ?? _kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .REGISTRY_PREFIX */ .Z7;
    const inventory = {
        prefix,
        liveKeys: live.size,
        kubernetesObjects: 0,
        resources: [],
        namespaces: countTable(),
        clusterScoped: 0,
        secrets: { total: 0, encrypted: 0, plain: 0, providers: countTable() },
        encodings: { protobuf: 0, json: 0, cbor: 0, encrypted: 0, other: 0 },
        otherKeys: 0,
    };
    const resources = new Map();
    const otherNames = [];
    for (const [rawKey, object] of live.entries()) {
        const key = Buffer.from(rawKey, 'latin1').toString('utf8');
        const k8s = (0,_kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .classifyKey */ .eL)(key, prefix);
        if (!k8s) {
            inventory.otherKeys++;
            if (options.names)
                otherNames.push(key);
            continue;
        }
        inventory.kubernetesObjects++;
        let entry = resources.get(k8s.resource);
        if (!entry) {
            entry = {
                resource: k8s.resource,
                count: 0,
                namespaces: countTable(),
                kinds: countTable(),
                encrypted: 0,
            };
            if (options.names)
                entry.names = [];
            resources.set(k8s.resource, entry);
        }
        entry.count++;
        bump(entry.namespaces, k8s.namespace ?? '');
        if (k8s.namespace === undefined)
            inventory.clusterScoped++;
        else
            bump(inventory.namespaces, k8s.namespace);
        entry.names?.push(k8s.namespace === undefined ? (k8s.name ?? key) : `${k8s.namespace}/${k8s.name}`);
        if (!object)
            continue;
        const value = object.value;
        inventory.encodings[value.encoding]++;
        if (value.encoding === 'encrypted')
            entry.encrypted++;
        const kind = value.encoding === 'encrypted'
            ? '(encrypted)'
            : value.kind
                ? `${value.apiVersion ?? '?'} ${value.kind}`
                : `(${value.encoding})`;
        bump(entry.kinds, kind);
        if (k8s.resource === 'secrets') {
            inventory.secrets.total++;
            if (value.encoding === 'encrypted') {
                inventory.secrets.encrypted++;
                bump(inventory.secrets.providers, value.provider ?? 'unknown');
            }
            else {
                inventory.secrets.plain++;
            }
        }
    }
    inventory.resources = [...resources.values()].sort((a, b) => (a.resource < b.resource ? -1 : 1));
    for (const r of inventory.resources)
        r.names?.sort();
    if (options.names)
        inventory.otherKeyNames = otherNames.sort();
    return inventory;
}
/** Verifies a snapshot and counts what Kubernetes keeps in it. Throws SnapshotError if the tree is damaged. */
async function inventorySnapshot(path, options = {}) {
    const { report, liveKeys } = await analyseSnapshot(path, {
        etcdCompat: options.etcdCompat,
        liveKeys: 'detailed',
    });
    if (!liveKeys)
        throw damaged(report, 'count its keys');
    return { report, inventory: buildInventory(liveKeys, options) };
}
function damaged(report, what) {
    const first = report.integrity.problems.find((p) => p.severity === 'error');
    return new SnapshotError(`cannot ${what} in '${report.path}': ${first?.message ?? 'the snapshot is damaged'}`, {
        hint: 'run `etcd-backup inspect` on it for every problem found; use another backup',
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 46839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z7: () => (/* binding */ REGISTRY_PREFIX),
  eL: () => (/* binding */ classifyKey),
  kY: () => (/* binding */ readKubernetesValue),
  Iy: () => (/* binding */ resourceName)
});

;// CONCATENATED MODULE: ./src/snapshot/protobuf.ts
function readVarint(buf, at) {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
        if (at + i >= buf.length)
            return undefined;
        const b = buf[at + i];
        value += (b & 0x7f) * scale;
        scale *= 128;
        if ((b & 0x80) === 0)
            return { value, next: at + i + 1 };
    }
    return undefined;
}
/** Calls `onField` for each field; returns false if the message is malformed. */
function forEachField(buf, onField) {
    let at = 0;
    while (at < buf.length) {
        const tag = readVarint(buf, at);
        if (!tag || tag.value < 8)
            return false;
        at = tag.next;
        const field = Math.floor(tag.value / 8);
        const wireType = tag.value % 8;
        let varint = 0;
        let bytes;
        if (wireType === 0) {
            const v = readVarint(buf, at);
            if (!v)
                return false;
            varint = v.value;
            at = v.next;
        }
        else if (wireType === 2) {
            const len = readVarint(buf, at);
            if (!len || len.next + len.value > buf.length)
                return false;
            bytes = buf.subarray(len.next, len.next + len.value);
            at = len.next + len.value;
        }
        else if (wireType === 1) {
            if (at + 8 > buf.length)
                return false;
            at += 8;
        }
        else if (wireType === 5) {
            if (at + 4 > buf.length)
                return false;
            at += 4;
        }
        else {
            return false;
        }
        if (onField({ field, wireType, varint, bytes }) === false)
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/snapshot/kubernetes.ts

const REGISTRY_PREFIX = '/registry';
/** Key prefixes kube-apiserver uses instead of the resource name (SpecialDefaultResourcePrefixes), reversed. */
const PREFIX_TO_RESOURCE = new Map([
    ['controllers', 'replicationcontrollers'],
    ['services/endpoints', 'endpoints'],
    ['minions', 'nodes'],
    ['services/specs', 'services'],
    ['ingress', 'ingresses'],
    ['podsecuritypolicy', 'podsecuritypolicies'],
]);
/** The resource a key's type part stands for: its own name but for a few legacy storage prefixes. */
function resourceName(keyPart) {
    return PREFIX_TO_RESOURCE.get(keyPart) ?? keyPart;
}
/**
 * Reads a key under the registry prefix the way kube-apiserver builds it: `<prefix>/<resource>/[<ns>/]<name>`,
 * where resource is one segment, `services/<x>`, or `<group.with.dots>/<plural>`. Returns undefined for keys
 * outside the prefix; keys of another shape get `name` undefined.
 */
function classifyKey(key, prefix = REGISTRY_PREFIX) {
    if (!key.startsWith(`${prefix}/`))
        return undefined;
    const parts = key.slice(prefix.length + 1).split('/');
    let resource;
    let rest;
    if ((parts[0].includes('.') || parts[0] === 'services') && parts.length >= 2) {
        resource = `${parts[0]}/${parts[1]}`;
        rest = parts.slice(2);
    }
    else {
        resource = parts[0];
        rest = parts.slice(1);
    }
    resource = resourceName(resource);
    if (rest.length === 1)
        return { resource, namespace: undefined, name: rest[0] };
    if (rest.length === 2)
        return { resource, namespace: rest[0], name: rest[1] };
    return { resource, namespace: undefined, name: undefined };
}
const PROTOBUF_MAGIC = Buffer.from('k8s\0', 'latin1');
const ENCRYPTED_PREFIX = Buffer.from('k8s:enc:', 'latin1');
const CBOR_MAGIC = Buffer.from([0xd9, 0xd9, 0xf7]);
const JSON_PEEK_BYTES = 4096;
const JSON_PARSE_LIMIT = 256 << 10;
/** Tells how a stored object is encoded and, where readable without decrypting, its apiVersion and kind. */
function readKubernetesValue(value) {
    const result = {
        encoding: 'other',
        apiVersion: undefined,
        kind: undefined,
        provider: undefined,
    };
    if (startsWith(value, ENCRYPTED_PREFIX)) {
        result.encoding = 'encrypted';
        const rest = value.subarray(ENCRYPTED_PREFIX.length, ENCRYPTED_PREFIX.length + 32).toString('latin1');
        const provider = rest.split(':')[0];
        result.provider = provider && /^[a-z0-9]+$/.test(provider) ? provider : 'unknown';
        return result;
    }
    if (startsWith(value, PROTOBUF_MAGIC)) {
        result.encoding = 'protobuf';
        forEachField(value.subarray(PROTOBUF_MAGIC.length), (f) => {
            if (f.field !== 1 || f.wireType !== 2)
                return true;
            forEachField(f.bytes, (t) => {
                if (t.wireType !== 2)
                    return true;
                if (t.field === 1)
                    result.apiVersion = t.bytes.toString('utf8');
                else if (t.field === 2)
                    result.kind = t.bytes.toString('utf8');
                return true;
            });
            return false;
        });
        return result;
    }
    if (startsWith(value, CBOR_MAGIC)) {
        result.encoding = 'cbor';
        return result;
    }
    if (value.length > 0 && value[0] === 0x7b) {
        result.encoding = 'json';
        if (value.length <= JSON_PARSE_LIMIT) {
            try {
                const parsed = JSON.parse(value.toString('utf8'));
                if (typeof parsed.apiVersion === 'string')
                    result.apiVersion = parsed.apiVersion;
                if (typeof parsed.kind === 'string')
                    result.kind = parsed.kind;
                return result;
            }
            catch {
                result.encoding = 'other';
                return result;
            }
        }
        // Both fields normally sit near the top; a scan of the head avoids parsing a very large object.
        const head = value.subarray(0, JSON_PEEK_BYTES).toString('utf8');
        result.apiVersion = /"apiVersion"\s*:\s*"([^"]*)"/.exec(head)?.[1];
        result.kind = /"kind"\s*:\s*"([^"]*)"/.exec(head)?.[1];
        return result;
    }
    return result;
}
function startsWith(value, prefix) {
    return value.length >= prefix.length && value.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}


/***/ }),

/***/ 55960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ LiveKeyCount)
/* harmony export */ });
/* harmony import */ var _compact_key_map__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31681);

/**
 * The number of live keys after replaying revisions in order (a put adds, a tombstone removes): etcd 3.6's
 * `totalKey`, when nothing else about the keys is wanted. An exact set, byte for byte, in a CompactKeyMap
 * with no columns: about 20 bytes per distinct key plus the key itself, against some 190 for a Map of
 * strings (measured: 467k keys, 90 MB less peak RSS).
 */
class LiveKeyCount {
    keys = new _compact_key_map__WEBPACK_IMPORTED_MODULE_0__/* .CompactKeyMap */ .X({});
    apply(key, tombstone) {
        this.applyRange(key, 0, key.length, tombstone);
    }
    /** apply() of the key in buf[start, end), read in place. */
    applyRange(buf, start, end, tombstone) {
        if (tombstone)
            this.keys.deleteRange(buf, start, end);
        else
            this.keys.setRange(buf, start, end);
    }
    get size() {
        return this.keys.size;
    }
}


/***/ }),

/***/ 43553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ LiveKeys)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _compact_key_map__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31681);
/* harmony import */ var _kubernetes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46839);



const DETAIL_COLUMNS = {
    modRevision: Float64Array,
    valueCrc: Uint32Array,
    valueSize: Uint32Array,
    valueKind: Uint32Array,
};
/**
 * The live user keys of bucket `key`, rebuilt by replaying revisions in order (a put adds, a tombstone
 * removes), like etcd 3.6's `snapshot status`. Values are never kept: in detailed mode each key has a
 * record of its newest value's revision, CRC, size and an index into a table of distinct
 * encoding/apiVersion/kind combinations. Keys and records live in a CompactKeyMap (no JS object or string
 * per key: about 50 bytes per key besides the key's bytes, against some 190 for a Map of strings); keys are
 * read back as latin1 strings (byte-exact) and objects made only when asked for, in insertion order.
 */
class LiveKeys {
    detailed;
    /** Keys-only mode holds no columns at all: 20 bytes less per key, and no value is read. */
    map;
    kinds = [];
    kindIndex = new Map();
    constructor(detailed) {
        this.detailed = detailed;
        this.map = new _compact_key_map__WEBPACK_IMPORTED_MODULE_2__/* .CompactKeyMap */ .X(detailed ? DETAIL_COLUMNS : {});
    }
    apply(kv, tombstone) {
        this.applyRanges(kv.key, 0, kv.key.length, kv.value, 0, kv.value.length, kv.modRevision, tombstone);
    }
    /** apply() of a KeyValue decoded in place from `buf`: keys-only mode then allocates nothing. */
    applyAt(buf, kv, tombstone) {
        this.applyRanges(buf, kv.keyStart, kv.keyEnd, buf, kv.valueStart, kv.valueEnd, kv.modRevision, tombstone);
    }
    applyRanges(keyBuf, keyStart, keyEnd, valueBuf, valueStart, valueEnd, modRevision, tombstone) {
        if (tombstone) {
            this.map.deleteRange(keyBuf, keyStart, keyEnd);
            return;
        }
        const entry = this.map.setRange(keyBuf, keyStart, keyEnd);
        if (!this.detailed)
            return;
        const value = valueBuf.subarray(valueStart, valueEnd);
        const columns = this.map.columns;
        columns.modRevision[entry] = modRevision;
        columns.valueCrc[entry] = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(value);
        columns.valueSize[entry] = value.length;
        columns.valueKind[entry] = this.intern((0,_kubernetes__WEBPACK_IMPORTED_MODULE_1__/* .readKubernetesValue */ .kY)(value));
    }
    get size() {
        return this.map.size;
    }
    has(key) {
        return this.map.find(key) >= 0;
    }
    /** The remembered value of a live key; null when not kept (keys-only mode), undefined when not live. */
    get(key) {
        const entry = this.map.find(key);
        if (entry < 0)
            return undefined;
        return this.objectAt(entry);
    }
    /**
     * The revision of a live key's newest value, looked up by the key's bytes with no string or object made:
     * undefined when the key is not live, null in keys-only mode.
     */
    modRevisionOf(key) {
        const entry = this.map.findRange(key, 0, key.length);
        if (entry < 0)
            return undefined;
        return this.detailed ? this.map.columns.modRevision[entry] : null;
    }
    /** Like modRevisionOf, the CRC-32 of a live key's newest value. */
    valueCrcOf(key) {
        const entry = this.map.findRange(key, 0, key.length);
        if (entry < 0)
            return undefined;
        return this.detailed ? this.map.columns.valueCrc[entry] : null;
    }
    *keys() {
        for (const entry of this.map.liveEntries())
            yield this.map.keyOf(entry);
    }
    *entries() {
        for (const entry of this.map.liveEntries())
            yield [this.map.keyOf(entry), this.objectAt(entry)];
    }
    /** Each live key's bytes in insertion order, as buf[start, end): no string per key. */
    forEachKey(visit) {
        this.map.forEachLiveKey(visit);
    }
    /** Bytes held by the keys and their records (not counting the few distinct kinds), for measurements. */
    get bytes() {
        return this.map.bytes;
    }
    objectAt(entry) {
        if (!this.detailed)
            return null;
        const columns = this.map.columns;
        return {
            modRevision: columns.modRevision[entry],
            valueCrc: columns.valueCrc[entry],
            valueSize: columns.valueSize[entry],
            value: this.kinds[columns.valueKind[entry]],
        };
    }
    intern(value) {
        const id = `${value.encoding}\0${value.apiVersion ?? ''}\0${value.kind ?? ''}\0${value.provider ?? ''}`;
        let index = this.kindIndex.get(id);
        if (index === undefined) {
            index = this.kinds.length;
            this.kinds.push(value);
            this.kindIndex.set(id, index);
        }
        return index;
    }
}


/***/ }),

/***/ 46679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xt: () => (/* binding */ readMetas),
/* harmony export */   mS: () => (/* binding */ MAGIC),
/* harmony export */   ql: () => (/* binding */ PAGE_HEADER_SIZE),
/* harmony export */   uG: () => (/* binding */ PGID_NO_FREELIST)
/* harmony export */ });
/* unused harmony exports FORMAT_VERSION, META_OFFSET, fnv1a64, parseMeta */
/** bbolt's on-disk constants (format version 2), named as in bbolt. */
const MAGIC = 0xed0cdaed;
const FORMAT_VERSION = 2;
const PGID_NO_FREELIST = 0xffffffffffffffffn;
const PAGE_HEADER_SIZE = 16;
const META_OFFSET = PAGE_HEADER_SIZE;
const META_CHECKSUMMED = 56;
const MIN_PAGE_SIZE = 512;
const MAX_PAGE_SIZE = 1 << 30;
/** FNV-1a 64 over the 56 meta bytes before the checksum field. */
function fnv1a64(data) {
    let h = 0xcbf29ce484222325n;
    for (const byte of data)
        h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    return h;
}
/** Parses the meta struct found at `offset` (a page start) in `buf`; checks magic, version and checksum. */
function parseMeta(buf, page) {
    const m = META_OFFSET;
    if (buf.length < m + 64) {
        return {
            page,
            magic: 0,
            version: 0,
            pageSize: 0,
            rootPgid: 0n,
            rootSequence: 0n,
            freelistPgid: 0n,
            pgid: 0n,
            txid: 0n,
            checksum: 0n,
            invalid: `meta page ${page} is cut short (${buf.length} bytes)`,
        };
    }
    const meta = {
        page,
        magic: buf.readUInt32LE(m),
        version: buf.readUInt32LE(m + 4),
        pageSize: buf.readUInt32LE(m + 8),
        rootPgid: buf.readBigUInt64LE(m + 16),
        rootSequence: buf.readBigUInt64LE(m + 24),
        freelistPgid: buf.readBigUInt64LE(m + 32),
        pgid: buf.readBigUInt64LE(m + 40),
        txid: buf.readBigUInt64LE(m + 48),
        checksum: buf.readBigUInt64LE(m + 56),
        invalid: undefined,
    };
    if (meta.magic !== MAGIC) {
        meta.invalid =
            meta.magic === 0xedda0ced
                ? 'big-endian bbolt file (written on s390x?); not supported'
                : `bad magic 0x${meta.magic.toString(16).padStart(8, '0')} (not a bbolt database)`;
    }
    else if (meta.version !== FORMAT_VERSION) {
        meta.invalid = `format version ${meta.version}, expected ${FORMAT_VERSION}`;
    }
    else if (fnv1a64(buf.subarray(m, m + META_CHECKSUMMED)) !== meta.checksum) {
        meta.invalid = 'checksum mismatch';
    }
    else if (!isPageSize(meta.pageSize)) {
        meta.invalid = `implausible page size ${meta.pageSize}`;
    }
    return meta;
}
function isPageSize(n) {
    return n >= MIN_PAGE_SIZE && n <= MAX_PAGE_SIZE && (n & (n - 1)) === 0;
}
/**
 * Finds the page size like bbolt: meta 0's if it is valid, else the first valid meta found at 1 KiB × 2^i,
 * else 4096. Then reads both meta pages at that size.
 */
function readMetas(file) {
    const first = parseMeta(file.read(0, 4096), 0);
    let pageSize = 4096;
    let source = 'default';
    if (first.invalid === undefined) {
        pageSize = first.pageSize;
        source = 'meta0';
    }
    else {
        for (let i = 0; i <= 14; i++) {
            const pos = 1024 * 2 ** i;
            if (pos >= file.size - 1024)
                break;
            const candidate = parseMeta(file.read(pos, 4096), 1);
            if (candidate.invalid === undefined && candidate.pageSize === pos) {
                pageSize = candidate.pageSize;
                source = 'probe';
                break;
            }
        }
    }
    const meta0 = source === 'meta0' ? first : parseMeta(file.read(0, Math.min(pageSize, 4096)), 0);
    const meta1 = parseMeta(file.read(pageSize, Math.min(pageSize, 4096)), 1);
    const valid = [meta0, meta1].filter((m) => m.invalid === undefined);
    valid.sort((a, b) => (a.txid === b.txid ? a.page - b.page : a.txid > b.txid ? -1 : 1));
    return { pageSize, metas: [meta0, meta1], chosen: valid[0], pageSizeSource: source };
}


/***/ }),

/***/ 15803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ parseRevisionKey),
/* harmony export */   Bh: () => (/* binding */ isTombstoneKeyLength),
/* harmony export */   O5: () => (/* binding */ emptyKeyValueSpan),
/* harmony export */   Ol: () => (/* binding */ revisionKeyProblem),
/* harmony export */   br: () => (/* binding */ mainRevision),
/* harmony export */   q5: () => (/* binding */ decodeKeyValueAt)
/* harmony export */ });
/* unused harmony export decodeKeyValue */
const REV_BYTES = 17;
/** Parses like etcd 3.6 (strict): 17 or 18 bytes, '_' separator, 't' marker, non-negative parts. */
function parseRevisionKey(key) {
    const problem = revisionKeyProblem(key, 0, key.length);
    if (problem !== undefined)
        return problem;
    return { main: mainRevision(key), sub: int64BE(key, 9), tombstone: key.length === REV_BYTES + 1 };
}
/** What is wrong with the revision key in buf[start, end), if anything; reads in place, allocates nothing. */
function revisionKeyProblem(buf, start, end) {
    const length = end - start;
    if (length !== REV_BYTES && length !== REV_BYTES + 1)
        return `revision key of ${length} bytes`;
    if (buf[start + 8] !== 0x5f)
        return "revision key without '_' separator";
    if (length === REV_BYTES + 1 && buf[start + 17] !== 0x74)
        return 'revision key with an unknown marker byte';
    if (buf[start] & 0x80 || buf[start + 9] & 0x80)
        return 'negative revision';
    return undefined;
}
/** Whether a valid revision key of this length marks a tombstone. */
function isTombstoneKeyLength(length) {
    return length === REV_BYTES + 1;
}
/** Big-endian int64 as a number (exact below 2^53), without a BigInt per key. */
function int64BE(key, at) {
    return key.readInt32BE(at) * 0x100000000 + key.readUInt32BE(at + 4);
}
/** Main revision as etcd 3.4/3.5 read it: the first 8 bytes, big-endian signed. */
function mainRevision(key, at = 0) {
    return int64BE(key, at);
}
const EMPTY = Buffer.alloc(0);
function emptyKeyValueSpan() {
    return {
        keyStart: 0,
        keyEnd: 0,
        valueStart: 0,
        valueEnd: 0,
        createRevision: 0,
        modRevision: 0,
        version: 0,
    };
}
/** Decodes a KeyValue, copying its key and value out as views. */
function decodeKeyValue(buf) {
    const span = emptyKeyValueSpan();
    if (!decodeKeyValueAt(buf, 0, buf.length, span))
        return undefined;
    return {
        key: span.keyEnd > span.keyStart ? buf.subarray(span.keyStart, span.keyEnd) : EMPTY,
        createRevision: span.createRevision,
        modRevision: span.modRevision,
        version: span.version,
        value: span.valueEnd > span.valueStart ? buf.subarray(span.valueStart, span.valueEnd) : EMPTY,
    };
}
/**
 * Decodes the mvccpb.KeyValue in buf[start, end) like protobuf: unknown fields skipped, a known field with
 * the wrong wire type is malformed. Fills `out` and returns false when malformed. Written out as one loop
 * that allocates nothing, because it runs for every revision of a large snapshot: a verification that made
 * garbage per revision would fill (and keep resident) however large a young generation V8 has grown to.
 */
function decodeKeyValueAt(buf, start, end, out) {
    out.createRevision = out.modRevision = out.version = 0;
    out.keyStart = out.keyEnd = out.valueStart = out.valueEnd = start;
    const n = end;
    let at = start;
    while (at < n) {
        // The tag, then the field's payload; varints of up to 10 bytes, exact below 2^53.
        let tag = 0;
        let scale = 1;
        let i = 0;
        for (;; i++) {
            if (i === 10 || at >= n)
                return false;
            const b = buf[at++];
            tag += (b & 0x7f) * scale;
            scale *= 128;
            if ((b & 0x80) === 0)
                break;
        }
        if (tag < 8)
            return false;
        const field = Math.floor(tag / 8);
        const wireType = tag % 8;
        if (wireType === 0 || wireType === 2) {
            let value = 0;
            scale = 1;
            for (i = 0;; i++) {
                if (i === 10 || at >= n)
                    return false;
                const b = buf[at++];
                value += (b & 0x7f) * scale;
                scale *= 128;
                if ((b & 0x80) === 0)
                    break;
            }
            if (wireType === 2) {
                if (at + value > n)
                    return false;
                if (field === 1) {
                    out.keyStart = at;
                    out.keyEnd = at + value;
                }
                else if (field === 5) {
                    out.valueStart = at;
                    out.valueEnd = at + value;
                }
                if (field >= 2 && field <= 6 && field !== 5)
                    return false;
                at += value;
            }
            else {
                if (field === 1 || field === 5)
                    return false;
                if (field === 2)
                    out.createRevision = value;
                else if (field === 3)
                    out.modRevision = value;
                else if (field === 4)
                    out.version = value;
            }
        }
        else if (wireType === 1 || wireType === 5) {
            if (field >= 1 && field <= 6)
                return false;
            at += wireType === 1 ? 8 : 4;
            if (at > n)
                return false;
        }
        else {
            return false;
        }
    }
    return true;
}


/***/ }),

/***/ 10553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H2: () => (/* binding */ BUCKET_LEAF_FLAG),
/* harmony export */   PP: () => (/* binding */ PAGE_FLAG),
/* harmony export */   Tv: () => (/* binding */ ELEMENT_SIZE),
/* harmony export */   bf: () => (/* binding */ pageTypeName),
/* harmony export */   pP: () => (/* binding */ BUCKET_HEADER_SIZE)
/* harmony export */ });
/* unused harmony exports readPageHeader, elementOffset */

/** Page flags, as bbolt names them. Exactly one is set on a page in use. */
const PAGE_FLAG = { branch: 0x01, leaf: 0x02, meta: 0x04, freelist: 0x10 };
/** Leaf element flag: the value is a bucket header (and, for an inline bucket, an embedded page). */
const BUCKET_LEAF_FLAG = 0x01;
const ELEMENT_SIZE = 16;
/** A bucket value starts with root pgid (u64) and sequence (u64). */
const BUCKET_HEADER_SIZE = 16;
function readPageHeader(buf, offset = 0) {
    return {
        id: buf.readBigUInt64LE(offset),
        flags: buf.readUInt16LE(offset + 8),
        count: buf.readUInt16LE(offset + 10),
        overflow: buf.readUInt32LE(offset + 12),
    };
}
function pageTypeName(flags) {
    switch (flags) {
        case PAGE_FLAG.branch:
            return 'branch';
        case PAGE_FLAG.leaf:
            return 'leaf';
        case PAGE_FLAG.meta:
            return 'meta';
        case PAGE_FLAG.freelist:
            return 'freelist';
        default:
            return `unknown(0x${flags.toString(16).padStart(2, '0')})`;
    }
}
/** Where element `index` of a branch or leaf page starts, relative to the page start. */
function elementOffset(index) {
    return PAGE_HEADER_SIZE + index * ELEMENT_SIZE;
}


/***/ }),

/***/ 42798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ normaliseStorageVersion)
/* harmony export */ });
const IDENTIFIER = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INTEGER = /^[+-]?[0-9]+$/;
/**
 * The storage version as etcd 3.6 prints it: parsed and re-printed the way coreos/go-semver does
 * (`Major.Minor.Patch[-pre][+meta]`), or "" when it does not parse.
 */
function normaliseStorageVersion(raw) {
    let rest = raw;
    let metadata = '';
    let preRelease = '';
    const plus = rest.indexOf('+');
    if (plus >= 0) {
        metadata = rest.slice(plus + 1);
        rest = rest.slice(0, plus);
    }
    const dash = rest.indexOf('-');
    if (dash >= 0) {
        preRelease = rest.slice(dash + 1);
        rest = rest.slice(0, dash);
    }
    const parts = rest.split('.');
    if (parts.length !== 3)
        return '';
    const numbers = [];
    for (const part of parts) {
        if (!INTEGER.test(part))
            return '';
        const n = BigInt(part);
        if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n)
            return '';
        numbers.push(n);
    }
    if (preRelease !== '' && !IDENTIFIER.test(preRelease))
        return '';
    if (metadata !== '' && !IDENTIFIER.test(metadata))
        return '';
    return `${numbers.join('.')}${preRelease ? `-${preRelease}` : ''}${metadata ? `+${metadata}` : ''}`;
}


/***/ }),

/***/ 84155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ar: () => (/* binding */ SnapshotTrailerCheck),
/* harmony export */   C: () => (/* binding */ TRAILER_SIZE),
/* harmony export */   ge: () => (/* binding */ hasTrailerBySize)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);


/** etcd appends the SHA-256 of the database bytes to every snapshot it streams: 32 bytes, nothing else. */
const TRAILER_SIZE = 32;
/**
 * etcd's own test for "this file ends with the hash": 512 divides every bbolt page size, so a database
 * alone is a multiple of 512 and a database plus trailer leaves 32 over.
 */
function hasTrailerBySize(size) {
    return size % 512 === TRAILER_SIZE;
}
/**
 * A pass-through stream for a snapshot in transit (e.g. from the etcd gRPC stream to disk): hashes all but
 * the last 32 bytes and, at the end, compares them with the trailer, so a backup knows what arrived is what
 * etcd sent without reading the file again. Holds back nothing: every byte is passed on as it comes.
 */
class SnapshotTrailerCheck extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    tail = Buffer.alloc(0);
    bytes = 0;
    outcome;
    _transform(chunk, _encoding, done) {
        this.bytes += chunk.length;
        if (chunk.length >= TRAILER_SIZE) {
            // The held-back tail is database bytes after all; the new chunk's last 32 bytes might be the trailer.
            this.hash.update(this.tail);
            this.hash.update(chunk.subarray(0, chunk.length - TRAILER_SIZE));
            this.tail = Buffer.from(chunk.subarray(chunk.length - TRAILER_SIZE));
        }
        else {
            const joined = Buffer.concat([this.tail, chunk]);
            const keep = Math.min(TRAILER_SIZE, joined.length);
            this.hash.update(joined.subarray(0, joined.length - keep));
            this.tail = Buffer.from(joined.subarray(joined.length - keep));
        }
        done(null, chunk);
    }
    _flush(done) {
        this.outcome = this.finish();
        done();
    }
    finish() {
        const databaseBytes = this.bytes - this.tail.length;
        const digest = this.hash.copy().digest();
        // One hash pass serves both digests: the database's is a copy taken before the tail goes in.
        const fileSha256 = this.hash.copy().update(this.tail).digest('hex');
        if (!hasTrailerBySize(this.bytes) || this.tail.length < TRAILER_SIZE) {
            // No trailer: the tail is database bytes too.
            return { databaseBytes: this.bytes, sha256: fileSha256, fileSha256, trailer: 'missing' };
        }
        return {
            databaseBytes,
            sha256: digest.toString('hex'),
            fileSha256,
            trailer: digest.equals(this.tail) ? 'ok' : 'mismatch',
        };
    }
    /** Available once the stream has ended ('finish'/'end'). */
    get result() {
        if (!this.outcome)
            this.outcome = this.finish();
        return this.outcome;
    }
}


/***/ }),

/***/ 24181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   s_: () => (/* binding */ verdictReason)
/* harmony export */ });
/* unused harmony exports firstError, assertIntact */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94793);

function verdictOf(report) {
    if (!report.integrity.ok)
        return 'damaged';
    return report.trailer === 'missing' ? 'no-trailer' : 'intact';
}
function exitCodeOf(report) {
    const verdict = verdictOf(report);
    return verdict === 'intact'
        ? _errors__WEBPACK_IMPORTED_MODULE_0__/* .SNAPSHOT_EXIT */ .K.intact
        : verdict === 'damaged'
            ? _errors__WEBPACK_IMPORTED_MODULE_0__/* .SNAPSHOT_EXIT */ .K.damaged
            : _errors__WEBPACK_IMPORTED_MODULE_0__/* .SNAPSHOT_EXIT */ .K.noTrailer;
}
function firstError(report) {
    return report.integrity.problems.find((p) => p.severity === 'error');
}
/** One line saying what is wrong, naming the page/offset; undefined for an intact snapshot. */
function verdictReason(report) {
    switch (verdictOf(report)) {
        case 'intact':
            return undefined;
        case 'no-trailer':
            return `'${report.path}' has no integrity trailer (a raw member/snap/db copy?): structure is sound but nothing proves it is what etcd sent`;
        default: {
            const first = firstError(report);
            const more = report.integrity.problemCount > 1 ? ` (and ${report.integrity.problemCount - 1} more)` : '';
            return `'${report.path}' is damaged: ${first?.message ?? 'unknown problem'}${more}`;
        }
    }
}
/**
 * For backup, restore and drill: throws SnapshotError unless the snapshot is intact (or, when allowed, a
 * structurally sound raw database without trailer).
 */
function assertIntact(report, options = {}) {
    const verdict = verdictOf(report);
    if (verdict === 'intact' || (verdict === 'no-trailer' && options.allowMissingTrailer))
        return;
    throw new SnapshotError(verdictReason(report), {
        exitCode: exitCodeOf(report),
        hint: verdict === 'no-trailer'
            ? 'take the snapshot with etcdctl snapshot save (or this tool), or explicitly accept a file without trailer'
            : 'do not restore from this file; use another backup',
    });
}


/***/ }),

/***/ 34247:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uu: () => (/* binding */ analyseSnapshot)
/* harmony export */ });
/* unused harmony exports verifySnapshot, printable */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _crc32c__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10042);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94793);
/* harmony import */ var _file__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41610);
/* harmony import */ var _freelist__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(32188);
/* harmony import */ var _live_key_count__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(55960);
/* harmony import */ var _live_keys__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43553);
/* harmony import */ var _meta__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(46679);
/* harmony import */ var _mvcc__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15803);
/* harmony import */ var _page__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10553);
/* harmony import */ var _semver__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(42798);
/* harmony import */ var _trailer__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(84155);
/* harmony import */ var _walk__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(89767);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_crc32c__WEBPACK_IMPORTED_MODULE_1__, _walk__WEBPACK_IMPORTED_MODULE_8__]);
([_crc32c__WEBPACK_IMPORTED_MODULE_1__, _walk__WEBPACK_IMPORTED_MODULE_8__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);













/** Kinds that stop us (and bbolt) from trusting the tree; the status fields are then left null. */
const NOT_STRUCTURAL = new Set([
    'trailer-mismatch',
    'trailer-missing',
    'truncated',
    'padded',
]);
const BUCKET_KEY = 'key';
const BUCKET_META = 'meta';
/**
 * Verifies an etcd snapshot file and computes etcd's `snapshot status` for it. Damage is reported in the
 * result, never thrown; throws SnapshotError only when the file cannot be read at all.
 */
async function verifySnapshot(path, options = {}) {
    return (await analyseSnapshot(path, options)).report;
}
async function analyseSnapshot(path, options = {}) {
    const file = _file__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFile */ .V.open(path);
    try {
        return await analyse(file, options);
    }
    catch (error) {
        if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotError */ .J)
            throw error;
        // A reader bug must still end as one line, not a stack trace.
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotError */ .J(`cannot verify '${path}': ${error instanceof Error ? error.message : String(error)}`, {
            hint: 'this is a bug in the snapshot reader; please report it with the file if you can share it',
            cause: error,
        });
    }
    finally {
        // Also stops a hashing worker that is still at work if the walk failed.
        file.close();
    }
}
class Findings {
    max;
    kept = [];
    count = 0;
    errors = 0;
    structural = 0;
    constructor(max) {
        this.max = max;
    }
    add = (problem) => {
        this.count++;
        if (problem.severity === 'error') {
            this.errors++;
            if (!NOT_STRUCTURAL.has(problem.kind))
                this.structural++;
        }
        if (this.kept.length < this.max)
            this.kept.push(problem);
    };
}
async function analyse(file, options) {
    const findings = new Findings(options.maxProblems ?? 100);
    const report = {
        hash: null,
        revision: null,
        totalKey: null,
        totalSize: null,
        compactRevision: null,
        sha256: '',
        trailer: 'missing',
        noIntegrityTrailer: true,
        integrity: { ok: false, problems: findings.kept, problemCount: 0 },
        path: file.path,
        fileSize: file.size,
        etcdCompat: options.etcdCompat ?? '3.5',
        etcdCompatSource: options.etcdCompat ? 'option' : 'no-storage-version',
        storageVersion: null,
        pageSize: null,
        pages: null,
        buckets: {},
    };
    let liveKeys;
    const finish = () => {
        report.integrity.ok = findings.errors === 0;
        report.integrity.problemCount = findings.count;
        report.noIntegrityTrailer = report.trailer === 'missing';
        if (findings.structural > 0) {
            report.hash = report.revision = report.totalKey = report.totalSize = null;
            liveKeys = undefined;
        }
        if (report.etcdCompat !== '3.6')
            delete report.version;
        return { report, liveKeys };
    };
    if (file.size === 0) {
        findings.add({
            severity: 'error',
            kind: 'empty-file',
            offset: 0,
            message: 'the file is empty (0 bytes)',
        });
        report.sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').digest('hex');
        return finish();
    }
    const metas = (0,_meta__WEBPACK_IMPORTED_MODULE_9__/* .readMetas */ .Xt)(file);
    const chosen = metas.chosen;
    if (!chosen) {
        const [m0, m1] = metas.metas;
        const notBbolt = m0.magic !== _meta__WEBPACK_IMPORTED_MODULE_9__/* .MAGIC */ .mS && m1.magic !== _meta__WEBPACK_IMPORTED_MODULE_9__/* .MAGIC */ .mS;
        findings.add({
            severity: 'error',
            kind: notBbolt ? 'not-bbolt' : 'meta-invalid',
            page: 0,
            offset: 0,
            message: notBbolt
                ? `not an etcd snapshot: no bbolt meta page at offset 0 or ${metas.pageSize} (${m0.invalid})`
                : `both meta pages are invalid: meta 0 at offset 0: ${m0.invalid}; meta 1 at offset ${metas.pageSize}: ${m1.invalid}`,
        });
        await startTrailerCheck(file, undefined, metas.pageSize, report, findings)();
        return finish();
    }
    for (const m of metas.metas) {
        if (m.invalid === undefined)
            continue;
        findings.add({
            severity: 'warning',
            kind: 'meta-invalid',
            page: m.page,
            offset: m.page * metas.pageSize,
            message: `meta page ${m.page} at offset ${m.page * metas.pageSize}: ${m.invalid}; using meta page ${chosen.page} (txid ${chosen.txid})`,
        });
    }
    const pageSize = chosen.pageSize;
    report.pageSize = pageSize;
    const dbBytes = chosen.pgid * BigInt(pageSize);
    // Size checks happen now; the file is then read once, front to back, for the hash (in a worker for large
    // files) and for the walk, which mostly moves forward too.
    const concludeTrailer = startTrailerCheck(file, dbBytes, pageSize, report, findings, options.databaseSha256);
    const pgid = chosen.pgid > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(chosen.pgid);
    if (pgid < 3) {
        findings.add({
            severity: 'error',
            kind: 'meta-invalid',
            page: chosen.page,
            offset: chosen.page * pageSize + _meta__WEBPACK_IMPORTED_MODULE_9__/* .PAGE_HEADER_SIZE */ .ql + 40,
            message: `meta page ${chosen.page}: pgid ${pgid} leaves no room for a root page`,
        });
        await concludeTrailer();
        return finish();
    }
    const walker = new _walk__WEBPACK_IMPORTED_MODULE_8__/* .TreeWalker */ .rU(file, pageSize, pgid, findings.add, progressCounter(options, Number(dbBytes)));
    walker.mark(0, 1);
    const freed = readFreelist(file, walker, chosen, findings);
    // The storage version decides the status semantics before the `key` bucket (which sorts first) is read,
    // so look it up first with a walker of its own whose findings are discarded (the main walk repeats them).
    const preview = new _walk__WEBPACK_IMPORTED_MODULE_8__/* .TreeWalker */ .rU(file, pageSize, pgid, () => { });
    const metaBucket = topBuckets(preview, chosen, () => { }).find((b) => b.label === BUCKET_META);
    let finishedCompact;
    if (metaBucket) {
        const root = bucketRoot(metaBucket, () => { });
        if (root) {
            preview.walk(root, BUCKET_META, (r, keyStart, keyEnd, valueEnd) => {
                const name = r.toString('latin1', keyStart, keyEnd);
                if (name === 'storageVersion')
                    report.storageVersion = r.toString('utf8', keyEnd, valueEnd);
                else if (name === 'finishedCompactRev')
                    finishedCompact = Buffer.from(r.subarray(keyEnd, valueEnd));
            });
        }
    }
    if (finishedCompact && finishedCompact.length >= 8)
        report.compactRevision = (0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .mainRevision */ .br)(finishedCompact);
    if (!options.etcdCompat) {
        report.etcdCompat = report.storageVersion === null ? '3.5' : '3.6';
        report.etcdCompatSource = report.storageVersion === null ? 'no-storage-version' : 'storage-version';
    }
    const strict = report.etcdCompat === '3.6';
    if (strict)
        report.version = (0,_semver__WEBPACK_IMPORTED_MODULE_10__/* .normaliseStorageVersion */ .a)(report.storageVersion ?? '');
    if (options.liveKeys)
        liveKeys = new _live_keys__WEBPACK_IMPORTED_MODULE_4__/* .LiveKeys */ .R(options.liveKeys === 'detailed');
    // 3.6's totalKey needs only the number of live keys: a compact exact set when the keys are not wanted.
    const liveCount = strict && !liveKeys ? new _live_key_count__WEBPACK_IMPORTED_MODULE_11__/* .LiveKeyCount */ .f() : undefined;
    const statusHash = { state: _crc32c__WEBPACK_IMPORTED_MODULE_1__/* .crc32cInit */ .rS };
    // Filled in place for every revision: the walk of the key bucket makes no object per revision.
    const kv = (0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .emptyKeyValueSpan */ .O5)();
    let entries = 0;
    let lastRevision = 0;
    const nested = [];
    const rememberNested = (label, key, value, page) => {
        const root = bucketRoot({ label: `${label}/${printable(key)}`, value: Buffer.from(value), page }, findings.add);
        if (root)
            nested.push({ root, label: `${label}/${printable(key)}` });
    };
    for (const bucket of topBuckets(walker, chosen, findings.add)) {
        statusHash.state = (0,_crc32c__WEBPACK_IMPORTED_MODULE_1__/* .crc32cUpdate */ .EL)(statusHash.state, bucket.name);
        const root = bucketRoot(bucket, findings.add);
        let count = 0;
        if (root) {
            const isKeyBucket = bucket.label === BUCKET_KEY;
            const visit = (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
                count++;
                if (isBucket) {
                    rememberNested(bucket.label, r.subarray(keyStart, keyEnd), r.subarray(keyEnd, valueEnd), page);
                    return;
                }
                if (!isKeyBucket)
                    return;
                lastRevision = keyEnd - keyStart >= 8 ? (0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .mainRevision */ .br)(r, keyStart) : 0;
                const problem = (0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .revisionKeyProblem */ .Ol)(r, keyStart, keyEnd);
                if (problem !== undefined) {
                    findings.add({
                        severity: 'error',
                        kind: 'revision-key',
                        page,
                        message: `page ${page}: ${problem} in bucket key`,
                    });
                    return;
                }
                if (!(0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .decodeKeyValueAt */ .q5)(r, keyEnd, valueEnd, kv)) {
                    const revision = (0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .parseRevisionKey */ .AD)(r.subarray(keyStart, keyEnd));
                    findings.add({
                        severity: 'error',
                        kind: 'kv-decode',
                        page,
                        message: `page ${page}: the value of revision ${revision.main}_${revision.sub} is not a valid mvccpb.KeyValue`,
                    });
                    return;
                }
                const tombstone = (0,_mvcc__WEBPACK_IMPORTED_MODULE_5__/* .isTombstoneKeyLength */ .Bh)(keyEnd - keyStart);
                liveKeys?.applyAt(r, kv, tombstone);
                liveCount?.applyRange(r, kv.keyStart, kv.keyEnd, tombstone);
            };
            walker.walk(root, bucket.label, visit, statusHash);
        }
        report.buckets[bucket.label] = count;
        entries += count;
    }
    while (nested.length > 0) {
        const next = nested.pop();
        walker.walk(next.root, next.label, (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
            if (isBucket)
                rememberNested(next.label, r.subarray(keyStart, keyEnd), r.subarray(keyEnd, valueEnd), page);
        });
    }
    report.pages = countPages(walker, freed, chosen, findings);
    report.hash = (0,_crc32c__WEBPACK_IMPORTED_MODULE_1__/* .crc32cFinal */ .b2)(statusHash.state);
    report.revision = lastRevision;
    report.totalKey = strict ? (liveKeys?.size ?? liveCount.size) : entries;
    report.totalSize = Number(dbBytes);
    await concludeTrailer();
    return finish();
}
function progressCounter(options, total) {
    const sink = options.onProgress;
    if (!sink)
        return undefined;
    const interval = options.progressIntervalMs ?? 5000;
    const started = Date.now();
    let last = started;
    let bytes = 0;
    let calls = 0;
    return (n) => {
        bytes += n;
        if (++calls % 256 !== 0)
            return;
        const now = Date.now();
        if (now - last < interval)
            return;
        last = now;
        const elapsedSeconds = (now - started) / 1000;
        const bytesPerSecond = bytes / Math.max(elapsedSeconds, 0.001);
        const etaSeconds = bytesPerSecond > 0 ? Math.max(total - bytes, 0) / bytesPerSecond : undefined;
        sink({ label: 'verifying snapshot', bytes, total, bytesPerSecond, etaSeconds, elapsedSeconds });
    };
}
/** The root bucket's entries (the top-level buckets), copied out of page memory. */
function topBuckets(walker, meta, add) {
    const buckets = [];
    const rootPage = meta.rootPgid > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(meta.rootPgid);
    walker.walk({ page: rootPage }, 'root', (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
        const key = r.subarray(keyStart, keyEnd);
        if (!isBucket) {
            add({
                severity: 'error',
                kind: 'bucket',
                page,
                message: `page ${page}: the root holds a plain key ${printable(key)} where only buckets belong`,
            });
            return;
        }
        buckets.push({
            name: Buffer.from(key),
            label: printable(key),
            value: Buffer.from(r.subarray(keyEnd, valueEnd)),
            page,
        });
    });
    return buckets;
}
function bucketRoot(bucket, add) {
    if (bucket.value.length < _page__WEBPACK_IMPORTED_MODULE_6__/* .BUCKET_HEADER_SIZE */ .pP) {
        add({
            severity: 'error',
            kind: 'bucket',
            page: bucket.page,
            message: `page ${bucket.page}: bucket ${bucket.label} has a ${bucket.value.length}-byte header (expected ${_page__WEBPACK_IMPORTED_MODULE_6__/* .BUCKET_HEADER_SIZE */ .pP})`,
        });
        return undefined;
    }
    const root = bucket.value.readBigUInt64LE(0);
    if (root === 0n)
        return { inline: bucket.value, ownerPage: bucket.page };
    return { page: root > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(root) };
}
/** Loads a persisted freelist and marks its pages reached; returns the freed page set, or undefined. */
function readFreelist(file, walker, meta, findings) {
    if (meta.freelistPgid === _meta__WEBPACK_IMPORTED_MODULE_9__/* .PGID_NO_FREELIST */ .uG)
        return undefined;
    const pageSize = walker.pageSize;
    const id = meta.freelistPgid > BigInt(walker.pgid) ? walker.pgid : Number(meta.freelistPgid);
    const freed = new Uint8Array(walker.reachable.length);
    // A freelist that cannot be read is reported once; the pages are then judged as if none was persisted.
    const fail = (message, offset) => {
        findings.add({
            severity: 'error',
            kind: 'freelist',
            page: id,
            offset,
            message: `page ${id}: ${message}`,
        });
        return undefined;
    };
    if (id < 2 || id >= walker.pgid || id >= walker.reachable.length) {
        return fail(`the meta's freelist page ${meta.freelistPgid} is out of bounds (pgid ${walker.pgid})`);
    }
    const offset = id * pageSize;
    const header = file.read(offset, _meta__WEBPACK_IMPORTED_MODULE_9__/* .PAGE_HEADER_SIZE */ .ql);
    if (header.length < _meta__WEBPACK_IMPORTED_MODULE_9__/* .PAGE_HEADER_SIZE */ .ql)
        return fail('freelist page lies beyond the end of the file', offset);
    const flags = header.readUInt16LE(8);
    const overflow = header.readUInt32LE(12);
    if (header.readBigUInt64LE(0) !== BigInt(id))
        return fail(`freelist page header says page ${header.readBigUInt64LE(0)}`, offset);
    if (flags !== _page__WEBPACK_IMPORTED_MODULE_6__/* .PAGE_FLAG */ .PP.freelist)
        return fail(`invalid type ${(0,_page__WEBPACK_IMPORTED_MODULE_6__/* .pageTypeName */ .bf)(flags)} for the freelist`, offset + 8);
    if (id + overflow >= walker.pgid)
        return fail(`freelist overflow ${overflow} runs past pgid ${walker.pgid}`, offset + 12);
    if ((overflow + 1) * pageSize > _walk__WEBPACK_IMPORTED_MODULE_8__/* .MAX_REGION_BYTES */ ._n)
        return fail(`freelist of ${overflow + 1} pages is too large`, offset);
    walker.mark(id, overflow);
    const region = file.read(offset, (overflow + 1) * pageSize);
    const list = (0,_freelist__WEBPACK_IMPORTED_MODULE_12__/* .readFreelistIds */ .t)(region, header.readUInt16LE(10));
    if ('error' in list)
        return fail(list.error, offset);
    for (const big of list.ids) {
        if (big < 2n || big >= BigInt(walker.pgid) || big >= BigInt(freed.length)) {
            findings.add({
                severity: 'error',
                kind: 'freelist',
                page: id,
                message: `page ${id}: the freelist lists page ${big}, outside [2, ${walker.pgid})`,
            });
            continue;
        }
        const p = Number(big);
        if (freed[p])
            findings.add({ severity: 'error', kind: 'freelist', page: p, message: `page ${p}: already freed` });
        freed[p] = 1;
    }
    return freed;
}
function countPages(walker, freed, meta, findings) {
    let reachable = 0;
    let free = 0;
    const reached = walker.reachable;
    for (let p = 0; p < reached.length; p++) {
        if (reached[p]) {
            reachable++;
            if (freed?.[p]) {
                findings.add({
                    severity: 'error',
                    kind: 'reachable-freed',
                    page: p,
                    message: `page ${p}: reachable freed`,
                });
            }
        }
        else if (!freed || freed[p]) {
            free++;
        }
        else {
            findings.add({
                severity: 'error',
                kind: 'unreachable-unfreed',
                page: p,
                offset: p * walker.pageSize,
                message: `page ${p} at offset ${p * walker.pageSize}: unreachable unfreed`,
            });
        }
    }
    return {
        total: walker.pgid,
        reachable,
        free,
        freelist: meta.freelistPgid === _meta__WEBPACK_IMPORTED_MODULE_9__/* .PGID_NO_FREELIST */ .uG ? 'not-persisted' : 'persisted',
    };
}
/**
 * Decides whether the file ends in a trailer and records size problems: a snapshot must be exactly
 * pgid × pageSize + 32 bytes; a raw data-dir copy may be longer than its database (preallocated). Starts
 * the file's sequential pass, hashing it unless the digest is known; the function it returns reads on to
 * the end of the hashed part and checks the trailer.
 */
function startTrailerCheck(file, dbBytes, pageSize, report, findings, knownDatabaseSha256) {
    const size = file.size;
    const trailer = (0,_trailer__WEBPACK_IMPORTED_MODULE_7__/* .hasTrailerBySize */ .ge)(size);
    const available = trailer ? size - _trailer__WEBPACK_IMPORTED_MODULE_7__/* .TRAILER_SIZE */ .C : size;
    const expected = dbBytes === undefined ? available : dbBytes > BigInt(available) ? available : Number(dbBytes);
    if (dbBytes !== undefined && dbBytes > BigInt(available)) {
        findings.add({
            severity: 'error',
            kind: 'truncated',
            offset: available,
            message: `truncated at offset ${available}: the database needs ${dbBytes} bytes (meta pgid × page size)${trailer ? ', the file has fewer before its trailer' : ''}`,
        });
    }
    else if (dbBytes !== undefined && dbBytes < BigInt(available)) {
        const extra = available - Number(dbBytes);
        // bbolt grows a data file in whole pages, so a raw copy's tail is page-aligned; anything else was cut
        // or appended to.
        const aligned = !trailer && extra % pageSize === 0;
        const cutTrailer = !trailer && extra < _trailer__WEBPACK_IMPORTED_MODULE_7__/* .TRAILER_SIZE */ .C;
        findings.add({
            severity: aligned ? 'warning' : 'error',
            kind: cutTrailer ? 'truncated' : 'padded',
            offset: Number(dbBytes),
            message: cutTrailer
                ? `truncated at offset ${size}: only ${extra} of the 32 trailer bytes follow the database end at offset ${dbBytes}`
                : trailer
                    ? `${extra} unexpected bytes at offset ${dbBytes} between the database end and the trailer`
                    : aligned
                        ? `${extra} bytes past the database end at offset ${dbBytes} (normal for a data-dir copy: preallocated space)`
                        : `file size ${size} at offset ${size}: neither database + 32-byte trailer nor whole pages past the database end at offset ${dbBytes} (truncated or appended to)`,
        });
    }
    if (!trailer) {
        findings.add({
            severity: 'warning',
            kind: 'trailer-missing',
            offset: size,
            message: `no integrity trailer (file size ${size} is not 32 more than a multiple of 512): a raw member/snap/db copy? Nothing proves these are the bytes etcd sent`,
        });
    }
    // The trailer covers everything before it; the reported sha256 covers the database part only.
    const cuts = trailer && expected !== available ? [expected, available] : [trailer ? available : expected];
    const known = knownDatabaseSha256 && trailer && expected === available
        ? Buffer.from(knownDatabaseSha256, 'hex')
        : undefined;
    const hashing = file.startSequential(known ? [] : cuts);
    // Settled as rejected if the walk fails and the file is closed first; that needs no handling.
    hashing?.catch(() => { });
    return async () => {
        file.finishSequential();
        const digests = known ? [known] : await hashing;
        const digest = digests.at(-1);
        report.sha256 = digests[0].toString('hex');
        let verdict = 'missing';
        if (trailer) {
            const stored = file.read(available, _trailer__WEBPACK_IMPORTED_MODULE_7__/* .TRAILER_SIZE */ .C);
            verdict = stored.equals(digest) ? 'ok' : 'mismatch';
            if (verdict === 'mismatch') {
                findings.add({
                    severity: 'error',
                    kind: 'trailer-mismatch',
                    offset: available,
                    message: `integrity trailer at offset ${available} does not match: SHA-256 of the first ${available} bytes is ${digest.toString('hex').slice(0, 16)}…, the trailer says ${stored.toString('hex').slice(0, 16)}…`,
                });
            }
        }
        report.trailer = verdict;
    };
}
/** A key for a message: printable ASCII as is, anything else as hex. */
function printable(key) {
    const text = key.toString('latin1');
    return /^[\x20-\x7e]*$/.test(text) && text.length <= 80
        ? text
        : `0x${key.subarray(0, 40).toString('hex')}${key.length > 40 ? '…' : ''}`;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 89767:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _n: () => (/* binding */ MAX_REGION_BYTES),
/* harmony export */   rU: () => (/* binding */ TreeWalker)
/* harmony export */ });
/* unused harmony export compareRanges */
/* harmony import */ var _crc32c__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10042);
/* harmony import */ var _meta__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46679);
/* harmony import */ var _page__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10553);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_crc32c__WEBPACK_IMPORTED_MODULE_0__]);
_crc32c__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];



/** The largest page region (page plus overflow pages) the walker will read in one piece. */
const MAX_REGION_BYTES = 256 << 20;
const NO_BOUND = { buf: undefined, start: 0, end: 0 };
function newFrame() {
    return {
        id: 0,
        region: Buffer.alloc(0),
        count: 0,
        isBranch: false,
        index: 0,
        lower: { buf: undefined, start: 0, end: 0 },
        upper: { buf: undefined, start: 0, end: 0 },
        previousStart: -1,
        previousEnd: -1,
    };
}
function setBound(bound, buf, start, end) {
    bound.buf = buf;
    bound.start = start;
    bound.end = end;
}
/**
 * A u64 page id as a number, without a BigInt per page: exact below 2^53, MAX_SAFE_INTEGER above (which
 * is past any database's end, so it is reported as out of bounds and never equals a real page id).
 */
function readPgid(buf, at) {
    const high = buf.readUInt32LE(at + 4);
    return high >= 0x200000 ? Number.MAX_SAFE_INTEGER : high * 0x100000000 + buf.readUInt32LE(at);
}
/**
 * Walks bbolt B+trees in key order with an explicit stack, checking every page it reaches like bbolt's
 * tx.Check (bounds, type, id, multiple references, key order) and remembering which pages were reached.
 * A page is entered at most once, so a corrupt tree that points back at itself ends instead of looping.
 */
class TreeWalker {
    file;
    pageSize;
    pgid;
    report;
    onRead;
    /** 1 = reached from a tree (or a meta/freelist page); indexes beyond the file are never reached. */
    reachable;
    /** Each page's header is copied here to be checked before its region is read. */
    header = Buffer.alloc(_meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql);
    constructor(file, pageSize, 
    /** Pages [0, pgid) form the database; both numbers already bounded by the caller. */
    pgid, report, 
    /** Called with the bytes of every page region read, for progress reporting. */
    onRead = undefined) {
        this.file = file;
        this.pageSize = pageSize;
        this.pgid = pgid;
        this.report = report;
        this.onRead = onRead;
        this.reachable = new Uint8Array(Math.min(pgid, Math.ceil(file.size / pageSize)));
    }
    /**
     * Marks [id, id+overflow] reached, stopping at the first page that already was and returning it (or -1).
     * Every page is set at most once, so a crafted file that refers to the same pages over and over costs
     * time in proportion to its size, not to the number of references times the overflow length.
     */
    mark(id, overflow) {
        const end = Math.min(id + overflow, this.reachable.length - 1);
        for (let p = id; p <= end; p++) {
            if (this.reachable[p])
                return p;
            this.reachable[p] = 1;
        }
        return -1;
    }
    /** Visits every entry of a bucket's tree in key order; feeds `hash`, if given, like etcd's status. */
    walk(root, label, visit, hash) {
        if ('inline' in root) {
            this.walkInline(root.inline, root.ownerPage, label, visit, hash);
            return;
        }
        const frames = [];
        let depth = 0;
        const frameAt = (d) => {
            if (d === frames.length)
                frames.push(newFrame());
            return frames[d];
        };
        if (this.load(root.page, -1, label, NO_BOUND, NO_BOUND, frameAt(0)))
            depth = 1;
        while (depth > 0) {
            const frame = frames[depth - 1];
            if (!frame.isBranch) {
                this.visitLeaf(frame.region, frame.count, frame.id, label, visit, frame.lower, frame.upper, hash);
                depth--;
                continue;
            }
            if (frame.index >= frame.count) {
                depth--;
                continue;
            }
            const i = frame.index++;
            const r = frame.region;
            const at = _meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql + i * _page__WEBPACK_IMPORTED_MODULE_1__/* .ELEMENT_SIZE */ .Tv;
            if (!this.branchElementFits(frame, i, label, false)) {
                frame.index = frame.count;
                continue;
            }
            const keyStart = at + r.readUInt32LE(at);
            const keyEnd = keyStart + r.readUInt32LE(at + 4);
            const child = readPgid(r, at + 8);
            this.checkOrder(frame.id, false, at, i, r, keyStart, keyEnd, frame.previousStart, frame.previousEnd, frame.lower, frame.upper, label);
            frame.previousStart = keyStart;
            frame.previousEnd = keyEnd;
            const next = frameAt(depth);
            // The child's keys lie in [this key, the next key), or up to this page's own upper bound at the end.
            setBound(next.lower, r, keyStart, keyEnd);
            const nextAt = at + _page__WEBPACK_IMPORTED_MODULE_1__/* .ELEMENT_SIZE */ .Tv;
            if (i + 1 < frame.count && this.branchElementFits(frame, i + 1, label, true)) {
                const nextStart = nextAt + r.readUInt32LE(nextAt);
                setBound(next.upper, r, nextStart, nextStart + r.readUInt32LE(nextAt + 4));
            }
            else {
                setBound(next.upper, frame.upper.buf, frame.upper.start, frame.upper.end);
            }
            if (this.load(child, frame.id, label, next.lower, next.upper, next))
                depth++;
        }
    }
    /** Reads and checks one page referenced from `parent` (-1 = from a bucket header or the meta). */
    load(id, parent, label, lower, upper, frame) {
        const from = () => (parent < 0 ? `the root of bucket ${label}` : `branch page ${parent}`);
        if (!Number.isSafeInteger(id) || id < 2 || id >= this.pgid) {
            const why = id < 2 ? 'a meta page' : `past the database end (pgid ${this.pgid})`;
            this.report({
                severity: 'error',
                kind: 'page-out-of-bounds',
                page: id,
                message: `page ${id}: referenced by ${from()} but is ${why}`,
            });
            return false;
        }
        const offset = id * this.pageSize;
        if (id >= this.reachable.length || offset + _meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql > this.file.size) {
            this.report({
                severity: 'error',
                kind: 'page-beyond-file',
                page: id,
                offset,
                message: `page ${id} at offset ${offset}: referenced by ${from()} but lies beyond the end of the file`,
            });
            return false;
        }
        const header = this.header;
        this.file.copyInto(header, offset);
        const storedId = readPgid(header, 0);
        const flags = header.readUInt16LE(8);
        const count = header.readUInt16LE(10);
        const overflow = header.readUInt32LE(12);
        const last = id + overflow;
        if (last >= this.pgid) {
            this.report({
                severity: 'error',
                kind: 'page-out-of-bounds',
                page: id,
                offset: offset + 12,
                message: `page ${id}: overflow ${overflow} runs past the database end (pgid ${this.pgid})`,
            });
            this.mark(id, 0);
            return false;
        }
        const twice = this.mark(id, overflow);
        if (twice >= 0) {
            this.report({
                severity: 'error',
                kind: 'page-multiple-references',
                page: twice,
                offset: twice * this.pageSize,
                message: `page ${twice}: referenced more than once (again by ${from()}, in bucket ${label})`,
            });
            return false;
        }
        if (storedId !== id) {
            this.report({
                severity: 'error',
                kind: 'page-id-mismatch',
                page: id,
                offset,
                message: `page ${id} at offset ${offset}: header says page ${header.readBigUInt64LE(0)}`,
            });
            return false;
        }
        if (flags !== _page__WEBPACK_IMPORTED_MODULE_1__/* .PAGE_FLAG */ .PP.branch && flags !== _page__WEBPACK_IMPORTED_MODULE_1__/* .PAGE_FLAG */ .PP.leaf) {
            this.report({
                severity: 'error',
                kind: 'page-type',
                page: id,
                offset: offset + 8,
                message: `page ${id} at offset ${offset}: invalid type ${(0,_page__WEBPACK_IMPORTED_MODULE_1__/* .pageTypeName */ .bf)(flags)} in bucket ${label} (expected branch or leaf)`,
            });
            return false;
        }
        const regionBytes = (overflow + 1) * this.pageSize;
        if (regionBytes > MAX_REGION_BYTES) {
            this.report({
                severity: 'error',
                kind: 'too-large',
                page: id,
                offset,
                message: `page ${id}: ${overflow} overflow pages (${regionBytes} bytes) exceed the reader's limit of ${MAX_REGION_BYTES}`,
            });
            return false;
        }
        const region = this.file.read(offset, regionBytes);
        this.onRead?.(regionBytes);
        if (region.length < regionBytes) {
            this.report({
                severity: 'error',
                kind: 'page-beyond-file',
                page: id,
                offset,
                message: `page ${id} at offset ${offset}: its ${overflow + 1} pages run past the end of the file`,
            });
            return false;
        }
        if (_meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql + count * _page__WEBPACK_IMPORTED_MODULE_1__/* .ELEMENT_SIZE */ .Tv > regionBytes) {
            this.report({
                severity: 'error',
                kind: 'page-element',
                page: id,
                offset: offset + 10,
                message: `page ${id}: element count ${count} does not fit in the page`,
            });
            return false;
        }
        const isBranch = flags === _page__WEBPACK_IMPORTED_MODULE_1__/* .PAGE_FLAG */ .PP.branch;
        // A branch stays on the stack while its children are read, so it gets its own copy of the page; a leaf
        // is consumed before the next read.
        frame.id = id;
        frame.region = isBranch ? Buffer.from(region) : region;
        frame.count = count;
        frame.isBranch = isBranch;
        frame.index = 0;
        if (lower !== frame.lower)
            setBound(frame.lower, lower.buf, lower.start, lower.end);
        if (upper !== frame.upper)
            setBound(frame.upper, upper.buf, upper.start, upper.end);
        frame.previousStart = frame.previousEnd = -1;
        return true;
    }
    /** Whether branch element i's key lies within the page (and is not empty); reported unless quiet. */
    branchElementFits(frame, i, label, quiet) {
        const at = _meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql + i * _page__WEBPACK_IMPORTED_MODULE_1__/* .ELEMENT_SIZE */ .Tv;
        const r = frame.region;
        const pos = r.readUInt32LE(at);
        const ksize = r.readUInt32LE(at + 4);
        const start = at + pos;
        if (start + ksize > r.length || ksize === 0) {
            if (!quiet) {
                this.report({
                    severity: 'error',
                    kind: 'page-element',
                    page: frame.id,
                    offset: frame.id * this.pageSize + at,
                    message: `page ${frame.id}: branch element ${i} in bucket ${label} has a key of ${ksize} bytes at ${pos} outside the page`,
                });
            }
            return false;
        }
        return true;
    }
    visitLeaf(region, count, page, label, visit, lower, upper, hash, 
    /** An inline bucket's embedded page, which has no place of its own in the file. */
    inline = false) {
        let previousStart = -1;
        let previousEnd = -1;
        // bbolt writes each entry's key and value right after the previous entry's, so the hashed bytes of a
        // leaf are usually one contiguous span: one CRC call per span instead of two per entry.
        let spanStart = 0;
        let spanEnd = 0;
        for (let i = 0; i < count; i++) {
            const at = _meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql + i * _page__WEBPACK_IMPORTED_MODULE_1__/* .ELEMENT_SIZE */ .Tv;
            const flags = region.readUInt32LE(at);
            const pos = region.readUInt32LE(at + 4);
            const ksize = region.readUInt32LE(at + 8);
            const vsize = region.readUInt32LE(at + 12);
            const start = at + pos;
            if (ksize === 0 || start + ksize + vsize > region.length) {
                this.report({
                    severity: 'error',
                    kind: 'page-element',
                    page,
                    offset: inline ? undefined : page * this.pageSize + at,
                    message: `page ${page}: leaf element ${i} in bucket ${label} (key ${ksize} bytes, value ${vsize} bytes at ${pos}) lies outside the page`,
                });
                break;
            }
            const isBucket = (flags & _page__WEBPACK_IMPORTED_MODULE_1__/* .BUCKET_LEAF_FLAG */ .H2) !== 0;
            if (hash) {
                // A nested bucket's header is not hashed, only its name.
                const hashedEnd = isBucket ? start + ksize : start + ksize + vsize;
                if (start !== spanEnd) {
                    if (spanEnd > spanStart)
                        hash.state = (0,_crc32c__WEBPACK_IMPORTED_MODULE_0__/* .crc32cUpdate */ .EL)(hash.state, region, spanStart, spanEnd);
                    spanStart = start;
                }
                spanEnd = hashedEnd;
            }
            const keyEnd = start + ksize;
            this.checkOrder(page, inline, at, i, region, start, keyEnd, previousStart, previousEnd, lower, upper, label);
            previousStart = start;
            previousEnd = keyEnd;
            visit(region, start, keyEnd, keyEnd + vsize, isBucket, page);
        }
        if (hash && spanEnd > spanStart)
            hash.state = (0,_crc32c__WEBPACK_IMPORTED_MODULE_0__/* .crc32cUpdate */ .EL)(hash.state, region, spanStart, spanEnd);
    }
    walkInline(value, ownerPage, label, visit, hash) {
        const embedded = value.subarray(_page__WEBPACK_IMPORTED_MODULE_1__/* .BUCKET_HEADER_SIZE */ .pP);
        if (embedded.length < _meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql) {
            this.report({
                severity: 'error',
                kind: 'bucket',
                page: ownerPage,
                message: `page ${ownerPage}: inline bucket ${label} is ${value.length} bytes, too short for its page header`,
            });
            return;
        }
        const flags = embedded.readUInt16LE(8);
        const count = embedded.readUInt16LE(10);
        if (flags !== _page__WEBPACK_IMPORTED_MODULE_1__/* .PAGE_FLAG */ .PP.leaf) {
            this.report({
                severity: 'error',
                kind: 'page-type',
                page: ownerPage,
                message: `page ${ownerPage}: inline bucket ${label} has page type ${(0,_page__WEBPACK_IMPORTED_MODULE_1__/* .pageTypeName */ .bf)(flags)} (expected leaf)`,
            });
            return;
        }
        if (_meta__WEBPACK_IMPORTED_MODULE_2__/* .PAGE_HEADER_SIZE */ .ql + count * _page__WEBPACK_IMPORTED_MODULE_1__/* .ELEMENT_SIZE */ .Tv > embedded.length) {
            this.report({
                severity: 'error',
                kind: 'page-element',
                page: ownerPage,
                message: `page ${ownerPage}: inline bucket ${label} claims ${count} elements but holds ${embedded.length} bytes`,
            });
            return;
        }
        this.visitLeaf(embedded, count, ownerPage, `${label} (inline in page ${ownerPage})`, visit, NO_BOUND, NO_BOUND, hash, true);
    }
    /** Checks key r[start, end) against the key before it in the same page (r too) and the page's bounds. */
    checkOrder(page, 
    /** Inside an inline bucket, whose elements have no file offset. */
    inline, 
    /** Where the element lies in its page. */
    at, index, r, start, end, previousStart, previousEnd, lower, upper, label) {
        let why;
        if (previousStart >= 0 && compareRanges(r, previousStart, previousEnd, r, start, end) >= 0)
            why = 'not greater than the key before it';
        else if (lower.buf && compareRanges(r, start, end, lower.buf, lower.start, lower.end) < 0)
            why = "below its parent branch's key";
        else if (upper.buf && compareRanges(r, start, end, upper.buf, upper.start, upper.end) >= 0)
            why = "not below the parent branch's next key";
        if (why) {
            const offset = inline ? undefined : page * this.pageSize + at;
            this.report({
                severity: 'error',
                kind: 'key-order',
                page,
                offset,
                message: `page ${page}: key ${index}${offset === undefined ? '' : ` (element at offset ${offset})`} in bucket ${label} is out of order (${why})`,
            });
        }
    }
}
/**
 * Orders a[aStart, aEnd) against b[bStart, bEnd) like Buffer.compare, by hand: keys are short, and
 * Buffer#compare with offsets makes garbage per call (argument validation), once per entry of a walk.
 */
function compareRanges(a, aStart, aEnd, b, bStart, bEnd) {
    const aLength = aEnd - aStart;
    const bLength = bEnd - bStart;
    const n = Math.min(aLength, bLength);
    for (let i = 0; i < n; i++) {
        const x = a[aStart + i];
        const y = b[bStart + i];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return aLength === bLength ? 0 : aLength < bLength ? -1 : 1;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ })

};
