import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 181;
export const ids = [181];
export const modules = {

/***/ 26111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ etcdToolOptionSpec),
  y: () => (/* binding */ etcdToolsFrom)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/shown.ts
var shown = __webpack_require__(98161);
// EXTERNAL MODULE: ./src/restore/etcd-tools.ts
var etcd_tools = __webpack_require__(80151);
;// CONCATENATED MODULE: ./src/restore/download-tools.ts









const DEFAULT_ETCD_DOWNLOAD_URL = 'https://github.com/etcd-io/etcd/releases/download';
const ARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    ppc64: 'ppc64le',
    s390x: 's390x',
};
function isLoopback(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
/** The base URL of etcd's release assets: https, or plain http to loopback only (a local mirror or a test). */
function parseDownloadUrl(value, input = '--etcd-download-url') {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* InputError */.dz(input, `an https:// URL (got ${(0,shown/* shown */.S)(value)})`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
        throw new errors/* InputError */.dz(input, `an https:// URL, or http:// to a loopback address (got ${(0,shown/* shown */.S)(value)})`);
    if (url.search || url.hash)
        throw new errors/* InputError */.dz(input, `a URL without ?query or #fragment (got ${(0,shown/* shown */.S)(value)})`);
    return url.href.replace(/\/+$/, '');
}
async function sha256Of(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(path), hash);
    return hash.digest('hex');
}
/** Outside a GitHub runner tool-cache has no folders of its own; give it ours. */
function ensureToolCacheEnv() {
    process.env.RUNNER_TOOL_CACHE ||= (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache', 'etcd-backup-action', 'tool-cache');
    process.env.RUNNER_TEMP ||= (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(process.env.RUNNER_TOOL_CACHE, { recursive: true });
}
function describeDownloadError(error, url, version) {
    const status = error.httpStatusCode;
    const why = status
        ? `HTTP ${status}`
        : error instanceof Error
            ? error.message.split('\n')[0]
            : String(error);
    return new etcd_tools/* EtcdToolError */.n5(`cannot download etcd ${version} from ${url}: ${why}`, {
        hint: status === 404
            ? `check that etcd v${version} is published there (--etcd-download-url / etcd_download_url), or put etcd and etcdutl ${version} on PATH or name their folder with --etcd-tools / etcd_tools`
            : 'check the network and the download URL, or put the etcd tools on the runner yourself (--etcd-tools / etcd_tools)',
        cause: error,
    });
}
/**
 * tool-cache reports through @actions/core, which writes `::debug::` lines to stdout. On a runner those are
 * workflow commands; from the CLI they would mix into its output (--json), so they are dropped there.
 */
async function withoutToolkitDebug(fn) {
    if (process.env.GITHUB_ACTIONS === 'true')
        return fn();
    const write = process.stdout.write;
    process.stdout.write = ((chunk, ...rest) => {
        if (String(chunk).startsWith('::debug::')) {
            const done = rest.find((r) => typeof r === 'function');
            done?.();
            return true;
        }
        return write.call(process.stdout, chunk, ...rest);
    });
    try {
        return await fn();
    }
    finally {
        process.stdout.write = write;
    }
}
/**
 * etcd's release tarball for exactly `version`, checked against the release's SHA256SUMS, unpacked and kept in
 * the tool cache (RUNNER_TOOL_CACHE); a second call finds it there without a request. Returns the folder with
 * etcd, etcdctl and (from 3.5) etcdutl.
 */
async function downloadEtcdTools(options) {
    return withoutToolkitDebug(() => download(options));
}
async function download(options) {
    ensureToolCacheEnv();
    const { version, log } = options;
    if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new etcd_tools/* EtcdToolError */.n5(`cannot download etcd tools for version '${version}'`, {
            hint: 'the backup does not record a plain etcd version; give the tools with --etcd-tools / etcd_tools',
        });
    const arch = options.arch ?? ARCH[process.arch];
    if (!arch)
        throw new etcd_tools/* EtcdToolError */.n5(`etcd publishes no release for this runner's architecture (${process.arch})`, {
            hint: 'give the tools with --etcd-tools / etcd_tools',
        });
    const cached = tool_cache/* find */.I6('etcd', version, arch);
    if (cached && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cached, 'etcd'))) {
        log.info(`etcd ${version} tools from the tool cache: ${cached}`);
        return cached;
    }
    const base = parseDownloadUrl(options.baseUrl ?? DEFAULT_ETCD_DOWNLOAD_URL);
    const name = `etcd-v${version}-linux-${arch}`;
    const tarUrl = `${base}/v${version}/${name}.tar.gz`;
    const sumsUrl = `${base}/v${version}/SHA256SUMS`;
    log.info(`downloading etcd ${version} tools from ${tarUrl}`);
    let sumsFile;
    let tarball;
    let unpacked;
    try {
        try {
            sumsFile = await tool_cache/* downloadTool */.bq(sumsUrl);
        }
        catch (error) {
            throw describeDownloadError(error, sumsUrl, version);
        }
        const want = (0,external_node_fs_.readFileSync)(sumsFile, 'utf8')
            .split('\n')
            .map((line) => line.trim().split(/\s+/))
            .find(([, file]) => file?.replace(/^\*/, '') === `${name}.tar.gz`)?.[0]
            ?.toLowerCase();
        if (!want || !/^[0-9a-f]{64}$/.test(want))
            throw new etcd_tools/* EtcdToolError */.n5(`${sumsUrl} lists no SHA-256 for ${name}.tar.gz`, {
                hint: 'check the download URL, or give the tools with --etcd-tools / etcd_tools',
            });
        try {
            tarball = await tool_cache/* downloadTool */.bq(tarUrl);
        }
        catch (error) {
            throw describeDownloadError(error, tarUrl, version);
        }
        const got = await sha256Of(tarball);
        if (got !== want)
            throw new etcd_tools/* EtcdToolError */.n5(`${name}.tar.gz from ${tarUrl} does not match its SHA256SUMS entry (got ${got}, expected ${want})`, {
                hint: 'the download is damaged or not what etcd published; it was not used. Try again, or check the download URL',
            });
        unpacked = await tool_cache/* extractTar */.nN(tarball, undefined, 'xz');
        const dir = (0,external_node_path_.join)(unpacked, name);
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'etcd')) || !['etcdutl', 'etcdctl'].some((t) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, t))))
            throw new etcd_tools/* EtcdToolError */.n5(`${name}.tar.gz has no ${name}/etcd and etcdutl (or etcdctl)`, {
                hint: 'check that the download URL points at etcd releases',
            });
        const kept = await tool_cache/* cacheDir */.e8(dir, 'etcd', version, arch);
        log.info(`etcd ${version} tools verified (sha256 ${want.slice(0, 16)}…) and cached in ${kept}`);
        return kept;
    }
    finally {
        for (const path of [sumsFile, tarball, unpacked])
            if (path)
                (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/restore/find-tools.ts





function executable(path) {
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
function onPath(name, env) {
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (dir && executable((0,external_node_path_.join)(dir, name)))
            return (0,external_node_path_.join)(dir, name);
    }
    return undefined;
}
/**
 * The etcd tools to restore with on this runner: from a folder the user names (e.g. an unpacked etcd release),
 * else from PATH. etcdutl is preferred; etcd 3.4 has `snapshot restore` in etcdctl.
 */
async function findEtcdTools(options = {}) {
    const env = options.env ?? process.env;
    const find = (name) => {
        if (options.dir) {
            const path = (0,external_node_path_.join)(options.dir, name);
            return executable(path) ? path : undefined;
        }
        return onPath(name, env);
    };
    const where = options.dir ? `in ${(0,shown/* shown */.S)(options.dir, 200)}` : 'on PATH';
    const etcd = find('etcd');
    const etcdutl = find('etcdutl');
    const etcdctl = find('etcdctl');
    if (!etcd || !(etcdutl || etcdctl)) {
        throw new etcd_tools/* EtcdToolError */.n5(`no etcd and etcdutl (or etcdctl) ${where}`, {
            hint: `put the etcd ${options.wantVersion ? `${(0,etcd_tools/* minorOf */.Hs)(options.wantVersion)}.x ` : ''}release binaries ${options.dir ? 'there' : 'on PATH'}, or name their folder with the etcd tools input`,
        });
    }
    const version = await (0,etcd_tools/* etcdVersionOf */.yO)(etcd);
    const restoreTool = etcdutl ?? etcdctl;
    return { etcd, restoreTool, restoreToolKind: etcdutl ? 'etcdutl' : 'etcdctl', version };
}
/**
 * How a restore gets the runner's etcd tools once it knows the snapshot's version: the named folder, else
 * PATH when it has the same major.minor, else (if allowed) etcd's release for that version, downloaded and
 * verified. When nothing fits, PATH's tools (or the error) are returned and the plan says what is wrong.
 */
function runnerTools(options) {
    return async (snapshotVersion) => {
        if (options.dir)
            return findEtcdTools({ dir: options.dir, wantVersion: snapshotVersion });
        let onPathTools;
        let onPathError;
        try {
            onPathTools = await findEtcdTools({
                wantVersion: snapshotVersion,
                ...(options.env ? { env: options.env } : {}),
            });
            if ((0,etcd_tools/* minorOf */.Hs)(onPathTools.version) === (0,etcd_tools/* minorOf */.Hs)(snapshotVersion))
                return onPathTools;
        }
        catch (error) {
            onPathError = error;
        }
        if (!options.download) {
            if (onPathTools)
                return onPathTools;
            throw onPathError;
        }
        if (onPathTools)
            options.log.info(`etcd tools on PATH are ${onPathTools.version}, the snapshot is from ${snapshotVersion}: downloading ${snapshotVersion}`);
        const dir = await downloadEtcdTools({
            version: snapshotVersion,
            ...(options.downloadUrl ? { baseUrl: options.downloadUrl } : {}),
            log: options.log,
        });
        return findEtcdTools({ dir, wantVersion: snapshotVersion });
    };
}

// EXTERNAL MODULE: ./src/util/log.ts
var log = __webpack_require__(29906);
;// CONCATENATED MODULE: ./src/cli/etcd-tool-options.ts



/** How restore and drill get the etcd tools they run here: a folder, PATH, or (when allowed) a checked download. */
const etcdToolOptionSpec = {
    'etcd-tools': { type: 'string' },
    'download-etcd': { type: 'boolean' },
    'etcd-download-url': { type: 'string' },
};
function etcdToolsFrom(values) {
    const dir = values['etcd-tools'];
    const url = values['etcd-download-url'];
    const downloadUrl = typeof url === 'string' && url ? parseDownloadUrl(url) : undefined;
    return runnerTools({
        ...(typeof dir === 'string' && dir ? { dir } : {}),
        download: values['download-etcd'] === true,
        ...(downloadUrl ? { downloadUrl } : {}),
        log: log/* stderrLogger */.D,
    });
}


/***/ }),

