import { createHash } from 'node:crypto';
import { ProgressMeter, type ProgressSink } from '../util/progress';
import { walkBuckets } from './bucket-walk';
import { startTrailerCheck } from './check-trailer';
import { crc32cFinal } from './crc32c';
import { SnapshotError } from './errors';
import { SnapshotFile } from './file';
import { Findings } from './findings';
import { LiveKeyCount } from './live-key-count';
import { LiveKeys } from './live-keys';
import { MAGIC, type Meta, PAGE_HEADER_SIZE, readMetas } from './meta';
import { countPages, readFreelist } from './page-count';
import type { Problem } from './problem';
import type { EtcdCompat, SnapshotReport } from './report';
import { readStatusRules, statusHasVersion } from './status-rules';
import { TreeWalker } from './walk';

export interface VerifyOptions {
  /**
   * Whose `snapshot status` semantics to follow; default: the storage version's (3.6, or 3.7 from a 3.7
   * storage version on), 3.5 without one.
   */
  etcdCompat?: EtcdCompat;
  /** Keep the live keys (and, if 'detailed', a summary of each value) for inventory and diff. */
  liveKeys?: false | 'keys' | 'detailed';
  /** How many problems to keep in the report (all are counted). Default 100. */
  maxProblems?: number;
  /** Called every few seconds during the walk of a large file (bytes of pages read so far, of the total). */
  onProgress?: ProgressSink;
  progressIntervalMs?: number;
  /**
   * SHA-256 (hex) of the database part, already computed over exactly the bytes that were written to this
   * file (a backup hashes the snapshot as it streams in). The file is then not hashed a second time; the
   * trailer is compared with this digest instead.
   */
  databaseSha256?: string;
}

export interface SnapshotAnalysis {
  report: SnapshotReport;
  /** Present when asked for and the `key` bucket could be read. */
  liveKeys: LiveKeys | undefined;
}

/**
 * Verifies an etcd snapshot file and computes etcd's `snapshot status` for it. Damage is reported in the
 * result, never thrown; throws SnapshotError only when the file cannot be read at all.
 */
export async function verifySnapshot(path: string, options: VerifyOptions = {}): Promise<SnapshotReport> {
  return (await analyzeSnapshot(path, options)).report;
}

export async function analyzeSnapshot(path: string, options: VerifyOptions = {}): Promise<SnapshotAnalysis> {
  const file = SnapshotFile.open(path);
  try {
    return await analyze(file, options);
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    // A reader bug must still end as one line, not a stack trace.
    throw new SnapshotError(
      `cannot verify '${path}': ${error instanceof Error ? error.message : String(error)}`,
      {
        hint: 'this is a bug in the snapshot reader; please report it with the file if you can share it',
        cause: error,
      },
    );
  } finally {
    // Also stops a hashing worker that is still at work if the walk failed.
    file.close();
  }
}

/**
 * meta → trailer → status rules → bucket walk → page count. Each step records its problems in `findings`
 * and its results in the report; a step that leaves nothing to go on ends the analysis early.
 */
async function analyze(file: SnapshotFile, options: VerifyOptions): Promise<SnapshotAnalysis> {
  const findings = new Findings(options.maxProblems ?? 100);
  const report = emptyReport(file, findings, options.etcdCompat);
  const done = (liveKeys?: LiveKeys) => finish(report, findings, liveKeys);
  if (file.size === 0) {
    findings.add({
      severity: 'error',
      kind: 'empty-file',
      offset: 0,
      message: 'the file is empty (0 bytes)',
    });
    report.sha256 = createHash('sha256').digest('hex');
    return done();
  }
  const { chosen, pageSize } = chooseMeta(file, findings);
  if (!chosen) {
    await startTrailerCheck(file, undefined, pageSize, report, findings)();
    return done();
  }
  report.pageSize = chosen.pageSize;
  const dbBytes = chosen.pgid * BigInt(chosen.pageSize);
  // Size checks happen now; the file is then read once, front to back, for the hash (in a worker for large
  // files) and for the walk, which mostly moves forward too.
  const concludeTrailer = startTrailerCheck(
    file,
    dbBytes,
    chosen.pageSize,
    report,
    findings,
    options.databaseSha256,
  );
  const pgid = chosen.pgid > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(chosen.pgid);
  if (pgid < 3) {
    findings.add(noRootPage(chosen, pgid));
    await concludeTrailer();
    return done();
  }
  const walker = new TreeWalker(
    file,
    chosen.pageSize,
    pgid,
    findings.add,
    progressCounter(options, Number(dbBytes)),
  );
  walker.mark(0, 1);
  const freed = readFreelist(file, walker, chosen, findings);
  const { strict, goProtobuf } = readStatusRules(file, chosen, pgid, report, options.etcdCompat);
  const liveKeys = options.liveKeys ? new LiveKeys(options.liveKeys === 'detailed') : undefined;
  // 3.6+'s totalKey needs only the number of live keys: a compact exact set when the keys are not wanted.
  const liveCount = strict && !liveKeys ? new LiveKeyCount() : undefined;
  const walk = walkBuckets(walker, chosen, findings, { keys: liveKeys, count: liveCount }, goProtobuf);
  report.buckets = walk.counts;
  report.pages = countPages(walker, freed, chosen, findings);
  report.hash = crc32cFinal(walk.statusHash.state);
  report.revision = walk.lastRevision;
  report.totalKey = strict ? (liveKeys?.size ?? liveCount!.size) : walk.entries;
  report.totalSize = Number(dbBytes);
  await concludeTrailer();
  return done(liveKeys);
}

