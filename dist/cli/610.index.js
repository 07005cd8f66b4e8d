import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 610;
export const ids = [610];
export const modules = {

/***/ 70610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/options/naming.ts
var naming = __webpack_require__(38412);
// EXTERNAL MODULE: ./src/util/shown.ts
var shown = __webpack_require__(98161);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/commands.ts
// One entry per verb; each verb lives in src/cli/commands/<verb>.ts.
const commands = {
    backup: {
        summary: 'snapshot a cluster over SSH, verify, encrypt and store it',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(839)]).then(__webpack_require__.bind(__webpack_require__, 96839))).backup,
    },
    drill: {
        summary: 'prove a stored backup restores, in a throw-away etcd, without touching the cluster',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(672)]).then(__webpack_require__.bind(__webpack_require__, 70672))).drill,
    },
    inspect: {
        summary: 'verify a snapshot file or a stored backup (in memory); status, Kubernetes inventory, diff',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(341)]).then(__webpack_require__.bind(__webpack_require__, 70341))).inspect,
    },
    keygen: {
        summary: 'make an age key pair: the identity file (0600) for restores, the recipient for backups',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 130))).keygen,
    },
    list: {
        summary: 'list the backups in a store, newest first',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(673)]).then(__webpack_require__.bind(__webpack_require__, 73673))).list,
    },
    prune: {
        summary: 'delete old backups by keep-last and/or max age, never the newest good one',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(729)]).then(__webpack_require__.bind(__webpack_require__, 83729))).prune,
    },
    restore: {
        summary: 'put a stored backup back into every etcd member of a control plane, with rollback',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(732), __webpack_require__.e(567), __webpack_require__.e(19)]).then(__webpack_require__.bind(__webpack_require__, 93019))).restore,
    },
};

;// CONCATENATED MODULE: ./src/cli/main.ts





function usage() {
    const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
    return [
        'usage: etcd-backup <command> [options]',
        '',
        'commands:',
        ...lines,
        '',
        'etcd-backup <command> --help for its options; etcd-backup --version',
    ].join('\n');
}
/** Runs one CLI invocation and returns the exit code. Errors are printed as one line, never a stack trace. */
async function main(argv) {
    (0,naming/* useSurface */.f8)('cli');
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        console.log(usage());
        return name ? 0 : 2;
    }
    if (name === '--version' || name === '-V' || name === 'version') {
        console.log(`etcd-backup ${version/* VERSION */.x}`);
        return 0;
    }
    const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!entry) {
        console.error(`etcd-backup: unknown command '${name}'\n\n${usage()}`);
        return 2;
    }
    try {
        return await (await entry.load()).run(rest);
    }
    catch (error) {
        console.error(`etcd-backup ${name}: ${(0,shown/* oneLine */.T)((0,errors/* describeError */.Uc)(error))}`);
        if (process.env.ETCD_BACKUP_DEBUG && error instanceof Error)
            console.error(error.stack);
        return typeof error.exitCode === 'number'
            ? error.exitCode
            : 1;
    }
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   Ld: () => (/* binding */ EtcdBackupError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _exit_codes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91084);

/**
 * Every failure the user can act on is an EtcdBackupError: a one-line message naming the cause, and a hint
 * saying what to do next. Each domain (ssh, discovery, snapshot, store, restore, input) subclasses it so callers
 * can branch on the kind; the CLI and the actions print `message` (and `hint`) and never a stack trace.
 */
class EtcdBackupError extends Error {
    /** Process exit code for the CLI. 1 is a generic failure; domains pick their own. */
    exitCode;
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.hint = options.hint;
        this.exitCode = options.exitCode ?? _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.failed;
    }
}
/** Bad user input: names the input and what was expected. */
class InputError extends EtcdBackupError {
    constructor(input, expected, options = {}) {
        super(`input '${input}': expected ${expected}`, { ...options, exitCode: _exit_codes__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput });
    }
}
/** One line for a human: the message plus, if there is one, the hint. */
function describeError(error) {
    if (error instanceof EtcdBackupError) {
        return error.hint ? `${error.message} (${error.hint})` : error.message;
    }
    return errorLine(error);
}
/** The first line of an error's message (or of what was thrown), for one-line reports. */
function errorLine(error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}


/***/ }),

