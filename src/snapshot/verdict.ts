import { SNAPSHOT_EXIT } from './errors';
import type { Problem } from './problem';
import type { SnapshotReport } from './report';

export type Verdict = 'intact' | 'damaged' | 'no-trailer';

export function verdictOf(report: SnapshotReport): Verdict {
  if (!report.integrity.ok) return 'damaged';
  return report.trailer === 'missing' ? 'no-trailer' : 'intact';
}

export function exitCodeOf(report: SnapshotReport): number {
  const verdict = verdictOf(report);
  return verdict === 'intact'
    ? SNAPSHOT_EXIT.intact
    : verdict === 'damaged'
      ? SNAPSHOT_EXIT.damaged
      : SNAPSHOT_EXIT.noTrailer;
}

export function firstError(report: SnapshotReport): Problem | undefined {
  return report.integrity.problems.find((p) => p.severity === 'error');
}

/** One line saying what is wrong, naming the page/offset; undefined for an intact snapshot. */
export function verdictReason(report: SnapshotReport): string | undefined {
  switch (verdictOf(report)) {
    case 'intact':
      return undefined;
    case 'no-trailer':
      return `'${report.path}' has no integrity trailer (a raw member/snap/db copy?): structure is sound but nothing proves it is what etcd sent`;
    default: {
      const first = firstError(report);
      const more =
        report.integrity.problemCount > 1 ? ` (and ${report.integrity.problemCount - 1} more)` : '';
      return `'${report.path}' is damaged: ${first?.message ?? 'unknown problem'}${more}`;
    }
  }
}

/**
 * The one check of a verification's outcome, for backup, restore and drill: the snapshot must be intact and
 * carry etcd's trailer (a raw database without one proves nothing about where it came from). Otherwise throws
 * `reject` of a one-line reason naming the first problem, so each caller keeps its own error and hint.
 */
export function assertIntact(report: SnapshotReport, reject: (reason: string) => Error): void {
  if (report.integrity.ok && report.trailer === 'ok') return;
  const first = report.integrity.problems[0];
  throw reject(first ? first.message : `trailer ${report.trailer}`);
}
