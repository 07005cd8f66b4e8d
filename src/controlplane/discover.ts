import { posix } from 'node:path';
import { EtcdBackupError, errorLine, InputError } from '../errors';
import { optionName } from '../options/naming';
import { shown } from '../util/shown';
import { DiscoveryError, OVERRIDE_INPUTS } from './errors';
import { parseFlags, splitList } from './flags';
import {
  DEFAULT_KUBELET_CONFIG,
  DEFAULT_STATIC_POD_PATH,
  findEtcdProcess,
  findKubeletProcess,
  type ProcessArgv,
  parseKubeletConfig,
} from './kubelet';
import {
  apiServerContainer,
  type Container,
  etcdContainer,
  hostPathOf,
  parseStaticPod,
  type StaticPod,
  versionFromImage,
} from './static-pod';

/** What discovery reads on the node. The SSH implementation is in remote.ts; tests may lay out a tree. */
export interface NodeFiles {
  /** File content, or undefined when the file does not exist. */
  readText(path: string): Promise<string | undefined>;
  /** Names of the regular files in a folder, or undefined when the folder does not exist. */
  listFiles(path: string): Promise<string[] | undefined>;
  /** The subset of paths that exist. */
  existing(paths: readonly string[]): Promise<Set<string>>;
  /** argv of every running process. */
  processes(): Promise<ProcessArgv[]>;
}

/** Explicit inputs; each one replaces what discovery would find. */
export interface DiscoveryOverrides {
  kubeletConfigPath?: string;
  staticPodPath?: string;
  etcdManifestPath?: string;
  clientUrl?: string;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  dataDir?: string;
  memberName?: string;
}

export type CertSource = 'input' | 'apiserver-etcd-client' | 'healthcheck-client' | 'server';

export interface EtcdFacts {
  /** How etcd runs here: a static pod, a plain process (systemd), or somewhere else (external). */
  runsAs: 'static-pod' | 'process' | 'external';
  name: string | undefined;
  /** The URL to reach etcd from the node: a loopback listen URL when there is one. */
  clientUrl: string;
  listenClientUrls: string[];
  advertiseClientUrls: string[];
  peerUrls: string[];
  initialCluster: string | undefined;
  initialClusterState: string | undefined;
  /** --data-dir as etcd sees it (inside the container for a static pod). */
  dataDir: string | undefined;
  /** The same folder on the host (through the etcd-data hostPath volume). */
  dataHostPath: string | undefined;
  /** Host paths of the client TLS files. */
  certs: { ca: string; cert: string; key: string; source: CertSource } | undefined;
  image: string | undefined;
  version: string | undefined;
  /** Every flag etcd was started with (restore rewrites some of them). */
  flags: Record<string, string>;
}

export interface StaticPodSummary {
  path: string;
  name: string | undefined;
  /** The `component` label (etcd, kube-apiserver, kube-controller-manager, kube-scheduler) if set. */
  component: string | undefined;
}

export interface ControlPlane {
  staticPodPath: string | undefined;
  /** Every static pod manifest read, so restore can stop and restart the whole control plane. */
  staticPods: StaticPodSummary[];
  etcdManifestPath: string | undefined;
  etcd: EtcdFacts;
  apiServer: { manifestPath: string; etcdServers: string[]; advertiseAddress?: string } | undefined;
  kubeletConfigPath: string | undefined;
  warnings: string[];
}

const KUBEADM_PKI = '/etc/kubernetes/pki';
/** etcd's own config keys that can also come from ETCD_* environment variables. */
const ETCD_ENV_PREFIX = 'ETCD_';