/***/ 37271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LY: () => (/* binding */ openingKeysFrom),
/* harmony export */   c3: () => (/* binding */ openingKeyOptionSpec),
/* harmony export */   qh: () => (/* binding */ OPENING_KEYS_HELP)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _envelope_encryption__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68147);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



const openingKeyOptionSpec = {
    identity: { type: 'string', multiple: true },
};
const OPENING_KEYS_HELP = `  --identity FILE   age identity file (AGE-SECRET-KEY-1…); repeatable; or the identity itself in
                    ETCD_BACKUP_IDENTITY; or the passphrase in ETCD_BACKUP_PASSPHRASE`;
/** Keys to open an encrypted backup with: identity files, ETCD_BACKUP_IDENTITY, ETCD_BACKUP_PASSPHRASE. */
function openingKeysFrom(values, env = process.env) {
    const identities = [];
    for (const file of values.identity ?? []) {
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
        }
        catch {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('--identity', `a readable age identity file (${file})`);
        }
        identities.push(...(0,_envelope_encryption__WEBPACK_IMPORTED_MODULE_1__/* .parseIdentityFile */ .MV)(text));
    }
    if (env.ETCD_BACKUP_IDENTITY)
        identities.push(...(0,_envelope_encryption__WEBPACK_IMPORTED_MODULE_1__/* .parseIdentityFile */ .MV)(env.ETCD_BACKUP_IDENTITY));
    const passphrases = env.ETCD_BACKUP_PASSPHRASE ? [env.ETCD_BACKUP_PASSPHRASE] : [];
    return { identities, passphrases };
}


