import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 807;
export const ids = [807];
export const modules = {

/***/ 38341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ parseBackupName),
/* harmony export */   aw: () => (/* binding */ backupName),
/* harmony export */   hn: () => (/* binding */ completeMetadata),
/* harmony export */   oO: () => (/* binding */ isValidClusterName),
/* harmony export */   ro: () => (/* binding */ parseMetadataJson)
/* harmony export */ });
/* unused harmony exports METADATA_SCHEMA_VERSION, MetadataError, parseMetadata */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * The JSON document stored next to every backup. It stays readable (never encrypted) so a catalog can be
 * listed without keys, and therefore holds no secrets and no Kubernetes object names: only counts, hashes,
 * sizes and the public half of the encryption.
 */
const METADATA_SCHEMA_VERSION = 1;
class MetadataError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
}
// Characters that are safe in artifact names, release asset names and file names alike.
const CLUSTER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const NAME_PATTERN = /^([A-Za-z0-9][A-Za-z0-9._-]{0,62})-(\d{8}T\d{6}Z)-r(\d+)$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
function isValidClusterName(cluster) {
    return CLUSTER_PATTERN.test(cluster);
}
function compactUtc(date) {
    return date
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
}
/** `<cluster>-<UTC time YYYYMMDDTHHMMSSZ>-r<revision>`, e.g. `prod-20261121T194500Z-r12345`. */
function backupName(cluster, date, revision) {
    if (!isValidClusterName(cluster)) {
        throw new MetadataError(`cluster name '${cluster}' is not usable in a backup name`, {
            hint: 'use 1-63 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
        });
    }
    if (!Number.isSafeInteger(revision) || revision < 0) {
        throw new MetadataError(`revision ${revision} is not a non-negative integer`);
    }
    if (Number.isNaN(date.getTime()))
        throw new MetadataError('backup time is not a valid date');
    return `${cluster}-${compactUtc(date)}-r${revision}`;
}
/** The inverse of backupName(); undefined for anything that is not a backup name. */
function parseBackupName(name) {
    const match = NAME_PATTERN.exec(name);
    if (!match)
        return undefined;
    const [, cluster, stamp, revision] = match;
    const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    const time = new Date(iso);
    const rev = Number(revision);
    if (Number.isNaN(time.getTime()) || compactUtc(time) !== stamp || !Number.isSafeInteger(rev))
        return undefined;
    return { cluster, time, revision: rev };
}
class Reader {
    source;
    constructor(source) {
        this.source = source;
    }
    fail(path, expected) {
        throw new MetadataError(`${this.source}: field '${path}' must be ${expected}`, {
            hint: 'the metadata document is damaged or was not written by etcd-backup; do not trust this backup',
        });
    }
    object(value, path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            this.fail(path, 'an object');
        return value;
    }
    string(value, path, pattern) {
        if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) {
            this.fail(path, pattern ? `a string matching ${pattern}` : 'a non-empty string');
        }
        return value;
    }
    count(value, path) {
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
            this.fail(path, 'a non-negative integer');
        }
        return value;
    }
    optional(value, read) {
        return value === undefined ? undefined : read(value);
    }
    counts(value, path) {
        const obj = this.object(value, path);
        // No prototype: a namespace called __proto__ or constructor is kept like any other.
        const out = Object.create(null);
        for (const [k, v] of Object.entries(obj))
            out[k] = this.count(v, `${path}.${k}`);
        return out;
    }
}
function readEncryption(r, value) {
    const e = r.object(value, 'envelope.encryption');
    switch (e.kind) {
        case 'age-recipients': {
            if (!Array.isArray(e.recipients) || e.recipients.length === 0) {
                r.fail('envelope.encryption.recipients', 'a non-empty list of age public keys');
            }
            const recipients = e.recipients.map((x, i) => r.string(x, `envelope.encryption.recipients[${i}]`, /^age1/));
            return { kind: 'age-recipients', recipients };
        }
        case 'age-passphrase':
            return { kind: 'age-passphrase' };
        case 'none':
            return { kind: 'none' };
        default:
            return r.fail('envelope.encryption.kind', "'age-recipients', 'age-passphrase' or 'none'");
    }
}
function readBlob(r, value) {
    const b = r.object(value, 'envelope.blob');
    const blob = {
        sha256: r.string(b.sha256, 'envelope.blob.sha256', SHA256_PATTERN),
        size: r.count(b.size, 'envelope.blob.size'),
    };
    if (b.parts !== undefined) {
        if (!Array.isArray(b.parts) || b.parts.length === 0)
            r.fail('envelope.blob.parts', 'a non-empty list');
        blob.parts = b.parts.map((p, i) => {
            const part = r.object(p, `envelope.blob.parts[${i}]`);
            const index = r.count(part.index, `envelope.blob.parts[${i}].index`);
            if (index !== i)
                r.fail(`envelope.blob.parts[${i}].index`, `${i} (parts are listed in order)`);
            return {
                index,
                size: r.count(part.size, `envelope.blob.parts[${i}].size`),
                sha256: r.string(part.sha256, `envelope.blob.parts[${i}].sha256`, SHA256_PATTERN),
            };
        });
        const total = blob.parts.reduce((sum, p) => sum + p.size, 0);
        if (total !== blob.size)
            r.fail('envelope.blob.parts', `sizes adding up to envelope.blob.size (${blob.size})`);
    }
    return blob;
}
/**
 * Validates a metadata document read from a store. Unknown schema versions are rejected by name, so an
 * older tool never half-understands a newer backup.
 */
function parseMetadata(value, source = 'backup metadata') {
    const r = new Reader(source);
    const doc = r.object(value, '(document)');
    if (doc.schemaVersion !== METADATA_SCHEMA_VERSION) {
        throw new MetadataError(`${source}: schema version ${JSON.stringify(doc.schemaVersion)} is not supported (this tool reads version ${METADATA_SCHEMA_VERSION})`, { hint: 'use the etcd-backup version that wrote this backup, or a newer one' });
    }
    const name = r.string(doc.name, 'name');
    const parsedName = parseBackupName(name);
    if (!parsedName)
        r.fail('name', 'a backup name <cluster>-<YYYYMMDDTHHMMSSZ>-r<revision>');
    const createdAt = r.string(doc.createdAt, 'createdAt');
    if (Number.isNaN(Date.parse(createdAt)))
        r.fail('createdAt', 'an ISO 8601 time');
    const cluster = r.string(doc.cluster, 'cluster', CLUSTER_PATTERN);
    const etcd = r.object(doc.etcd, 'etcd');
    const snapshot = r.object(doc.snapshot, 'snapshot');
    const envelope = r.object(doc.envelope, 'envelope');
    const compression = envelope.compression;
    if (compression !== 'zstd' && compression !== 'none')
        r.fail('envelope.compression', "'zstd' or 'none'");
    const metadata = {
        schemaVersion: METADATA_SCHEMA_VERSION,
        name,
        createdAt,
        cluster,
        etcd: {
            version: r.string(etcd.version, 'etcd.version'),
            revision: r.count(etcd.revision, 'etcd.revision'),
            totalSize: r.count(etcd.totalSize, 'etcd.totalSize'),
        },
        snapshot: {
            sha256: r.string(snapshot.sha256, 'snapshot.sha256', SHA256_PATTERN),
            size: r.count(snapshot.size, 'snapshot.size'),
        },
        toolVersion: r.string(doc.toolVersion, 'toolVersion'),
        envelope: {
            compression,
            encryption: readEncryption(r, envelope.encryption),
            blob: readBlob(r, envelope.blob),
        },
    };
    if (parsedName.cluster !== cluster || parsedName.revision !== metadata.etcd.revision) {
        r.fail('name', `consistent with cluster '${cluster}' and revision ${metadata.etcd.revision}`);
    }
    const optionalEtcd = {
        compactRevision: r.optional(etcd.compactRevision, (v) => r.count(v, 'etcd.compactRevision')),
        hash: r.optional(etcd.hash, (v) => r.count(v, 'etcd.hash')),
        totalKey: r.optional(etcd.totalKey, (v) => r.count(v, 'etcd.totalKey')),
        leader: r.optional(etcd.leader, (v) => r.string(v, 'etcd.leader')),
        raftIndex: r.optional(etcd.raftIndex, (v) => r.count(v, 'etcd.raftIndex')),
        raftTerm: r.optional(etcd.raftTerm, (v) => r.count(v, 'etcd.raftTerm')),
    };
    for (const [k, v] of Object.entries(optionalEtcd)) {
        if (v !== undefined)
            metadata.etcd[k] = v;
    }
    if (doc.node !== undefined)
        metadata.node = r.string(doc.node, 'node');
    if (doc.member !== undefined) {
        const m = r.object(doc.member, 'member');
        metadata.member = { id: r.string(m.id, 'member.id'), name: r.string(m.name, 'member.name') };
    }
    if (doc.inventory !== undefined) {
        const inv = r.object(doc.inventory, 'inventory');
        metadata.inventory = {
            byType: r.counts(inv.byType, 'inventory.byType'),
            byNamespace: r.counts(inv.byNamespace, 'inventory.byNamespace'),
        };
    }
    if (doc.timings !== undefined)
        metadata.timings = r.counts(doc.timings, 'timings');
    return metadata;
}
/** Parses the JSON text of a metadata document; bad JSON is a MetadataError like any other damage. */
function parseMetadataJson(text, source = 'backup metadata') {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new MetadataError(`${source}: not valid JSON (${error.message})`, {
            hint: 'the metadata document is damaged; do not trust this backup',
        });
    }
    return parseMetadata(value, source);
}
function completeMetadata(draft, blob) {
    return { ...draft, envelope: { ...draft.envelope, blob } };
}


