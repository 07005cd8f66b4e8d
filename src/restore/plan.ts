import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { type ControlPlane, type DiscoveryOverrides, discoverOverSsh, parseClientUrl } from '../controlplane';
import type { EtcdTls, Member } from '../etcd/client';
import type { BackupMetadata } from '../format';
import { connectThroughNode, readClientTls } from '../node/members';
import { optionName } from '../options/naming';
import type { Logger } from '../util/log';
import { formatBytes } from '../util/progress';
import { RestoreRefusedError } from './errors';
import { type EtcdTools, minorOf, supportsBumpRevision } from './etcd-tools';
import type { DownloadedBackup } from './fetch';
import { rewriteEtcdDataDir } from './manifest-rewrite';
import type { NodeLink } from './node-link';
import { type DirFacts, existing, statDir } from './node-ops';
import type { NodeTool } from './node-tools';
import { snapshotDirFor } from './on-node';

export { RestoreRefusedError };

const DEFAULT_QUOTA = 2 * 1024 ** 3;

/** The default revision bump: see chooseBump. */
export const DEFAULT_BUMP = 1_000_000_000;

export type RestoreMode = 'swap' | 'new-dir';

export interface MemberPlan {
  node: string;
  name: string;
  peerUrls: string[];
  clientUrl: string;
  clientPort: number;
  /** --data-dir as etcd sees it, and the host dir behind it now. */
  dataDir: string;
  dataHostPath: string;
  /** uid:gid of the old data dir; the restored one gets the same. */
  owner: string;
  version: string | undefined;
  staticPodPath: string;
  etcdManifest: string;
  apiServerManifest: string | undefined;
  /** kube-apiserver's --advertise-address: how its master lease in etcd names it. */
  apiServerAddress: string | undefined;
  /** kube-controller-manager and kube-scheduler manifests, for the optional bounce. */
  controllerManifests: string[];
  /** Manifests wait here while their pods are stopped: outside the static pod folder, which the kubelet reads. */
  holding: string;
  /** Where the restored dir is unpacked while the cluster still runs (a hidden dir next to its final place). */
  staging: string;
  /** Restoring on the node: the private dir the snapshot is shipped to (removed right after the restore). */
  snapshotDir: string;
  /** Restoring on the node: the node's own etcdutl (etcdctl on 3.4). */
  nodeTool: NodeTool | undefined;
  /** The restored dir's final place: the old data dir (swap) or a new one (new-dir). */
  target: string;
  /** swap: where the old data dir is kept. */
  aside: string | undefined;
  /** new-dir: the manifest pointing at the new dir. */
  rewrittenManifest: string | undefined;
  /** etcd's --quota-backend-bytes (2 GiB when unset): the restored database must fit under it. */
  quotaBytes: number;
  tls: EtcdTls;
  /** Where that client certificate is on the node (recorded in the restore journal). */
  certFiles: { ca: string; cert: string; key: string };
}

/** Where `snapshot restore` runs, and why there. */
export type RestorePlace =
  | { on: 'runner'; reason: string; tools: EtcdTools }
  | { on: 'node'; reason: string; nodeTools: NodeTool[] };

export interface RestorePlan {
  backup: string;
  restoreOn: 'runner' | 'node';
  restoreOnReason: string;
  cluster: string;
  snapshotRevision: number;
  snapshotVersion: string;
  toolsVersion: string;
  mode: RestoreMode;
  bump: number;
  bumpReason: string;
  stamp: string;
  initialCluster: string;
  clusterToken: string;
  members: MemberPlan[];
  /** What the running cluster said at planning time, when it answered. */
  live: { revision: number; members: string[] } | undefined;
  warnings: string[];
}

/** Where a member's manifest waits while its pod is stopped. */
export function inHolding(m: Pick<MemberPlan, 'holding'>, manifest: string): string {
  return posix.join(m.holding, posix.basename(manifest));
}

export interface PlanOptions {
  mode: RestoreMode;
  /** new-dir mode: the new data dir on every node (default `<old dir>-restored-<time>`). */
  newDataDir?: string;
  bump: number | 'auto';
  allowVersionSkew: boolean;
  /** Restore even when the running cluster has members, or API servers, that no given node covers. */
  force: boolean;
  /** With no revision bump, the user has read which clients must be restarted and goes on. */
  confirmNoBump?: boolean;
  overrides?: DiscoveryOverrides;
  now: Date;
}

