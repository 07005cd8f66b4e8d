import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);
export const id = 700;
export const ids = [700];
export const modules = {

/***/ 66005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ connectToAnyUrl),
/* harmony export */   Z$: () => (/* binding */ readClientTls),
/* harmony export */   eZ: () => (/* binding */ connectThroughNode)
/* harmony export */ });
/* harmony import */ var _controlplane_discover__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96822);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _etcd_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53974);
/* harmony import */ var _ssh_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26079);




/** Reads the etcd client CA, certificate and key over SSH (as root) into memory only: never onto the runner's disk. */
async function readClientTls(session, paths) {
    const [ca, cert, key] = await Promise.all([paths.ca, paths.cert, paths.key].map((path) => session.readFile(path, { sudo: true })));
    return { ca: ca, cert: cert, key: key };
}
/**
 * Reaches one etcd client URL *from the node*: an SSH tunnel to it, and a gRPC client over the tunnel that
 * checks the server certificate against the URL's host (what the node itself would see).
 */
async function connectThroughNode(session, url, tls) {
    const { host, port, tls: secure } = (0,_controlplane_discover__WEBPACK_IMPORTED_MODULE_0__/* .parseClientUrl */ .EP)(url);
    const tunnel = await session.openTunnel(host, port).catch((error) => {
        // sshd could not connect to the client URL on the node: etcd is not running there (or listens elsewhere).
        if (!(error instanceof _ssh_errors__WEBPACK_IMPORTED_MODULE_3__/* .SshForwardError */ .c5))
            throw error;
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld(`etcd does not answer at ${url} on ${session.target} (${error.reason})`, {
            hint: 'check that the etcd pod runs on that node (crictl ps, the kubelet log), or give the etcd endpoint it listens on',
            cause: error,
        });
    });
    const client = _etcd_client__WEBPACK_IMPORTED_MODULE_2__/* .EtcdClient */ .iY.connect({
        address: tunnel.address,
        ...(secure ? { tls: { ...tls, serverName: host } } : {}),
    });
    return {
        client,
        url,
        close: async () => {
            client.close();
            await tunnel.close();
        },
    };
}
/** The first of a member's advertised client URLs that answers through the node. */
async function connectToAnyUrl(session, urls, tls) {
    let lastError;
    for (const url of urls) {
        let connection;
        try {
            connection = await connectThroughNode(session, url, tls);
            await connection.client.status();
            return connection;
        }
        catch (error) {
            lastError = error;
            await connection?.close();
        }
    }
    throw lastError ?? new _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld('the member advertises no client URL');
}


/***/ }),

/***/ 75911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LJ: () => (/* binding */ SSH_ENV),
/* harmony export */   ZD: () => (/* binding */ sshOptionSpec),
/* harmony export */   bf: () => (/* binding */ sshConnectOptions)
/* harmony export */ });
/* unused harmony export parsePort */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _store_retention__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89311);



/** The SSH options every remote verb (backup, restore, drill's source) shares. Secrets come from env, never argv. */
const sshOptionSpec = {
    host: { type: 'string' },
    port: { type: 'string' },
    user: { type: 'string' },
    key: { type: 'string' },
    fingerprint: { type: 'string', multiple: true },
    'known-hosts': { type: 'string' },
    'insecure-ignore-host-key': { type: 'boolean' },
    jump: { type: 'string' },
    'jump-key': { type: 'string' },
    'jump-fingerprint': { type: 'string', multiple: true },
    'jump-known-hosts': { type: 'string' },
    'connect-timeout': { type: 'string' },
    'command-timeout': { type: 'string' },
};
const SSH_ENV = {
    passphrase: 'ETCD_BACKUP_SSH_PASSPHRASE',
    password: 'ETCD_BACKUP_SSH_PASSWORD',
    sudoPassword: 'ETCD_BACKUP_SUDO_PASSWORD',
    jumpPassphrase: 'ETCD_BACKUP_JUMP_PASSPHRASE',
    jumpPassword: 'ETCD_BACKUP_JUMP_PASSWORD',
};
function readInputFile(option, path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(option, `a readable file (${error.code ?? 'unreadable'}: ${path})`);
    }
}
function parsePort(option, value, fallback) {
    if (value === undefined)
        return fallback;
    const port = Number(value);
    if (!/^\d+$/.test(value) || port < 1 || port > 65535)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(option, 'a port number from 1 to 65535');
    return port;
}
function durationOr(value, option, fallbackMs) {
    return value === undefined ? fallbackMs : (0,_store_retention__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(value, option);
}
function env(name) {
    const value = process.env[name];
    return value === undefined || value === '' ? undefined : value;
}
function hostKeyPolicy(fingerprints, knownHostsPath, option, insecure = false) {
    return {
        ...(fingerprints?.length ? { fingerprints } : {}),
        ...(knownHostsPath ? { knownHosts: readInputFile(option, knownHostsPath) } : {}),
        ...(insecure ? { insecureIgnoreHostKey: true } : {}),
    };
}
/** `user@host:port` (user and port optional) for --jump. */
function parseJump(value) {
    const match = /^(?:([^@\s]+)@)?(\[[^\]]+\]|[^:@\s]+)(?::(\d+))?$/.exec(value);
    if (!match)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--jump', '[user@]host[:port]');
    return {
        username: match[1],
        host: match[2].replace(/^\[|\]$/g, ''),
        port: parsePort('--jump', match[3], 22),
    };
}
function sshConnectOptions(values) {
    if (!values.host)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--host', 'the control-plane node to SSH into');
    const password = env(SSH_ENV.password);
    if (!values.key && !password) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--key', `a private key file (or a password in ${SSH_ENV.password})`);
    }
    const endpoint = {
        host: values.host,
        port: parsePort('--port', values.port, 22),
        username: values.user ?? 'root',
        ...(values.key ? { privateKey: readInputFile('--key', values.key) } : {}),
        ...(env(SSH_ENV.passphrase) ? { passphrase: env(SSH_ENV.passphrase) } : {}),
        ...(password ? { password } : {}),
        hostKey: hostKeyPolicy(values.fingerprint, values['known-hosts'], '--known-hosts', values['insecure-ignore-host-key']),
    };
    let jump;
    if (values.jump) {
        const j = parseJump(values.jump);
        const jumpPassword = env(SSH_ENV.jumpPassword);
        const jumpKey = values['jump-key'] ?? values.key;
        jump = {
            host: j.host,
            port: j.port,
            username: j.username ?? endpoint.username,
            ...(jumpKey ? { privateKey: readInputFile('--jump-key', jumpKey) } : {}),
            ...(env(SSH_ENV.jumpPassphrase) ? { passphrase: env(SSH_ENV.jumpPassphrase) } : {}),
            ...(jumpPassword ? { password: jumpPassword } : {}),
            // One known_hosts file often pins both hosts: use it for the bastion unless it has its own pins.
            hostKey: hostKeyPolicy(values['jump-fingerprint'], values['jump-known-hosts'] ?? (values['jump-fingerprint'] ? undefined : values['known-hosts']), '--jump-known-hosts'),
        };
    }
    return {
        ...endpoint,
        ...(jump ? { jump } : {}),
        ...(env(SSH_ENV.sudoPassword) ? { sudoPassword: env(SSH_ENV.sudoPassword) } : {}),
        connectTimeoutMs: durationOr(values['connect-timeout'], '--connect-timeout', 20_000),
        commandTimeoutMs: durationOr(values['command-timeout'], '--command-timeout', 30 * 60_000),
    };
}


/***/ }),

/***/ 96822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EP: () => (/* binding */ parseClientUrl),
/* harmony export */   JL: () => (/* binding */ discoverControlPlane),
/* harmony export */   ec: () => (/* binding */ validateOverrides)
/* harmony export */ });
/* unused harmony export chooseClientUrl */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_shown__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98161);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15190);
/* harmony import */ var _flags__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3258);
/* harmony import */ var _kubelet__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22459);
/* harmony import */ var _static_pod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21041);







const KUBEADM_PKI = '/etc/kubernetes/pki';
/** etcd's own config keys that can also come from ETCD_* environment variables. */
const ETCD_ENV_PREFIX = 'ETCD_';
/** Reads the node the way a careful operator would: kubelet → static pods → etcd and kube-apiserver. */
async function discoverControlPlane(node, overrides = {}) {
    validateOverrides(overrides);
    const warnings = [];
    let processes = [];
    try {
        processes = await node.processes();
    }
    catch (error) {
        if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld && !(error instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P))
            throw error;
        warnings.push(`could not list processes (${describe(error)}); relying on files only`);
    }
    const kubelet = await locateStaticPods(node, overrides, processes, warnings);
    const pods = await readStaticPods(node, kubelet.staticPodPath, overrides, warnings);
    const etcdPod = pods.parsed.find((p) => (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .etcdContainer */ .ql)(p) !== undefined);
    const apiPod = pods.parsed.find((p) => (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .apiServerContainer */ .Fh)(p) !== undefined);
    if (overrides.etcdManifestPath && !etcdPod) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P(`${overrides.etcdManifestPath} does not run etcd (no etcd container)`, {
            hint: `check the ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.etcdManifestPath} input`,
        });
    }
    const apiServer = apiPod ? apiServerFacts(apiPod) : undefined;
    let etcd;
    if (etcdPod) {
        for (const error of pods.broken)
            warnings.push(error.message);
        etcd = etcdFromPod(etcdPod, warnings);
    }
    else {
        if (pods.broken.length > 0 && !hasExplicitEndpoint(overrides))
            throw pods.broken[0];
        for (const error of pods.broken)
            warnings.push(error.message);
        const etcdProcess = (0,_kubelet__WEBPACK_IMPORTED_MODULE_4__/* .findEtcdProcess */ .L5)(processes);
        if (etcdProcess) {
            etcd = etcdFromProcess(etcdProcess);
            warnings.push('etcd does not run as a static pod here; using the flags of the running etcd process');
        }
        else if (apiServer && apiServer.facts.etcdServers.length > 0) {
            etcd = etcdFromApiServer(apiServer.facts.etcdServers);
            warnings.push(`no etcd on this node; kube-apiserver uses external etcd at ${apiServer.facts.etcdServers.join(',')}`);
        }
        else if (overrides.clientUrl) {
            etcd = emptyExternal(overrides.clientUrl);
        }
        else {
            const where = pods.folderFound
                ? `no etcd static pod in ${kubelet.staticPodPath} (${pods.fileCount} manifests)`
                : `no static pod folder at ${kubelet.staticPodPath}`;
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P(`${where}, no etcd process and no kube-apiserver pointing at one`, {
                hint: `for an external etcd set ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.clientUrl}, ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.caFile}, ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.certFile} and ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.keyFile}; if the manifests live elsewhere set ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.staticPodPath}`,
            });
        }
    }
    if (overrides.clientUrl)
        etcd.clientUrl = overrides.clientUrl;
    if (overrides.memberName)
        etcd.name = overrides.memberName;
    if (overrides.dataDir) {
        etcd.dataDir = overrides.dataDir;
        etcd.dataHostPath = overrides.dataDir;
    }
    etcd.certs = await chooseCerts(node, etcd, etcdPod, apiServer, overrides, warnings);
    return {
        staticPodPath: kubelet.staticPodPath,
        staticPods: pods.parsed.map((p) => ({ path: p.path, name: p.name, component: p.labels.component })),
        etcdManifestPath: etcdPod?.path,
        etcd,
        apiServer: apiServer
            ? { manifestPath: apiServer.pod.path, etcdServers: apiServer.facts.etcdServers }
            : undefined,
        kubeletConfigPath: kubelet.configPath,
        warnings,
    };
}
/**
 * Checks the explicit inputs before anything is read on the node. Errors name each input by `nameOf`: the
 * CLI's option or the action's input; by default discovery's own spelling (etcd-ca-file).
 */
