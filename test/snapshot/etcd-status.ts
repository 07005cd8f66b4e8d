import type { EtcdBinaries } from '../../sandbox/etcd-binaries';
import { verifySnapshot } from '../../src/snapshot/analyze';
import type { EtcdCompat, SnapshotReport } from '../../src/snapshot/report';
import { run } from '../support/local-etcd';

/** What `etcdctl|etcdutl snapshot status -w json` prints. */
export interface EtcdToolStatus {
  hash: number;
  revision: number;
  totalKey: number;
  totalSize: number;
  version?: string;
}

/** Runs the etcd tool of that build on the file: etcdctl for 3.4, etcdutl for 3.5 and later. */
export async function etcdToolStatus(binaries: EtcdBinaries, snapshot: string): Promise<EtcdToolStatus> {
  const tool = binaries.etcdutl ?? binaries.etcdctl;
  return JSON.parse(await run(tool, ['snapshot', 'status', '-w', 'json', snapshot])) as EtcdToolStatus;
}

const FIELDS = ['hash', 'revision', 'totalKey', 'totalSize', 'version'] as const;

/**
 * Field-by-field comparison of our report with the etcd tool's JSON; returns the differences (empty when
 * identical). `version` must be present in both or in neither. Reusable by the sandbox-based tests.
 */
export async function compareStatusWithEtcd(
  binaries: EtcdBinaries,
  snapshot: string,
  etcdCompat?: EtcdCompat,
): Promise<{ ours: SnapshotReport; theirs: EtcdToolStatus; differences: string[] }> {
  const theirs = await etcdToolStatus(binaries, snapshot);
  const ours = await verifySnapshot(snapshot, etcdCompat ? { etcdCompat } : {});
  const differences: string[] = [];
  for (const field of FIELDS) {
    const a = (ours as unknown as Record<string, unknown>)[field];
    const b = (theirs as unknown as Record<string, unknown>)[field];
    if (a !== b)
      differences.push(`${field}: ours ${JSON.stringify(a)}, etcd ${binaries.version} ${JSON.stringify(b)}`);
  }
  return { ours, theirs, differences };
}
