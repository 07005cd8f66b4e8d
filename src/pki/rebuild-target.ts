import type { OpeningKeys } from '../envelope/encryption';
import type { EtcdTls } from '../etcd/client';
import type { BackupMetadata, StoredNode } from '../format';
import type { MemberConnection } from '../node/members';
import { connectToAnyUrl } from '../node/members';
import { matchingNodeTool, type NodeTool, probeNodeTools } from '../restore/node-tools';
import type { SshSession } from '../ssh';
import { type OpenedFiles, openFiles } from './bundle';
import { readIdentity } from './capture';
import { matchNode, type StoredEtcd, storedEtcdOf } from './node-match';
import { NodeLedger } from './put-back';
import { RebuildRefusedError } from './rebuild-errors';

/** One node being rebuilt: its session, its files from the backup, its etcd member, and its ledger of changes. */
export interface Target {
  session: SshSession;
  stored: StoredNode;
  etcd: StoredEtcd;
  files: Map<string, Buffer>;
  tool?: NodeTool;
  ledger: NodeLedger;
  /** Set when the node rejoins: its etcd manifest was put back, rewritten, by that step. */
  rejoinManifest?: boolean;
}

export async function openStoredFiles(
  metadata: BackupMetadata,
  sealed: Buffer | undefined,
  keys: OpeningKeys,
): Promise<OpenedFiles> {
  if (!metadata.controlPlane || !sealed) {
    throw new RebuildRefusedError(
      `${metadata.name} carries no control-plane files (taken with --no-control-plane-files, or by an older version)`,
      'pick a backup that lists its node files (etcd-backup list shows NODE FILES); nothing was changed',
    );
  }
  return openFiles(sealed, metadata.controlPlane, metadata.envelope.encryption, keys, metadata.name);
}

export async function matchTargets(
  sessions: SshSession[],
  metadata: BackupMetadata,
  opened: OpenedFiles,
  aside: string,
): Promise<Target[]> {
  const targets: Target[] = [];
  for (const session of sessions) {
    const identity = await readIdentity(session);
    const stored = matchNode(identity, metadata.controlPlane!.nodes, opened);
    if (targets.some((t) => t.stored.node === stored.node)) {
      throw new RebuildRefusedError(`${session.target} is ${stored.node} again: give each node once`);
    }
    const files = opened.get(stored.node)!;
    targets.push({
      session,
      stored,
      files,
      etcd: storedEtcdOf(stored, files),
      ledger: new NodeLedger(session, aside),
    });
  }
  return targets;
}

export async function findTools(targets: Target[], version: string, bump: boolean): Promise<void> {
  for (const target of targets) {
    const found = matchingNodeTool(await probeNodeTools(target.session), version, bump);
    if ('why' in found) {
      throw new RebuildRefusedError(
        `${target.stored.node} cannot restore the snapshot of etcd ${version}: ${found.why}`,
        'install etcdutl of that version on the node (the kubeadm packages do not bring it); nothing was changed',
      );
    }
    target.tool = found.tool;
  }
}

export function parseInitialCluster(value: string): Array<{ name: string; peerUrl: string }> {
  return value
    .split(',')
    .map((entry) => entry.split('='))
    .filter((p): p is [string, string] => p.length === 2 && !!p[0] && !!p[1])
    .map(([name, peerUrl]) => ({ name, peerUrl }));
}

export function tlsOf(target: Target): EtcdTls {
  const read = (path: string) => {
    const content = target.files.get(path);
    if (!content) throw new RebuildRefusedError(`the backup of ${target.stored.node} lacks ${path}`);
    return content;
  };
  return {
    ca: read(target.etcd.client.ca),
    cert: read(target.etcd.client.cert),
    key: read(target.etcd.client.key),
  };
}

/** A running member among the others, reached from the node being rebuilt at its peer host and client port. */
export async function reachRunningMember(
  target: Target,
  others: Array<{ name: string; peerUrl: string }>,
  connections: MemberConnection[],
): Promise<MemberConnection | undefined> {
  const port = new URL(target.etcd.clientUrls[0] ?? 'https://127.0.0.1:2379').port || '2379';
  const urls = others.map((m) => {
    const url = new URL(m.peerUrl);
    return `https://${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}`;
  });
  try {
    const connection = await connectToAnyUrl(target.session, urls, tlsOf(target));
    connections.push(connection);
    return connection;
  } catch {
    return undefined;
  }
}

export function manifestOf(target: Target) {
  return target.stored.files.find((f) => f.path === target.etcd.manifestPath)!;
}