function validateOverrides(overrides, nameOf = (key) => _errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F[key]) {
    for (const key of [
        'kubeletConfigPath',
        'staticPodPath',
        'etcdManifestPath',
        'caFile',
        'certFile',
        'keyFile',
        'dataDir',
    ]) {
        const value = overrides[key];
        if (value !== undefined && !node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(value)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(nameOf(key), `an absolute path on the node (got ${(0,_util_shown__WEBPACK_IMPORTED_MODULE_6__/* .shown */ .S)(value)})`);
        }
    }
    if (overrides.clientUrl !== undefined)
        parseClientUrl(overrides.clientUrl, nameOf('clientUrl'));
    if (Boolean(overrides.certFile) !== Boolean(overrides.keyFile)) {
        const missing = nameOf(overrides.certFile ? 'keyFile' : 'certFile');
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(missing, `a value too: a client certificate and its key are given together`);
    }
}
function hasExplicitEndpoint(overrides) {
    return Boolean(overrides.clientUrl && overrides.caFile && overrides.certFile && overrides.keyFile);
}
function describe(error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
async function locateStaticPods(node, overrides, processes, warnings) {
    if (overrides.staticPodPath)
        return { staticPodPath: overrides.staticPodPath, configPath: undefined };
    const kubelet = (0,_kubelet__WEBPACK_IMPORTED_MODULE_4__/* .findKubeletProcess */ .rX)(processes);
    const configPath = overrides.kubeletConfigPath ?? kubelet?.configPath ?? _kubelet__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_KUBELET_CONFIG */ .EU;
    const text = await node.readText(configPath);
    let fromConfig;
    if (text === undefined) {
        if (overrides.kubeletConfigPath) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P(`kubelet config ${configPath} does not exist`, {
                hint: `check the ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.kubeletConfigPath} input`,
            });
        }
        if (kubelet?.configPath)
            warnings.push(`the kubelet runs with --config=${configPath}, but that file is missing`);
    }
    else {
        const facts = (0,_kubelet__WEBPACK_IMPORTED_MODULE_4__/* .parseKubeletConfig */ .Oi)(text, configPath);
        warnings.push(...facts.warnings);
        fromConfig = facts.staticPodPath;
    }
    const readConfig = text === undefined ? undefined : configPath;
    // The kubelet's own flag wins over its config file, as it does in the kubelet.
    if (kubelet?.podManifestPath) {
        return { staticPodPath: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(kubelet.podManifestPath), configPath: readConfig };
    }
    if (fromConfig)
        return { staticPodPath: fromConfig, configPath: readConfig };
    const why = text === undefined
        ? kubelet
            ? 'the running kubelet has neither --config nor --pod-manifest-path'
            : `no kubelet config at ${configPath} and no kubelet process`
        : `${configPath} sets no staticPodPath`;
    warnings.push(`${why}; assuming the kubeadm default ${_kubelet__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_STATIC_POD_PATH */ .Tx}`);
    return { staticPodPath: _kubelet__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_STATIC_POD_PATH */ .Tx, configPath: readConfig };
}
async function readStaticPods(node, staticPodPath, overrides, warnings) {
    const parsed = [];
    const broken = [];
    const read = async (path, required) => {
        const text = await node.readText(path);
        if (text === undefined) {
            if (required) {
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P(`${path} does not exist`, {
                    hint: `check the ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.etcdManifestPath} input`,
                });
            }
            return;
        }
        try {
            parsed.push((0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .parseStaticPod */ .Rs)(text, path));
        }
        catch (error) {
            if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P)
                broken.push(error);
            else
                throw error;
        }
    };
    if (overrides.etcdManifestPath) {
        await read(overrides.etcdManifestPath, true);
        if (broken.length > 0)
            throw broken[0];
        if (!parsed[0] || !(0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .etcdContainer */ .ql)(parsed[0]))
            return { parsed, broken, fileCount: 1, folderFound: false };
    }
    if (!staticPodPath)
        return { parsed, broken, fileCount: parsed.length, folderFound: false };
    const names = await node.listFiles(staticPodPath);
    if (names === undefined) {
        warnings.push(`static pod folder ${staticPodPath} does not exist`);
        return { parsed, broken, fileCount: parsed.length, folderFound: false };
    }
    // The kubelet ignores hidden files; so do we.
    const visible = names.filter((n) => !n.startsWith('.')).sort();
    for (const name of visible) {
        const path = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(staticPodPath, name);
        if (path !== overrides.etcdManifestPath)
            await read(path, false);
    }
    if (overrides.etcdManifestPath) {
        // Only the given manifest may supply etcd; the folder is read for kube-apiserver.
        const chosen = parsed[0];
        const rest = parsed.slice(1).filter((p) => !(0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .etcdContainer */ .ql)(p));
        return { parsed: [chosen, ...rest], broken, fileCount: visible.length, folderFound: true };
    }
    return { parsed, broken, fileCount: visible.length, folderFound: true };
}
function etcdFlags(container) {
    const { values } = (0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(container.argv.slice(1));
    // etcd also reads its settings from ETCD_<FLAG> variables; flags win.
    for (const [name, value] of container.env) {
        if (!name.startsWith(ETCD_ENV_PREFIX))
            continue;
        const flag = name.slice(ETCD_ENV_PREFIX.length).toLowerCase().replaceAll('_', '-');
        if (!values.has(flag))
            values.set(flag, value);
    }
    return values;
}
function etcdFromFlags(flags, runsAs) {
    const listenClientUrls = (0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(flags.get('listen-client-urls'));
    const advertiseClientUrls = (0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(flags.get('advertise-client-urls'));
    const name = flags.get('name');
    return {
        runsAs,
        name: name ?? 'default',
        clientUrl: chooseClientUrl(listenClientUrls, advertiseClientUrls),
        listenClientUrls,
        advertiseClientUrls,
        peerUrls: (0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(flags.get('initial-advertise-peer-urls') ?? flags.get('listen-peer-urls')),
        initialCluster: flags.get('initial-cluster'),
        initialClusterState: flags.get('initial-cluster-state'),
        dataDir: flags.get('data-dir') ?? `${name ?? 'default'}.etcd`,
        flags: Object.fromEntries(flags),
    };
}
function etcdFromPod(pod, warnings) {
    const container = (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .etcdContainer */ .ql)(pod);
    const flags = etcdFlags(container);
    const base = etcdFromFlags(flags, 'static-pod');
    if (!flags.has('data-dir'))
        warnings.push(`${pod.path}: etcd has no --data-dir; it defaults to ${base.dataDir}`);
    const dataDir = base.dataDir;
    const dataHostPath = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(dataDir) ? (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .hostPathOf */ .J8)(pod, container, dataDir) : undefined;
    if (dataHostPath === undefined) {
        warnings.push(`${pod.path}: no hostPath volume holds etcd's data dir ${dataDir}; its data lives only in the container`);
    }
    else if (dataHostPath !== dataDir) {
        warnings.push(`${pod.path}: etcd's data dir ${dataDir} is ${dataHostPath} on the host`);
    }
    const dataVolume = pod.hostPaths.get('etcd-data');
    if (dataVolume !== undefined &&
        dataHostPath !== undefined &&
        node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(dataVolume) !== dataHostPath) {
        warnings.push(`${pod.path}: inconsistent: --data-dir=${dataDir} is not on the etcd-data volume (hostPath ${dataVolume})`);
    }
    return {
        ...base,
        dataHostPath,
        certs: undefined,
        image: container.image,
        version: (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .versionFromImage */ .Qr)(container.image),
    };
}
function etcdFromProcess(argv) {
    const base = etcdFromFlags((0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(argv.slice(1)).values, 'process');
    return { ...base, dataHostPath: base.dataDir, certs: undefined, image: undefined, version: undefined };
}
function etcdFromApiServer(etcdServers) {
    const facts = emptyExternal(chooseClientUrl(etcdServers, etcdServers));
    facts.advertiseClientUrls = etcdServers;
    return facts;
}
function emptyExternal(clientUrl) {
    return {
        runsAs: 'external',
        name: undefined,
        clientUrl,
        listenClientUrls: [],
        advertiseClientUrls: [],
        peerUrls: [],
        initialCluster: undefined,
        initialClusterState: undefined,
        dataDir: undefined,
        dataHostPath: undefined,
        certs: undefined,
        image: undefined,
        version: undefined,
        flags: {},
    };
}
function isLoopbackHost(host) {
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}
/**
 * A loopback listen URL when etcd has one (it is in kubeadm's server cert SANs and needs no route); a wildcard
 * listen address is reached on loopback; else the first advertised URL.
 */
function chooseClientUrl(listen, advertise) {
    const usable = (u) => /^https?:\/\//.test(u);
    for (const url of listen.filter(usable)) {
        const { hostname } = new URL(url);
        if (isLoopbackHost(hostname))
            return url.replace(/\/+$/, '');
    }
    for (const url of listen.filter(usable)) {
        const parsed = new URL(url);
        if (parsed.hostname === '0.0.0.0')
            return `${parsed.protocol}//127.0.0.1:${parsed.port || '2379'}`;
        if (parsed.hostname === '[::]')
            return `${parsed.protocol}//[::1]:${parsed.port || '2379'}`;
    }
    const fallback = advertise.find(usable) ?? listen.find(usable);
    if (!fallback) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P('etcd has no http(s) client URL in --listen-client-urls or --advertise-client-urls', {
            hint: `set ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.clientUrl}`,
        });
    }
    return fallback.replace(/\/+$/, '');
}
/** host, port and TLS of a client URL; `input` names the input for the error. */
function parseClientUrl(url, input = 'etcd client URL') {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `a URL like https://127.0.0.1:2379 (got ${(0,_util_shown__WEBPACK_IMPORTED_MODULE_6__/* .shown */ .S)(url)})`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `an https:// or http:// URL (got ${(0,_util_shown__WEBPACK_IMPORTED_MODULE_6__/* .shown */ .S)(url)})`);
    }
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    return { host, port: Number(parsed.port || 2379), tls: parsed.protocol === 'https:' };
}
function apiServerFacts(pod) {
    const container = (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .apiServerContainer */ .Fh)(pod);
    const { values } = (0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(container.argv.slice(1));
    const onHost = (path) => path ? ((0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .hostPathOf */ .J8)(pod, container, path) ?? path) : undefined;
    return {
        pod,
        facts: {
            etcdServers: (0,_flags__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(values.get('etcd-servers')),
            ca: onHost(values.get('etcd-cafile')),
            cert: onHost(values.get('etcd-certfile')),
            key: onHost(values.get('etcd-keyfile')),
        },
    };
}
async function chooseCerts(node, etcd, etcdPod, apiServer, overrides, warnings) {
    if (!parseClientUrl(etcd.clientUrl).tls)
        return undefined;
    const etcdHostPath = (flag) => {
        const value = etcd.flags[flag];
        if (!value)
            return undefined;
        if (!etcdPod)
            return value;
        return (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .hostPathOf */ .J8)(etcdPod, (0,_static_pod__WEBPACK_IMPORTED_MODULE_5__/* .etcdContainer */ .ql)(etcdPod), value) ?? value;
    };
    const trustedCa = etcdHostPath('trusted-ca-file');
    const serverCert = etcdHostPath('cert-file');
    const serverKey = etcdHostPath('key-file');
    const pkiDir = serverCert ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(serverCert) : `${KUBEADM_PKI}/etcd`;
    const candidates = [];
    const api = apiServer?.facts;
    if (api?.cert && api.key)
        candidates.push({
            ca: api.ca ?? trustedCa,
            cert: api.cert,
            key: api.key,
            source: 'apiserver-etcd-client',
        });
    candidates.push({
        ca: trustedCa ?? `${pkiDir}/ca.crt`,
        cert: `${pkiDir}/healthcheck-client.crt`,
        key: `${pkiDir}/healthcheck-client.key`,
        source: 'healthcheck-client',
    });
    candidates.push({
        ca: trustedCa ?? `${KUBEADM_PKI}/etcd/ca.crt`,
        cert: `${KUBEADM_PKI}/apiserver-etcd-client.crt`,
        key: `${KUBEADM_PKI}/apiserver-etcd-client.key`,
        source: 'apiserver-etcd-client',
    });
    if (serverCert && serverKey)
        candidates.push({ ca: trustedCa, cert: serverCert, key: serverKey, source: 'server' });
    const explicit = [overrides.caFile, overrides.certFile, overrides.keyFile].filter((p) => !!p);
    const paths = new Set(explicit);
    for (const c of candidates) {
        for (const p of [c.ca, c.cert, c.key])
            if (p)
                paths.add(p);
    }
    const present = await node.existing([...paths]);
    for (const [key, path] of [
        ['caFile', overrides.caFile],
        ['certFile', overrides.certFile],
        ['keyFile', overrides.keyFile],
    ]) {
        if (path && !present.has(path)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P(`${path} does not exist on the node`, {
                hint: `check the ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F[key]} input`,
            });
        }
    }
    if (overrides.caFile && overrides.certFile && overrides.keyFile) {
        return { ca: overrides.caFile, cert: overrides.certFile, key: overrides.keyFile, source: 'input' };
    }
    const usable = candidates.find((c) => present.has(c.cert) && present.has(c.key) && (overrides.caFile || (c.ca && present.has(c.ca))));
    if (!usable) {
        const looked = candidates.map((c) => c.cert).join(', ');
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .DiscoveryError */ .P(`no etcd client certificate found on the node (looked for ${looked})`, {
            hint: `set ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.caFile}, ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.certFile} and ${_errors__WEBPACK_IMPORTED_MODULE_2__/* .OVERRIDE_INPUTS */ .F.keyFile}`,
        });
    }
    if (usable.source === 'server') {
        warnings.push("using etcd's own server certificate as the client certificate (no client pair found)");
    }
    const partial = Boolean(overrides.caFile || overrides.certFile || overrides.keyFile);
    return {
        ca: overrides.caFile ?? usable.ca,
        cert: overrides.certFile ?? usable.cert,
        key: overrides.keyFile ?? usable.key,
        source: partial ? 'input' : usable.source,
    };
}


/***/ }),

/***/ 15190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ OVERRIDE_INPUTS),
/* harmony export */   P: () => (/* binding */ DiscoveryError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** Discovery could not find or read something on the node; the hint names the input that bypasses it. */
class DiscoveryError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(message, options = {}) {
        super(`discovery: ${message}`, { ...options, exitCode: 4 });
    }
}
/**
 * The inputs that override each discovered fact, named once so every hint points at the same spelling.
 * The CLI option is `--<name>`; the action input is the same name with underscores (etcd_ca_file).
 */
const OVERRIDE_INPUTS = {
    kubeletConfigPath: 'kubelet-config',
    staticPodPath: 'static-pod-path',
    etcdManifestPath: 'etcd-manifest',
    clientUrl: 'etcd-endpoint',
    caFile: 'etcd-ca-file',
    certFile: 'etcd-cert-file',
    keyFile: 'etcd-key-file',
    dataDir: 'etcd-data-dir',
    memberName: 'etcd-member-name',
};


/***/ }),

