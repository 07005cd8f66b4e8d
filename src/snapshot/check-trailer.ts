import type { SnapshotFile } from './file';
import type { Findings } from './findings';
import type { SnapshotReport } from './report';
import { hasTrailerBySize, TRAILER_SIZE, type TrailerVerdict } from './trailer';

/**
 * Decides whether the file ends in a trailer and records size problems: a snapshot must be exactly
 * pgid × pageSize + 32 bytes; a raw data-dir copy may be longer than its database (preallocated). Starts
 * the file's sequential pass, hashing it unless the digest is known; the function it returns reads on to
 * the end of the hashed part and checks the trailer.
 */
export function startTrailerCheck(
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
  recordSizeProblems(size, trailer, available, dbBytes, pageSize, findings);
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

/** A snapshot is exactly pgid × pageSize (+ 32 for the trailer); a raw data-dir copy may be longer, in whole pages. */
function recordSizeProblems(
  size: number,
  trailer: boolean,
  available: number,
  dbBytes: bigint | undefined,
  pageSize: number,
  findings: Findings,
): void {
  if (dbBytes !== undefined && dbBytes > BigInt(available)) {
    findings.add({
      severity: 'error',
      kind: 'truncated',
      offset: available,
      message: `truncated at offset ${available}: the database needs ${dbBytes} bytes (meta pgid × page size)${trailer ? ', the file has fewer before its trailer' : ''}`,
    });
    return;
  }
  if (dbBytes !== undefined && dbBytes < BigInt(available)) {
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
}