/***/ }),

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

/***/ 93886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ DigestStream)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);


/**
 * A pass-through that hashes and counts what flows through it. `check`, when given, runs at the end of
 * the stream and may return an error, which then ends the stream as failed instead of finished — so a
 * consumer never sees a clean end on bytes that did not match.
 */
class DigestStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    check;
    hash;
    bytes = 0;
    result;
    /** `hash: false` only counts the bytes (`digest.sha256` is then ''). */
    constructor(check, options = {}) {
        super();
        this.check = check;
        this.hash = options.hash === false ? undefined : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    }
    _transform(chunk, _encoding, done) {
        this.hash?.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
    }
    _flush(done) {
        this.result = { sha256: this.hash?.digest('hex') ?? '', size: this.bytes };
        done(this.check?.(this.result) ?? null);
    }
    get size() {
        return this.bytes;
    }
    /** Available once the stream has been read to its end. */
    get digest() {
        if (!this.result)
            throw new Error('digest read before the stream ended');
        return this.result;
    }
}


/***/ }),

/***/ 68147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MV: () => (/* binding */ parseIdentityFile),
/* harmony export */   Ng: () => (/* binding */ chooseEncryption),
/* harmony export */   j: () => (/* binding */ makeEncrypter),
/* harmony export */   rW: () => (/* binding */ abbreviateKey),
/* harmony export */   tZ: () => (/* binding */ makeDecrypter),
/* harmony export */   wX: () => (/* binding */ recipientsOf),
/* harmony export */   zN: () => (/* binding */ describeEncryption)
/* harmony export */ });
/* harmony import */ var age_encryption__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81539);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2157);


const PLAINTEXT_HINT = "a snapshot holds every Secret of the cluster; give age recipients or a passphrase, or set encryption 'none' to store it unencrypted on purpose";
/** Turns user inputs into one choice, refusing plaintext unless it was asked for by name. */
function chooseEncryption(inputs) {
    const recipients = (inputs.recipients ?? []).map((r) => r.trim()).filter((r) => r !== '');
    const passphrase = inputs.passphrase ?? '';
    if (inputs.encryption === 'none') {
        if (recipients.length > 0 || passphrase !== '') {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EnvelopeError */ .t('bad-key', "encryption 'none' was chosen but recipients or a passphrase were also given", {
                hint: "drop encryption 'none' to encrypt, or drop the keys to store plaintext",
            });
        }
        return { kind: 'none' };
    }
    if (recipients.length > 0 && passphrase !== '') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EnvelopeError */ .t('bad-key', 'both age recipients and a passphrase were given; age allows one or the other', {
            hint: 'use recipients (recommended: the private key never needs to reach the backup job) or a passphrase',
        });
    }
    if (recipients.length > 0) {
        for (const r of recipients)
            checkRecipient(r);
        return { kind: 'recipients', recipients };
    }
    if (passphrase !== '')
        return { kind: 'passphrase', passphrase };
    throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EnvelopeError */ .t('plaintext-refused', 'refusing to store an unencrypted snapshot', {
        hint: PLAINTEXT_HINT,
    });
}
function checkRecipient(recipient) {
    try {
        new age_encryption__WEBPACK_IMPORTED_MODULE_0__/* .Encrypter */ .T7().addRecipient(recipient);
    }
    catch {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EnvelopeError */ .t('bad-key', `'${abbreviateKey(recipient)}' is not an age recipient`, {
            hint: 'recipients are public keys starting with age1 (X25519) or age1pq1 (hybrid), e.g. from age-keygen -y',
        });
    }
}
/** The metadata's view of a choice: public keys or the fact of a passphrase, never a secret. */
function describeEncryption(choice) {
    switch (choice.kind) {
        case 'recipients':
            return { kind: 'age-recipients', recipients: [...choice.recipients] };
        case 'passphrase':
            return { kind: 'age-passphrase' };
        case 'none':
            return { kind: 'none' };
    }
}
function makeEncrypter(choice) {
    const encrypter = new age_encryption__WEBPACK_IMPORTED_MODULE_0__/* .Encrypter */ .T7();
    if (choice.kind === 'passphrase') {
        encrypter.setPassphrase(choice.passphrase);
        if (choice.scryptWorkFactor !== undefined)
            encrypter.setScryptWorkFactor(choice.scryptWorkFactor);
    }
    else {
        for (const r of choice.recipients)
            encrypter.addRecipient(r);
    }
    return encrypter;
}
function makeDecrypter(keys) {
    const decrypter = new age_encryption__WEBPACK_IMPORTED_MODULE_0__/* .Decrypter */ .Hz();
    for (const identity of keys.identities ?? []) {
        try {
            decrypter.addIdentity(identity);
        }
        catch {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EnvelopeError */ .t('bad-key', 'an identity given to decrypt with is not an age secret key', {
                hint: 'identities start with AGE-SECRET-KEY-1 (X25519) or AGE-SECRET-KEY-PQ-1 (hybrid), as written by age-keygen',
            });
        }
    }
    for (const passphrase of keys.passphrases ?? [])
        decrypter.addPassphrase(passphrase);
    return decrypter;
}
/** Reads an age identity file: one key per line, `#` comments and blank lines ignored. */
function parseIdentityFile(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** The public keys that the given identities answer to, for error messages. */
async function recipientsOf(identities) {
    const out = [];
    for (const identity of identities) {
        try {
            out.push(await (0,age_encryption__WEBPACK_IMPORTED_MODULE_0__/* .identityToRecipient */ .RE)(identity));
        }
        catch {
            // Invalid identities are reported by makeDecrypter.
        }
    }
    return out;
}
/** age1pq1 keys are about 2000 characters; messages show the start and the end. */
function abbreviateKey(key) {
    return key.length <= 24 ? key : `${key.slice(0, 14)}…${key.slice(-8)}`;
}


/***/ }),

/***/ 2157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ EnvelopeError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** Sealing or opening a backup failed; `reason` lets callers branch without parsing the message. */
class EnvelopeError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    reason;
    constructor(reason, message, options = {}) {
        super(message, options);
        this.reason = reason;
    }
}


/***/ }),

/***/ 754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ parseSelector),
/* harmony export */   Vr: () => (/* binding */ selectBackup),
/* harmony export */   a3: () => (/* binding */ backupTime),
/* harmony export */   ll: () => (/* binding */ newestFirst),
/* harmony export */   uM: () => (/* binding */ readCatalog)
/* harmony export */ });
/* unused harmony exports encryptedFor, catalogEntry */
/* harmony import */ var _envelope_encryption__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68147);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97018);