/***/ 3258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bQ: () => (/* binding */ parseFlags),
/* harmony export */   kX: () => (/* binding */ programName),
/* harmony export */   oM: () => (/* binding */ containerArgv),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** Flags that take no value, so `--client-cert-auth --data-dir=x` does not swallow the next word. */
const BOOLEAN_FLAGS = new Set([
    'client-cert-auth',
    'peer-client-cert-auth',
    'auto-tls',
    'peer-auto-tls',
    'strict-reconfig-check',
    'enable-v2',
    'enable-pprof',
    'force-new-cluster',
    'allow-privileged',
    'experimental-initial-corrupt-check',
    'experimental-compact-hash-check-enabled',
    'debug',
    'logtostderr',
]);
function parseFlags(words) {
    const values = new Map();
    const positionals = [];
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (word === '--') {
            positionals.push(...words.slice(i + 1));
            break;
        }
        const match = /^--?([A-Za-z0-9][A-Za-z0-9._-]*)(?:=([\s\S]*))?$/.exec(word);
        if (!match) {
            positionals.push(word);
            continue;
        }
        const name = match[1];
        if (match[2] !== undefined) {
            values.set(name, match[2]);
        }
        else if (!BOOLEAN_FLAGS.has(name) && i + 1 < words.length && !words[i + 1].startsWith('-')) {
            values.set(name, words[++i]);
        }
        else {
            values.set(name, 'true');
        }
    }
    return { values, positionals };
}
/** `a,b, c` → ['a', 'b', 'c']; empty or missing → []. */
function splitList(value) {
    if (!value)
        return [];
    return value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
}
function programName(argv0) {
    return argv0 ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(argv0) : '';
}
/**
 * A container's argv: command then args. A shell wrapper (`sh -c "etcd --a=b …"`) is split on whitespace,
 * which is enough for the flag-only command lines of control-plane components.
 */
function containerArgv(command, args) {
    const argv = [...command, ...args];
    const shell = programName(argv[0]);
    if ((shell === 'sh' || shell === 'bash') && argv[1] === '-c' && argv[2] !== undefined) {
        return argv[2]
            .replace(/^\s*exec\s+/, '')
            .split(/\s+/)
            .filter((w) => w.length > 0)
            .map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
    }
    return argv;
}


/***/ }),

/***/ 49214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y0: () => (/* reexport */ discoverOverSsh),
  EP: () => (/* reexport */ discover/* parseClientUrl */.EP)
});

// UNUSED EXPORTS: DiscoveryError, OVERRIDE_INPUTS, chooseClientUrl, discoverControlPlane, findKubeletProcess, hostPathOf, parseKubeletConfig, parseProcCmdlines, parsePsListing, parseStaticPod, sshNodeFiles, versionFromImage

// EXTERNAL MODULE: ./src/controlplane/discover.ts
var discover = __webpack_require__(96822);
// EXTERNAL MODULE: ./src/controlplane/errors.ts
var errors = __webpack_require__(15190);
// EXTERNAL MODULE: ./src/controlplane/kubelet.ts
var kubelet = __webpack_require__(22459);
// EXTERNAL MODULE: ./src/ssh/errors.ts
var ssh_errors = __webpack_require__(26079);
;// CONCATENATED MODULE: ./src/controlplane/remote.ts




const LIST_FILES = '[ -d "$1" ] || exit 66; find -L "$1" -mindepth 1 -maxdepth 1 -type f -print0';
const EXISTING = 'for f; do [ -e "$f" ] && printf "%s\\0" "$f"; done; exit 0';
// /proc rather than ps: ps is not on every node image, /proc is.
const PROCESSES = 'for d in /proc/[0-9]*; do [ -r "$d/cmdline" ] || continue; cat "$d/cmdline" 2>/dev/null; printf "\\n"; done; exit 0';
/** NodeFiles over an SSH session; with sudo, since kubeadm's manifests are root-only (0600). */
function sshNodeFiles(session, options = {}) {
    const sudo = options.sudo ?? true;
    const nulSeparated = (stdout) => stdout
        .toString('utf8')
        .split('\0')
        .filter((s) => s.length > 0);
    return {
        async readText(path) {
            try {
                return (await session.readFile(path, { sudo, maxBytes: 4 * 1024 * 1024 })).toString('utf8');
            }
            catch (error) {
                if (error instanceof ssh_errors/* RemoteFileNotFoundError */.ms)
                    return undefined;
                if (error instanceof ssh_errors/* SshCommandError */.qu && /permission denied/i.test(error.stderr)) {
                    throw new errors/* DiscoveryError */.P(`cannot read ${path} on ${session.target}: permission denied`, {
                        hint: sudo
                            ? 'the file is not readable even as root; check the path'
                            : 'kubeadm keeps manifests and keys root-only: log in as root or as a user with sudo',
                        cause: error,
                    });
                }
                throw error;
            }
        },
        async listFiles(path) {
            const result = await session.exec(['sh', '-c', LIST_FILES, 'sh', path], { sudo });
            if (result.exitCode === 66)
                return undefined;
            if (result.exitCode !== 0) {
                throw new ssh_errors/* SshCommandError */.qu(session.target, `find ${path}`, result.exitCode, result.signal, result.stderr);
            }
            return nulSeparated(result.stdout).map((p) => p.slice(p.lastIndexOf('/') + 1));
        },
        async existing(paths) {
            if (paths.length === 0)
                return new Set();
            const result = await session.exec(['sh', '-c', EXISTING, 'sh', ...paths], { sudo, check: true });
            return new Set(nulSeparated(result.stdout));
        },
        async processes() {
            const result = await session.exec(['sh', '-c', PROCESSES], { sudo, check: true });
            return (0,kubelet/* parseProcCmdlines */.tl)(result.stdout.toString('utf8'));
        },
    };
}
/** Discovery over SSH: every explicit input in `overrides` wins over what is found. */
function discoverOverSsh(session, overrides = {}, options = {}) {
    return (0,discover/* discoverControlPlane */.JL)(sshNodeFiles(session, options), overrides);
}

// EXTERNAL MODULE: ./src/controlplane/static-pod.ts
var static_pod = __webpack_require__(21041);
;// CONCATENATED MODULE: ./src/controlplane/index.ts







/***/ }),

/***/ 22459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ DEFAULT_KUBELET_CONFIG),
/* harmony export */   L5: () => (/* binding */ findEtcdProcess),
/* harmony export */   Oi: () => (/* binding */ parseKubeletConfig),
/* harmony export */   Tx: () => (/* binding */ DEFAULT_STATIC_POD_PATH),
/* harmony export */   rX: () => (/* binding */ findKubeletProcess),
/* harmony export */   tl: () => (/* binding */ parseProcCmdlines)
/* harmony export */ });
/* unused harmony export parsePsListing */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15190);
/* harmony import */ var _flags__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3258);
/* harmony import */ var _yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53782);




const DEFAULT_KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';
const DEFAULT_STATIC_POD_PATH = '/etc/kubernetes/manifests';
function parseKubeletConfig(text, path) {
    const doc = (0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseYamlFile */ .BU)(text, path);
    const warnings = [];
    if (doc === null || doc === undefined)
        return { staticPodPath: undefined, warnings: [`${path} is empty`] };
    if (!(0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .DiscoveryError */ .P(`${path} is not a KubeletConfiguration (not a YAML mapping)`, {
            hint: 'give the kubelet config path explicitly, or the static pod path',
        });
    }
    if (doc.kind !== undefined && doc.kind !== 'KubeletConfiguration') {
        warnings.push(`${path} has kind ${String(doc.kind)}, not KubeletConfiguration`);
    }
    const value = doc.staticPodPath;
    if (value === undefined || value === null || value === '')
        return { staticPodPath: undefined, warnings };
    if (typeof value !== 'string') {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .DiscoveryError */ .P(`${path}: staticPodPath is not a string`);
    }
    const staticPodPath = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(value) ? value : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(path), value);
    return { staticPodPath: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(staticPodPath), warnings };
}
/**
 * Records separated by newlines, arguments by NUL (what `cat /proc/<pid>/cmdline; echo` prints per process).
 * A process that rewrote its title shows one argument with spaces in it; that one is split on whitespace.
 */
function parseProcCmdlines(text) {
    return text
        .split('\n')
        .map((record) => record.split('\0').filter((arg) => arg.length > 0))
        .filter((argv) => argv.length > 0)
        .map((argv) => (argv.length === 1 && /\s/.test(argv[0]) ? argv[0].trim().split(/\s+/) : argv));
}
/** A `ps -eo args` / `ps auxww` style listing: one process per line, arguments split on whitespace. */
function parsePsListing(text) {
    const lines = text.split('\n').filter((line) => line.trim().length > 0);
    const header = lines[0]?.trim() ?? '';
    const withoutHeader = /^(USER|UID|PID|COMMAND|ARGS|CMD)\b/.test(header) ? lines.slice(1) : lines;
    const argsColumn = /^USER\s+PID\s+%CPU/.test(header) ? 10 : /^\s*PID\s+/.test(header) ? 1 : 0;
    return withoutHeader
        .map((line) => line.trim().split(/\s+/).slice(argsColumn))
        .filter((argv) => argv.length > 0);
}
/** The kubelet's own flags (`kubelet …` or `hyperkube kubelet …`), when it is running. */
function findKubeletProcess(processes) {
    for (const argv of processes) {
        let rest;
        if ((0,_flags__WEBPACK_IMPORTED_MODULE_2__/* .programName */ .kX)(argv[0]) === 'kubelet')
            rest = argv.slice(1);
        else if ((0,_flags__WEBPACK_IMPORTED_MODULE_2__/* .programName */ .kX)(argv[0]) === 'hyperkube' && argv[1] === 'kubelet')
            rest = argv.slice(2);
        else
            continue;
        const { values } = (0,_flags__WEBPACK_IMPORTED_MODULE_2__/* .parseFlags */ .bQ)(rest);
        return {
            argv,
            configPath: values.get('config') || undefined,
            podManifestPath: values.get('pod-manifest-path') || undefined,
        };
    }
    return undefined;
}
/** An etcd running outside Kubernetes (systemd unit, or by hand). */
function findEtcdProcess(processes) {
    return processes.find((argv) => (0,_flags__WEBPACK_IMPORTED_MODULE_2__/* .programName */ .kX)(argv[0]) === 'etcd');
}


/***/ }),

/***/ 21041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ apiServerContainer),
/* harmony export */   J8: () => (/* binding */ hostPathOf),
/* harmony export */   Qr: () => (/* binding */ versionFromImage),
/* harmony export */   Rs: () => (/* binding */ parseStaticPod),
/* harmony export */   ql: () => (/* binding */ etcdContainer)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15190);
/* harmony import */ var _flags__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3258);
/* harmony import */ var _yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53782);




function parseStaticPod(text, path) {
    const doc = (0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseYamlFile */ .BU)(text, path);
    if (!(0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc) || (doc.kind !== undefined && doc.kind !== 'Pod')) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .DiscoveryError */ .P(`${path} is not a Pod manifest`);
    }
    const metadata = (0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc.metadata) ? doc.metadata : {};
    const spec = (0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc.spec) ? doc.spec : {};
    const labels = {};
    if ((0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(metadata.labels)) {
        for (const [k, v] of Object.entries(metadata.labels))
            labels[k] = String(v);
    }
    const containers = (Array.isArray(spec.containers) ? spec.containers : [])
        .filter(_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)
        .map((c) => ({
        name: typeof c.name === 'string' ? c.name : '',
        image: typeof c.image === 'string' ? c.image : undefined,
        argv: (0,_flags__WEBPACK_IMPORTED_MODULE_2__/* .containerArgv */ .oM)((0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(c.command), (0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(c.args)),
        env: new Map((Array.isArray(c.env) ? c.env : [])
            .filter(_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)
            .filter((e) => typeof e.name === 'string' && e.value !== undefined)
            .map((e) => [String(e.name), String(e.value)])),
        volumeMounts: (Array.isArray(c.volumeMounts) ? c.volumeMounts : [])
            .filter(_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)
            .filter((m) => typeof m.name === 'string' && typeof m.mountPath === 'string')
            .map((m) => ({ name: String(m.name), mountPath: String(m.mountPath) })),
    }));
    const hostPaths = new Map();
    for (const volume of (Array.isArray(spec.volumes) ? spec.volumes : []).filter(_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)) {
        if (typeof volume.name === 'string' &&
            (0,_yaml__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(volume.hostPath) &&
            typeof volume.hostPath.path === 'string') {
            hostPaths.set(volume.name, volume.hostPath.path);
        }
    }
    return {
        path,
        name: typeof metadata.name === 'string' ? metadata.name : undefined,
        labels,
        containers,
        hostPaths,
    };
}
function componentContainer(pod, component) {
    return (pod.containers.find((c) => c.name === component) ??
        pod.containers.find((c) => (0,_flags__WEBPACK_IMPORTED_MODULE_2__/* .programName */ .kX)(c.argv[0]) === component) ??
        (pod.labels.component === component ? pod.containers[0] : undefined));
}
/** The etcd container, when this pod runs etcd (by container, program or component label; not by file name). */
function etcdContainer(pod) {
    return componentContainer(pod, 'etcd');
}
function apiServerContainer(pod) {
    return componentContainer(pod, 'kube-apiserver');
}
/**
 * Where a path inside the container lives on the host: through the hostPath volume mounted deepest above it.
 * undefined when no hostPath volume covers it (the file would exist only in the container image).
 */
function hostPathOf(pod, container, containerPath) {
    const normalized = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(containerPath);
    let best;
    for (const mount of container.volumeMounts) {
        const host = pod.hostPaths.get(mount.name);
        if (host === undefined)
            continue;
        const base = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(mount.mountPath).replace(/\/+$/, '') || '/';
        const covers = normalized === base || normalized.startsWith(base === '/' ? '/' : `${base}/`);
        if (covers && (!best || base.length > best.mount.mountPath.length)) {
            best = { mount: { ...mount, mountPath: base }, host };
        }
    }
    if (!best)
        return undefined;
    const rest = normalized.slice(best.mount.mountPath.length).replace(/^\/+/, '');
    return rest ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(best.host, rest) : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(best.host);
}
/** `registry.k8s.io/etcd:3.5.21-0` → `3.5.21`; digests and registry ports are ignored. */
function versionFromImage(image) {
    if (!image)
        return undefined;
    const withoutDigest = image.split('@')[0];
    const lastSlash = withoutDigest.lastIndexOf('/');
    const tagAt = withoutDigest.indexOf(':', lastSlash + 1);
    if (tagAt < 0)
        return undefined;
    const match = /^v?(\d+\.\d+\.\d+)/.exec(withoutDigest.slice(tagAt + 1));
    return match?.[1];
}


/***/ }),

/***/ 53782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ parseYamlFile),
/* harmony export */   Yn: () => (/* binding */ stringList),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15190);