/***/ }),

/***/ 6162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ open)
/* harmony export */ });
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







const AGE_MAGIC = 'age-encryption.org/v1\n';
/**
 * Opens a sealed blob: checks its size and SHA-256, decrypts, decompresses and checks the snapshot digest.
 * A wrong key fails here, before any byte is returned. Damage found later fails the returned stream at
 * or before its end (age authenticates every 64 KiB chunk), so a reader must treat only a clean end as good.
 */
async function open(blob, options) {
    const label = options.label ?? 'backup';
    const { envelope } = options;
    let blobEnded = false;
    const blobCheck = new _digest__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .v((d) => {
        blobEnded = true;
        const want = envelope.blob;
        if (!want)
            return undefined;
        if (d.size < want.size) {
            return new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('truncated', `${label} is truncated: ${d.size} of ${want.size} bytes`, {
                hint: 'the download or the stored copy was cut short; fetch it again or pick an older backup',
            });
        }
        if (d.size > want.size || d.sha256 !== want.sha256) {
            return tampered(label, `its SHA-256 ${d.sha256.slice(0, 12)}… does not match the recorded ${want.sha256.slice(0, 12)}…`);
        }
        return undefined;
    });
    const head = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(blob, blobCheck).catch(() => { });
    void head;
    let payload = blobCheck;
    if (envelope.encryption.kind !== 'none') {
        const keys = options.keys;
        if ((keys.identities?.length ?? 0) === 0 && (keys.passphrases?.length ?? 0) === 0) {
            blob.destroy();
            throw new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('wrong-key', `${label} is encrypted (${describeFor(envelope)}) but no key was given`, {
                hint: envelope.encryption.kind === 'age-passphrase'
                    ? 'give the passphrase'
                    : 'give an age identity (AGE-SECRET-KEY-…)',
            });
        }
        const decrypter = (0,_encryption__WEBPACK_IMPORTED_MODULE_4__/* .makeDecrypter */ .tZ)(keys);
        const magic = new MagicCheck(label);
        blobCheck.pipe(magic);
        blobCheck.on('error', (e) => magic.destroy(e));
        try {
            payload = (0,_web__WEBPACK_IMPORTED_MODULE_6__/* .webToNode */ .C)(await decrypter.decrypt((0,_web__WEBPACK_IMPORTED_MODULE_6__/* .nodeToWeb */ .a)(magic)));
        }
        catch (error) {
            blob.destroy();
            throw await classifyHeaderError(error, label, options);
        }
    }
    const stages = [];
    if (envelope.compression === 'zstd')
        stages.push((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createZstdDecompress)({ chunkSize: 1 << 20 }));
    const want = options.snapshot;
    stages.push(new _digest__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .v((d) => want && (d.sha256 !== want.sha256 || d.size !== want.size)
        ? new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('snapshot-mismatch', `${label} opened, but the snapshot's SHA-256 does not match its metadata`, {
            hint: 'the metadata belongs to another backup or was edited; do not restore this one',
        })
        : undefined));
    // `out` stays outside the pipeline: the pipeline would destroy it with the raw error before we classify it.
    const out = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    const last = stages[stages.length - 1];
    (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(payload, ...stages).catch((error) => {
        out.destroy(classifyPayloadError(error, label, blobEnded));
    });
    last.pipe(out);
    return out;
}
function tampered(label, detail) {
    return new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('tampered', `${label} has been altered: ${detail}`, {
        hint: 'do not restore it; pick another backup and find out who can write to the store',
    });
}
function describeFor(envelope) {
    const e = envelope.encryption;
    if (e.kind === 'age-passphrase')
        return 'with a passphrase';
    if (e.kind === 'age-recipients')
        return `for ${e.recipients.map(_encryption__WEBPACK_IMPORTED_MODULE_4__/* .abbreviateKey */ .rW).join(', ')}`;
    return 'not encrypted';
}
async function classifyHeaderError(error, label, options) {
    if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t)
        return error;
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('no identity matched')) {
        const mine = await (0,_encryption__WEBPACK_IMPORTED_MODULE_4__/* .recipientsOf */ .wX)(options.keys.identities ?? []);
        const given = [
            ...mine.map(_encryption__WEBPACK_IMPORTED_MODULE_4__/* .abbreviateKey */ .rW),
            ...(options.keys.passphrases?.length ? [`${options.keys.passphrases.length} passphrase(s)`] : []),
        ];
        return new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('wrong-key', `wrong key: ${label} is encrypted ${describeFor(options.envelope)}, and none of the given keys (${given.join(', ')}) opens it`, { hint: 'use the identity matching one of its recipients, or the passphrase it was sealed with' });
    }
    if (message.includes('invalid header HMAC'))
        return tampered(label, 'its age header does not authenticate');
    return tampered(label, `its age header is damaged (${message})`);
}
function classifyPayloadError(error, label, blobEnded) {
    if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t)
        return error;
    const message = error instanceof Error ? error.message : String(error);
    const code = error.code ?? '';
    if (code.startsWith('ERR_ZSTD') || code === 'Z_DATA_ERROR' || /zstd|compress/i.test(message)) {
        return tampered(label, `its compressed data is corrupt (${message})`);
    }
    // Without a recorded size, a failure on the last chunk could be either cut-off or damage.
    const where = blobEnded ? 'in its last chunk (truncated or altered)' : 'in a chunk before its end';
    return tampered(label, `authentication failed ${where}`);
}
/** Fails fast, with a useful message, when an "encrypted" blob is not an age file at all. */
class MagicCheck extends node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough {
    label;
    seen = Buffer.alloc(0);
    checked = false;
    constructor(label) {
        super();
        this.label = label;
    }
    _transform(chunk, encoding, done) {
        if (!this.checked) {
            this.seen = Buffer.concat([this.seen, chunk]).subarray(0, AGE_MAGIC.length);
            if (this.seen.length >= AGE_MAGIC.length || !AGE_MAGIC.startsWith(this.seen.toString('latin1'))) {
                this.checked = true;
                if (this.seen.toString('latin1') !== AGE_MAGIC) {
                    done(new _errors__WEBPACK_IMPORTED_MODULE_5__/* .EnvelopeError */ .t('not-an-envelope', `${this.label} is not an age-encrypted file`, {
                        hint: 'its metadata says it is encrypted; the blob was replaced or belongs to another backup',
                    }));
                    return;
                }
            }
        }
        super._transform(chunk, encoding, done);
    }
}