/** Reads the node the way a careful operator would: kubelet → static pods → etcd and kube-apiserver. */
export async function discoverControlPlane(
  node: NodeFiles,
  overrides: DiscoveryOverrides = {},
): Promise<ControlPlane> {
  validateOverrides(overrides);
  const warnings: string[] = [];
  const processes = await listProcesses(node, warnings);

  const kubelet = await locateStaticPods(node, overrides, processes, warnings);
  const pods = await readStaticPods(node, kubelet.staticPodPath, overrides, warnings);

  const etcdPod = pods.parsed.find((p) => etcdContainer(p) !== undefined);
  const apiPod = pods.parsed.find((p) => apiServerContainer(p) !== undefined);
  if (overrides.etcdManifestPath && !etcdPod) {
    throw new DiscoveryError(`${overrides.etcdManifestPath} does not run etcd (no etcd container)`, {
      hint: `check ${optionName('etcdManifestPath')}`,
    });
  }
  const apiServer = apiPod ? apiServerFacts(apiPod) : undefined;

  let etcd: EtcdFacts;
  if (etcdPod) {
    for (const error of pods.broken) warnings.push(error.message);
    etcd = etcdFromPod(etcdPod, warnings);
  } else {
    etcd = etcdWithoutStaticPod(
      pods,
      kubelet.staticPodPath,
      processes,
      apiServer?.facts,
      overrides,
      warnings,
    );
  }
  applyEtcdOverrides(etcd, overrides);
  etcd.certs = await chooseCerts(node, etcd, etcdPod, apiServer, overrides, warnings);

  return {
    staticPodPath: kubelet.staticPodPath,
    staticPods: pods.parsed.map((p) => ({ path: p.path, name: p.name, component: p.labels.component })),
    etcdManifestPath: etcdPod?.path,
    etcd,
    apiServer: apiServerSummary(apiServer),
    kubeletConfigPath: kubelet.configPath,
    warnings,
  };
}

/** argv of every process on the node; when they cannot be listed discovery goes on with files alone. */
async function listProcesses(node: NodeFiles, warnings: string[]): Promise<ProcessArgv[]> {
  try {
    return await node.processes();
  } catch (error) {
    if (error instanceof EtcdBackupError && !(error instanceof DiscoveryError)) throw error;
    warnings.push(`could not list processes (${errorLine(error)}); relying on files only`);
    return [];
  }
}

/**
 * etcd when no static pod runs it here: a plain etcd process, the external etcd kube-apiserver points at, or
 * the client URL given; else discovery fails.
 */
function etcdWithoutStaticPod(
  pods: StaticPodsRead,
  staticPodPath: string | undefined,
  processes: ProcessArgv[],
  apiServer: ApiServerFacts | undefined,
  overrides: DiscoveryOverrides,
  warnings: string[],
): EtcdFacts {
  if (pods.broken.length > 0 && !hasExplicitEndpoint(overrides)) throw pods.broken[0]!;
  for (const error of pods.broken) warnings.push(error.message);
  const etcdProcess = findEtcdProcess(processes);
  if (etcdProcess) {
    const etcd = etcdFromProcess(etcdProcess);
    warnings.push('etcd does not run as a static pod here; using the flags of the running etcd process');
    return etcd;
  }
  if (apiServer && apiServer.etcdServers.length > 0) {
    const etcd = etcdFromApiServer(apiServer.etcdServers);
    warnings.push(
      `no etcd on this node; kube-apiserver uses external etcd at ${apiServer.etcdServers.join(',')}`,
    );
    return etcd;
  }
  if (overrides.clientUrl) return emptyExternal(overrides.clientUrl);
  const where = pods.folderFound
    ? `no etcd static pod in ${staticPodPath} (${pods.fileCount} manifests)`
    : `no static pod folder at ${staticPodPath}`;
  throw new DiscoveryError(`${where}, no etcd process and no kube-apiserver pointing at one`, {
    hint: `for an external etcd set ${optionName('clientUrl')}, ${optionName('caFile')}, ${optionName('certFile')} and ${optionName('keyFile')}; if the manifests live elsewhere set ${optionName('staticPodPath')}`,
  });
}

/** The explicit client URL, member name and data dir replace what was found. */
function applyEtcdOverrides(etcd: EtcdFacts, overrides: DiscoveryOverrides): void {
  if (overrides.clientUrl) etcd.clientUrl = overrides.clientUrl;
  if (overrides.memberName) etcd.name = overrides.memberName;
  if (overrides.dataDir) {
    etcd.dataDir = overrides.dataDir;
    etcd.dataHostPath = overrides.dataDir;
  }
}