/** Parses one YAML (or JSON) document; any syntax problem becomes one line naming the file. */
function parseYamlFile(text, path) {
    try {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { prettyErrors: false, uniqueKeys: false });
    }
    catch (error) {
        const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .DiscoveryError */ .P(`cannot parse ${path}: ${reason}`, {
            hint: `fix the file, or point discovery past it with an explicit input`,
            cause: error,
        });
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringList(value) {
    return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v))) : [];
}


/***/ }),

/***/ 89417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PR: () => (/* binding */ journalOf),
/* harmony export */   Rd: () => (/* binding */ RestoreCutShortError),
/* harmony export */   Sw: () => (/* binding */ removeJournal),
/* harmony export */   YH: () => (/* binding */ refuseIfCutShort),
/* harmony export */   a0: () => (/* binding */ readJournal),
/* harmony export */   fY: () => (/* binding */ writeJournal),
/* harmony export */   ip: () => (/* binding */ JOURNAL_PATH)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_shown__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98161);
/* harmony import */ var _node_ops__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92317);



/**
 * On every node, from just before a restore ships anything until it is done or rolled back: what that node's
 * part of the restore changes, so a restore cut short (the runner killed, a cancelled job past its grace time)
 * can be found by the next backup or restore and rolled back by `restore --recover`. Paths only, no secrets.
 */
const JOURNAL_PATH = '/var/lib/etcd-backup-restore.json';
function journalOf(plan, m, certs) {
    return {
        version: 1,
        stamp: plan.stamp,
        backup: plan.backup,
        cluster: plan.cluster,
        startedAt: new Date().toISOString(),
        nodes: plan.members.map((x) => x.node),
        member: {
            name: m.name,
            peerUrls: m.peerUrls,
            clientUrl: m.clientUrl,
            clientPort: m.clientPort,
            dataHostPath: m.dataHostPath,
            etcdManifest: m.etcdManifest,
            apiServerManifest: m.apiServerManifest,
            holding: m.holding,
            staging: m.staging,
            snapshotDir: m.snapshotDir,
            target: m.target,
            aside: m.aside,
            rewritten: m.rewrittenManifest !== undefined,
            certs,
        },
    };
}
async function writeJournal(session, journal) {
    await (0,_node_ops__WEBPACK_IMPORTED_MODULE_1__/* .writeFileAtomically */ .lo)(session, JOURNAL_PATH, `${JSON.stringify(journal, null, 2)}\n`);
}
async function removeJournal(session) {
    await session.exec(['rm', '-f', '--', JOURNAL_PATH], { sudo: true, check: true });
}
/** The journal on this node, if a restore left one; a file we cannot parse is reported, never guessed at. */
async function readJournal(session) {
    const r = await session.exec(['sh', '-c', '[ -e "$1" ] || exit 3; cat -- "$1"', 'sh', JOURNAL_PATH], {
        sudo: true,
    });
    if (r.exitCode === 3)
        return undefined;
    const text = r.stdout.toString('utf8');
    const journal = parse(text);
    if (r.exitCode !== 0 || !isJournal(journal))
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld(`${JOURNAL_PATH} on ${session.target} is not a restore journal this version can read (${(0,_util_shown__WEBPACK_IMPORTED_MODULE_2__/* .shown */ .S)(text.trim())})`, {
            hint: 'it marks a restore that did not finish: check the node by hand (old data dirs end in .before-restore-<time>, held manifests are in etcd-restore-<time> next to the static pod folder), then remove the file',
            exitCode: 6,
        });
    return journal;
}
function parse(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isJournal(value) {
    const j = value;
    const m = j?.member;
    const isPath = (v) => typeof v === 'string' && v.startsWith('/');
    return (j?.version === 1 &&
        typeof j.stamp === 'string' &&
        typeof j.backup === 'string' &&
        typeof j.cluster === 'string' &&
        Array.isArray(j.nodes) &&
        typeof m === 'object' &&
        m !== null &&
        typeof m.name === 'string' &&
        typeof m.clientUrl === 'string' &&
        typeof m.clientPort === 'number' &&
        Array.isArray(m.peerUrls) &&
        [m.dataHostPath, m.etcdManifest, m.holding, m.staging, m.snapshotDir, m.target].every(isPath) &&
        [m.apiServerManifest, m.aside].every((v) => v === undefined || isPath(v)) &&
        typeof m.certs === 'object' &&
        m.certs !== null &&
        [m.certs.ca, m.certs.cert, m.certs.key].every(isPath));
}
/** A backup or a restore found the journal of a restore that did not finish on this node. */
class RestoreCutShortError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    constructor(target, journal, exitCode) {
        super(`a restore of ${journal.backup} started ${journal.startedAt} did not finish on ${target} (${JOURNAL_PATH} is still there)`, {
            hint: `run 'etcd-backup restore --recover' (restore action: recover: true) with the same nodes (${journal.nodes.join(', ')}) to put the old data and manifests back; nothing was deleted`,
            exitCode,
        });
    }
}
/** A restore refuses (exit 6, nothing changed) when any of its nodes holds the journal of an unfinished one. */
async function refuseIfCutShort(sessions) {
    const journals = await Promise.all(sessions.map((session) => readJournal(session)));
    const i = journals.findIndex((journal) => journal !== undefined);
    if (i >= 0)
        throw new RestoreCutShortError(sessions[i].target, journals[i], 6);
}


/***/ }),

/***/ 92317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ move),
/* harmony export */   HE: () => (/* binding */ NodeActionError),
/* harmony export */   Ly: () => (/* binding */ waitUntilGone),
/* harmony export */   RF: () => (/* binding */ waitUntilRunning),
/* harmony export */   Sz: () => (/* binding */ statDir),
/* harmony export */   _H: () => (/* binding */ shipDir),
/* harmony export */   gE: () => (/* binding */ makeDir),
/* harmony export */   gT: () => (/* binding */ existing),
/* harmony export */   go: () => (/* binding */ freeBytes),
/* harmony export */   lo: () => (/* binding */ writeFileAtomically),
/* harmony export */   v7: () => (/* binding */ removeEmptyDir)
/* harmony export */ });
/* unused harmony export isRunning */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _ssh_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26079);
/* harmony import */ var _wire__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96937);




/** Small, checked actions on a control-plane node, each one command run as root with quoted argv. */
class NodeActionError extends _errors__WEBPACK_IMPORTED_MODULE_1__/* .EtcdBackupError */ .Ld {
}
const STAT_DIR = 'stat -c "%u:%g %d" -- "$1" && stat -c "%d" -- "$(dirname -- "$1")"';
async function statDir(session, path) {
    const r = await session.exec(['sh', '-c', `[ -d "$1" ] || exit 66; ${STAT_DIR}`, 'sh', path], {
        sudo: true,
    });
    if (r.exitCode === 66)
        return undefined;
    if (r.exitCode !== 0)
        throw new NodeActionError(`cannot stat ${path} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr)}`);
    const [first, second] = r.stdout.toString('utf8').trim().split('\n');
    const [owner, device] = (first ?? '').split(' ');
    return { owner: owner, mountPoint: device !== second?.trim() };
}
/** Free bytes on the filesystem that holds path (the nearest existing ancestor), from POSIX `df -P -k`. */
async function freeBytes(session, path) {
    const script = 'p=$1; while [ ! -e "$p" ]; do p=$(dirname -- "$p"); done; exec df -P -k -- "$p"';
    const r = await session.exec(['sh', '-c', script, 'sh', path], { sudo: true, check: true });
    const line = r.stdout.toString('utf8').trim().split('\n').pop() ?? '';
    const available = Number(line.trim().split(/\s+/)[3]);
    if (!Number.isFinite(available))
        throw new NodeActionError(`cannot read free space of ${path} from df`);
    return available * 1024;
}
async function existing(session, paths) {
    const script = 'for f; do if [ -e "$f" ] || [ -L "$f" ]; then printf "%s\\0" "$f"; fi; done; exit 0';
    const r = await session.exec(['sh', '-c', script, 'sh', ...paths], { sudo: true, check: true });
    return new Set(r.stdout
        .toString('utf8')
        .split('\0')
        .filter((p) => p));
}
/** rename(2) from → to; refuses to overwrite. With ifPresent, a missing `from` is not an error. */
async function move(session, from, to, options = {}) {
    const script = [
        `if [ ! -e "$1" ] && [ ! -L "$1" ]; then [ "$3" = 1 ] && exit 65; exit 66; fi`,
        'if [ -e "$2" ] || [ -L "$2" ]; then echo "$2 already exists" >&2; exit 73; fi',
        'exec mv -- "$1" "$2"',
    ].join('\n');
    const r = await session.exec(['sh', '-c', script, 'sh', from, to, options.ifPresent ? '1' : '0'], {
        sudo: true,
    });
    if (r.exitCode === 0)
        return true;
    if (r.exitCode === 65)
        return false;
    if (r.exitCode === 66)
        throw new NodeActionError(`${from} does not exist on ${session.target}`);
    throw new NodeActionError(`cannot move ${from} to ${to} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr)}`);
}
async function makeDir(session, path) {
    await session.exec(['mkdir', '-p', '-m', '0700', '--', path], { sudo: true, check: true });
}
/** Removes an empty dir we made; leaves it (and says nothing) when something is still in it. */
async function removeEmptyDir(session, path) {
    await session.exec(['sh', '-c', 'rmdir -- "$1" 2>/dev/null; exit 0', 'sh', path], { sudo: true });
}
/** Writes a small file (0600) through a temp name next to it and a rename, so readers see all or nothing. */
async function writeFileAtomically(session, path, content) {
    const script = 'umask 077; t="$1.tmp-$$"; cat >"$t" && mv -- "$t" "$1" || { rm -f -- "$t"; exit 1; }';
    const r = await session.exec(['sh', '-c', script, 'sh', path], { sudo: true, stdin: content });
    if (r.exitCode !== 0)
        throw new NodeActionError(`cannot write ${path} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr)}`);
}
/**
 * Whether a program runs on the node (argv[0]'s base name, read from /proc so no ps is needed) or, for etcd,
 * still listens on its client port (read from /proc/net/tcp{,6}: the socket outlives the process briefly).
 */