/***/ }),

/***/ 80151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ef: () => (/* binding */ supportsBumpRevision),
/* harmony export */   Hs: () => (/* binding */ minorOf),
/* harmony export */   n5: () => (/* binding */ EtcdToolError),
/* harmony export */   yO: () => (/* binding */ etcdVersionOf)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
class EtcdToolError extends _errors__WEBPACK_IMPORTED_MODULE_2__/* .EtcdBackupError */ .Ld {
}
/** `etcd --version` → '3.5.21'. */
async function etcdVersionOf(etcd) {
    const { stdout } = await execFileAsync(etcd, ['--version']);
    const match = /etcd Version: (\S+)/.exec(stdout);
    if (!match)
        throw new EtcdToolError(`'${etcd} --version' did not print a version`);
    return match[1];
}
function minorOf(version) {
    return version.split('.').slice(0, 2).join('.');
}
/** Which restore options a tool version has: --bump-revision came in 3.4.27 and 3.5.10. */
function supportsBumpRevision(version) {
    const [major, minor, patch] = version.split('.').map((p) => Number.parseInt(p, 10));
    if (major !== 3)
        return major > 3;
    if (minor === 4)
        return patch >= 27;
    if (minor === 5)
        return patch >= 10;
    return minor > 5;
}


/***/ }),