function apiServerSummary(apiServer: ApiServerPod | undefined): ControlPlane['apiServer'] {
  if (!apiServer) return undefined;
  return {
    manifestPath: apiServer.pod.path,
    etcdServers: apiServer.facts.etcdServers,
    ...(apiServer.facts.advertiseAddress ? { advertiseAddress: apiServer.facts.advertiseAddress } : {}),
  };
}

/**
 * Checks the explicit inputs before anything is read on the node. Errors name each input by `nameOf`: the
 * CLI's option or the action's input; by default discovery's own spelling (etcd-ca-file).
 */
export function validateOverrides(
  overrides: DiscoveryOverrides,
  nameOf: (key: keyof typeof OVERRIDE_INPUTS) => string = (key) => OVERRIDE_INPUTS[key],
): void {
  for (const key of [
    'kubeletConfigPath',
    'staticPodPath',
    'etcdManifestPath',
    'caFile',
    'certFile',
    'keyFile',
    'dataDir',
  ] as const) {
    const value = overrides[key];
    if (value !== undefined && !posix.isAbsolute(value)) {
      throw new InputError(nameOf(key), `an absolute path on the node (got ${shown(value)})`);
    }
  }
  if (overrides.clientUrl !== undefined) parseClientUrl(overrides.clientUrl, nameOf('clientUrl'));
  if (Boolean(overrides.certFile) !== Boolean(overrides.keyFile)) {
    const missing = nameOf(overrides.certFile ? 'keyFile' : 'certFile');
    throw new InputError(missing, `a value too: a client certificate and its key are given together`);
  }
}

function hasExplicitEndpoint(overrides: DiscoveryOverrides): boolean {
  return Boolean(overrides.clientUrl && overrides.caFile && overrides.certFile && overrides.keyFile);
}

async function locateStaticPods(
  node: NodeFiles,
  overrides: DiscoveryOverrides,
  processes: ProcessArgv[],
  warnings: string[],
): Promise<{ staticPodPath: string | undefined; configPath: string | undefined }> {
  if (overrides.staticPodPath) return { staticPodPath: overrides.staticPodPath, configPath: undefined };
  const kubelet = findKubeletProcess(processes);
  const configPath = overrides.kubeletConfigPath ?? kubelet?.configPath ?? DEFAULT_KUBELET_CONFIG;
  const text = await node.readText(configPath);
  let fromConfig: string | undefined;
  if (text === undefined) {
    if (overrides.kubeletConfigPath) {
      throw new DiscoveryError(`kubelet config ${configPath} does not exist`, {
        hint: `check ${optionName('kubeletConfigPath')}`,
      });
    }
    if (kubelet?.configPath)
      warnings.push(`the kubelet runs with --config=${configPath}, but that file is missing`);
  } else {
    const facts = parseKubeletConfig(text, configPath);
    warnings.push(...facts.warnings);
    fromConfig = facts.staticPodPath;
  }
  const readConfig = text === undefined ? undefined : configPath;
  // The kubelet's own flag wins over its config file, as it does in the kubelet.
  if (kubelet?.podManifestPath) {
    return { staticPodPath: posix.normalize(kubelet.podManifestPath), configPath: readConfig };
  }
  if (fromConfig) return { staticPodPath: fromConfig, configPath: readConfig };
  const why =
    text === undefined
      ? kubelet
        ? 'the running kubelet has neither --config nor --pod-manifest-path'
        : `no kubelet config at ${configPath} and no kubelet process`
      : `${configPath} sets no staticPodPath`;
  warnings.push(`${why}; assuming the kubeadm default ${DEFAULT_STATIC_POD_PATH}`);
  return { staticPodPath: DEFAULT_STATIC_POD_PATH, configPath: readConfig };
}