const RUNNING = [
    'name=$1 port=$2',
    'for d in /proc/[0-9]*; do',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    '  [ "${d#/proc/}" = "$$" ] && continue',
    '  a=$(tr "\\000" "\\n" <"$d/cmdline" 2>/dev/null | head -n 1) || continue',
    // A process that rewrote its title has all its words in argv[0]; the program is the first.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    '  a=${a%% *}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    '  [ "${a##*/}" = "$name" ] && { echo "pid ${d#/proc/}"; exit 0; }',
    'done',
    'if [ -n "$port" ]; then',
    '  hex=$(printf ":%04X " "$port")',
    '  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p="$hex" \'index($2 " ", p) && $4 == "0A" { found = 1 } END { exit !found }\' && { echo "port $port"; exit 0; }',
    'fi',
    'exit 1',
].join('\n');
async function isRunning(session, program, port) {
    const r = await session.exec(['sh', '-c', RUNNING, 'sh', program, port ? String(port) : ''], {
        sudo: true,
    });
    if (r.exitCode === 0)
        return r.stdout.toString('utf8').trim();
    if (r.exitCode === 1)
        return undefined;
    throw new NodeActionError(`cannot list processes on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(r.stderr)}`);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * How often a stop or start is checked: each check is one short command on the node, and every interval of
 * waiting here is the cluster standing still (the timeouts stay as they are).
 */
const POLL_MS = 100;
/** Polls until the program is gone (and its port closed), or fails after the timeout. */
async function waitUntilGone(session, program, options) {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
        const still = await isRunning(session, program, options.port);
        if (!still)
            return;
        if (options.signal?.aborted) {
            throw new NodeActionError(`stopped waiting for ${program} to stop on ${session.target}: ${options.signal.reason instanceof Error ? options.signal.reason.message : 'interrupted'}`);
        }
        if (Date.now() > deadline) {
            throw new NodeActionError(`${program} is still running on ${session.target} (${still}) ${Math.round(options.timeoutMs / 1000)}s after its manifest was moved out`, {
                hint: 'the kubelet may not be watching the static pod folder; stop the container by hand (crictl stop) and run again',
            });
        }
        await sleep(POLL_MS);
    }
}
async function waitUntilRunning(session, program, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await isRunning(session, program))
            return true;
        if (Date.now() > deadline)
            return false;
        await sleep(POLL_MS);
    }
}
const UNPACK = [
    'staging=$1 owner=$2 unpack=$3',
    'umask 077',
    'mkdir -m 0700 -- "$staging" || exit 70',
    'if tar "$unpack" -xf - -C "$staging" --no-same-owner && chown -R -- "$owner" "$staging" && chmod 0700 -- "$staging"; then exit 0; fi',
    // Only our own staging dir, which holds nothing but the copy being shipped.
    'rm -rf -- "$staging"',
    'exit 71',
].join('\n');
/**
 * Ships a local dir to the node as a tar stream on the command's stdin, packed with zstd or gzip (wire.ts; no
 * temp file on either side; etcd's 64 MB preallocated WAL compresses to almost nothing) and unpacks it into `staging`, which must not
 * exist, then makes it 0700 and owned by `owner`. A failed unpack removes the partial staging dir. Returns
 * the bytes sent (compressed).
 */
async function shipDir(session, localDir, staging, owner, log) {
    const codec = (await (0,_wire__WEBPACK_IMPORTED_MODULE_3__/* .wireCodecs */ .p7)(session)).tar;
    const tar = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('tar', ['-C', localDir, '-cf', '-', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let tarError = '';
    tar.stderr.on('data', (d) => {
        tarError += d.toString('utf8');
    });
    const tarDone = new Promise((resolve) => tar.on('close', resolve));
    let sent;
    try {
        sent = await (0,_wire__WEBPACK_IMPORTED_MODULE_3__/* .sendPacked */ .h$)(session, {
            source: tar.stdout,
            pack: codec.pack(),
            argv: ['sh', '-c', UNPACK, 'sh', staging, owner, codec.tarOption],
            label: `ship to ${session.target}, packed with ${codec.name}`,
            log,
        });
    }
    catch (error) {
        tar.kill();
        if (error instanceof _wire__WEBPACK_IMPORTED_MODULE_3__/* .LocalSendError */ .Y1)
            throw new NodeActionError(`cannot pack ${localDir}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(tarError) || error.message}`, {
                hint: 'nothing was changed on the cluster',
                cause: error.failure,
            });
        if (error instanceof _ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .SshCommandError */ .qu) {
            throw new NodeActionError(`cannot unpack the restored data into ${staging} on ${session.target}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(error.stderr) || `exit ${error.remoteExitCode}`}`, {
                hint: /space/i.test(error.stderr)
                    ? 'free space on the node (the restored data dir needs room next to the old one), then run again'
                    : 'nothing was changed on the cluster; check the node',
                cause: error,
            });
        }
        throw error;
    }
    const code = await tarDone;
    if (code !== 0)
        throw new NodeActionError(`cannot pack ${localDir}: ${(0,_ssh_errors__WEBPACK_IMPORTED_MODULE_2__/* .firstLine */ .TM)(tarError) || `tar exit ${code}`}`);
    return sent;
}


/***/ }),

/***/ 96937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ LocalSendError),
/* harmony export */   h$: () => (/* binding */ sendPacked),
/* harmony export */   p7: () => (/* binding */ wireCodecs)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_progress__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65365);




const ZSTD = {
    name: 'zstd',
    pack: () => (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createZstdCompress)({ chunkSize: 1 << 20, params: { [node_zlib__WEBPACK_IMPORTED_MODULE_2__.constants.ZSTD_c_compressionLevel]: 1 } }),
    unpack: 'zstd -dcq',
    tarOption: '--use-compress-program=zstd',
};
const GZIP = {
    name: 'gzip',
    pack: () => (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGzip)({ level: 1 }),
    unpack: 'gzip -dc',
    tarOption: '-z',
};
const PROBE = 'command -v zstd >/dev/null 2>&1 || exit 1; tar --version 2>/dev/null | grep -q "GNU tar" || exit 2';
const chosen = new WeakMap();
/** zstd where the node has it on root's PATH, else gzip; asked once per connection. */
function wireCodecs(session) {
    let codecs = chosen.get(session);
    if (!codecs) {
        codecs = session
            .exec(['sh', '-c', PROBE], { sudo: true })
            .then((r) => ({
            file: r.exitCode === 0 || r.exitCode === 2 ? ZSTD : GZIP,
            tar: r.exitCode === 0 ? ZSTD : GZIP,
        }))
            .catch(() => ({ file: GZIP, tar: GZIP }));
        chosen.set(session, codecs);
    }
    return codecs;
}
/** The local side of a packed send failed: reading the source or packing it. */
class LocalSendError extends Error {
    failure;
    constructor(failure) {
        super(failure.message, { cause: failure });
        this.failure = failure;
    }
}
/**
 * Streams `source` through `pack` into the stdin of `argv` run (with sudo) on the node, with progress, and
 * returns the packed bytes sent. If the local side fails, the remote command is stopped — it would otherwise
 * wait for the end of its input forever — and a LocalSendError is thrown; a failure of the command itself
 * (SshCommandError and the like) is thrown as it is.
 */
async function sendPacked(session, options) {
    const body = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    const meter = new _util_progress__WEBPACK_IMPORTED_MODULE_3__/* .ProgressMeter */ .Z3(options.label, (r) => options.log.info((0,_util_progress__WEBPACK_IMPORTED_MODULE_3__/* .formatProgress */ .Vu)(r)));
    const packing = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(options.source, meter, options.pack, body).catch((e) => e);
    // Counted once the pipe is in place, so this listener only watches what flows into body.
    let sent = 0;
    options.pack.on('data', (chunk) => {
        sent += chunk.length;
    });
    const { stdout, done } = await session.execStream(options.argv, { sudo: true, stdin: body });
    void packing.then((e) => {
        if (e instanceof Error)
            stdout.destroy(e);
    });
    try {
        await done;
    }
    catch (error) {
        body.destroy();
        const packed = await Promise.race([packing, Promise.resolve(undefined)]);
        throw packed instanceof Error ? new LocalSendError(packed) : error;
    }
    const packed = await packing;
    if (packed instanceof Error)
        throw new LocalSendError(packed);
    return sent;
}


/***/ }),

/***/ 26079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ SshJumpError),
/* harmony export */   $l: () => (/* binding */ SshCommandTimeoutError),
/* harmony export */   DZ: () => (/* binding */ SshError),
/* harmony export */   Fd: () => (/* binding */ SshConnectionLostError),
/* harmony export */   HX: () => (/* binding */ SshProtocolError),
/* harmony export */   I8: () => (/* binding */ SshKeyError),
/* harmony export */   Jj: () => (/* binding */ SshSudoDeniedError),
/* harmony export */   O3: () => (/* binding */ SshDnsError),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   Tn: () => (/* binding */ SshUnreachableError),
/* harmony export */   Y: () => (/* binding */ SshHostKeyUnknownError),
/* harmony export */   c5: () => (/* binding */ SshForwardError),
/* harmony export */   hd: () => (/* binding */ SshAuthError),
/* harmony export */   kg: () => (/* binding */ SshSudoPasswordRequiredError),
/* harmony export */   ms: () => (/* binding */ RemoteFileNotFoundError),
/* harmony export */   qu: () => (/* binding */ SshCommandError),
/* harmony export */   u2: () => (/* binding */ SshHostKeyMismatchError),
/* harmony export */   uz: () => (/* binding */ SshConnectTimeoutError)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** Exit code the CLI uses for every SSH failure, so scripts can tell "could not reach the node" apart. */
const SSH_EXIT_CODE = 3;
class SshError extends _errors__WEBPACK_IMPORTED_MODULE_0__/* .EtcdBackupError */ .Ld {
    code;
    /** `user@host:port` (or `host:port`) the failure is about. */
    target;
    constructor(code, target, what, options = {}) {
        super(`ssh ${target}: ${what}`, { ...options, exitCode: SSH_EXIT_CODE });
        this.code = code;
        this.target = target;
    }
}
class SshKeyError extends SshError {
    constructor(target, what, options = {}) {
        super('key-invalid', target, what, options);
    }
}
class SshAuthError extends SshError {
    constructor(target, methods, cause) {
        super('auth-failed', target, `authentication refused (tried ${methods})`, {
            hint: 'check the user name and that the key is in its authorized_keys (or the password is right)',
            cause,
        });
    }
}
class SshDnsError extends SshError {
    constructor(target, host, cause) {
        super('dns', target, `cannot resolve host name '${host}'`, {
            hint: 'check the host input for typos, or give an IP address',
            cause,
        });
    }
}
class SshUnreachableError extends SshError {
    constructor(target, reason, cause) {
        super('unreachable', target, `cannot connect (${reason})`, {
            hint: 'check the host and port, that sshd runs there, and that a firewall lets the runner in (or use a jump host)',
            cause,
        });
    }
}
class SshConnectTimeoutError extends SshError {
    constructor(target, timeoutMs, cause) {
        super('connect-timeout', target, `no SSH handshake within ${timeoutMs} ms`, {
            hint: 'the port may be filtered or not an SSH server; check the address, or raise the connect timeout',
            cause,
        });
    }
}
class SshHostKeyUnknownError extends SshError {
    presentedFingerprint;
    constructor(target, keyType, fingerprint, why) {
        super('host-key-unknown', target, `host key ${keyType} ${fingerprint} is not trusted (${why})`, {
            hint: `if this is the right host, pin it: host-key-fingerprint ${fingerprint} (or known_hosts content from ssh-keyscan); never turn checking off in production`,
        });
        this.presentedFingerprint = fingerprint;
    }
}
class SshHostKeyMismatchError extends SshError {
    /** Every key the server showed us (more than one when we asked for each key type in turn). */
    presented;
    expectedFingerprints;
    constructor(target, presented, expected) {
        const shown = presented.map((k) => `${k.keyType} ${k.fingerprint}`).join(', ');
        const types = presented.map((k) => k.keyType).join(' or ');
        super('host-key-mismatch', target, `HOST KEY MISMATCH: the server presented ${shown}, expected ${expected.join(' or ')}`, {
            hint: `someone may be intercepting the connection, or the host was reinstalled: verify the new key out of band before updating the pin (a pin must be of the server's ${types} key)`,
        });
        this.presented = presented;
        this.expectedFingerprints = expected;
    }
    get presentedFingerprint() {
        return this.presented[0]?.fingerprint ?? '';
    }
}
class SshJumpError extends SshError {
    constructor(target, via, reason, cause) {
        super('jump-failed', target, `the jump host ${via} could not open a connection to it (${reason})`, {
            hint: 'check that the target host and port are reachable from the jump host and that it allows TCP forwarding',
            cause,
        });
    }
}
class SshSudoPasswordRequiredError extends SshError {
    constructor(target, user) {
        super('sudo-password-required', target, `sudo needs a password for user '${user}'`, {
            hint: 'give the sudo password input, or allow this user passwordless sudo (NOPASSWD), or connect as root',
        });
    }
}
class SshSudoDeniedError extends SshError {
    constructor(target, user, detail) {
        super('sudo-denied', target, `sudo refused for user '${user}' (${detail})`, {
            hint: 'grant this user sudo on the node, check the sudo password, or connect as root',
        });
    }
}
class SshCommandTimeoutError extends SshError {
    constructor(target, command, timeoutMs) {
        super('command-timeout', target, `command '${command}' did not finish within ${timeoutMs} ms`, {
            hint: 'the command was stopped; raise the command timeout if the node is just slow',
        });
    }
}
class SshCommandError extends SshError {
    remoteExitCode;
    signalName;
    stderr;
    constructor(target, command, exit, signal, stderr) {
        const status = signal ? `was killed by ${signal}` : `exited with ${exit}`;
        const detail = firstLine(stderr);
        super('command-failed', target, `command '${command}' ${status}${detail ? `: ${detail}` : ''}`);
        this.remoteExitCode = exit;
        this.signalName = signal;
        this.stderr = stderr;
    }
}
class RemoteFileNotFoundError extends SshError {
    path;
    constructor(target, path) {
        super('file-not-found', target, `${path} does not exist on the node`);
        this.path = path;
    }
}
class SshConnectionLostError extends SshError {
    constructor(target, during, cause) {
        const reason = cause instanceof Error ? ` (${firstLine(cause.message)})` : '';
        super('connection-lost', target, `connection lost during ${during}${reason}`, {
            hint: 'the node or network dropped the SSH connection; check the node, then run again',
            cause,
        });
    }
}
class SshForwardError extends SshError {
    reason;
    constructor(target, destination, reason, cause) {
        super('forward-failed', target, `cannot forward to ${destination} (${reason})`, {
            hint: 'check that the address is listening on the node and that sshd allows TCP forwarding (AllowTcpForwarding)',
            cause,
        });
        this.reason = reason;
    }
}
class SshProtocolError extends SshError {
    constructor(target, reason, cause) {
        super('protocol', target, reason, { cause });
    }
}
function firstLine(text) {
    return (text
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line.length > 0) ?? '');
}


