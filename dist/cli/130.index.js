import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 130;
export const ids = [130];
export const modules = {

/***/ 130:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   keygen: () => (/* binding */ keygen)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var age_encryption__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81539);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91084);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44502);
/* harmony import */ var _util_log__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29906);
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3567);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_options__WEBPACK_IMPORTED_MODULE_5__, _command__WEBPACK_IMPORTED_MODULE_7__]);
([_options__WEBPACK_IMPORTED_MODULE_5__, _command__WEBPACK_IMPORTED_MODULE_7__] = __webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__);








const POST_QUANTUM = (0,_options__WEBPACK_IMPORTED_MODULE_5__/* .switchOption */ .IL)('postQuantum', {
    flag: 'post-quantum',
    help: 'a post-quantum hybrid key (ML-KEM-768 + X25519: age1pq1… recipient, AGE-SECRET-KEY-PQ-1… identity)',
});
const DEFAULT_FILE = 'backup.agekey';
/** Creates the file, never replacing one: an overwritten identity would lock out every backup made for it. */
async function writeNewIdentityFile(path, text) {
    let file;
    try {
        file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'wx', 0o600);
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('FILE', `a file that does not exist yet (${path} does; keygen never replaces a key)`);
        throw new _errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('FILE', `a file it can create (${code ?? 'error'}: ${path})`);
    }
    try {
        await file.chmod(0o600); // whatever the umask
        await file.writeFile(text);
    }
    finally {
        await file.close();
    }
}
const keygen = (0,_command__WEBPACK_IMPORTED_MODULE_7__/* .defineCommand */ .N)({
    name: 'keygen',
    usage: [`[--post-quantum] [FILE]`],
    about: `Makes an age key pair for encrypting backups: writes the identity (the secret key) to FILE (default
${DEFAULT_FILE}) with mode 0600 and prints its recipient (the public key) on stdout. Give the recipient to
backup (--recipient) and keep the identity safe: restore, drill and inspect need it (--identity FILE).`,
    exitCodes: [_exit_codes__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.done, _exit_codes__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.failed, _exit_codes__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.badInput],
    positionals: 1,
    sections: [{ options: [POST_QUANTUM] }],
}, async ({ values, positionals }) => {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(positionals[0] ?? DEFAULT_FILE);
    const postQuantum = (0,_options__WEBPACK_IMPORTED_MODULE_5__/* .isOn */ .Mp)(values, POST_QUANTUM);
    const identity = postQuantum ? await (0,age_encryption__WEBPACK_IMPORTED_MODULE_2__/* .generateHybridIdentity */ .ud)() : await (0,age_encryption__WEBPACK_IMPORTED_MODULE_2__/* .generateX25519Identity */ .ou)();
    const recipient = await (0,age_encryption__WEBPACK_IMPORTED_MODULE_2__/* .identityToRecipient */ .RE)(identity);
    const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    await writeNewIdentityFile(path, `# created: ${created}\n# public key: ${recipient}\n${identity}\n`);
    _util_log__WEBPACK_IMPORTED_MODULE_6__/* .stderrLogger */ .D.info(`wrote the identity to ${path} (mode 0600): keep a copy somewhere safe, no backup encrypted to its recipient opens without it`);
    console.log(recipient);
    return 0;
});

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