function backupTime(metadata) {
    return Date.parse(metadata.createdAt);
}
/** Newest first; at equal times the higher revision first, so the order is total and stable. */
function newestFirst(backups) {
    return [...backups].sort((a, b) => backupTime(b) - backupTime(a) || b.etcd.revision - a.etcd.revision || a.name.localeCompare(b.name));
}
function encryptedFor(metadata) {
    const e = metadata.envelope.encryption;
    if (e.kind === 'age-recipients')
        return e.recipients.map(_envelope_encryption__WEBPACK_IMPORTED_MODULE_0__/* .abbreviateKey */ .rW).join(', ');
    return e.kind === 'age-passphrase' ? 'passphrase' : 'none';
}
function catalogEntry(metadata) {
    return {
        name: metadata.name,
        time: metadata.createdAt,
        cluster: metadata.cluster,
        revision: metadata.etcd.revision,
        size: metadata.envelope.blob.size,
        snapshotSize: metadata.snapshot.size,
        encryptedFor: encryptedFor(metadata),
    };
}
/** `latest`, an ISO 8601 time (the newest backup at or before it), or a backup name. */
function parseSelector(text) {
    const value = text.trim();
    if (value === '' || value === 'latest')
        return { latest: true };
    if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) {
        const at = new Date(value);
        if (Number.isNaN(at.getTime())) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .StoreError */ .A('not-found', `'${value}' is not a valid ISO 8601 time`, {
                hint: 'use e.g. 2026-11-21T18:00:00Z, a backup name, or latest',
            });
        }
        return { at };
    }
    return { name: value };
}
/** Picks one backup, optionally only among one cluster's, or fails naming what was looked for. */
function selectBackup(backups, selector, options = {}) {
    const where = options.location ?? 'the store';
    const pool = newestFirst(backups.filter((b) => options.cluster === undefined || b.cluster === options.cluster));
    const scope = options.cluster ? ` for cluster ${options.cluster}` : '';
    let found;
    let wanted;
    if ('latest' in selector) {
        found = pool[0];
        wanted = `backups${scope}`;
    }
    else if ('name' in selector) {
        found = pool.find((b) => b.name === selector.name);
        wanted = `backup named ${selector.name}`;
    }
    else {
        found = pool.find((b) => backupTime(b) <= selector.at.getTime());
        wanted = `backup${scope} taken at or before ${selector.at.toISOString()}`;
    }
    if (!found) {
        const oldest = pool[pool.length - 1];
        const hint = oldest
            ? `${pool.length} backup(s)${scope} in ${where}, oldest ${oldest.name}; see etcd-backup list`
            : `${where} holds no backups${scope}`;
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .StoreError */ .A('not-found', `${where} has no ${wanted}`, { hint });
    }
    return found;
}
async function readCatalog(store) {
    const listing = await store.list();
    return { entries: newestFirst(listing.backups).map(catalogEntry), problems: listing.problems };
}


/***/ }),

/***/ 41913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sV: () => (/* binding */ RETENTION_OPTIONS),
  UJ: () => (/* binding */ STORE_HELP),
  n0: () => (/* binding */ STORE_OPTIONS),
  __: () => (/* binding */ STORE_WRITE_HELP),
  hj: () => (/* binding */ STORE_WRITE_OPTIONS),
  Nf: () => (/* binding */ retentionPolicyFrom),
  o1: () => (/* binding */ storeFromOptions)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/shown.ts
