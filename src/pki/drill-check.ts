import type { OpeningKeys } from '../envelope/encryption';
import { describeError } from '../errors';
import type { BackupMetadata } from '../format';
import type { Logger } from '../util/log';
import { openFiles } from './bundle';
import { type CertificateCheck, checkCertificates } from './certificates';

export interface ControlPlaneDrill {
  nodes: string[];
  files: number;
  certificates: CertificateCheck[];
  /** Certificates that expire within 30 days. */
  warnings: string[];
  /** Why a node could not be rebuilt from this backup: the files do not open, or a certificate is wrong. */
  failures: string[];
}

/**
 * The drill's part for the control-plane files: they decrypt and match their metadata, and every certificate
 * parses, chains to a CA of the same backup, matches its key and has not expired.
 */
export async function drillControlPlaneFiles(
  metadata: BackupMetadata,
  sealed: Buffer | undefined,
  keys: OpeningKeys,
  log: Logger,
  now: Date = new Date(),
): Promise<ControlPlaneDrill | undefined> {
  const description = metadata.controlPlane;
  if (!description) return undefined;
  const result: ControlPlaneDrill = {
    nodes: description.nodes.map((n) => n.node),
    files: description.nodes.reduce((sum, n) => sum + n.files.length, 0),
    certificates: [],
    warnings: [],
    failures: [],
  };
  if (!sealed) {
    result.failures.push('the control-plane files listed in the metadata are not in the blob');
    return result;
  }
  try {
    const opened = await openFiles(sealed, description, metadata.envelope.encryption, keys, metadata.name);
    const report = checkCertificates(opened, now);
    result.certificates = report.checks;
    result.warnings = report.warnings;
    result.failures = report.failures;
  } catch (error) {
    result.failures.push(`the control-plane files do not open: ${describeError(error)}`);
  }
  for (const warning of result.warnings) log.warn(`certificate ${warning}`);
  const soonest = result.certificates
    .filter((c) => c.notAfter)
    .sort((a, b) => (a.notAfter ?? '').localeCompare(b.notAfter ?? ''))[0];
  log.info(
    `control-plane files: ${result.files} of ${result.nodes.join(', ')} open; ${result.certificates.length} certificates checked` +
      (soonest ? `, the first to expire is ${soonest.source} on ${soonest.notAfter}` : ''),
  );
  return result;
}