/** `20261121T203000Z`: sorts by time and is safe in a file name. */
export function stampOf(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function refuse(message: string, hint: string): never {
  throw new RestoreRefusedError(message, hint);
}

async function readTls(link: NodeLink, plane: ControlPlane): Promise<EtcdTls> {
  const certs = plane.etcd.certs;
  if (!certs)
    refuse(
      `no etcd client certificate found on ${link.target}`,
      'give the etcd CA, certificate and key paths',
    );
  return readClientTls(link.session, certs);
}

async function planMember(
  link: NodeLink,
  nodeTool: NodeTool | undefined,
  options: PlanOptions,
  stamp: string,
  log: Logger,
): Promise<MemberPlan> {
  const session = link.session;
  const { plane, etcd, manifest, staticPodPath, dataHostPath } = await discoverStaticEtcd(link, options, log);
  const facts = await statDir(session, dataHostPath);
  if (!facts)
    refuse(
      `etcd's data dir ${dataHostPath} does not exist on ${session.target}`,
      'check --data-dir and the etcd-data hostPath',
    );
  const places = await choosePlaces(link, { manifest, staticPodPath, dataHostPath, facts }, options, stamp);
  const byComponent = (c: string) => plane.staticPods.filter((p) => p.component === c).map((p) => p.path);
  return {
    node: session.target,
    name: etcd.name,
    peerUrls: etcd.peerUrls,
    clientUrl: etcd.clientUrl,
    clientPort: parseClientUrl(etcd.clientUrl).port,
    dataDir: etcd.dataDir,
    dataHostPath,
    owner: facts.owner,
    version: etcd.version,
    staticPodPath,
    etcdManifest: manifest,
    apiServerManifest: plane.apiServer?.manifestPath,
    apiServerAddress: plane.apiServer?.advertiseAddress,
    controllerManifests: [...byComponent('kube-controller-manager'), ...byComponent('kube-scheduler')],
    ...places,
    nodeTool,
    quotaBytes: Number(etcd.flags['quota-backend-bytes'] ?? 0) || DEFAULT_QUOTA,
    tls: await readTls(link, plane),
    certFiles: { ca: plane.etcd.certs!.ca, cert: plane.etcd.certs!.cert, key: plane.etcd.certs!.key },
  };
}

/** The node's control plane, refused unless etcd runs as a static pod whose manifest names it fully. */
async function discoverStaticEtcd(link: NodeLink, options: PlanOptions, log: Logger) {
  const session = link.session;
  const plane = await discoverOverSsh(session, options.overrides ?? {});
  for (const w of plane.warnings) log.warn(`${session.target}: ${w}`);
  const { etcd } = plane;
  if (etcd.runsAs !== 'static-pod' || !plane.etcdManifestPath || !plane.staticPodPath) {
    refuse(
      `etcd on ${session.target} does not run as a static pod (${etcd.runsAs})`,
      'restore handles kubeadm/kind-style stacked etcd; restore an external etcd with its own tooling',
    );
  }
  const { name, dataDir, dataHostPath } = etcd;
  if (!name || etcd.peerUrls.length === 0 || !dataDir || !dataHostPath) {
    refuse(
      `${plane.etcdManifestPath} on ${session.target} does not say etcd's name, peer URL and data dir`,
      'check the manifest (kubeadm sets --name, --initial-advertise-peer-urls and --data-dir)',
    );
  }
  return {
    plane,
    etcd: { ...etcd, name, dataDir },
    manifest: plane.etcdManifestPath,
    staticPodPath: posix.normalize(plane.staticPodPath),
    dataHostPath: posix.normalize(dataHostPath),
  };
}

/**
 * Where this member's restore puts things: the holding dir for manifests, the staging dir, the final place
 * (swap: the old data dir, moved aside first; new-dir: a new dir and a manifest rewritten to point at it).
 * Refuses when any of them exists already: a restore never overwrites anything.
 */
async function choosePlaces(
  link: NodeLink,
  found: { manifest: string; staticPodPath: string; dataHostPath: string; facts: DirFacts },
  options: PlanOptions,
  stamp: string,
): Promise<
  Pick<MemberPlan, 'holding' | 'staging' | 'snapshotDir' | 'target' | 'aside' | 'rewrittenManifest'>
> {
  const session = link.session;
  const { dataHostPath } = found;
  const holding = posix.join(posix.dirname(found.staticPodPath), `etcd-restore-${stamp}`);
  let target = dataHostPath;
  let aside: string | undefined;
  let rewrittenManifest: string | undefined;
  if (options.mode === 'swap') {
    if (found.facts.mountPoint) {
      refuse(
        `${dataHostPath} on ${session.target} is a mount point, so it cannot be moved aside`,
        'use --mode new-dir with a new data dir on that filesystem (e.g. a subdirectory of the mount)',
      );
    }
    aside = `${dataHostPath}.before-restore-${stamp}`;
  } else {
    target = posix.normalize(options.newDataDir ?? `${dataHostPath}-restored-${stamp}`);
    const text = (await session.readFile(found.manifest, { sudo: true })).toString('utf8');
    rewrittenManifest = rewriteEtcdDataDir(text, target, found.manifest);
  }
  const staging = posix.join(posix.dirname(target), `.${posix.basename(target)}.restore-${stamp}`);
  const snapshotDir = snapshotDirFor(staging);
  const taken = await existing(
    session,
    [holding, staging, snapshotDir, target === dataHostPath ? '' : target, aside ?? ''].filter(Boolean),
  );
  if (taken.size > 0) {
    refuse(
      `${[...taken].join(', ')} already exists on ${session.target}`,
      'move it away (a restore never overwrites anything), then run again',
    );
  }
  return { holding, staging, snapshotDir, target, aside, rewrittenManifest };
}

/** What the running cluster says, if it answers: its revision and members (to check every one is covered). */
/** Every kube-apiserver keeps a lease here under its advertise address while it runs (the default reconciler). */
const MASTER_LEASES = '/registry/masterleases/';

interface LiveCluster {
  revision: number;
  members: Member[];
  /** The addresses of the API servers that hold a master lease: the ones running against this etcd. */
  apiServers: string[];
}

async function liveCluster(link: NodeLink, member: MemberPlan): Promise<LiveCluster | undefined> {
  let connection: Awaited<ReturnType<typeof connectThroughNode>> | undefined;
  try {
    connection = await connectThroughNode(link.session, member.clientUrl, member.tls);
    const [status, members, leases] = await Promise.all([
      connection.client.status(),
      connection.client.memberList(),
      connection.client.range(MASTER_LEASES, { prefix: true, keysOnly: true, limit: 1000 }),
    ]);
    const apiServers = leases.kvs.map((kv) => kv.key.toString('utf8').slice(MASTER_LEASES.length));
    return { revision: Number(status.revision), members, apiServers };
  } catch {
    return undefined;
  } finally {
    await connection?.close();
  }
}

/**
 * The revision bump. Kubernetes clients (informers, watch caches) remember revisions; after a restore the
 * revision must be above any they have seen, or their watches silently resume in the past. It must cover the
 * revisions written since the snapshot: when the running cluster answers, twice that; in any case at least
 * 1e9 (OpenShift's default when it cannot tell: 1000 writes/s for eleven days). Revisions are int64, so a
 * large bump costs nothing.
 */
function chooseBump(
  requested: number | 'auto',
  snapshotRevision: number,
  live: { revision: number } | undefined,
): { bump: number; reason: string } {
  if (requested !== 'auto')
    return { bump: requested, reason: requested === 0 ? 'disabled on request' : 'as requested' };
  if (!live) return { bump: DEFAULT_BUMP, reason: 'default 1e9 (the running cluster did not answer)' };
  const since = Math.max(0, live.revision - snapshotRevision);
  const bump = Math.max(DEFAULT_BUMP, 2 * since);
  return { bump, reason: `${since} revisions written since the snapshot; bumping by max(1e9, 2 × that)` };
}

/**
 * The plan step: every node's part (planMember), then the checks that refuse a restore that would go wrong
 * (duplicate members, version skew, a database over the quota, running members no node covers, tools that
 * cannot bump the revision). What is allowed but worth knowing becomes a warning.
 */
export async function makePlan(
  links: NodeLink[],
  fetched: DownloadedBackup,
  place: RestorePlace,
  options: PlanOptions,
  log: Logger,
): Promise<RestorePlan> {
  const stamp = stampOf(options.now);
  const members = await Promise.all(
    links.map((l, i) =>
      planMember(l, place.on === 'node' ? place.nodeTools[i] : undefined, options, stamp, log),
    ),
  );
  const tools = restoringTools(place, members);
  const meta = fetched.metadata;
  const warnings = [
    ...checkMembers(members, meta),
    ...checkVersions(tools, members, meta.etcd.version, options.allowVersionSkew),
    ...checkQuota(members, meta.etcd.totalSize, options.force),
  ];
  const live = await liveCluster(links[0]!, members[0]!);
  warnings.push(...checkCoverage(live, members, options.force));
  warnings.push(...checkApiServers(live, members, options.force));
  const { bump, reason } = chooseBump(options.bump, meta.etcd.revision, live);
  warnings.push(...checkBump(bump, tools));
  warnings.push(...checkNoBump(bump, members, options.confirmNoBump));
  return {
    backup: meta.name,
    restoreOn: place.on,
    restoreOnReason: place.reason,
    cluster: meta.cluster,
    snapshotRevision: meta.etcd.revision,
    snapshotVersion: meta.etcd.version,
    toolsVersion: [...new Set(tools.map((t) => t.version))].join(', '),
    mode: options.mode,
    bump,
    bumpReason: reason,
    stamp,
    initialCluster: members.flatMap((m) => m.peerUrls.map((u) => `${m.name}=${u}`)).join(','),
    clusterToken: `etcd-restore-${stamp.toLowerCase()}-${randomBytes(4).toString('hex')}`,
    members,
    live: live ? { revision: live.revision, members: live.members.map((m) => m.name) } : undefined,
    warnings,
  };
}

interface RestoringTool {
  kind: string;
  version: string;
  /** How a message names it: "the restore tools are", "<node>'s etcdutl is". */
  where: string;
}

/** The tools that will run `snapshot restore`: the runner's, or each node's own. */
function restoringTools(place: RestorePlace, members: MemberPlan[]): RestoringTool[] {
  return place.on === 'runner'
    ? [{ kind: place.tools.restoreToolKind, version: place.tools.version, where: 'the restore tools are' }]
    : place.nodeTools.map((t, i) => ({
        kind: t.kind,
        version: t.version,
        where: `${members[i]!.node}'s ${t.kind} is`,
      }));
}

function checkMembers(members: MemberPlan[], meta: BackupMetadata): string[] {
  const names = members.map((m) => m.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate)
    refuse(`two of the given nodes run etcd member '${duplicate}'`, 'give each control-plane node once');
  // Legit when rebuilding on new hosts; a mistake when it is the wrong cluster's backup.
  return meta.member && !names.includes(meta.member.name)
    ? [
        `the backup was taken from member ${meta.member.name} of cluster ${meta.cluster}, which none of the given nodes runs`,
      ]
    : [];
}

function checkVersions(
  tools: RestoringTool[],
  members: MemberPlan[],
  snapshotVersion: string,
  allowVersionSkew: boolean,
): string[] {
  const warnings: string[] = [];
  const problems: string[] = [];
  for (const t of tools)
    if (minorOf(t.version) !== minorOf(snapshotVersion))
      problems.push(`${t.where} etcd ${t.version}, the snapshot is from ${snapshotVersion}`);
  for (const m of members) {
    if (!m.version) warnings.push(`${m.node}: etcd's version is not in its image tag; not checked`);
    else if (minorOf(m.version) !== minorOf(snapshotVersion))
      problems.push(`${m.node} runs etcd ${m.version}, the snapshot is from ${snapshotVersion}`);
  }
  if (problems.length > 0 && !allowVersionSkew) {
    refuse(
      `etcd versions differ: ${problems.join('; ')}`,
      `restore with the same etcd major.minor everywhere, or allow version skew on purpose`,
    );
  }
  return [...warnings, ...problems.map((p) => `version skew allowed: ${p}`)];
}

function checkQuota(members: MemberPlan[], totalSize: number, force: boolean): string[] {
  const warnings: string[] = [];
  for (const m of members) {
    if (totalSize > m.quotaBytes) {
      const message = `the snapshot's database (${formatBytes(totalSize)}) is larger than etcd's quota on ${m.node} (${formatBytes(m.quotaBytes)}): it would start with a NOSPACE alarm`;
      if (!force) refuse(message, 'raise --quota-backend-bytes in etcd.yaml first, or force it');
      warnings.push(`forced: ${message}`);
    }
  }
  return warnings;
}

/** A restore replaces the whole cluster: every running member must be on a given node. */
function checkCoverage(
  live: { members: Member[] } | undefined,
  members: MemberPlan[],
  force: boolean,
): string[] {
  if (!live) return ['the running cluster did not answer; its members and revision were not checked'];
  const names = members.map((m) => m.name);
  const uncovered = live.members
    .filter((m) => !names.includes(m.name))
    .map((m) => m.name || m.id.toString(16));
  if (uncovered.length === 0) return [];
  const message = `the running cluster has members no given node covers: ${uncovered.join(', ')}`;
  if (!force) {
    refuse(
      message,
      'give every control-plane node (a restore replaces the whole cluster), or force it to drop them',
    );
  }
  return [`forced: ${message}`];
}

/**
 * An API server on a node the restore does not control keeps running on its cache of the old data and writes
 * to the restored etcd as soon as it is back (measured: stale lists, objects in namespaces that no longer exist).
 */
function checkApiServers(live: LiveCluster | undefined, members: MemberPlan[], force: boolean): string[] {
  if (!live) return [];
  const ours = new Set(
    members.flatMap((m) => [
      ...(m.apiServerAddress ? [m.apiServerAddress] : []),
      ...[...m.peerUrls, m.clientUrl].map(hostOfUrl),
    ]),
  );
  const others = live.apiServers.filter((address) => !ours.has(address));
  if (others.length === 0) return [];
  const message = `kube-apiserver runs on ${others.join(', ')} (its master lease is in etcd), which no given node is`;
  if (!force)
    refuse(
      message,
      `give that node too, or stop that API server first; ${optionName('restoreForce')} goes on anyway, and that API server must then be restarted by hand`,
    );
  return [`forced: ${message}; restart it by hand once the restore is done`];
}

/** The address in a member's URL, as a master lease names an API server (brackets of IPv6 removed). */
function hostOfUrl(url: string): string {
  try {
    return parseClientUrl(url).host;
  } catch {
    return url;
  }
}

/** Without a bump every client with a watch or a cache sees revisions go back and must be restarted: say which. */
function checkNoBump(bump: number, members: MemberPlan[], confirmed: boolean | undefined): string[] {
  const apiServers = members.filter((m) => m.apiServerManifest).map((m) => m.node);
  if (bump !== 0 || apiServers.length === 0) return [];
  const clients = [
    `kube-apiserver on ${apiServers.join(', ')} (restarted by the restore)`,
    'kube-controller-manager and kube-scheduler on every control-plane node',
    'the kubelet on every node of the cluster',
    'every controller or operator that watches the API (CNI, CoreDNS, ingress, cert-manager, …)',
  ];
  const message = `no revision bump: these clients will see revisions go back and must be restarted after the restore: ${clients.join('; ')}`;
  if (!confirmed)
    refuse(
      message,
      `restore with the bump (the default), or confirm with ${optionName('confirmNoBump')} that you will restart them`,
    );
  return [message];
}

function checkBump(bump: number, tools: RestoringTool[]): string[] {
  const cannotBump = tools.find((t) => !supportsBumpRevision(t.version));
  if (bump > 0 && cannotBump) {
    refuse(
      `${cannotBump.kind} ${cannotBump.version} cannot bump the revision (--bump-revision came in etcd 3.4.27 and 3.5.10)`,
      'use newer etcd tools of the same minor version (--etcd-tools), or pass --bump-revision 0 to restore without a bump (Kubernetes watch caches may then see revisions go back)',
    );
  }
  return [];
}

/** restoredBytes: measured on the runner, or estimated when the restore runs on the nodes. */
export function describePlan(plan: RestorePlan, restoredBytes: number): string[] {
  const lines = [
    `restore plan: ${plan.backup} (revision ${plan.snapshotRevision}, etcd ${plan.snapshotVersion}) with etcd tools ${plan.toolsVersion}`,
    `  mode ${plan.mode}; revision bump ${plan.bump} (${plan.bumpReason}); new cluster token ${plan.clusterToken}`,
    `  snapshot restore runs on the ${plan.restoreOn === 'node' ? 'nodes' : 'runner'}: ${plan.restoreOnReason}`,
    `  initial cluster ${plan.initialCluster}`,
    plan.live
      ? `  running cluster: revision ${plan.live.revision}, members ${plan.live.members.join(', ')}`
      : '  running cluster: not reachable',
  ];
  for (const m of plan.members) {
    lines.push(
      `  ${m.name} on ${m.node}: etcd ${m.version ?? '?'}, peer ${m.peerUrls.join(',')}, data ${m.dataHostPath} (owner ${m.owner})`,
      ...(m.nodeTool
        ? [
            `    restored there by ${m.nodeTool.path} (${m.nodeTool.kind} ${m.nodeTool.version}) from a copy of the snapshot in ${m.snapshotDir}`,
          ]
        : []),
      plan.mode === 'swap'
        ? `    swap: old data kept as ${m.aside}, restored data (${formatBytes(restoredBytes)}) put at ${m.target}`
        : `    new-dir: restored data (${formatBytes(restoredBytes)}) at ${m.target}; ${m.etcdManifest} rewritten to point at it`,
      `    stops ${[m.apiServerManifest, m.etcdManifest].filter(Boolean).join(' then ')} (held in ${m.holding})`,
    );
  }
  for (const w of plan.warnings) lines.push(`  warning: ${w}`);
  return lines;
}