/***/ }),

/***/ 74883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v7: () => (/* reexport */ RemoteLockBusyError),
  Ng: () => (/* reexport */ connect),
  UV: () => (/* reexport */ withRemoteLock)
});

// UNUSED EXPORTS: RemoteFileNotFoundError, SshAuthError, SshCommandError, SshCommandTimeoutError, SshConnectTimeoutError, SshConnectionLostError, SshDnsError, SshError, SshForwardError, SshHostKeyMismatchError, SshHostKeyUnknownError, SshJumpError, SshKeyError, SshProtocolError, SshSession, SshSudoDeniedError, SshSudoPasswordRequiredError, SshUnreachableError, buildCommand, discardChannel, fingerprintOf, firstLine, knownHostsName, normalizeFingerprint, parseKnownHosts, quoteArg, targetName

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/ssh/channel.ts

/**
 * Closes an ssh2 channel for good. ssh2's own destroy() only sends EOF and CLOSE; the stream stays
 * readable, and data the server sent before it saw our CLOSE still gets pushed into it, which makes ssh2
 * send WINDOW_ADJUST for a channel we closed. The server may by then have given that channel's id to a
 * newly opened channel, which receives the extra window: the server sends more than ssh2 allows for and
 * ssh2 silently drops the excess (seen: a tunnel losing 1 MiB mid-stream after a probe channel was closed).
 * Destroying the stream itself makes those late pushes fail, so no adjust is ever sent for it.
 */
function discardChannel(channel) {
    if (channel.destroyed)
        return;
    channel.destroy();
    external_node_stream_.Duplex.prototype.destroy.call(channel);
}

// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/ssh/errors.ts
var ssh_errors = __webpack_require__(26079);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/shown.ts
var shown = __webpack_require__(98161);
;// CONCATENATED MODULE: ./src/ssh/host-keys.ts




/** `SHA256:` plus unpadded base64 of the SHA-256 of the key blob, exactly as OpenSSH prints it. */
function fingerprintOf(keyBlob) {
    return `SHA256:${(0,external_node_crypto_.createHash)('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}
/** The key type named inside an SSH public key blob (its first length-prefixed string). */
function keyTypeOf(keyBlob) {
    if (keyBlob.length < 4)
        return 'unknown';
    const length = keyBlob.readUInt32BE(0);
    if (length > 64 || 4 + length > keyBlob.length)
        return 'unknown';
    return keyBlob.subarray(4, 4 + length).toString('latin1');
}
/** Accepts `SHA256:abc…`, `sha256:abc…` or the bare base64, with or without `=` padding. */
function normalizeFingerprint(input) {
    const trimmed = input.trim();
    const match = /^(?:sha256:)?([A-Za-z0-9+/]{43})=?$/i.exec(trimmed);
    if (!match) {
        throw new errors/* InputError */.dz('host-key-fingerprint', `a SHA256 fingerprint like SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 (got ${(0,shown/* shown */.S)(trimmed)})`, { hint: 'print it on the node with: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' });
    }
    return `SHA256:${match[1]}`;
}
function parseKnownHosts(content) {
    const entries = [];
    const lines = content.split(/\r?\n/);
    lines.forEach((raw, index) => {
        const text = raw.trim();
        if (text === '' || text.startsWith('#'))
            return;
        const fields = text.split(/\s+/);
        let marker;
        if (fields[0]?.startsWith('@')) {
            const name = fields.shift();
            if (name === '@cert-authority')
                marker = 'cert-authority';
            else if (name === '@revoked')
                marker = 'revoked';
            else
                throw knownHostsError(index + 1, `unknown marker ${name}`);
        }
        const [hosts, keyType, keyBase64] = fields;
        if (!hosts || !keyType || !keyBase64)
            throw knownHostsError(index + 1, 'expected: hosts key-type base64-key');
        const key = Buffer.from(keyBase64, 'base64');
        if (key.length === 0 || keyTypeOf(key) !== keyType) {
            throw knownHostsError(index + 1, `the ${keyType} key is not valid base64 of a ${keyType} key`);
        }
        let hashed;
        let patterns = [];
        if (hosts.startsWith('|1|')) {
            const [, , salt, hash] = hosts.split('|');
            if (!salt || !hash)
                throw knownHostsError(index + 1, 'malformed hashed host name');
            hashed = { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
        }
        else {
            patterns = hosts.split(',').filter((p) => p.length > 0);
        }
        entries.push({ marker, patterns, hashed, keyType, key, line: index + 1 });
    });
    return entries;
}
function knownHostsError(line, what) {
    return new errors/* InputError */.dz('known-hosts', `known_hosts lines of the form 'host key-type key' (line ${line}: ${what})`, {
        hint: 'paste the output of ssh-keyscan -H <host>, or the matching lines of ~/.ssh/known_hosts',
    });
}
/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
function knownHostsName(host, port) {
    return port === 22 ? host : `[${host}]:${port}`;
}
function globMatches(pattern, name) {
    const regex = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*')
        .replaceAll('?', '.');
    return new RegExp(`^${regex}$`, 'i').test(name);
}
function entryMatchesHost(entry, host, port) {
    const name = knownHostsName(host, port);
    if (entry.hashed) {
        const digest = (0,external_node_crypto_.createHmac)('sha1', entry.hashed.salt).update(name).digest();
        return digest.length === entry.hashed.hash.length && (0,external_node_crypto_.timingSafeEqual)(digest, entry.hashed.hash);
    }
    let matched = false;
    for (const pattern of entry.patterns) {
        if (pattern.startsWith('!')) {
            if (globMatches(pattern.slice(1), name))
                return false;
        }
        else if (globMatches(pattern, name)) {
            matched = true;
        }
    }
    return matched;
}
const HOST_KEY_PREFERENCE = [
    'ssh-ed25519',
    'ecdsa-sha2-nistp256',
    'ecdsa-sha2-nistp384',
    'ecdsa-sha2-nistp521',
    'rsa-sha2-512',
    'rsa-sha2-256',
    'ssh-rsa',
];
/** Host key algorithms to offer so the server presents a key type we have pinned (as OpenSSH does). */
function hostKeyAlgorithmsFor(policy, host, port) {
    if (policy.insecureIgnoreHostKey || !policy.knownHosts)
        return undefined;
    const types = new Set(parseKnownHosts(policy.knownHosts)
        .filter((e) => e.marker === undefined && entryMatchesHost(e, host, port))
        .map((e) => e.keyType));
    if (types.size === 0 || (policy.fingerprints?.length ?? 0) > 0)
        return undefined;
    // In the client's own order of preference, so the strongest pinned type wins.
    return HOST_KEY_PREFERENCE.filter((algorithm) => types.has(algorithm.startsWith('rsa-sha2-') ? 'ssh-rsa' : algorithm));
}
/** Decides whether the key a server presented is the one the policy pins. */
function verifyHostKey(policy, target, host, port, keyBlob) {
    const fingerprint = fingerprintOf(keyBlob);
    const keyType = keyTypeOf(keyBlob);
    const pinnedFingerprints = (policy.fingerprints ?? []).map(normalizeFingerprint);
    const entries = policy.knownHosts
        ? parseKnownHosts(policy.knownHosts).filter((e) => entryMatchesHost(e, host, port))
        : [];
    if (entries.some((e) => e.marker === 'revoked' && e.key.equals(keyBlob))) {
        return {
            ok: false,
            error: new ssh_errors/* SshHostKeyMismatchError */.u2(target, [{ keyType, fingerprint: `${fingerprint} (marked @revoked)` }], ['a key that is not revoked']),
        };
    }
    if (pinnedFingerprints.includes(fingerprint))
        return { ok: true, fingerprint };
    const hostKeys = entries.filter((e) => e.marker === undefined);
    if (hostKeys.some((e) => e.key.equals(keyBlob)))
        return { ok: true, fingerprint };
    // A pin always wins over the opt-out: a mismatch against something the user pinned is never accepted.
    const expected = [...pinnedFingerprints, ...hostKeys.map((e) => fingerprintOf(e.key))];
    if (expected.length > 0) {
        return {
            ok: false,
            error: new ssh_errors/* SshHostKeyMismatchError */.u2(target, [{ keyType, fingerprint }], [...new Set(expected)]),
        };
    }
    if (policy.insecureIgnoreHostKey)
        return { ok: true, fingerprint };
    const why = policy.knownHosts
        ? `known_hosts has no entry for ${knownHostsName(host, port)}`
        : 'no host key pin was given';
    return { ok: false, error: new ssh_errors/* SshHostKeyUnknownError */.Y(target, keyType, fingerprint, why) };
}
function hasHostKeyPin(policy) {
    return (policy.fingerprints?.length ?? 0) > 0 || (policy.knownHosts?.trim().length ?? 0) > 0;
}

;// CONCATENATED MODULE: ./src/ssh/quote.ts
/**
 * Remote commands travel as one string that the user's login shell parses, so every argv element is wrapped
 * in single quotes (inside which POSIX shells interpret nothing) and each embedded single quote becomes
 * `'\''`. The remote side then sees exactly the argv we meant, whatever bytes it holds.
 */
function quoteArg(arg) {
    if (arg.includes('\0'))
        throw new TypeError('a command argument cannot contain a NUL byte');
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg))
        return arg;
    return `'${arg.replaceAll("'", `'\\''`)}'`;
}
function buildCommand(argv) {
    if (argv.length === 0)
        throw new TypeError('a command needs at least one argument');
    return argv.map(quoteArg).join(' ');
}
/** A short, log-safe rendering of a command for error messages: the first few words, never stdin. */
function describeCommand(argv) {
    const shown = argv.slice(0, 4).join(' ');
    const text = argv.length > 4 ? `${shown} …` : shown;
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

;// CONCATENATED MODULE: ./src/ssh/sudo.ts


/**
 * The words put in front of a command to run it as root. With a password, `-k` makes sudo ask every time, so
 * the password line we write to stdin is always consumed by sudo and never reaches the command; `-p ''` keeps
 * the prompt out of stderr. The password itself never appears on a command line.
 */
function sudoPrefix(mode) {
    switch (mode) {
        case 'root':
            return [];
        case 'nopasswd':
            return ['sudo', '-n', '--'];
        case 'password':
            return ['sudo', '-k', '-S', '-p', '', '--'];
    }
}
/**
 * Finds out once per session how to become root, so the first real command does not fail halfway with a sudo
 * message mixed into its output (and a first-use sudo lecture is absorbed here).
 */
async function probeSudo(session, username, password) {
    if (username === 'root')
        return 'root';
    const run = async (argv, withPassword) => {
        const { done } = await session.startRaw(buildCommand(['env', 'LC_ALL=C', ...argv]), 'sudo check', undefined, withPassword, 30_000);
        return done.then((r) => ({ ok: true, stderr: r.stderr, exitCode: r.exitCode }), (error) => {
            const e = error;
            if (e.stderr === undefined)
                throw error;
            return { ok: false, stderr: e.stderr, exitCode: e.remoteExitCode ?? null };
        });
    };
    const passwordless = await run(['sudo', '-n', 'true'], undefined);
    if (passwordless.ok)
        return 'nopasswd';
    if (passwordless.exitCode === 127) {
        throw new ssh_errors/* SshSudoDeniedError */.Jj(session.target, username, 'sudo is not installed on the node');
    }
    const needsPassword = /password is required|a terminal is required/i.test(passwordless.stderr);
    if (!needsPassword) {
        throw new ssh_errors/* SshSudoDeniedError */.Jj(session.target, username, describeSudoRefusal(passwordless.stderr));
    }
    if (password === undefined)
        throw new ssh_errors/* SshSudoPasswordRequiredError */.kg(session.target, username);
    const withPassword = await run(sudoPrefix('password').concat(['true']), password);
    if (withPassword.ok)
        return 'password';
    throw new ssh_errors/* SshSudoDeniedError */.Jj(session.target, username, describeSudoRefusal(withPassword.stderr));
}
function describeSudoRefusal(stderr) {
    if (/incorrect password|try again|no password was provided/i.test(stderr))
        return 'the sudo password was not accepted';
    if (/not in the sudoers|not allowed to/i.test(stderr))
        return 'the user may not use sudo';
    const line = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/unable to resolve host/i.test(l))
        .join(' ');
    return (0,ssh_errors/* firstLine */.TM)(line) || 'sudo failed';
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/ssh/tunnel.ts


/**
 * Listens on 127.0.0.1:<free port>; each accepted connection becomes one forwarded channel to the remote
 * address. noDelay on the local socket matters: gRPC's small frames would otherwise wait on Nagle.
 */
function openTunnel(session, remoteHost, remotePort) {
    const sockets = new Set();
    // allowHalfOpen: a client that stops sending still gets everything the remote side has left to send.
    const server = (0,external_node_net_.createServer)({ allowHalfOpen: true }, (socket) => {
        socket.setNoDelay(true);
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.pause();
        session.forwardOut(remoteHost, remotePort).then((channel) => {
            if (socket.destroyed) {
                discardChannel(channel);
                return;
            }
            // Ends travel through the pipes (so buffered bytes are flushed first); only failures cut the other side.
            let channelEnded = false;
            channel.on('end', () => {
                channelEnded = true;
            });
            socket.pipe(channel).pipe(socket);
            channel.on('error', () => socket.destroy());
            channel.on('close', () => {
                if (!channelEnded)
                    socket.destroy();
            });
            socket.on('error', () => discardChannel(channel));
            socket.on('close', () => discardChannel(channel));
            socket.resume();
        }, () => socket.destroy());
    });
    let resolveClosed = () => { };
    const closed = new Promise((resolve) => {
        resolveClosed = resolve;
    });
    server.on('close', () => resolveClosed());
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            if (address === null || typeof address === 'string') {
                reject(new Error('the tunnel listener has no TCP address'));
                return;
            }
            const port = address.port;
            resolve({
                host: '127.0.0.1',
                port,
                address: `127.0.0.1:${port}`,
                remote: `${remoteHost}:${remotePort}`,
                closed,
                close: () => {
                    if (server.listening)
                        server.close();
                    for (const socket of sockets)
                        socket.destroy();
                    return closed;
                },
            });
        });
    });
}

