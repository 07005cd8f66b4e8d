import { SNAPSHOT_EXIT, SnapshotError } from './errors';
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
 * For backup, restore and drill: throws SnapshotError unless the snapshot is intact (or, when allowed, a
 * structurally sound raw database without trailer).
 */
export function assertIntact(report: SnapshotReport, options: { allowMissingTrailer?: boolean } = {}): void {
  const verdict = verdictOf(report);
  if (verdict === 'intact' || (verdict === 'no-trailer' && options.allowMissingTrailer)) return;
  throw new SnapshotError(verdictReason(report)!, {
    exitCode: exitCodeOf(report),
    hint:
      verdict === 'no-trailer'
        ? 'take the snapshot with etcdctl snapshot save (or this tool), or explicitly accept a file without trailer'
        : 'do not restore from this file; use another backup',
  });
}