/***/ 91084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   gJ: () => (/* binding */ BACKUP_REFUSED),
/* harmony export */   yj: () => (/* binding */ exitCodesHelp)
/* harmony export */ });
/* unused harmony export EXIT_MEANINGS */
/**
 * The CLI's exit codes, for every command, in one place: errors take their code from here, each command's
 * help lists the ones it can return, and the README's table is held equal to this one by a test.
 */
const EXIT = {
    done: 0,
    failed: 1,
    badInput: 2,
    verificationFailed: 3,
    refused: 4,
    drillFailed: 5,
    restoreRefused: 6,
    restoreRolledBack: 7,
    restoreIncomplete: 8,
    ssh: 9,
    discovery: 10,
};
const REFUSED = 'refused: the cluster is unsafe to snapshot (no quorum or leader, an alarm, a restore that did not finish)';
/** Backup's own wording of 4. */
const BACKUP_REFUSED = [4, REFUSED];
/** What each code means, as the README's table and the commands' help say it. */
const EXIT_MEANINGS = {
    0: 'done',
    1: 'failed (the one-line message says why and what to do next)',
    2: 'bad input or usage: an option, argument or input file is wrong (the message names it)',
    3: 'a snapshot or backup failed verification (damaged, tampered, truncated)',
    4: `${REFUSED}; inspect: no integrity trailer`,
    5: 'a drill found the restored data different from the snapshot',
    6: 'restore: refused before touching anything (also when an earlier restore did not finish: run `restore --recover`)',
    7: 'restore: failed and rolled back',
    8: 'restore: rollback or recovery incomplete (the message says what is left)',
    9: 'SSH: the node could not be reached, authenticated or trusted (host key), or a remote command failed or timed out',
    10: 'discovery: etcd could not be found or read on the node (the hint names the option that gives it)',
};
/** The `exit codes` part of a command's help, from the codes it can return. */
function exitCodesHelp(codes) {
    const lines = codes.map((entry) => {
        const [code, meaning] = typeof entry === 'number' ? [entry, EXIT_MEANINGS[entry]] : entry;
        return `  ${String(code).padEnd(3)} ${meaning}`;
    });
    return ['exit codes', ...lines].join('\n');
}


/***/ }),

/***/ 38412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ nameOn),
/* harmony export */   Jb: () => (/* binding */ registerOptionNames),
/* harmony export */   dC: () => (/* binding */ currentSurface),
/* harmony export */   f8: () => (/* binding */ useSurface),
/* harmony export */   fS: () => (/* binding */ optionName)
/* harmony export */ });
let surface = 'cli';
const registry = new Map();
/** Said once by the entry point: the CLI's main or an action's run. */
function useSurface(next) {
    surface = next;
}
function currentSurface() {
    return surface;
}
function registerOptionNames(id, names) {
    registry.set(id, names);
}
/** The option as the user gives it on `on` (default: the current surface). */
function nameOn(names, on = surface) {
    if (on === 'action')
        return names.input ?? (names.flag ? `--${names.flag}` : (names.env ?? '?'));
    if (names.flag)
        return `--${names.flag}`;
    return names.env ?? names.input ?? '?';
}
/** `optionName('sudoPassword')` → `ETCD_BACKUP_SUDO_PASSWORD` on the CLI, `sudo_password` in an action. */
function optionName(id) {
    const names = registry.get(id);
    return names ? nameOn(names) : id;
}


/***/ }),

/***/ 98161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ shown),
/* harmony export */   T: () => (/* binding */ oneLine)
/* harmony export */ });
/**
 * A value as an error message quotes it: on one line, control and invisible characters escaped, and cut short,
 * so a hostile or huge input cannot break the one-line error or flood the log.
 */
function shown(value, max = 60) {
    const escaped = JSON.stringify(value.length > max ? value.slice(0, max) : value)
        .slice(1, -1)
        .replace(/[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/'/g, "\\'");
    return value.length > max ? `'${escaped}…' (${value.length} characters)` : `'${escaped}'`;
}
/**
 * An error message made fit for one log line: line breaks become spaces and any single token longer than
 * `maxToken` (an oversized input quoted back, say) is cut, keeping the rest of the message and its hint.
 */
function oneLine(message, maxToken = 120) {
    return message
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(new RegExp(`\\S{${maxToken + 1},}`, 'g'), (token) => `${token.slice(0, 60)}…(${token.length} characters)`);
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