function noRootPage(meta: Meta, pgid: number): Problem {
  return {
    severity: 'error',
    kind: 'meta-invalid',
    page: meta.page,
    offset: meta.page * meta.pageSize + PAGE_HEADER_SIZE + 40,
    message: `meta page ${meta.page}: pgid ${pgid} leaves no room for a root page`,
  };
}

function emptyReport(
  file: SnapshotFile,
  findings: Findings,
  etcdCompat: EtcdCompat | undefined,
): SnapshotReport {
  return {
    hash: null,
    revision: null,
    totalKey: null,
    totalSize: null,
    compactRevision: null,
    sha256: '',
    trailer: 'missing',
    noIntegrityTrailer: true,
    integrity: { ok: false, problems: findings.kept, problemCount: 0 },
    path: file.path,
    fileSize: file.size,
    etcdCompat: etcdCompat ?? '3.5',
    etcdCompatSource: etcdCompat ? 'option' : 'no-storage-version',
    storageVersion: null,
    pageSize: null,
    pages: null,
    buckets: {},
  };
}

/** The verdict from the findings; a structure that cannot be trusted leaves the status fields null. */
function finish(
  report: SnapshotReport,
  findings: Findings,
  liveKeys: LiveKeys | undefined,
): SnapshotAnalysis {
  report.integrity.ok = findings.errors === 0;
  report.integrity.problemCount = findings.count;
  report.noIntegrityTrailer = report.trailer === 'missing';
  const trusted = findings.structural === 0;
  if (!trusted) report.hash = report.revision = report.totalKey = report.totalSize = null;
  if (!statusHasVersion(report.etcdCompat)) delete report.version;
  return { report, liveKeys: trusted ? liveKeys : undefined };
}

/** bbolt's rule: the valid meta page with the newest txid; an invalid one beside it is a warning. */
function chooseMeta(file: SnapshotFile, findings: Findings): { chosen: Meta | undefined; pageSize: number } {
  const metas = readMetas(file);
  const chosen = metas.chosen;
  if (!chosen) {
    const [m0, m1] = metas.metas;
    const notBbolt = m0.magic !== MAGIC && m1.magic !== MAGIC;
    findings.add({
      severity: 'error',
      kind: notBbolt ? 'not-bbolt' : 'meta-invalid',
      page: 0,
      offset: 0,
      message: notBbolt
        ? `not an etcd snapshot: no bbolt meta page at offset 0 or ${metas.pageSize} (${m0.invalid})`
        : `both meta pages are invalid: meta 0 at offset 0: ${m0.invalid}; meta 1 at offset ${metas.pageSize}: ${m1.invalid}`,
    });
    return { chosen: undefined, pageSize: metas.pageSize };
  }
  for (const m of metas.metas) {
    if (m.invalid === undefined) continue;
    findings.add({
      severity: 'warning',
      kind: 'meta-invalid',
      page: m.page,
      offset: m.page * metas.pageSize,
      message: `meta page ${m.page} at offset ${m.page * metas.pageSize}: ${m.invalid}; using meta page ${chosen.page} (txid ${chosen.txid})`,
    });
  }
  return { chosen, pageSize: chosen.pageSize };
}

/** Progress of the walk as bytes of pages read; checked every 256 pages so the walk does not pay for the clock. */
function progressCounter(options: VerifyOptions, total: number): ((bytes: number) => void) | undefined {
  const sink = options.onProgress;
  if (!sink) return undefined;
  const meter = new ProgressMeter('verifying snapshot', sink, total, options.progressIntervalMs ?? 5000);
  let pending = 0;
  let calls = 0;
  return (n) => {
    pending += n;
    if (++calls % 256 !== 0) return;
    meter.count(pending);
    pending = 0;
  };
}