;// CONCATENATED MODULE: ./src/ssh/session.ts






const MAX_STDERR_BYTES = 64 * 1024;
/*
 * Closing the channel on a timeout does not stop the remote process (there is no pty to hang up), and an SSH
 * "signal" request is sent with the login user's rights, so it cannot reach a command run through sudo. So a
 * command with a deadline also gets one on the node: timeout(1), under the same sudo, kills it (and its
 * process group) a second after ours fires. Where timeout(1) is missing the command runs as is.
 */
const DEADLINE_WRAPPER = 'if command -v timeout >/dev/null 2>&1; then exec timeout -s KILL "$0" "$@"; else exec "$@"; fi';
function withRemoteDeadline(argv, timeoutMs) {
    return ['sh', '-c', DEADLINE_WRAPPER, String(Math.ceil(timeoutMs / 1000) + 1), ...argv];
}
/** A live SSH connection to one node; every remote action of the project goes through it. */
class SshSession {
    target;
    username;
    /** SHA256 fingerprint of the host key the server proved it holds. */
    hostKeyFingerprint;
    client;
    bastion;
    sudoPassword;
    commandTimeoutMs;
    /** Commands running now: how to fail each, keyed by what it is called in messages. */
    inFlight = new Map();
    tunnels = new Set();
    sudoModeProbe;
    lost;
    closing = false;
    constructor(parts) {
        this.client = parts.client;
        this.bastion = parts.bastion;
        this.target = parts.target;
        this.username = parts.username;
        this.hostKeyFingerprint = parts.hostKeyFingerprint;
        this.sudoPassword = parts.sudoPassword;
        this.commandTimeoutMs = parts.commandTimeoutMs;
        const onLost = (error) => {
            if (this.lost)
                return;
            this.lost =
                error ?? new Error(this.closing ? 'the session was closed' : 'the server closed the connection');
            for (const [abort, label] of this.inFlight) {
                abort(new ssh_errors/* SshConnectionLostError */.Fd(this.target, `'${label}'`, this.lost));
            }
            this.inFlight.clear();
            for (const tunnel of this.tunnels)
                void tunnel.close();
        };
        this.client.on('error', (error) => onLost(error));
        this.client.on('close', () => onLost());
        this.bastion?.on('error', (error) => onLost(error));
        this.bastion?.on('close', () => onLost());
    }
    get isOpen() {
        return this.lost === undefined;
    }
    /** How this session gets root: already root, passwordless sudo, or sudo with the given password. */
    sudoMode() {
        this.sudoModeProbe ??= probeSudo(this, this.username, this.sudoPassword);
        return this.sudoModeProbe;
    }
    /** Runs argv on the node (each element quoted; nothing is interpolated) and collects its output. */
    async exec(argv, options = {}) {
        const { stdout, done } = await this.start(argv, options, options.timeoutMs ?? this.commandTimeoutMs);
        const maxStdout = options.maxStdoutBytes ?? 64 * 1024 * 1024;
        const chunks = [];
        let size = 0;
        const collected = new Promise((resolve, reject) => {
            stdout.on('data', (chunk) => {
                size += chunk.length;
                if (size > maxStdout) {
                    stdout.destroy(new ssh_errors/* SshProtocolError */.HX(this.target, `command '${describeCommand(argv)}' wrote more than ${maxStdout} bytes`));
                    return;
                }
                chunks.push(chunk);
            });
            stdout.on('end', resolve);
            stdout.on('error', reject);
        });
        let result;
        try {
            [result] = await Promise.all([done, collected]);
        }
        catch (error) {
            if (error instanceof ssh_errors/* SshCommandError */.qu && !options.check) {
                return {
                    stdout: Buffer.concat(chunks),
                    stderr: error.stderr,
                    exitCode: error.remoteExitCode,
                    signal: error.signalName,
                };
            }
            throw error;
        }
        return { ...result, stdout: Buffer.concat(chunks) };
    }
    /** Like exec, but streams stdout (for big files) and fails the stream on a non-zero exit. */
    async execStream(argv, options = {}) {
        return this.start(argv, options, options.timeoutMs);
    }
    /** Reads a (small) file into memory: certificates and keys are never written to disk. */
    async readFile(path, options = {}) {
        const result = await this.exec(['sh', '-c', '[ -e "$1" ] || exit 66; exec cat -- "$1"', 'sh', path], {
            sudo: options.sudo,
            maxStdoutBytes: options.maxBytes ?? 16 * 1024 * 1024,
        });
        if (result.exitCode === 66)
            throw new ssh_errors/* RemoteFileNotFoundError */.ms(this.target, path);
        if (result.exitCode !== 0) {
            throw new ssh_errors/* SshCommandError */.qu(this.target, `cat ${path}`, result.exitCode, result.signal, result.stderr);
        }
        return result.stdout;
    }
    /** A raw TCP connection from the node to host:port, carried inside the SSH connection. */
    forwardOut(host, port) {
        if (this.lost)
            return Promise.reject(new ssh_errors/* SshConnectionLostError */.Fd(this.target, 'port forwarding', this.lost));
        return new Promise((resolve, reject) => {
            this.client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => {
                if (error) {
                    const reason = (0,ssh_errors/* firstLine */.TM)(error.message).replace(/^\(SSH\) Channel open failure: /, '');
                    reject(new ssh_errors/* SshForwardError */.c5(this.target, `${host}:${port}`, reason || 'refused', error));
                }
                else {
                    resolve(channel);
                }
            });
        });
    }
    /**
     * A listener on 127.0.0.1:<free port> whose connections are forwarded to remoteHost:remotePort on the node
     * (for gRPC clients that want an address). It is checked once before being returned and closes with the
     * session.
     */
    async openTunnel(remoteHost, remotePort) {
        discardChannel(await this.forwardOut(remoteHost, remotePort));
        const tunnel = await openTunnel(this, remoteHost, remotePort);
        this.tunnels.add(tunnel);
        tunnel.closed.finally(() => this.tunnels.delete(tunnel));
        return tunnel;
    }
    async close() {
        this.closing = true;
        await Promise.all([...this.tunnels].map((t) => t.close()));
        if (this.lost)
            return;
        const closed = new Promise((resolve) => this.client.once('close', () => resolve()));
        this.client.end();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
        this.bastion?.end();
    }
    async start(argv, options, timeoutMs) {
        const command = buildCommand(timeoutMs ? withRemoteDeadline(argv, timeoutMs) : argv);
        let prefix = [];
        let password;
        if (options.sudo) {
            const mode = await this.sudoMode();
            prefix = sudoPrefix(mode);
            if (mode === 'password')
                password = this.sudoPassword;
        }
        const full = prefix.length > 0 ? `${buildCommand(prefix)} ${command}` : command;
        return this.startRaw(full, describeCommand(argv), options.stdin, password, timeoutMs);
    }
    /** Runs an already-quoted command line. Only this module and sudo probing build those. */
    startRaw(commandLine, label, stdin, sudoPassword, timeoutMs) {
        if (this.lost)
            return Promise.reject(new ssh_errors/* SshConnectionLostError */.Fd(this.target, `'${label}'`, this.lost));
        return new Promise((resolveStart, rejectStart) => {
            this.client.exec(commandLine, (error, channel) => {
                if (error) {
                    rejectStart(this.lost
                        ? new ssh_errors/* SshConnectionLostError */.Fd(this.target, `'${label}'`, this.lost)
                        : new ssh_errors/* SshProtocolError */.HX(this.target, `cannot start '${label}': ${(0,ssh_errors/* firstLine */.TM)(error.message)}`, error));
                    return;
                }
                resolveStart(this.track(channel, label, stdin, sudoPassword, timeoutMs));
            });
        });
    }
    track(channel, label, stdin, sudoPassword, timeoutMs) {
        const stdout = new external_node_stream_.PassThrough();
        let stderr = '';
        let exitCode = null;
        let signal;
        let failure;
        let timer;
        let channelClosed = false;
        channel.stderr.on('data', (chunk) => {
            if (stderr.length < MAX_STDERR_BYTES)
                stderr += chunk.toString('utf8');
        });
        let exited = false;
        let outputEnded = false;
        let closeGrace;
        // Once the command has exited and all its output has arrived, the channel's CLOSE is a formality; seen
        // under heavy load, it can fail to surface, and a stream must not then wait forever for it.
        const closeSoon = () => {
            if (exited && outputEnded && !channelClosed && !closeGrace) {
                closeGrace = setTimeout(() => channel.emit('close'), 2000);
                closeGrace.unref();
            }
        };
        channel.on('exit', (code, signalName) => {
            exitCode = code;
            signal = signalName ?? undefined;
            exited = true;
            closeSoon();
        });
        channel.on('end', () => {
            outputEnded = true;
            closeSoon();
        });
        channel.pipe(stdout, { end: false });
        const done = new Promise((resolve, reject) => {
            const abort = (error) => {
                if (failure)
                    return;
                failure = error;
                channel.unpipe(stdout);
                stdout.destroy(error);
                discardChannel(channel);
                reject(error);
            };
            this.inFlight.set(abort, label);
            if (timeoutMs !== undefined && timeoutMs > 0) {
                timer = setTimeout(() => {
                    try {
                        channel.signal('KILL');
                    }
                    catch {
                        // an old server may not take signals; closing the channel below still ends the session
                    }
                    abort(new ssh_errors/* SshCommandTimeoutError */.$l(this.target, label, timeoutMs));
                }, timeoutMs);
            }
            // A reader that gives up (destroys stdout, or exec's size cap) must not leave the command blocked on a
            // full window forever: stop it and fail.
            stdout.on('close', () => {
                if (!channelClosed && !failure) {
                    const why = stdout.errored instanceof Error ? stdout.errored : undefined;
                    abort(why instanceof ssh_errors/* SshError */.DZ
                        ? why
                        : new ssh_errors/* SshProtocolError */.HX(this.target, `stopped '${label}': its output was no longer read`));
                }
            });
            channel.on('close', () => {
                if (channelClosed)
                    return;
                channelClosed = true;
                clearTimeout(timer);
                clearTimeout(closeGrace);
                this.inFlight.delete(abort);
                if (failure)
                    return;
                if (this.lost) {
                    abort(new ssh_errors/* SshConnectionLostError */.Fd(this.target, `'${label}'`, this.lost));
                    return;
                }
                const result = { stderr, exitCode, signal };
                if (exitCode === 0) {
                    stdout.end();
                    resolve(result);
                }
                else {
                    const error = new ssh_errors/* SshCommandError */.qu(this.target, label, exitCode, signal, stderr);
                    failure = error;
                    stdout.destroy(error);
                    reject(error);
                }
            });
        });
        // The caller may watch only one of the two; the failure reaches both, and neither may go unhandled.
        done.catch(() => { });
        stdout.on('error', () => { });
        if (sudoPassword !== undefined)
            channel.write(`${sudoPassword}\n`);
        if (stdin === undefined)
            channel.end();
        else if (typeof stdin === 'string' || Buffer.isBuffer(stdin))
            channel.end(stdin);
        else
            stdin.pipe(channel);
        return { stdout, done };
    }
}

;// CONCATENATED MODULE: ./src/ssh/connect.ts





const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const DEFAULT_KEEPALIVE_MS = 10_000;
const DEFAULT_KEEPALIVE_COUNT = 3;
function targetName(endpoint) {
    const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
    return `${endpoint.username}@${host}:${endpoint.port ?? 22}`;
}
/**
 * A bastion that cannot be reached is the jump host's problem, not the target's: say so, instead of the
 * direct-connection advice (which even suggests a jump host).
 */