/** The static pod manifests read; `broken` are those that could not be parsed. */
interface StaticPodsRead {
  parsed: StaticPod[];
  broken: DiscoveryError[];
  fileCount: number;
  folderFound: boolean;
}

async function readStaticPods(
  node: NodeFiles,
  staticPodPath: string | undefined,
  overrides: DiscoveryOverrides,
  warnings: string[],
): Promise<StaticPodsRead> {
  const parsed: StaticPod[] = [];
  const broken: DiscoveryError[] = [];
  const read = async (path: string, required: boolean) => {
    const text = await node.readText(path);
    if (text === undefined) {
      if (required) {
        throw new DiscoveryError(`${path} does not exist`, {
          hint: `check ${optionName('etcdManifestPath')}`,
        });
      }
      return;
    }
    try {
      parsed.push(parseStaticPod(text, path));
    } catch (error) {
      if (error instanceof DiscoveryError) broken.push(error);
      else throw error;
    }
  };

  if (overrides.etcdManifestPath) {
    await read(overrides.etcdManifestPath, true);
    if (broken.length > 0) throw broken[0]!;
    if (!parsed[0] || !etcdContainer(parsed[0])) return { parsed, broken, fileCount: 1, folderFound: false };
  }
  if (!staticPodPath) return { parsed, broken, fileCount: parsed.length, folderFound: false };
  const names = await node.listFiles(staticPodPath);
  if (names === undefined) {
    warnings.push(`static pod folder ${staticPodPath} does not exist`);
    return { parsed, broken, fileCount: parsed.length, folderFound: false };
  }
  // The kubelet ignores hidden files; so do we.
  const visible = names.filter((n) => !n.startsWith('.')).sort();
  for (const name of visible) {
    const path = posix.join(staticPodPath, name);
    if (path !== overrides.etcdManifestPath) await read(path, false);
  }
  if (overrides.etcdManifestPath) {
    // Only the given manifest may supply etcd; the folder is read for kube-apiserver.
    const chosen = parsed[0]!;
    const rest = parsed.slice(1).filter((p) => !etcdContainer(p));
    return { parsed: [chosen, ...rest], broken, fileCount: visible.length, folderFound: true };
  }
  return { parsed, broken, fileCount: visible.length, folderFound: true };
}

function etcdFlags(container: Container): Map<string, string> {
  const { values } = parseFlags(container.argv.slice(1));
  // etcd also reads its settings from ETCD_<FLAG> variables; flags win.
  for (const [name, value] of container.env) {
    if (!name.startsWith(ETCD_ENV_PREFIX)) continue;
    const flag = name.slice(ETCD_ENV_PREFIX.length).toLowerCase().replaceAll('_', '-');
    if (!values.has(flag)) values.set(flag, value);
  }
  return values;
}

function etcdFromFlags(
  flags: Map<string, string>,
  runsAs: EtcdFacts['runsAs'],
): Omit<EtcdFacts, 'dataHostPath' | 'certs' | 'image' | 'version'> {
  const listenClientUrls = splitList(flags.get('listen-client-urls'));
  const advertiseClientUrls = splitList(flags.get('advertise-client-urls'));
  const name = flags.get('name');
  return {
    runsAs,
    name: name ?? 'default',
    clientUrl: chooseClientUrl(listenClientUrls, advertiseClientUrls),
    listenClientUrls,
    advertiseClientUrls,
    peerUrls: splitList(flags.get('initial-advertise-peer-urls') ?? flags.get('listen-peer-urls')),
    initialCluster: flags.get('initial-cluster'),
    initialClusterState: flags.get('initial-cluster-state'),
    dataDir: flags.get('data-dir') ?? `${name ?? 'default'}.etcd`,
    flags: Object.fromEntries(flags),
  };
}

