import { createHash } from 'node:crypto';
import type { ProgressSink } from '../util/progress';
import { crc32cFinal, crc32cInit, crc32cUpdate } from './crc32c';
import { SnapshotError } from './errors';
import { SnapshotFile } from './file';
import { readFreelistIds } from './freelist';
import { LiveKeyCount } from './live-key-count';
import { LiveKeys } from './live-keys';
import { MAGIC, type Meta, PAGE_HEADER_SIZE, PGID_NO_FREELIST, readMetas } from './meta';
import {
  decodeKeyValueAt,
  emptyKeyValueSpan,
  isTombstoneKeyLength,
  mainRevision,
  parseRevisionKey,
  type RevisionKey,
  revisionKeyProblem,
} from './mvcc';
import { BUCKET_HEADER_SIZE, PAGE_FLAG, pageTypeName } from './page';
import type { Problem, ProblemKind } from './problem';
import type { EtcdCompat, PageCounts, SnapshotReport } from './report';
import { normaliseStorageVersion } from './semver';
import { hasTrailerBySize, TRAILER_SIZE, type TrailerVerdict } from './trailer';
import { type BucketRoot, type EntryVisitor, MAX_REGION_BYTES, type StatusHash, TreeWalker } from './walk';

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

/** Kinds that stop us (and bbolt) from trusting the tree; the status fields are then left null. */
const NOT_STRUCTURAL: ReadonlySet<ProblemKind> = new Set([
  'trailer-mismatch',
  'trailer-missing',
  'truncated',
  'padded',
]);
const BUCKET_KEY = 'key';
const BUCKET_META = 'meta';

/**
 * Verifies an etcd snapshot file and computes etcd's `snapshot status` for it. Damage is reported in the
 * result, never thrown; throws SnapshotError only when the file cannot be read at all.
 */
export async function verifySnapshot(path: string, options: VerifyOptions = {}): Promise<SnapshotReport> {
  return (await analyseSnapshot(path, options)).report;
}