var shown = __webpack_require__(98161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/backup/metadata.ts
var backup_metadata = __webpack_require__(38341);
// EXTERNAL MODULE: ./src/envelope/digest.ts
var envelope_digest = __webpack_require__(93886);
// EXTERNAL MODULE: ./src/store/errors.ts
var store_errors = __webpack_require__(97018);
;// CONCATENATED MODULE: ./src/store/store.ts
/** File/asset/artifact name of a backup's blob: the extension says what is inside. */
function blobFileName(metadata) {
    const { compression, encryption } = metadata.envelope;
    if (encryption.kind !== 'none')
        return `${metadata.name}.age`;
    return compression === 'zstd' ? `${metadata.name}.zst` : `${metadata.name}.db`;
}
function metadataFileName(name) {
    return `${name}.json`;
}
const METADATA_SUFFIX = '.json';

;// CONCATENATED MODULE: ./src/store/verify.ts


/**
 * A pass-through that fails, instead of ending, when the bytes that went through are not the recorded ones.
 * Every store's get() ends its blob stream with one of these.
 */
function verifyingStream(what, expected) {
    return new envelope_digest/* DigestStream */.v((d) => {
        if (d.size < expected.size) {
            return new store_errors/* StoreError */.A('truncated', `${what} is truncated: got ${d.size} of ${expected.size} bytes`, {
                hint: 'the transfer was cut short or the stored copy is incomplete; try again or pick another backup',
            });
        }
        if (d.size !== expected.size || d.sha256 !== expected.sha256)
            return (0,store_errors/* digestMismatch */.H)(what, d.sha256, expected.sha256);
        return undefined;
    });
}

;// CONCATENATED MODULE: ./src/store/artifact-store.ts










const BLOB_SUFFIXES = ['.age', '.zst', '.db'];
/**
 * Backups as workflow artifacts, through the unmodified @actions/artifact client. Each backup is two
 * artifacts: the blob, uploaded with `skipArchive` (no zip: the artifact digest is then the blob's own
 * SHA-256, and it downloads as the file itself), and the metadata JSON as its own small artifact, uploaded
 * last. Keeping the metadata separate lets `list` read every backup's details without downloading any
 * blob, and a blob without metadata marks an upload that never finished.
 */
class ArtifactStore {
    options;
    location;
    clientPromise;
    constructor(options = {}) {
        this.options = options;
        const f = options.findBy;
        this.location = f ? `artifact:${f.repositoryOwner}/${f.repositoryName}#${f.workflowRunId}` : 'artifact';
    }
    // Imported on first use: the toolkit reads some environment (GITHUB_API_URL) once, at import time.
    client() {
        this.clientPromise ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942), __webpack_require__.e(838), __webpack_require__.e(351), __webpack_require__.e(645)]).then(__webpack_require__.bind(__webpack_require__, 9645)).then((m) => new m.DefaultArtifactClient());
        return this.clientPromise;
    }
    find() {
        return this.options.findBy ? { findBy: this.options.findBy } : {};
    }
    async put(name, blob, draft) {
        if (this.options.findBy) {
            blob.destroy();
            throw new store_errors/* StoreError */.A('bad-location', `cannot upload to ${this.location}: artifacts can only be added to the current run`);
        }
        const client = await this.client();
        return this.withTempDir(async (dir) => {
            const blobName = blobFileName(draft);
            const blobPath = (0,external_node_path_.join)(dir, blobName);
            const digest = new envelope_digest/* DigestStream */.v();
            const file = await (0,promises_.open)(blobPath, 'wx', 0o600);
            await (0,external_node_stream_promises_.pipeline)(blob, digest, file.createWriteStream());
            const upload = { skipArchive: true, compressionLevel: 0, retentionDays: this.options.retentionDays };
            const uploaded = await this.call(`upload ${blobName}`, () => client.uploadArtifact(blobName, [blobPath], dir, upload));
            if (uploaded.digest && uploaded.digest.replace(/^sha256:/, '') !== digest.digest.sha256) {
                await client.deleteArtifact(blobName).catch(() => { });
                throw new store_errors/* StoreError */.A('digest-mismatch', `artifact ${blobName}: the service recorded a different SHA-256 than was sent`, {
                    hint: 'the upload was damaged in transit; run the backup again',
                });
            }
            const metadata = (0,backup_metadata/* completeMetadata */.hn)(draft, digest.digest);
            const metaName = metadataFileName(name);
            const metaPath = (0,external_node_path_.join)(dir, metaName);
            const meta = await (0,promises_.open)(metaPath, 'wx', 0o600);
            await meta.writeFile(`${JSON.stringify(metadata, null, 2)}\n`);
            await meta.close();
            await this.call(`upload ${metaName}`, () => client.uploadArtifact(metaName, [metaPath], dir, upload));
            return metadata;
        });
    }
    async list() {
        const client = await this.client();
        const { artifacts } = await this.call('list artifacts', () => client.listArtifacts({ latest: true, ...this.find() }));
        const listing = { backups: [], problems: [] };
        const byName = new Map(artifacts.map((a) => [a.name, a]));
        for (const artifact of artifacts) {
            if (!artifact.name.endsWith(METADATA_SUFFIX))
                continue;
            const name = artifact.name.slice(0, -METADATA_SUFFIX.length);
            if (!(0,backup_metadata/* parseBackupName */.Df)(name))
                continue;
            try {
                const metadata = await this.readMetadata(name, artifact.id);
                const blob = byName.get(blobFileName(metadata));
                if (!blob)
                    listing.problems.push(`${name}: metadata without blob artifact ${blobFileName(metadata)}`);
                else if (blob.digest && blob.digest !== `sha256:${metadata.envelope.blob.sha256}`) {
                    listing.problems.push(`${name}: blob artifact digest ${blob.digest} does not match the metadata`);
                }
                else
                    listing.backups.push(metadata);
            }
            catch (error) {
                listing.problems.push(`${name}: ${error.message.split('\n')[0]}`);
            }
        }
        for (const artifact of artifacts) {
            const suffix = BLOB_SUFFIXES.find((s) => artifact.name.endsWith(s));
            const name = suffix && artifact.name.slice(0, -suffix.length);
            if (name && (0,backup_metadata/* parseBackupName */.Df)(name) && !byName.has(metadataFileName(name))) {
                listing.problems.push(`${name}: blob without metadata (incomplete backup)`);
            }
        }
        return listing;
    }
    async get(name) {
        const client = await this.client();
        const metaArtifact = await this.lookup(client, metadataFileName(name), name);
        const metadata = await this.readMetadata(name, metaArtifact.id);
        const blobArtifact = await this.lookup(client, blobFileName(metadata), name);
        const expected = `sha256:${metadata.envelope.blob.sha256}`;
        if (blobArtifact.digest && blobArtifact.digest !== expected) {
            throw new store_errors/* StoreError */.A('digest-mismatch', `artifact ${blobArtifact.name}: digest ${blobArtifact.digest} is not the recorded ${expected}`, {
                hint: 'the artifact was replaced after the backup was taken; do not restore it',
            });
        }
        const dir = await this.tempDir();
        try {
            const path = await this.download(client, blobArtifact.id, blobArtifact.name, dir);
            const check = verifyingStream(`artifact ${blobArtifact.name}`, metadata.envelope.blob);
            (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), check)
                .catch(() => { })
                .finally(() => (0,promises_.rm)(dir, { recursive: true, force: true }));
            return { metadata, blob: check };
        }
        catch (error) {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            throw error;
        }
    }
    async delete(name) {
        const client = await this.client();
        const metaArtifact = await this.lookup(client, metadataFileName(name), name);
        const metadata = await this.readMetadata(name, metaArtifact.id);
        await this.call(`delete ${metaArtifact.name}`, () => client.deleteArtifact(metaArtifact.name, this.find()));
        await this.call(`delete ${blobFileName(metadata)}`, () => client.deleteArtifact(blobFileName(metadata), this.find())).catch((error) => {
            if (!(error instanceof store_errors/* StoreError */.A && error.reason === 'not-found'))
                throw error;
        });
    }
    async lookup(client, artifactName, backup) {
        try {
            return (await client.getArtifact(artifactName, this.find())).artifact;
        }
        catch (error) {
            if (error.name === 'ArtifactNotFoundError') {
                throw new store_errors/* StoreError */.A('not-found', `${this.location} has no backup named ${backup} (no artifact ${artifactName})`, {
                    hint: `list what is there with: etcd-backup list --store artifact${this.options.findBy ? ' --run-id …' : ''}`,
                });
            }
            throw this.translate(`find ${artifactName}`, error);
        }
    }
    async readMetadata(name, id) {
        const client = await this.client();
        return this.withTempDir(async (dir) => {
            const path = await this.download(client, id, metadataFileName(name), dir);
            const metadata = (0,backup_metadata/* parseMetadataJson */.ro)(await (0,promises_.readFile)(path, 'utf8'), `artifact ${metadataFileName(name)}`);
            if (metadata.name !== name) {
                throw new store_errors/* StoreError */.A('digest-mismatch', `artifact ${metadataFileName(name)} describes backup ${metadata.name}`);
            }
            return metadata;
        });
    }
    /** Downloads one raw (skipArchive) artifact into `dir` and returns the file's path. */
    async download(client, id, artifactName, dir) {
        await this.call(`download ${artifactName}`, () => client.downloadArtifact(id, { path: dir, ...this.find() }));
        const files = await (0,promises_.readdir)(dir);
        if (files.length !== 1) {
            throw new store_errors/* StoreError */.A('incomplete', `artifact ${artifactName} downloaded as ${files.length} files instead of one`, {
                hint: 'it was not uploaded by etcd-backup (expected a single un-zipped file)',
            });
        }
        return (0,external_node_path_.join)(dir, files[0]);
    }
    async call(what, operation) {
        try {
            return await operation();
        }
        catch (error) {
            throw this.translate(what, error);
        }
    }
    translate(what, error) {
        if (error instanceof store_errors/* StoreError */.A)
            return error;
        const e = error;
        const message = (e.message ?? String(error)).split('\n')[0];
        if (/\(409\)|already exists/i.test(message)) {
            return new store_errors/* StoreError */.A('duplicate', `${what}: an artifact with this name already exists in this workflow run`, {
                hint: 'artifact names are unique per run; on a re-run or a second backup in the same second, delete the old one or wait a second',
                cause: error,
            });
        }
        if (e.status === 410 || /\b410\b|expired/i.test(message)) {
            return new store_errors/* StoreError */.A('expired', `${what}: the artifact has expired (GitHub removed it after its retention period)`, {
                hint: 'pick a newer backup; for longer keeping raise retention-days or store backups as release assets',
                cause: error,
            });
        }
        if (e.name === 'ArtifactNotFoundError' || e.status === 404) {
            return new store_errors/* StoreError */.A('not-found', `${what}: not found in ${this.location}`, { cause: error });
        }
        if (e.status === 401 || e.status === 403) {
            return new store_errors/* StoreError */.A('permission', `${what}: the token was refused (${e.status})`, {
                hint: 'reading another run needs a token with actions: read; deleting needs actions: write',
                cause: error,
            });
        }
        if (e.name === 'GHESNotSupportedError') {
            return new store_errors/* StoreError */.A('bad-location', `${what}: workflow artifacts are not available on GitHub Enterprise Server`, {
                hint: 'use release assets or a folder store instead',
                cause: error,
            });
        }
        if (e.name === 'UsageError') {
            return new store_errors/* StoreError */.A('limit', `${what}: the artifact storage quota is used up`, {
                hint: 'delete old artifacts (etcd-backup prune) or raise the account storage limit',
                cause: error,
            });
        }
        return new store_errors/* StoreError */.A('unavailable', `${what}: ${message}`, {
            hint: 'the GitHub artifact service failed; try again later',
            cause: error,
        });
    }
    async tempDir() {
        const base = this.options.tempDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
        return (0,promises_.mkdtemp)((0,external_node_path_.join)(base, 'etcd-backup-artifact-'));
    }
    async withTempDir(work) {
        const dir = await this.tempDir();
        try {
            return await work(dir);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/store/dir-store.ts










const dir_store_BLOB_SUFFIXES = ['.age', '.zst', '.db'];
/**
 * Backups as files in a folder: `<name>.age` and `<name>.json`, mode 0600. Each file is written to a
 * temporary name, flushed to disk and renamed, so a crash leaves either nothing or a whole file; the
 * metadata is renamed last, so a half-written backup is never listed.
 */
class DirStore {
    root;
    location;
    constructor(root) {
        this.root = root;
        this.location = `dir:${root}`;
    }
    async put(name, blob, draft) {
        await (0,promises_.mkdir)(this.root, { recursive: true, mode: 0o700 });
        const blobPath = (0,external_node_path_.join)(this.root, blobFileName(draft));
        const metaPath = (0,external_node_path_.join)(this.root, metadataFileName(name));
        if ((await exists(blobPath)) || (await exists(metaPath))) {
            blob.destroy();
            throw new store_errors/* StoreError */.A('duplicate', `${this.location} already has a backup named ${name}`, {
                hint: 'backup names carry the time and revision; delete the old one first if you mean to replace it',
            });
        }
        const digest = new envelope_digest/* DigestStream */.v();
        await writeAtomically(blobPath, (tmp) => (0,external_node_stream_promises_.pipeline)(blob, digest, (0,external_node_fs_.createWriteStream)(tmp, { flags: 'wx', mode: 0o600 })));
        const metadata = (0,backup_metadata/* completeMetadata */.hn)(draft, digest.digest);
        await writeAtomically(metaPath, (tmp) => (0,promises_.writeFile)(tmp, `${JSON.stringify(metadata, null, 2)}\n`, { flag: 'wx', mode: 0o600 }));
        await syncDirectory(this.root);
        return metadata;
    }
    async list() {
        const listing = { backups: [], problems: [] };
        let entries;
        try {
            entries = await (0,promises_.readdir)(this.root);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return listing;
            throw error;
        }
        const names = new Set(entries.filter((e) => e.endsWith(METADATA_SUFFIX)).map((e) => e.slice(0, -METADATA_SUFFIX.length)));
        for (const name of names) {
            if (!(0,backup_metadata/* parseBackupName */.Df)(name))
                continue;
            try {
                listing.backups.push(await this.readMetadata(name));
            }
            catch (error) {
                listing.problems.push(`${name}: ${error.message}`);
            }
        }
        for (const entry of entries) {
            const suffix = dir_store_BLOB_SUFFIXES.find((s) => entry.endsWith(s));
            if (!suffix)
                continue;
            const name = entry.slice(0, -suffix.length);
            if ((0,backup_metadata/* parseBackupName */.Df)(name) && !names.has(name))
                listing.problems.push(`${name}: blob without metadata (incomplete backup)`);
        }
        return listing;
    }
    async get(name) {
        const metadata = await this.readMetadata(name);
        const path = (0,external_node_path_.join)(this.root, blobFileName(metadata));
        if (!(await exists(path))) {
            throw new store_errors/* StoreError */.A('incomplete', `${this.location}: backup ${name} has metadata but no blob (${path})`, {
                hint: 'the blob was removed by hand; this backup cannot be restored',
            });
        }
        const check = verifyingStream(`${this.location}/${name}`, metadata.envelope.blob);
        (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), check).catch(() => { });
        return { metadata, blob: check };
    }
    async delete(name) {
        const metadata = await this.readMetadata(name);
        // Metadata first: from then on the backup is no longer listed, even if removing the blob fails.
        await (0,promises_.rm)((0,external_node_path_.join)(this.root, metadataFileName(name)));
        await (0,promises_.rm)((0,external_node_path_.join)(this.root, blobFileName(metadata)), { force: true });
    }
    async readMetadata(name) {
        const path = (0,external_node_path_.join)(this.root, metadataFileName(name));
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT') {
                throw new store_errors/* StoreError */.A('not-found', `${this.location} has no backup named ${name}`, {
                    hint: `list what is there with: etcd-backup list --store ${this.location}`,
                });
            }
            throw error;
        }
        const metadata = (0,backup_metadata/* parseMetadataJson */.ro)(text, path);
        if (metadata.name !== name) {
            throw new store_errors/* StoreError */.A('digest-mismatch', `${path} describes backup ${metadata.name}, not ${name}`);
        }
        return metadata;
    }
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}
/** Writes `path` by way of a temp file that is flushed to disk and then renamed over it. */
async function writeAtomically(path, write) {
    const tmp = `${path}.tmp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    try {
        await write(tmp);
        const file = await (0,promises_.open)(tmp, 'r');
        try {
            await file.sync();
        }
        finally {
            await file.close();
        }
        await (0,promises_.rename)(tmp, path);
    }
    catch (error) {
        await (0,promises_.rm)(tmp, { force: true });
        throw error;
    }
}
async function syncDirectory(dir) {
    const handle = await (0,promises_.open)(dir, 'r');
    try {
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/store/retry.ts


const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxWaitMs: 10 * 60_000,
};
/** How long GitHub asked us to wait, if it did: `retry-after` seconds, or until `x-ratelimit-reset`. */
function requestedWaitMs(error, now) {
    const headers = error.response?.headers ?? {};
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0)
        return retryAfter * 1000;
    const limited = String(headers['x-ratelimit-remaining']) === '0';
    const reset = Number(headers['x-ratelimit-reset']);
    if (limited && Number.isFinite(reset))
        return Math.max(reset * 1000 - now, 0) + 1000;
    return undefined;
}
function isRateLimit(error) {
    const headers = error.response?.headers ?? {};
    return (error.status === 429 ||
        (error.status === 403 &&
            (String(headers['x-ratelimit-remaining']) === '0' ||
                headers['retry-after'] !== undefined ||
                /rate limit/i.test(error.message ?? ''))));
}
/** 5xx, rate limits, and failures with no HTTP answer at all (connection reset, DNS hiccup). */
function isRetryable(error) {
    if (error instanceof store_errors/* StoreError */.A)
        return false;
    if (error.status === undefined || error.status === 0)
        return true;
    return error.status >= 500 || isRateLimit(error);
}
/**
 * Runs `operation` until it succeeds, fails with something not worth retrying, or runs out of attempts.
 * Waits what GitHub asks for on rate limits (retry-after, x-ratelimit-reset) and backs off otherwise.
 * `beforeRetry` can clean up (e.g. delete a half-uploaded asset) before the next try.
 */
async function withRetry(what, operation, policy = DEFAULT_RETRY, beforeRetry) {
    for (let attempt = 1;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            const failure = error;
            if (!isRetryable(failure) || attempt >= policy.attempts)
                throw error;
            const asked = requestedWaitMs(failure, Date.now());
            if (asked !== undefined && asked > policy.maxWaitMs) {
                const at = new Date(Date.now() + asked).toISOString();
                throw new store_errors/* StoreError */.A('rate-limited', `${what}: GitHub's rate limit resets only at ${at}`, {
                    hint: 'wait, or use a token with a higher limit (a GitHub App or PAT instead of GITHUB_TOKEN)',
                    cause: error,
                });
            }
            const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
            const delay = asked ?? backoff * (0.5 + Math.random() / 2);
            await (0,external_node_timers_promises_.setTimeout)(delay);
            await beforeRetry?.();
        }
    }
}