function etcdFromPod(pod: StaticPod, warnings: string[]): EtcdFacts {
  const container = etcdContainer(pod)!;
  const flags = etcdFlags(container);
  const base = etcdFromFlags(flags, 'static-pod');
  if (!flags.has('data-dir'))
    warnings.push(`${pod.path}: etcd has no --data-dir; it defaults to ${base.dataDir}`);
  const dataDir = base.dataDir!;
  const dataHostPath = posix.isAbsolute(dataDir) ? hostPathOf(pod, container, dataDir) : undefined;
  if (dataHostPath === undefined) {
    warnings.push(
      `${pod.path}: no hostPath volume holds etcd's data dir ${dataDir}; its data lives only in the container`,
    );
  } else if (dataHostPath !== dataDir) {
    warnings.push(`${pod.path}: etcd's data dir ${dataDir} is ${dataHostPath} on the host`);
  }
  const dataVolume = pod.hostPaths.get('etcd-data');
  if (
    dataVolume !== undefined &&
    dataHostPath !== undefined &&
    posix.normalize(dataVolume) !== dataHostPath
  ) {
    warnings.push(
      `${pod.path}: inconsistent: --data-dir=${dataDir} is not on the etcd-data volume (hostPath ${dataVolume})`,
    );
  }
  return {
    ...base,
    dataHostPath,
    certs: undefined,
    image: container.image,
    version: versionFromImage(container.image),
  };
}

function etcdFromProcess(argv: ProcessArgv): EtcdFacts {
  const base = etcdFromFlags(parseFlags(argv.slice(1)).values, 'process');
  return { ...base, dataHostPath: base.dataDir, certs: undefined, image: undefined, version: undefined };
}

function etcdFromApiServer(etcdServers: string[]): EtcdFacts {
  const facts = emptyExternal(chooseClientUrl(etcdServers, etcdServers));
  facts.advertiseClientUrls = etcdServers;
  return facts;
}

function emptyExternal(clientUrl: string): EtcdFacts {
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

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}

/**
 * A loopback listen URL when etcd has one (it is in kubeadm's server cert SANs and needs no route); a wildcard
 * listen address is reached on loopback; else the first advertised URL.
 */
export function chooseClientUrl(listen: readonly string[], advertise: readonly string[]): string {
  const usable = (u: string) => /^https?:\/\//.test(u);
  for (const url of listen.filter(usable)) {
    const { hostname } = new URL(url);
    if (isLoopbackHost(hostname)) return url.replace(/\/+$/, '');
  }
  for (const url of listen.filter(usable)) {
    const parsed = new URL(url);
    if (parsed.hostname === '0.0.0.0') return `${parsed.protocol}//127.0.0.1:${parsed.port || '2379'}`;
    if (parsed.hostname === '[::]') return `${parsed.protocol}//[::1]:${parsed.port || '2379'}`;
  }
  const fallback = advertise.find(usable) ?? listen.find(usable);
  if (!fallback) {
    throw new DiscoveryError(
      'etcd has no http(s) client URL in --listen-client-urls or --advertise-client-urls',
      {
        hint: `set ${optionName('clientUrl')}`,
      },
    );
  }
  return fallback.replace(/\/+$/, '');
}