/***/ 43338:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ fetchBackup)
/* harmony export */ });
/* unused harmony export BackupRejectedError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _envelope_open__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6162);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _snapshot__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94976);
/* harmony import */ var _store_catalog__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(754);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65365);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_snapshot__WEBPACK_IMPORTED_MODULE_4__]);
_snapshot__WEBPACK_IMPORTED_MODULE_4__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];







class BackupRejectedError extends _errors__WEBPACK_IMPORTED_MODULE_3__/* .EtcdBackupError */ .Ld {
    constructor(message) {
        super(message, {
            hint: 'this backup cannot be trusted; pick another one (etcd-backup list) and check the store',
            exitCode: 3,
        });
    }
}
/**
 * Store → blob (SHA-256 checked against the metadata) → decrypt → decompress → snapshot file (its digest
 * checked too) → full verification. Anything that does not match is refused before it can be used.
 */
async function fetchBackup(options) {
    const { store, log } = options;
    const listing = await store.list();
    const chosen = (0,_store_catalog__WEBPACK_IMPORTED_MODULE_5__/* .selectBackup */ .Vr)(listing.backups, options.selector, {
        ...(options.cluster ? { cluster: options.cluster } : {}),
        location: store.location,
    });
    log.info(`fetching ${chosen.name} (revision ${chosen.etcd.revision}) from ${store.location}`);
    const started = Date.now();
    const stored = await store.get(chosen.name);
    const plain = await (0,_envelope_open__WEBPACK_IMPORTED_MODULE_2__/* .open */ .h)(stored.blob, {
        keys: options.keys,
        envelope: { ...stored.metadata.envelope, blob: stored.metadata.envelope.blob },
        snapshot: stored.metadata.snapshot,
        label: chosen.name,
    });
    const meter = new _util_progress__WEBPACK_IMPORTED_MODULE_6__/* .ProgressMeter */ .Z3('fetch', (r) => log.info((0,_util_progress__WEBPACK_IMPORTED_MODULE_6__/* .formatProgress */ .Vu)(r)), stored.metadata.snapshot.size);
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(plain, meter, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(options.path, { mode: 0o600, flags: 'wx' }));
    const opened = Date.now();
    const analysis = await (0,_snapshot__WEBPACK_IMPORTED_MODULE_4__/* .analyseSnapshot */ .Uu)(options.path, { liveKeys: 'detailed' });
    const timingsMs = { open: opened - started, verify: Date.now() - opened };
    const report = analysis.report;
    if (!report.integrity.ok || report.trailer !== 'ok') {
        const first = report.integrity.problems[0];
        throw new BackupRejectedError(`${chosen.name} failed verification after download: ${first ? first.message : `trailer ${report.trailer}`}`);
    }
    if (report.revision !== stored.metadata.etcd.revision) {
        throw new BackupRejectedError(`${chosen.name} holds revision ${report.revision} but its metadata says ${stored.metadata.etcd.revision}`);
    }
    return { metadata: stored.metadata, path: options.path, analysis, timingsMs };
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

/***/ 19578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ compareWithSnapshot),
/* harmony export */   u: () => (/* binding */ compareKeysWithSnapshot)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);