export async function analyseSnapshot(path: string, options: VerifyOptions = {}): Promise<SnapshotAnalysis> {
  const file = SnapshotFile.open(path);
  try {
    return await analyse(file, options);
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

class Findings {
  readonly kept: Problem[] = [];
  count = 0;
  errors = 0;
  structural = 0;

  constructor(private readonly max: number) {}

  readonly add = (problem: Problem): void => {
    this.count++;
    if (problem.severity === 'error') {
      this.errors++;
      if (!NOT_STRUCTURAL.has(problem.kind)) this.structural++;
    }
    if (this.kept.length < this.max) this.kept.push(problem);
  };
}

interface TopBucket {
  name: Buffer;
  label: string;
  value: Buffer;
  page: number;
}

async function analyse(file: SnapshotFile, options: VerifyOptions): Promise<SnapshotAnalysis> {
  const findings = new Findings(options.maxProblems ?? 100);
  const report: SnapshotReport = {
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
    etcdCompat: options.etcdCompat ?? '3.5',
    etcdCompatSource: options.etcdCompat ? 'option' : 'no-storage-version',
    storageVersion: null,
    pageSize: null,
    pages: null,
    buckets: {},
  };
  let liveKeys: LiveKeys | undefined;
  const finish = (): SnapshotAnalysis => {
    report.integrity.ok = findings.errors === 0;
    report.integrity.problemCount = findings.count;
    report.noIntegrityTrailer = report.trailer === 'missing';
    if (findings.structural > 0) {
      report.hash = report.revision = report.totalKey = report.totalSize = null;
      liveKeys = undefined;
    }
    if (!statusHasVersion(report.etcdCompat)) delete report.version;
    return { report, liveKeys };
  };

  if (file.size === 0) {
    findings.add({
      severity: 'error',
      kind: 'empty-file',
      offset: 0,
      message: 'the file is empty (0 bytes)',
    });
    report.sha256 = createHash('sha256').digest('hex');
    return finish();
  }

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
    await startTrailerCheck(file, undefined, metas.pageSize, report, findings)();
    return finish();
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
  const pageSize = chosen.pageSize;
  report.pageSize = pageSize;
  const dbBytes = chosen.pgid * BigInt(pageSize);
  // Size checks happen now; the file is then read once, front to back, for the hash (in a worker for large
  // files) and for the walk, which mostly moves forward too.
  const concludeTrailer = startTrailerCheck(
    file,
    dbBytes,
    pageSize,
    report,
    findings,
    options.databaseSha256,
  );

  const pgid = chosen.pgid > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(chosen.pgid);
  if (pgid < 3) {
    findings.add({
      severity: 'error',
      kind: 'meta-invalid',
      page: chosen.page,
      offset: chosen.page * pageSize + PAGE_HEADER_SIZE + 40,
      message: `meta page ${chosen.page}: pgid ${pgid} leaves no room for a root page`,
    });
    await concludeTrailer();
    return finish();
  }

  const walker = new TreeWalker(
    file,
    pageSize,
    pgid,
    findings.add,
    progressCounter(options, Number(dbBytes)),
  );
  walker.mark(0, 1);
  const freed = readFreelist(file, walker, chosen, findings);

  // The storage version decides the status semantics before the `key` bucket (which sorts first) is read,
  // so look it up first with a walker of its own whose findings are discarded (the main walk repeats them).
  const preview = new TreeWalker(file, pageSize, pgid, () => {});
  const metaBucket = topBuckets(preview, chosen, () => {}).find((b) => b.label === BUCKET_META);
  let finishedCompact: Buffer | undefined;
  if (metaBucket) {
    const root = bucketRoot(metaBucket, () => {});
    if (root) {
      preview.walk(root, BUCKET_META, (r, keyStart, keyEnd, valueEnd) => {
        const name = r.toString('latin1', keyStart, keyEnd);
        if (name === 'storageVersion') report.storageVersion = r.toString('utf8', keyEnd, valueEnd);
        else if (name === 'finishedCompactRev') finishedCompact = Buffer.from(r.subarray(keyEnd, valueEnd));
      });
    }
  }
  if (finishedCompact && finishedCompact.length >= 8) report.compactRevision = mainRevision(finishedCompact);
  if (!options.etcdCompat) {
    report.etcdCompat = compatOfStorageVersion(report.storageVersion);
    report.etcdCompatSource = report.storageVersion === null ? 'no-storage-version' : 'storage-version';
  }
  const strict = statusHasVersion(report.etcdCompat);
  // etcd 3.7 reads KeyValues with Go's standard protobuf, which skips a known field of the wrong wire type.
  const goProtobuf = report.etcdCompat === '3.7';
  if (strict) report.version = normaliseStorageVersion(report.storageVersion ?? '');

  if (options.liveKeys) liveKeys = new LiveKeys(options.liveKeys === 'detailed');
  // 3.6+'s totalKey needs only the number of live keys: a compact exact set when the keys are not wanted.
  const liveCount = strict && !liveKeys ? new LiveKeyCount() : undefined;
  const statusHash: StatusHash = { state: crc32cInit };
  // Filled in place for every revision: the walk of the key bucket makes no object per revision.
  const kv = emptyKeyValueSpan();
  let entries = 0;
  let lastRevision = 0;
  const nested: Array<{ root: BucketRoot; label: string }> = [];
  const rememberNested = (label: string, key: Buffer, value: Buffer, page: number) => {
    const root = bucketRoot(
      { label: `${label}/${printable(key)}`, value: Buffer.from(value), page },
      findings.add,
    );
    if (root) nested.push({ root, label: `${label}/${printable(key)}` });
  };

  for (const bucket of topBuckets(walker, chosen, findings.add)) {
    statusHash.state = crc32cUpdate(statusHash.state, bucket.name);
    const root = bucketRoot(bucket, findings.add);
    let count = 0;
    if (root) {
      const isKeyBucket = bucket.label === BUCKET_KEY;
      const visit: EntryVisitor = (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
        count++;
        if (isBucket) {
          rememberNested(bucket.label, r.subarray(keyStart, keyEnd), r.subarray(keyEnd, valueEnd), page);
          return;
        }
        if (!isKeyBucket) return;
        lastRevision = keyEnd - keyStart >= 8 ? mainRevision(r, keyStart) : 0;
        const problem = revisionKeyProblem(r, keyStart, keyEnd);
        if (problem !== undefined) {
          findings.add({
            severity: 'error',
            kind: 'revision-key',
            page,
            message: `page ${page}: ${problem} in bucket key`,
          });
          return;
        }
        if (!decodeKeyValueAt(r, keyEnd, valueEnd, kv, goProtobuf)) {
          const revision = parseRevisionKey(r.subarray(keyStart, keyEnd)) as RevisionKey;
          findings.add({
            severity: 'error',
            kind: 'kv-decode',
            page,
            message: `page ${page}: the value of revision ${revision.main}_${revision.sub} is not a valid mvccpb.KeyValue`,
          });
          return;
        }
        const tombstone = isTombstoneKeyLength(keyEnd - keyStart);
        liveKeys?.applyAt(r, kv, tombstone);
        liveCount?.applyRange(r, kv.keyStart, kv.keyEnd, tombstone);
      };
      walker.walk(root, bucket.label, visit, statusHash);
    }
    report.buckets[bucket.label] = count;
    entries += count;
  }
  while (nested.length > 0) {
    const next = nested.pop()!;
    walker.walk(next.root, next.label, (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
      if (isBucket)
        rememberNested(next.label, r.subarray(keyStart, keyEnd), r.subarray(keyEnd, valueEnd), page);
    });
  }

  report.pages = countPages(walker, freed, chosen, findings);
  report.hash = crc32cFinal(statusHash.state);
  report.revision = lastRevision;
  report.totalKey = strict ? (liveKeys?.size ?? liveCount!.size) : entries;
  report.totalSize = Number(dbBytes);
  await concludeTrailer();
  return finish();
}

/** 3.6 and later count live keys, parse revisions strictly and print the storage version. */
function statusHasVersion(compat: EtcdCompat): boolean {
  return compat === '3.6' || compat === '3.7';
}

/**
 * The status semantics a snapshot's own storage version implies: none → 3.5, 3.7.x and later → 3.7, any
 * other (3.6.x, or one that does not parse) → 3.6.
 */
export function compatOfStorageVersion(storageVersion: string | null): EtcdCompat {
  if (storageVersion === null) return '3.5';
  const [major = Number.NaN, minor = Number.NaN] = storageVersion.split('.').map((p) => Number(p));
  return major > 3 || (major === 3 && minor >= 7) ? '3.7' : '3.6';
}

function progressCounter(options: VerifyOptions, total: number): ((bytes: number) => void) | undefined {
  const sink = options.onProgress;
  if (!sink) return undefined;
  const interval = options.progressIntervalMs ?? 5000;
  const started = Date.now();
  let last = started;
  let bytes = 0;
  let calls = 0;
  return (n) => {
    bytes += n;
    if (++calls % 256 !== 0) return;
    const now = Date.now();
    if (now - last < interval) return;
    last = now;
    const elapsedSeconds = (now - started) / 1000;
    const bytesPerSecond = bytes / Math.max(elapsedSeconds, 0.001);
    const etaSeconds = bytesPerSecond > 0 ? Math.max(total - bytes, 0) / bytesPerSecond : undefined;
    sink({ label: 'verifying snapshot', bytes, total, bytesPerSecond, etaSeconds, elapsedSeconds });
  };
}

/** The root bucket's entries (the top-level buckets), copied out of page memory. */
function topBuckets(walker: TreeWalker, meta: Meta, add: (p: Problem) => void): TopBucket[] {
  const buckets: TopBucket[] = [];
  const rootPage = meta.rootPgid > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(meta.rootPgid);
  walker.walk({ page: rootPage }, 'root', (r, keyStart, keyEnd, valueEnd, isBucket, page) => {
    const key = r.subarray(keyStart, keyEnd);
    if (!isBucket) {
      add({
        severity: 'error',
        kind: 'bucket',
        page,
        message: `page ${page}: the root holds a plain key ${printable(key)} where only buckets belong`,
      });
      return;
    }
    buckets.push({
      name: Buffer.from(key),
      label: printable(key),
      value: Buffer.from(r.subarray(keyEnd, valueEnd)),
      page,
    });
  });
  return buckets;
}

function bucketRoot(bucket: Omit<TopBucket, 'name'>, add: (p: Problem) => void): BucketRoot | undefined {
  if (bucket.value.length < BUCKET_HEADER_SIZE) {
    add({
      severity: 'error',
      kind: 'bucket',
      page: bucket.page,
      message: `page ${bucket.page}: bucket ${bucket.label} has a ${bucket.value.length}-byte header (expected ${BUCKET_HEADER_SIZE})`,
    });
    return undefined;
  }
  const root = bucket.value.readBigUInt64LE(0);
  if (root === 0n) return { inline: bucket.value, ownerPage: bucket.page };
  return { page: root > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(root) };
}

/** Loads a persisted freelist and marks its pages reached; returns the freed page set, or undefined. */
function readFreelist(
  file: SnapshotFile,
  walker: TreeWalker,
  meta: Meta,
  findings: Findings,
): Uint8Array | undefined {
  if (meta.freelistPgid === PGID_NO_FREELIST) return undefined;
  const pageSize = walker.pageSize;
  const id = meta.freelistPgid > BigInt(walker.pgid) ? walker.pgid : Number(meta.freelistPgid);
  const freed = new Uint8Array(walker.reachable.length);
  // A freelist that cannot be read is reported once; the pages are then judged as if none was persisted.
  const fail = (message: string, offset?: number): undefined => {
    findings.add({
      severity: 'error',
      kind: 'freelist',
      page: id,
      offset,
      message: `page ${id}: ${message}`,
    });
    return undefined;
  };
  if (id < 2 || id >= walker.pgid || id >= walker.reachable.length) {
    return fail(`the meta's freelist page ${meta.freelistPgid} is out of bounds (pgid ${walker.pgid})`);
  }
  const offset = id * pageSize;
  const header = file.read(offset, PAGE_HEADER_SIZE);
  if (header.length < PAGE_HEADER_SIZE) return fail('freelist page lies beyond the end of the file', offset);
  const flags = header.readUInt16LE(8);
  const overflow = header.readUInt32LE(12);
  if (header.readBigUInt64LE(0) !== BigInt(id))
    return fail(`freelist page header says page ${header.readBigUInt64LE(0)}`, offset);
  if (flags !== PAGE_FLAG.freelist)
    return fail(`invalid type ${pageTypeName(flags)} for the freelist`, offset + 8);
  if (id + overflow >= walker.pgid)
    return fail(`freelist overflow ${overflow} runs past pgid ${walker.pgid}`, offset + 12);
  if ((overflow + 1) * pageSize > MAX_REGION_BYTES)
    return fail(`freelist of ${overflow + 1} pages is too large`, offset);
  walker.mark(id, overflow);
  const region = file.read(offset, (overflow + 1) * pageSize);
  const list = readFreelistIds(region, header.readUInt16LE(10));
  if ('error' in list) return fail(list.error, offset);
  for (const big of list.ids) {
    if (big < 2n || big >= BigInt(walker.pgid) || big >= BigInt(freed.length)) {
      findings.add({
        severity: 'error',
        kind: 'freelist',
        page: id,
        message: `page ${id}: the freelist lists page ${big}, outside [2, ${walker.pgid})`,
      });
      continue;
    }
    const p = Number(big);
    if (freed[p])
      findings.add({ severity: 'error', kind: 'freelist', page: p, message: `page ${p}: already freed` });
    freed[p] = 1;
  }
  return freed;
}

function countPages(
  walker: TreeWalker,
  freed: Uint8Array | undefined,
  meta: Meta,
  findings: Findings,
): PageCounts {
  let reachable = 0;
  let free = 0;
  const reached = walker.reachable;
  for (let p = 0; p < reached.length; p++) {
    if (reached[p]) {
      reachable++;
      if (freed?.[p]) {
        findings.add({
          severity: 'error',
          kind: 'reachable-freed',
          page: p,
          message: `page ${p}: reachable freed`,
        });
      }
    } else if (!freed || freed[p]) {
      free++;
    } else {
      findings.add({
        severity: 'error',
        kind: 'unreachable-unfreed',
        page: p,
        offset: p * walker.pageSize,
        message: `page ${p} at offset ${p * walker.pageSize}: unreachable unfreed`,
      });
    }
  }
  return {
    total: walker.pgid,
    reachable,
    free,
    freelist: meta.freelistPgid === PGID_NO_FREELIST ? 'not-persisted' : 'persisted',
  };
}

/**
 * Decides whether the file ends in a trailer and records size problems: a snapshot must be exactly
 * pgid × pageSize + 32 bytes; a raw data-dir copy may be longer than its database (preallocated). Starts
 * the file's sequential pass, hashing it unless the digest is known; the function it returns reads on to
 * the end of the hashed part and checks the trailer.
 */
function startTrailerCheck(
  file: SnapshotFile,
  dbBytes: bigint | undefined,
  pageSize: number,
  report: SnapshotReport,
  findings: Findings,
  knownDatabaseSha256?: string,
): () => Promise<void> {
  const size = file.size;
  const trailer = hasTrailerBySize(size);
  const available = trailer ? size - TRAILER_SIZE : size;
  const expected =
    dbBytes === undefined ? available : dbBytes > BigInt(available) ? available : Number(dbBytes);
  if (dbBytes !== undefined && dbBytes > BigInt(available)) {
    findings.add({
      severity: 'error',
      kind: 'truncated',
      offset: available,
      message: `truncated at offset ${available}: the database needs ${dbBytes} bytes (meta pgid × page size)${trailer ? ', the file has fewer before its trailer' : ''}`,
    });
  } else if (dbBytes !== undefined && dbBytes < BigInt(available)) {
    const extra = available - Number(dbBytes);
    // bbolt grows a data file in whole pages, so a raw copy's tail is page-aligned; anything else was cut
    // or appended to.
    const aligned = !trailer && extra % pageSize === 0;
    const cutTrailer = !trailer && extra < TRAILER_SIZE;
    findings.add({
      severity: aligned ? 'warning' : 'error',
      kind: cutTrailer ? 'truncated' : 'padded',
      offset: Number(dbBytes),
      message: cutTrailer
        ? `truncated at offset ${size}: only ${extra} of the 32 trailer bytes follow the database end at offset ${dbBytes}`
        : trailer
          ? `${extra} unexpected bytes at offset ${dbBytes} between the database end and the trailer`
          : aligned
            ? `${extra} bytes past the database end at offset ${dbBytes} (normal for a data-dir copy: preallocated space)`
            : `file size ${size} at offset ${size}: neither database + 32-byte trailer nor whole pages past the database end at offset ${dbBytes} (truncated or appended to)`,
    });
  }
  if (!trailer) {
    findings.add({
      severity: 'warning',
      kind: 'trailer-missing',
      offset: size,
      message: `no integrity trailer (file size ${size} is not 32 more than a multiple of 512): a raw member/snap/db copy? Nothing proves these are the bytes etcd sent`,
    });
  }
  // The trailer covers everything before it; the reported sha256 covers the database part only.
  const cuts = trailer && expected !== available ? [expected, available] : [trailer ? available : expected];
  const known =
    knownDatabaseSha256 && trailer && expected === available
      ? Buffer.from(knownDatabaseSha256, 'hex')
      : undefined;
  const hashing = file.startSequential(known ? [] : cuts);
  // Settled as rejected if the walk fails and the file is closed first; that needs no handling.
  hashing?.catch(() => {});
  return async () => {
    file.finishSequential();
    const digests = known ? [known] : await hashing!;
    const digest = digests.at(-1)!;
    report.sha256 = digests[0]!.toString('hex');
    let verdict: TrailerVerdict = 'missing';
    if (trailer) {
      const stored = file.read(available, TRAILER_SIZE);
      verdict = stored.equals(digest) ? 'ok' : 'mismatch';
      if (verdict === 'mismatch') {
        findings.add({
          severity: 'error',
          kind: 'trailer-mismatch',
          offset: available,
          message: `integrity trailer at offset ${available} does not match: SHA-256 of the first ${available} bytes is ${digest.toString('hex').slice(0, 16)}…, the trailer says ${stored.toString('hex').slice(0, 16)}…`,
        });
      }
    }
    report.trailer = verdict;
  };
}

/** A key for a message: printable ASCII as is, anything else as hex. */
export function printable(key: Buffer): string {
  const text = key.toString('latin1');
  return /^[\x20-\x7e]*$/.test(text) && text.length <= 80
    ? text
    : `0x${key.subarray(0, 40).toString('hex')}${key.length > 40 ? '…' : ''}`;
}