/** host, port and TLS of a client URL; `input` names the input for the error. */
export function parseClientUrl(
  url: string,
  input = 'etcd client URL',
): { host: string; port: number; tls: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(input, `a URL like https://127.0.0.1:2379 (got ${shown(url)})`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError(input, `an https:// or http:// URL (got ${shown(url)})`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(parsed.port || 2379), tls: parsed.protocol === 'https:' };
}

interface ApiServerFacts {
  etcdServers: string[];
  advertiseAddress: string | undefined;
  ca: string | undefined;
  cert: string | undefined;
  key: string | undefined;
}

interface ApiServerPod {
  pod: StaticPod;
  facts: ApiServerFacts;
}

function apiServerFacts(pod: StaticPod): ApiServerPod {
  const container = apiServerContainer(pod)!;
  const { values } = parseFlags(container.argv.slice(1));
  const onHost = (path: string | undefined) =>
    path ? (hostPathOf(pod, container, path) ?? path) : undefined;
  return {
    pod,
    facts: {
      etcdServers: splitList(values.get('etcd-servers')),
      advertiseAddress: values.get('advertise-address'),
      ca: onHost(values.get('etcd-cafile')),
      cert: onHost(values.get('etcd-certfile')),
      key: onHost(values.get('etcd-keyfile')),
    },
  };
}

interface CertCandidate {
  ca: string | undefined;
  cert: string;
  key: string;
  source: Exclude<CertSource, 'input'>;
}

async function chooseCerts(
  node: NodeFiles,
  etcd: EtcdFacts,
  etcdPod: StaticPod | undefined,
  apiServer: { facts: ApiServerFacts } | undefined,
  overrides: DiscoveryOverrides,
  warnings: string[],
): Promise<EtcdFacts['certs']> {
  if (!parseClientUrl(etcd.clientUrl).tls) return undefined;
  const candidates = certCandidates(etcd, etcdPod, apiServer?.facts);

  const explicit = [overrides.caFile, overrides.certFile, overrides.keyFile].filter((p): p is string => !!p);
  const paths = new Set<string>(explicit);
  for (const c of candidates) {
    for (const p of [c.ca, c.cert, c.key]) if (p) paths.add(p);
  }
  const present = await node.existing([...paths]);

  refuseMissingInputs(overrides, present);
  if (overrides.caFile && overrides.certFile && overrides.keyFile) {
    return { ca: overrides.caFile, cert: overrides.certFile, key: overrides.keyFile, source: 'input' };
  }
  const usable = firstUsable(candidates, present, overrides);
  if (usable.source === 'server') {
    warnings.push("using etcd's own server certificate as the client certificate (no client pair found)");
  }
  const partial = Boolean(overrides.caFile || overrides.certFile || overrides.keyFile);
  return {
    ca: overrides.caFile ?? usable.ca!,
    cert: overrides.certFile ?? usable.cert,
    key: overrides.keyFile ?? usable.key,
    source: partial ? 'input' : usable.source,
  };
}

/**
 * The client pairs to try, best first: kube-apiserver's own, kubeadm's healthcheck and apiserver-etcd-client
 * pairs, and last etcd's server pair.
 */
function certCandidates(
  etcd: EtcdFacts,
  etcdPod: StaticPod | undefined,
  api: ApiServerFacts | undefined,
): CertCandidate[] {
  const etcdHostPath = (flag: string): string | undefined => {
    const value = etcd.flags[flag];
    if (!value) return undefined;
    if (!etcdPod) return value;
    return hostPathOf(etcdPod, etcdContainer(etcdPod)!, value) ?? value;
  };
  const trustedCa = etcdHostPath('trusted-ca-file');
  const serverCert = etcdHostPath('cert-file');
  const serverKey = etcdHostPath('key-file');
  const pkiDir = serverCert ? posix.dirname(serverCert) : `${KUBEADM_PKI}/etcd`;

  const candidates: CertCandidate[] = [];
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
  return candidates;
}

/** A TLS file given explicitly must exist. */
function refuseMissingInputs(overrides: DiscoveryOverrides, present: Set<string>): void {
  for (const [key, path] of [
    ['caFile', overrides.caFile],
    ['certFile', overrides.certFile],
    ['keyFile', overrides.keyFile],
  ] as const) {
    if (path && !present.has(path)) {
      throw new DiscoveryError(`${path} does not exist on the node`, {
        hint: `check ${optionName(key)}`,
      });
    }
  }
}

/** The first candidate whose files are all on the node (its CA need not be when one is given). */
function firstUsable(
  candidates: CertCandidate[],
  present: Set<string>,
  overrides: DiscoveryOverrides,
): CertCandidate {
  const usable = candidates.find(
    (c) => present.has(c.cert) && present.has(c.key) && (overrides.caFile || (c.ca && present.has(c.ca))),
  );
  if (!usable) {
    const looked = candidates.map((c) => c.cert).join(', ');
    throw new DiscoveryError(`no etcd client certificate found on the node (looked for ${looked})`, {
      hint: `set ${optionName('caFile')}, ${optionName('certFile')} and ${optionName('keyFile')}`,
    });
  }
  return usable;
}