;// CONCATENATED MODULE: ./src/store/spool.ts





/** Hashes the whole stream and each `partSize`-byte slice of it in one pass. */
class PartHasher extends external_node_stream_.Transform {
    partSize;
    parts = [];
    whole = (0,external_node_crypto_.createHash)('sha256');
    part = (0,external_node_crypto_.createHash)('sha256');
    partBytes = 0;
    total = 0;
    constructor(partSize) {
        super();
        this.partSize = partSize;
    }
    _transform(chunk, _encoding, done) {
        this.whole.update(chunk);
        this.total += chunk.length;
        let rest = chunk;
        while (rest.length > 0) {
            const take = Math.min(this.partSize - this.partBytes, rest.length);
            this.part.update(rest.subarray(0, take));
            this.partBytes += take;
            rest = rest.subarray(take);
            if (this.partBytes === this.partSize)
                this.closePart();
        }
        done(null, chunk);
    }
    _flush(done) {
        if (this.partBytes > 0 || this.parts.length === 0)
            this.closePart();
        done();
    }
    get digest() {
        return { sha256: this.whole.digest('hex'), size: this.total };
    }
    closePart() {
        this.parts.push({ index: this.parts.length, size: this.partBytes, sha256: this.part.digest('hex') });
        this.part = (0,external_node_crypto_.createHash)('sha256');
        this.partBytes = 0;
    }
}
/**
 * Writes a blob to a private temp file. Release uploads need each asset's Content-Length up front and
 * retries need to send a part again; a sealed blob's size is only known at its end, so it goes to disk
 * (never memory) first.
 */
async function spool(blob, dir, fileName, partSize) {
    const path = (0,external_node_path_.join)(dir, fileName);
    const hasher = new PartHasher(partSize);
    const file = await (0,promises_.open)(path, 'wx', 0o600);
    await (0,external_node_stream_promises_.pipeline)(blob, hasher, file.createWriteStream());
    return { path, ...hasher.digest, parts: hasher.parts };
}

;// CONCATENATED MODULE: ./src/store/release-store.ts













/** GitHub rejects assets of 2 GiB and more; 2 GB (decimal) leaves room. */
const DEFAULT_PART_SIZE = 2_000_000_000;
const MAX_ASSETS_PER_RELEASE = 1000;
function partName(blobName, index) {
    return `${blobName}.part${String(index).padStart(3, '0')}`;
}
/** Asset names of a backup's blob: one, or one per part. */
function blobAssetNames(metadata, blob) {
    const name = blobFileName(metadata);
    return blob.parts && blob.parts.length > 1 ? blob.parts.map((p) => partName(name, p.index)) : [name];
}
/**
 * Backups as GitHub release assets, through @actions/github's Octokit. Blobs are staged on disk, uploaded
 * with an exact Content-Length and streamed from the file; blobs over the part size are split into
 * `<blob>.partNNN` assets that the metadata lists with their own SHA-256. The metadata asset is uploaded
 * last. Every call retries 5xx, 429 and rate limits, waiting what GitHub asks for.
 */