function asJumpHostError(error, target) {
    if (!(error instanceof ssh_errors/* SshError */.DZ))
        return error;
    if (error.code !== 'unreachable' && error.code !== 'connect-timeout' && error.code !== 'dns')
        return error;
    return new ssh_errors/* SshError */.DZ(error.code, error.target, `${error.message.replace(/^ssh \S+: /, '')} (the jump host for ${target})`, {
        hint: 'check that the jump host is up, that sshd runs there and that the runner can reach it, then run again',
        cause: error,
    });
}
/** Opens an authenticated, host-key-checked SSH connection (through a jump host if given). */
async function connect(options) {
    const warn = options.warn ?? ((message) => process.stderr.write(`warning: ${message}\n`));
    let bastion;
    if (options.jump) {
        bastion = await openPinned(options.jump, options, async () => undefined, warn).catch((error) => {
            throw asJumpHostError(error, targetName(options));
        });
    }
    try {
        const target = await openPinned(options, options, async () => (bastion ? hop(bastion, options) : undefined), warn);
        return new SshSession({
            client: target.client,
            bastion: bastion?.client,
            target: targetName(options),
            username: options.username,
            hostKeyFingerprint: target.fingerprint,
            sudoPassword: options.sudoPassword,
            commandTimeoutMs: options.commandTimeoutMs ?? 10 * 60_000,
        });
    }
    catch (error) {
        bastion?.client.end();
        throw error;
    }
}
/** Host key algorithm families, strongest first: a server has at most one key of each. */
const KEY_FAMILIES = [
    ['ssh-ed25519'],
    ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'],
    ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
];
function familyOf(keyType) {
    const algorithm = keyType === 'ssh-rsa' ? 'rsa-sha2-512' : keyType;
    return KEY_FAMILIES.find((family) => family.includes(algorithm));
}
/**
 * A server has one key per type and shows the one of the first type both sides know. A fingerprint pin does
 * not say its type, so when the key shown does not match, ask again for each remaining type before calling
 * it a mismatch: a user who pinned the server's RSA key (say, from ssh-keyscan) is not under attack.
 * Only a key that matches a pin is ever accepted.
 */
async function openPinned(endpoint, options, makeSock, warn) {
    const mayProbe = !endpoint.hostKeyAlgorithms && (endpoint.hostKey.fingerprints?.length ?? 0) > 0;
    let algorithms = endpoint.hostKeyAlgorithms;
    let mismatch;
    const presented = [];
    for (;;) {
        try {
            const sock = await makeSock();
            return await openClient({ ...endpoint, hostKeyAlgorithms: algorithms }, options, sock, mismatch ? () => { } : warn);
        }
        catch (error) {
            if (!(error instanceof ssh_errors/* SshHostKeyMismatchError */.u2) || !mayProbe) {
                // A server without a key of the asked-for types fails the key exchange: the mismatch stands.
                if (mismatch && error instanceof ssh_errors/* SshProtocolError */.HX) {
                    throw new ssh_errors/* SshHostKeyMismatchError */.u2(mismatch.target, presented, mismatch.expectedFingerprints);
                }
                throw error;
            }
            mismatch ??= error;
            presented.push(...error.presented);
            const tried = new Set(presented.flatMap((k) => familyOf(k.keyType) ?? [k.keyType]));
            const remaining = KEY_FAMILIES.flat().filter((algorithm) => !tried.has(algorithm));
            if (remaining.length === 0 || presented.length >= KEY_FAMILIES.length) {
                throw new ssh_errors/* SshHostKeyMismatchError */.u2(error.target, presented, error.expectedFingerprints);
            }
            algorithms = remaining;
        }
    }
}
function hop(bastion, options) {
    const port = options.port ?? 22;
    return new Promise((resolve, reject) => {
        bastion.client.forwardOut('127.0.0.1', 0, options.host, port, (error, channel) => {
            if (error) {
                bastion.client.end();
                reject(new ssh_errors/* SshJumpError */.$7(targetName(options), bastion.target, (0,ssh_errors/* firstLine */.TM)(error.message), error));
            }
            else {
                resolve(channel);
            }
        });
    });
}
function readKey(endpoint, target) {
    if (endpoint.privateKey === undefined || endpoint.privateKey.length === 0)
        return undefined;
    const parsed = lib_default().utils.parseKey(endpoint.privateKey, endpoint.passphrase);
    if (!(parsed instanceof Error) && !parsed.isPrivateKey()) {
        throw new ssh_errors/* SshKeyError */.I8(target, 'the private key input holds a public key', {
            hint: 'give the private key file (the one without .pub), including its BEGIN/END lines',
        });
    }
    if (parsed instanceof Error) {
        const encrypted = /encrypted|passphrase|decrypt|bad decrypt/i.test(parsed.message);
        const text = endpoint.privateKey.toString();
        const notKeyText = !text.includes('-----BEGIN');
        throw new ssh_errors/* SshKeyError */.I8(target, `the private key cannot be read: ${(0,ssh_errors/* firstLine */.TM)(parsed.message)}`, {
            hint: encrypted
                ? 'give the right passphrase for the key'
                : notKeyText
                    ? 'the private key input must hold the key itself (the text from -----BEGIN to -----END), not a file name'
                    : 'give an OpenSSH or PEM private key (ed25519, ecdsa or rsa), the whole file including its BEGIN/END lines',
            cause: parsed,
        });
    }
    return endpoint.privateKey;
}
function openClient(endpoint, options, sock, warn) {
    const target = targetName(endpoint);
    const port = endpoint.port ?? 22;
    if (!endpoint.host)
        throw new errors/* InputError */.dz('host', 'a host name or IP address');
    if (!endpoint.username)
        throw new errors/* InputError */.dz('username', 'a user name to log in as');
    const privateKey = readKey(endpoint, target);
    if (privateKey === undefined && endpoint.password === undefined) {
        throw new errors/* InputError */.dz('private-key', `a private key or a password to log in to ${target}`);
    }
    if (endpoint.hostKey.insecureIgnoreHostKey && !hasHostKeyPin(endpoint.hostKey)) {
        warn(`host key checking is OFF for ${target}: anyone on the network path can impersonate it and read the etcd data; pin the host key instead`);
    }
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
        const client = new (lib_default()).Client();
        let verdictError;
        let fingerprint = '';
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            client.end();
            sock?.destroy();
            reject(error);
        };
        const serverHostKey = endpoint.hostKeyAlgorithms ?? hostKeyAlgorithmsFor(endpoint.hostKey, endpoint.host, port);
        const config = {
            host: endpoint.host,
            port,
            username: endpoint.username,
            readyTimeout: connectTimeoutMs,
            keepaliveInterval: options.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_MS,
            keepaliveCountMax: options.keepaliveCountMax ?? DEFAULT_KEEPALIVE_COUNT,
            tryKeyboard: false,
            hostVerifier: (key) => {
                const verdict = verifyHostKey(endpoint.hostKey, target, endpoint.host, port, key);
                if (verdict.ok) {
                    fingerprint = verdict.fingerprint;
                    return true;
                }
                verdictError = verdict.error;
                return false;
            },
        };
        if (serverHostKey)
            config.algorithms = { serverHostKey: serverHostKey };
        if (privateKey !== undefined) {
            config.privateKey = privateKey;
            if (endpoint.passphrase !== undefined)
                config.passphrase = endpoint.passphrase;
        }
        if (endpoint.password !== undefined)
            config.password = endpoint.password;
        if (sock)
            config.sock = sock;
        client.on('ready', () => {
            if (settled)
                return;
            settled = true;
            client.setNoDelay(true);
            resolve({ client, fingerprint, target });
        });
        client.on('error', (error) => {
            if (!settled) {
                fail(verdictError ?? classifyConnectError(error, endpoint, target, connectTimeoutMs));
            }
        });
        client.on('close', () => {
            if (!settled) {
                fail(verdictError ??
                    new ssh_errors/* SshConnectionLostError */.Fd(target, 'connect', new Error('the server closed the connection')));
            }
        });
        try {
            client.connect(config);
        }
        catch (error) {
            fail(new ssh_errors/* SshProtocolError */.HX(target, `cannot start the connection: ${(0,ssh_errors/* firstLine */.TM)(String(error))}`, error));
        }
    });
}
const SOCKET_REASONS = {
    ECONNREFUSED: 'connection refused',
    EHOSTUNREACH: 'no route to host',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'TCP connect timed out',
    ECONNRESET: 'connection reset by the server',
    EPIPE: 'connection reset by the server',
    EADDRNOTAVAIL: 'address not available',
};
/** Maps what ssh2 and the socket report while connecting to one distinct, actionable error. */
function classifyConnectError(error, endpoint, target, connectTimeoutMs) {
    if (error.level === 'client-authentication') {
        const methods = [
            endpoint.privateKey ? 'publickey' : '',
            endpoint.password !== undefined ? 'password' : '',
        ]
            .filter(Boolean)
            .join(', ');
        return new ssh_errors/* SshAuthError */.hd(target, methods || 'none', error);
    }
    if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'EAI_NONAME') {
        return new ssh_errors/* SshDnsError */.O3(target, endpoint.host, error);
    }
    if (error.level === 'client-dns')
        return new ssh_errors/* SshDnsError */.O3(target, endpoint.host, error);
    if (error.code && SOCKET_REASONS[error.code]) {
        return new ssh_errors/* SshUnreachableError */.Tn(target, SOCKET_REASONS[error.code], error);
    }
    if (error.level === 'client-timeout' && /handshake/i.test(error.message)) {
        return new ssh_errors/* SshConnectTimeoutError */.uz(target, connectTimeoutMs, error);
    }
    if (error.level === 'client-timeout')
        return new ssh_errors/* SshConnectionLostError */.Fd(target, 'connect', error);
    return new ssh_errors/* SshProtocolError */.HX(target, `connection failed: ${(0,ssh_errors/* firstLine */.TM)(error.message)}`, error);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/ssh/lock.ts




class RemoteLockBusyError extends ssh_errors/* SshError */.DZ {
    constructor(target, name, holder) {
        super('lock-busy', target, `lock '${name}' is held by another run${holder ? ` (${holder})` : ''}`, {
            hint: 'another backup or restore of this cluster is running; wait for it (or use a concurrency group), then run again',
        });
    }
}
/*
 * The lock is flock(1) on /run/lock/etcd-backup-<name>.lock, held by a remote shell that sits reading its
 * stdin for as long as we keep the channel open. The kernel drops the lock when that process exits, which
 * happens when we close the channel, when the SSH connection dies or when the node reboots (/run is tmpfs).
 * So there is no stale-lock rule to get wrong, unlike a mkdir lock that a crashed runner leaves behind and
 * that must be broken by age (which would also break a slow but live backup).
 * The lock file is never removed: removing it would let a waiter lock an unlinked inode.
 */
const LOCK_SCRIPT = [
    'd=/tmp; for c in /run/lock /var/lock; do if [ -d "$c" ] && [ -w "$c" ]; then d=$c; break; fi; done',
    'f="$d/etcd-backup-$1.lock"',
    'exec 9>>"$f" || exit 71',
    'if [ "$3" = 0 ]; then flock -n 9; else flock -w "$3" 9; fi',
    'rc=$?; if [ $rc -ne 0 ]; then [ $rc -eq 127 ] && exit 127; cat "$f" >&2; exit 75; fi',
    'printf "%s\\n" "$2" >"$f"',
    'printf "locked %s\\n" "$f"',
    'exec cat >/dev/null',
].join('\n');
const LOCK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/**
 * Runs fn while holding a node-wide lock, so two backups (or a backup and a restore) of one cluster never
 * overlap. fn gets a signal that aborts if the lock is lost (the SSH connection dropped).
 */
async function withRemoteLock(session, name, fn, options = {}) {
    if (!LOCK_NAME.test(name)) {
        throw new errors/* InputError */.dz('lock name', 'letters, digits, dot, dash and underscore (up to 100)');
    }
    const waitSeconds = Math.max(0, Math.ceil(options.waitSeconds ?? 0));
    const holder = options.holder ??
        [
            `runner ${(0,external_node_os_.hostname)()} pid ${process.pid}`,
            process.env.GITHUB_RUN_ID ? `run ${process.env.GITHUB_RUN_ID}` : '',
            `since ${new Date().toISOString()}`,
        ]
            .filter(Boolean)
            .join(', ');
    const input = new external_node_stream_.PassThrough();
    const { stdout, done } = await session.execStream(['sh', '-c', LOCK_SCRIPT, 'sh', name, holder, String(waitSeconds)], {
        sudo: options.sudo ?? true,
        stdin: input,
    });
    const lost = new AbortController();
    let released = false;
    const acquired = new Promise((resolve, reject) => {
        let text = '';
        stdout.on('data', (chunk) => {
            text += chunk.toString('utf8');
            if (text.includes('\n'))
                resolve();
        });
        stdout.on('error', () => { });
        done.then(() => reject(new ssh_errors/* SshError */.DZ('protocol', session.target, `lock '${name}' ended before it was taken`)), (error) => {
            const e = error;
            if (e.remoteExitCode === 75)
                reject(new RemoteLockBusyError(session.target, name, (0,ssh_errors/* firstLine */.TM)(e.stderr ?? '')));
            else if (e.remoteExitCode === 127) {
                reject(new ssh_errors/* SshError */.DZ('command-failed', session.target, 'flock is not installed on the node', {
                    hint: 'install util-linux on the node (it provides flock)',
                    cause: error,
                }));
            }
            else
                reject(error);
        });
    });
    await acquired;
    done.then(() => {
        if (!released)
            lost.abort(new ssh_errors/* SshError */.DZ('protocol', session.target, `lock '${name}' was released early`));
    }, (error) => {
        if (!released)
            lost.abort(error);
    });
    try {
        return await fn(lost.signal);
    }
    finally {
        released = true;
        input.end();
        await Promise.race([done.catch(() => { }), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }
}

;// CONCATENATED MODULE: ./src/ssh/index.ts









/***/ })

};