const ALL = Buffer.from([0]);
/**
 * Every key from \0 on, page by page, all read at the revision of the first page (one consistent view). Ranging
 * from \0 leaves out the empty key, under which `--bump-revision` files its marker revision: that marker is
 * etcd bookkeeping, not a user key.
 */
async function* pagesOf(client, options) {
    let from = ALL;
    let revision = 0n;
    for (;;) {
        const page = await client.range(from, {
            rangeEnd: ALL,
            limit: options.limit,
            ...(options.keysOnly ? { keysOnly: true } : {}),
            ...(revision ? { revision } : {}),
        });
        revision ||= page.revision;
        yield { kvs: page.kvs, revision };
        if (!page.more || page.kvs.length === 0)
            return;
        from = Buffer.concat([page.kvs[page.kvs.length - 1].key, Buffer.from([0])]);
    }
}
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
    const count = await countAgainstSnapshot(pagesOf(client, { limit: 1000 }), (key) => live.valueCrcOf(key), (kv) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(kv.value));
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
    const count = await countAgainstSnapshot(pagesOf(client, { limit: 10_000, keysOnly: true }), 
    // By the key's bytes: no string or record object per key of the cluster.
    (key) => live.modRevisionOf(key), (kv) => Number(kv.modRevision), 
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


/***/ })

};
