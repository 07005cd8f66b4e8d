import { createReadStream } from 'node:fs';
import { hostname } from 'node:os';
import {
  type BackupMetadata,
  backupName,
  type ControlPlaneFilesDescription,
  type EnvelopeDescription,
  METADATA_SCHEMA_VERSION,
  METADATA_SCHEMA_VERSION_WITH_FILES,
  type MetadataDraft,
  type MetadataInventory,
} from '../format';
import type { BackupStore } from '../store/store';
import type { Logger } from '../util/log';
import { VERSION } from '../version';
import type { AcquiredSnapshot } from './acquire-grpc';
import type { SnapshotSource } from './discover';
import type { EtcdAccess } from './target';
import type { VerifiedReport } from './verify-snapshot';

/** Everything the earlier steps learnt that the stored metadata records. */
export interface BackupFacts {
  cluster: string;
  createdAt: Date;
  /** The node we logged in to, when discovery found no member name. */
  target: string;
  access: EtcdAccess;
  source: Pick<SnapshotSource, 'health' | 'member'>;
  acquired: AcquiredSnapshot;
  report: VerifiedReport;
  inventory: MetadataInventory | undefined;
  envelope: Omit<EnvelopeDescription, 'blob'>;
  timings: Record<string, number>;
  /** The control-plane files sealed after the snapshot in the same blob, when kept. */
  controlPlane?: ControlPlaneFilesDescription;
}

/** The store step: the sealed file and its metadata into the store, under the backup's name. */
export async function storeBackup(
  store: BackupStore,
  facts: BackupFacts,
  sealedPath: string,
  log: Logger,
): Promise<BackupMetadata> {
  const draft = draftOf(facts);
  const metadata = await store.put(
    draft.name,
    createReadStream(sealedPath, { highWaterMark: 1 << 20 }),
    draft,
  );
  log.info(`stored ${draft.name} in ${store.location}`);
  return metadata;
}

function draftOf(facts: BackupFacts): MetadataDraft {
  const { report, access, acquired, inventory } = facts;
  const { member, health } = facts.source;
  const status = member.status;
  return {
    schemaVersion: facts.controlPlane ? METADATA_SCHEMA_VERSION_WITH_FILES : METADATA_SCHEMA_VERSION,
    name: backupName(facts.cluster, facts.createdAt, report.revision),
    createdAt: facts.createdAt.toISOString(),
    cluster: facts.cluster,
    node: access.memberName ?? facts.target,
    member: { id: member.id.toString(16), name: member.name },
    etcd: {
      version: status?.version ?? access.version ?? 'unknown',
      revision: report.revision,
      ...(report.compactRevision !== null ? { compactRevision: report.compactRevision } : {}),
      ...(report.hash !== null ? { hash: report.hash } : {}),
      ...(report.totalKey !== null ? { totalKey: report.totalKey } : {}),
      totalSize: report.totalSize,
      ...(health.leader ? { leader: health.leader.name } : {}),
      ...(status ? { raftIndex: Number(status.raftIndex), raftTerm: Number(status.raftTerm) } : {}),
    },
    snapshot: { sha256: acquired.sha256, size: acquired.bytes },
    ...(inventory ? { inventory } : {}),
    timings: facts.timings,
    toolVersion: `etcd-backup ${VERSION} on ${hostname()}`,
    envelope: facts.envelope,
    ...(facts.controlPlane ? { controlPlane: facts.controlPlane } : {}),
  };
}
