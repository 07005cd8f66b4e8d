import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import type { BackupMetadata } from '../format';
import { analyseSnapshot, type SnapshotAnalysis } from '../snapshot';
import { assertIntact } from '../snapshot/verdict';

export class BackupRejectedError extends EtcdBackupError {
  constructor(message: string) {
    super(message, {
      hint: 'this backup cannot be trusted; pick another one (etcd-backup list) and check the store',
      exitCode: EXIT.verificationFailed,
    });
  }
}

/**
 * The verify step: the full verification of the fetched snapshot, with every live key and value (the check
 * step compares the restored cluster with them), and its revision against what the metadata promised.
 */
export async function verifyBackup(metadata: BackupMetadata, path: string): Promise<SnapshotAnalysis> {
  const analysis = await analyseSnapshot(path, { liveKeys: 'detailed' });
  const report = analysis.report;
  assertIntact(
    report,
    (reason) => new BackupRejectedError(`${metadata.name} failed verification after download: ${reason}`),
  );
  if (report.revision !== metadata.etcd.revision) {
    throw new BackupRejectedError(
      `${metadata.name} holds revision ${report.revision} but its metadata says ${metadata.etcd.revision}`,
    );
  }
  return analysis;
}