class ReleaseStore {
    options;
    location;
    retry;
    partSize;
    octokitPromise;
    constructor(options) {
        this.options = options;
        this.location = options.tag ? `release:${options.tag}` : 'release';
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
        if (!(this.partSize > 0 && this.partSize <= 2 ** 31 - 1)) {
            throw new store_errors/* StoreError */.A('bad-location', `part size ${this.partSize} must be between 1 byte and 2 GiB`);
        }
    }
    octokit() {
        this.octokitPromise ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351)).then((github) => github.getOctokit(this.options.token, {
            baseUrl: this.options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
            log: { debug() { }, info() { }, warn() { }, error() { } },
        }));
        return this.octokitPromise;
    }
    get repo() {
        return { owner: this.options.owner, repo: this.options.repo };
    }
    tagFor(name) {
        return this.options.tag ?? `${this.options.tagPrefix ?? 'etcd-backup-'}${name}`;
    }
    async put(name, blob, draft) {
        let dir;
        try {
            // Checked before the blob is read, so a refusal does not cost a multi-GiB spool first.
            const release = await this.releaseForPut(name);
            let assets = await this.assets(release);
            this.checkRoom(name, assets, [blobFileName(draft)]);
            dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(this.options.tempDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'etcd-backup-release-'));
            const spooled = await spool(blob, dir, blobFileName(draft), this.partSize);
            const description = { sha256: spooled.sha256, size: spooled.size };
            if (spooled.parts.length > 1)
                description.parts = spooled.parts;
            const metadata = (0,backup_metadata/* completeMetadata */.hn)(draft, description);
            const names = blobAssetNames(metadata, description);
            // Blob assets without metadata are a previous attempt that never finished: replace them.
            for (const a of assets.filter((x) => names.includes(x.name)))
                await this.deleteAsset(a);
            assets = assets.filter((x) => !names.includes(x.name));
            this.checkRoom(name, assets, names);
            let offset = 0;
            for (const [i, assetName] of names.entries()) {
                const size = description.parts?.[i]?.size ?? description.size;
                const sha256 = description.parts?.[i]?.sha256 ?? description.sha256;
                const start = offset;
                await this.upload(release, assetName, 'application/octet-stream', size, sha256, () => size === 0 ? external_node_stream_.Readable.from([]) : (0,external_node_fs_.createReadStream)(spooled.path, { start, end: start + size - 1 }));
                offset += size;
            }
            const json = Buffer.from(`${JSON.stringify(metadata, null, 2)}\n`);
            await this.upload(release, metadataFileName(name), 'application/json', json.length, undefined, () => external_node_stream_.Readable.from([json]));
            return metadata;
        }
        catch (error) {
            blob.destroy();
            throw error;
        }
        finally {
            if (dir)
                await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    /** Refuses a duplicate name, or a backup that would take the release past GitHub's asset limit. */
    checkRoom(name, assets, blobAssets) {
        if (assets.some((a) => a.name === metadataFileName(name))) {
            throw new store_errors/* StoreError */.A('duplicate', `${this.location} already has a backup named ${name}`, {
                hint: 'delete it first (etcd-backup prune or the releases page) if you mean to replace it',
            });
        }
        const present = assets.filter((a) => !blobAssets.includes(a.name)).length;
        const needed = blobAssets.length + 1;
        if (present + needed > MAX_ASSETS_PER_RELEASE)
            throw this.tooManyAssets(present, needed);
    }
    async list() {
        const listing = { backups: [], problems: [] };
        const releases = this.options.tag
            ? [await this.releaseByTag(this.options.tag)]
            : await this.ownReleases();
        for (const release of releases) {
            if (!release)
                continue;
            // A per-backup release holds a handful of assets, all embedded in the release object: no extra call.
            const assets = this.options.tag ? await this.assets(release) : release.assets;
            const byName = new Map(assets.map((a) => [a.name, a]));
            for (const asset of assets) {
                if (!asset.name.endsWith(METADATA_SUFFIX))
                    continue;
                const name = asset.name.slice(0, -METADATA_SUFFIX.length);
                if (!(0,backup_metadata/* parseBackupName */.Df)(name))
                    continue;
                try {
                    const metadata = await this.readMetadata(name, asset);
                    const missing = blobAssetNames(metadata, metadata.envelope.blob).filter((n) => byName.get(n)?.state !== 'uploaded');
                    if (missing.length > 0)
                        listing.problems.push(`${name}: blob asset(s) missing: ${missing.join(', ')}`);
                    else
                        listing.backups.push(metadata);
                }
                catch (error) {
                    listing.problems.push(`${name}: ${error.message}`);
                }
            }
        }
        return listing;
    }
    async get(name) {
        const { metadata, assets } = await this.find(name);
        const blob = metadata.envelope.blob;
        const names = blobAssetNames(metadata, blob);
        const parts = names.map((assetName, i) => {
            const asset = assets.find((a) => a.name === assetName && a.state === 'uploaded');
            if (!asset) {
                throw new store_errors/* StoreError */.A('incomplete', `${this.location}: backup ${name} is missing asset ${assetName}`, {
                    hint: 'the asset was deleted; this backup cannot be restored, pick another',
                });
            }
            const expected = blob.parts?.[i] ?? { sha256: blob.sha256, size: blob.size };
            return { asset, expected };
        });
        const self = this;
        async function* chunks() {
            for (const { asset, expected } of parts) {
                const check = verifyingStream(`release asset ${asset.name}`, expected);
                const source = await self.download(asset);
                const done = (0,external_node_stream_promises_.pipeline)(source, check);
                done.catch(() => { });
                for await (const chunk of check)
                    yield chunk;
                await done;
            }
        }
        const whole = verifyingStream(`${this.location}/${name}`, blob);
        const meter = this.options.progress
            ? new progress/* ProgressMeter */.Z3(`download ${name}`, this.options.progress, blob.size)
            : undefined;
        const stages = meter ? [meter, whole] : [whole];
        (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(chunks()), ...stages).catch((error) => whole.destroy(error));
        return { metadata, blob: whole };
    }
    async delete(name) {
        const { metadata, assets, release } = await this.find(name);
        if (!this.options.tag) {
            await this.call(`delete release ${release.tag_name}`, (o) => o.rest.repos.deleteRelease({ ...this.repo, release_id: release.id }));
            await this.call(`delete tag ${release.tag_name}`, (o) => o.rest.git.deleteRef({ ...this.repo, ref: `tags/${release.tag_name}` })).catch((error) => {
                // 422 "Reference does not exist": someone removed the tag already.
                if (error.cause && error.cause.status === 422)
                    return;
                throw error;
            });
            return;
        }
        // Metadata first: from then on the backup is no longer listed, even if removing its blob fails.
        const metaAsset = assets.find((a) => a.name === metadataFileName(name));
        if (metaAsset)
            await this.deleteAsset(metaAsset);
        const names = new Set(blobAssetNames(metadata, metadata.envelope.blob));
        for (const a of assets.filter((x) => names.has(x.name)))
            await this.deleteAsset(a);
    }
    // --- internals ---------------------------------------------------------------------------------------
    async call(what, request) {
        const octokit = await this.octokit();
        try {
            return await withRetry(what, () => request(octokit), this.retry);
        }
        catch (error) {
            throw this.translate(what, error);
        }
    }
    translate(what, error) {
        if (error instanceof store_errors/* StoreError */.A)
            return error;
        const e = error;
        const detail = JSON.stringify(e.response?.data ?? '');
        const message = (e.message ?? String(error)).split('\n')[0];
        if (e.status === 422 && /file_count/.test(detail))
            return this.tooManyAssets(MAX_ASSETS_PER_RELEASE, 1, error);
        if (e.status === 422 && /already_exists/.test(detail)) {
            return new store_errors/* StoreError */.A('duplicate', `${what}: it already exists`, { cause: error });
        }
        if (e.status === 422 && /size must be/.test(detail)) {
            return new store_errors/* StoreError */.A('limit', `${what}: GitHub refused the asset's size`, {
                hint: 'assets must be under 2 GiB; lower the part size',
                cause: error,
            });
        }
        if (e.status === 401) {
            return new store_errors/* StoreError */.A('permission', `${what}: the token was refused (401)`, {
                hint: 'check the github-token input; it may have expired',
                cause: error,
            });
        }
        if (e.status === 403 && !isRateLimit(e)) {
            return new store_errors/* StoreError */.A('permission', `${what}: forbidden (403): ${message}`, {
                hint: 'the token needs contents: write (add `permissions: contents: write` to the job)',
                cause: error,
            });
        }
        if (e.status !== undefined && isRateLimit(e)) {
            return new store_errors/* StoreError */.A('rate-limited', `${what}: still rate limited after ${this.retry.attempts} tries`, {
                hint: 'wait, or use a token with a higher limit (a GitHub App or PAT instead of GITHUB_TOKEN)',
                cause: error,
            });
        }
        if (e.status === 404)
            return new store_errors/* StoreError */.A('not-found', `${what}: not found (404)`, { cause: error });
        return new store_errors/* StoreError */.A('unavailable', `${what}: ${message}`, {
            hint: `GitHub did not answer well after ${this.retry.attempts} tries; try again later`,
            cause: error,
        });
    }
    tooManyAssets(present, needed, cause) {
        return new store_errors/* StoreError */.A('limit', `${this.location} has ${present} assets; this backup needs ${needed} more, over GitHub's limit of ${MAX_ASSETS_PER_RELEASE} per release`, {
            hint: `prune old backups (etcd-backup prune --store ${this.location} --keep-last N) or switch to a new release tag`,
            cause,
        });
    }
    async releaseByTag(tag) {
        try {
            const octokit = await this.octokit();
            const { data } = await withRetry(`find release ${tag}`, () => octokit.rest.repos.getReleaseByTag({ ...this.repo, tag }), this.retry);
            return data;
        }
        catch (error) {
            if (error.status === 404)
                return undefined;
            throw this.translate(`find release ${tag}`, error);
        }
    }
    async releaseForPut(name) {
        const tag = this.tagFor(name);
        const existing = await this.releaseByTag(tag);
        if (existing && !this.options.tag) {
            throw new store_errors/* StoreError */.A('duplicate', `a release tagged ${tag} already exists`, {
                hint: 'delete it first if you mean to replace that backup',
            });
        }
        const release = existing ?? (await this.createRelease(tag, name));
        if (release.immutable) {
            throw new store_errors/* StoreError */.A('bad-location', `release ${tag} is immutable: assets can no longer be added or removed`, {
                hint: 'use another release tag, or turn off immutable releases for this repository',
            });
        }
        return release;
    }
    async createRelease(tag, name) {
        try {
            const { data } = await this.call(`create release ${tag}`, (o) => o.rest.repos.createRelease({
                ...this.repo,
                tag_name: tag,
                name: this.options.tag ? `etcd backups (${tag})` : `etcd backup ${name}`,
                body: 'etcd snapshots stored by etcd-backup-action: encrypted blobs (age) and their metadata (JSON).',
                prerelease: true,
                make_latest: 'false',
            }));
            return data;
        }
        catch (error) {
            // Not found by tag, yet the tag is taken: a draft release (drafts are invisible to get-by-tag).
            if (error instanceof store_errors/* StoreError */.A && error.reason === 'duplicate') {
                throw new store_errors/* StoreError */.A('bad-location', `release ${tag} exists as a draft, which cannot be found by its tag`, {
                    hint: 'publish it (a pre-release is fine) or choose another release tag',
                    cause: error,
                });
            }
            throw error;
        }
    }
    async ownReleases() {
        const prefix = this.options.tagPrefix ?? 'etcd-backup-';
        const octokit = await this.octokit();
        const all = await this.call('list releases', () => octokit.paginate(octokit.rest.repos.listReleases, { ...this.repo, per_page: 100 }));
        return all.filter((r) => r.tag_name.startsWith(prefix) && (0,backup_metadata/* parseBackupName */.Df)(r.tag_name.slice(prefix.length)));
    }
    async assets(release) {
        const octokit = await this.octokit();
        const all = await this.call(`list assets of ${release.tag_name}`, () => octokit.paginate(octokit.rest.repos.listReleaseAssets, {
            ...this.repo,
            release_id: release.id,
            per_page: 100,
        }));
        return all;
    }
    async deleteAsset(asset) {
        await this.call(`delete asset ${asset.name}`, (o) => o.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: asset.id })).catch((error) => {
            if (!(error instanceof store_errors/* StoreError */.A && error.reason === 'not-found'))
                throw error;
        });
    }
    async find(name) {
        const tag = this.tagFor(name);
        const release = await this.releaseByTag(tag);
        const assets = release ? await this.assets(release) : [];
        const metaAsset = assets.find((a) => a.name === metadataFileName(name));
        if (!release || !metaAsset) {
            throw new store_errors/* StoreError */.A('not-found', `${this.location} has no backup named ${name}`, {
                hint: `list what is there with: etcd-backup list --store ${this.location}`,
            });
        }
        return { metadata: await this.readMetadata(name, metaAsset), assets, release };
    }
    async readMetadata(name, asset) {
        const chunks = [];
        for await (const chunk of await this.download(asset))
            chunks.push(chunk);
        const metadata = (0,backup_metadata/* parseMetadataJson */.ro)(Buffer.concat(chunks).toString('utf8'), `release asset ${asset.name}`);
        if (metadata.name !== name) {
            throw new store_errors/* StoreError */.A('digest-mismatch', `release asset ${asset.name} describes backup ${metadata.name}`);
        }
        return metadata;
    }
    /** The asset's bytes as a stream: GitHub answers 302 to storage (fetch follows it) or streams directly. */
    async download(asset) {
        const response = await this.call(`download ${asset.name}`, (o) => o.rest.repos.getReleaseAsset({
            ...this.repo,
            asset_id: asset.id,
            headers: { accept: 'application/octet-stream' },
            request: { parseSuccessResponseBody: false },
        }));
        return external_node_stream_.Readable.fromWeb(response.data);
    }
    async upload(release, assetName, contentType, size, sha256, body) {
        const what = `upload ${assetName} (${(0,progress/* formatBytes */.z3)(size)})`;
        const attempt = async () => {
            let data = body();
            if (this.options.progress && size > 0) {
                const meter = new progress/* ProgressMeter */.Z3(`upload ${assetName}`, this.options.progress, size);
                data = data.pipe(meter);
            }
            const asset = (await this.postAsset(uploadUrl(release.upload_url, assetName), data, contentType, size));
            if (sha256 && asset.digest && asset.digest !== `sha256:${sha256}`) {
                throw new store_errors/* StoreError */.A('digest-mismatch', `${what}: GitHub recorded ${asset.digest}, not sha256:${sha256}`, {
                    hint: 'the upload was damaged in transit; run the backup again',
                });
            }
        };
        // After a failed try GitHub may keep a half-written asset (state "open") under the name: remove it.
        const cleanUp = async () => {
            const stale = (await this.assets(release)).filter((a) => a.name === assetName);
            for (const a of stale)
                await this.deleteAsset(a);
        };
        try {
            await withRetry(what, attempt, this.retry, cleanUp);
        }
        catch (error) {
            throw this.translate(what, error);
        }
    }
    /**
     * POSTs an asset body with @actions/http-client (node:http, proxy-aware) rather than Octokit's fetch:
     * undici's fetch was measured buffering a streamed request body (a 1 GiB upload grew RSS by 1 GiB),
     * while node:http honours backpressure.
     */
    async postAsset(url, data, contentType, size) {
        const { HttpClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 44942));
        const client = new HttpClient('etcd-backup-action', [], { allowRetries: false, keepAlive: false });
        const response = await client.sendStream('POST', url, data, {
            authorization: `token ${this.options.token}`,
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'content-type': contentType,
            'content-length': String(size),
        });
        const text = await response.readBody();
        const status = response.message.statusCode ?? 0;
        let parsed = text;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            // Non-JSON answers (a proxy's error page) are kept as text for the message.
        }
        if (status === 201)
            return parsed;
        const message = parsed?.message ?? `HTTP ${status}`;
        throw Object.assign(new Error(`${message} (${status})`), {
            status,
            response: { data: parsed, headers: response.message.headers },
        });
    }
}
/** Expands the `{?name,label}` template of a release's upload_url for one asset name. */
function uploadUrl(template, name) {
    return `${template.replace(/\{\?[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
}

;// CONCATENATED MODULE: ./src/store/open-store.ts






/** `dir:PATH`, `artifact`, `release` (one release per backup) or `release:TAG` (one rolling release). */
function parseStoreSpec(spec, input = '--store') {
    const value = spec.trim();
    if (value.startsWith('dir:') && value.length > 4)
        return { kind: 'dir', path: value.slice(4) };
    if (value === 'artifact')
        return { kind: 'artifact' };
    if (value === 'release')
        return { kind: 'release', tag: undefined };
    if (value.startsWith('release:') && value.length > 8)
        return { kind: 'release', tag: value.slice(8) };
    throw new errors/* InputError */.dz(input, `dir:PATH, artifact, release or release:TAG (got ${(0,shown/* shown */.S)(spec)})`);
}
function repositoryOf(context, env) {
    const repository = context.repository ?? env.GITHUB_REPOSITORY;
    const match = repository ? /^([^/\s]+)\/([^/\s]+)$/.exec(repository) : null;
    if (!match)
        throw new errors/* InputError */.dz('repository', 'owner/name (or GITHUB_REPOSITORY set)');
    return { owner: match[1], repo: match[2] };
}
function tokenOf(context, env, needs) {
    const token = context.token ?? env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!token) {
        throw new store_errors/* StoreError */.A('permission', `no GitHub token for ${needs}`, {
            hint: 'set GITHUB_TOKEN; in a workflow, pass the github.token expression as GITHUB_TOKEN in env',
        });
    }
    return token;
}
function openStore(spec, context = {}) {
    const parsed = typeof spec === 'string' ? parseStoreSpec(spec) : spec;
    const env = context.env ?? process.env;
    switch (parsed.kind) {
        case 'dir':
            return new DirStore(parsed.path);
        case 'artifact': {
            if (context.runId !== undefined) {
                const { owner, repo } = repositoryOf(context, env);
                return new ArtifactStore({
                    findBy: {
                        token: tokenOf(context, env, "another run's artifacts (needs actions: read)"),
                        workflowRunId: context.runId,
                        repositoryOwner: owner,
                        repositoryName: repo,
                    },
                });
            }
            if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
                throw new store_errors/* StoreError */.A('bad-location', 'the artifact store needs the GitHub Actions runtime of the current job', {
                    hint: 'run it inside a JavaScript action step, or read a finished run with --run-id N (and GITHUB_TOKEN)',
                });
            }
            return new ArtifactStore(context.retentionDays === undefined ? {} : { retentionDays: context.retentionDays });
        }
        case 'release': {
            const { owner, repo } = repositoryOf(context, env);
            return new ReleaseStore({
                token: tokenOf(context, env, 'release assets (needs contents: write)'),
                owner,
                repo,
                apiUrl: context.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com',
                ...(parsed.tag ? { tag: parsed.tag } : {}),
            });
        }
    }
}

// EXTERNAL MODULE: ./src/store/retention.ts
var retention = __webpack_require__(89311);
;// CONCATENATED MODULE: ./src/store/cli-options.ts



/** The options every store-reading verb shares. */
const STORE_OPTIONS = {
    store: { type: 'string' },
    repo: { type: 'string' },
    'run-id': { type: 'string' },
};
const STORE_HELP = `  --store S         dir:PATH | artifact | release (one release per backup) | release:TAG (rolling release)
  --repo O/N        repository for artifact/release stores (default: GITHUB_REPOSITORY)
  --run-id N        artifact store: read workflow run N instead of the current job's run
                    (GitHub stores read the token from GITHUB_TOKEN)`;
/** For verbs that store backups: `--retention-days N` applies to workflow artifacts. */
const STORE_WRITE_OPTIONS = { 'retention-days': { type: 'string' } };
const STORE_WRITE_HELP = `  --retention-days N  artifact store: days GitHub keeps the artifacts (1-90, up to 400 in private repos)`;
function storeFromOptions(values) {
    if (!values.store)
        throw new errors/* InputError */.dz('--store', 'dir:PATH, artifact, release or release:TAG');
    const spec = parseStoreSpec(values.store);
    let runId;
    if (values['run-id'] !== undefined) {
        runId = Number(values['run-id']);
        if (!Number.isSafeInteger(runId) || runId <= 0)
            throw new errors/* InputError */.dz('--run-id', 'a workflow run id (a positive number)');
        if (spec.kind !== 'artifact')
            throw new errors/* InputError */.dz('--run-id', 'only with --store artifact');
    }
    let retentionDays;
    if (values['retention-days'] !== undefined) {
        retentionDays = Number(values['retention-days']);
        if (!Number.isSafeInteger(retentionDays) || retentionDays < 1 || retentionDays > 400) {
            throw new errors/* InputError */.dz('--retention-days', 'a whole number of days from 1 to 400');
        }
    }
    return openStore(spec, {
        ...(values.repo ? { repository: values.repo } : {}),
        ...(runId !== undefined ? { runId } : {}),
        ...(retentionDays !== undefined ? { retentionDays } : {}),
    });
}
/** `--keep-last N` and `--max-age D`, for prune and for backup's retention after a new backup. */
const RETENTION_OPTIONS = {
    'keep-last': { type: 'string' },
    'max-age': { type: 'string' },
};
function retentionPolicyFrom(values) {
    const policy = {};
    if (values['keep-last'] !== undefined) {
        const n = Number(values['keep-last']);
        if (!Number.isSafeInteger(n) || n < 1)
            throw new errors/* InputError */.dz('--keep-last', 'a whole number of at least 1');
        policy.keepLast = n;
    }
    if (values['max-age'] !== undefined)
        policy.maxAgeMs = (0,retention/* parseDuration */.E9)(values['max-age'], '--max-age');
    return policy;
}


/***/ }),

/***/ 97018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ StoreError),
/* harmony export */   H: () => (/* binding */ digestMismatch)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** A store could not keep or give back a backup; `reason` lets callers branch without parsing text. */
class StoreError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    reason;
    constructor(reason, message, options = {}) {
        super(message, options);
        this.reason = reason;
    }
}
function digestMismatch(what, actual, expected) {
    return new StoreError('digest-mismatch', `${what}: SHA-256 ${actual.slice(0, 12)}… does not match the recorded ${expected.slice(0, 12)}…`, { hint: 'the stored copy is damaged or was replaced; do not restore it, pick another backup' });
}


/***/ }),

/***/ 89311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   R3: () => (/* binding */ prune)
/* harmony export */ });
/* unused harmony exports planRetention, blobIsIntact */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_shown__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98161);
/* harmony import */ var _catalog__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(754);





const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `30d`, `12h`, `2w`… */
function parseDuration(text, input = 'max-age') {
    const match = /^(\d+)([smhdw])$/.exec(text.trim());
    if (!match || Number(match[1]) === 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `a duration like 30d, 12h or 2w (got ${(0,_util_shown__WEBPACK_IMPORTED_MODULE_4__/* .shown */ .S)(text)})`);
    return Number(match[1]) * UNIT_MS[match[2]];
}
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
        const sorted = (0,_catalog__WEBPACK_IMPORTED_MODULE_3__/* .newestFirst */ .ll)(group);
        const protectedAt = sorted.findIndex((b) => options.protect.has(b.name));
        sorted.forEach((b, i) => {
            const byCount = policy.keepLast !== undefined && i < policy.keepLast;
            const byAge = policy.maxAgeMs !== undefined && options.now.getTime() - (0,_catalog__WEBPACK_IMPORTED_MODULE_3__/* .backupTime */ .a3)(b) <= policy.maxAgeMs;
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
        for (const b of (0,_catalog__WEBPACK_IMPORTED_MODULE_3__/* .newestFirst */ .ll)(backups.filter((x) => x.cluster === cluster))) {
            if (verified.has(b.name) || (await blobIsIntact(store, b.name))) {
                protect.add(b.name);
                break;
            }
        }
    }
    const plan = planRetention(backups, policy, { now: options.now ?? new Date(), protect });
    if (!options.dryRun) {
        for (const b of plan.delete) {
            await store.delete(b.name);
            options.onDelete?.(b);
        }
    }
    return { ...plan, protected: [...protect], dryRun: options.dryRun ?? false };
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
