/**
 * Envelope cost, measured: `npx tsx test/envelope/measure-envelope.ts [MiB]` (default 256).
 *
 * A k8s-like snapshot file is written first (test/envelope/k8s-like-data.ts), then each case streams it
 * from disk to a sink, hashing the stored bytes as every store does:
 *   raw        — storing the snapshot as is (the baseline the ≤ 20 % target is measured against)
 *   zstd       — compression only (encryption 'none')
 *   age        — encryption only (compression 'none')
 *   zstd+age   — the default envelope
 *   open       — decrypt + decompress + verify the snapshot digest
 * for two sinks: local disk (a folder store: the worst case for the envelope, since the raw path is only a
 * disk copy) and a link throttled to 50 MB/s (a GitHub upload: fewer bytes to send is then what counts).
 * Prints one JSON object; exported for the benchmark runner as measureEnvelope().
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { DigestStream } from '../../src/envelope/digest';
import type { EncryptionChoice } from '../../src/envelope/encryption';
import { open } from '../../src/envelope/open';
import { seal } from '../../src/envelope/seal';
import type { Compression } from '../../src/format';
import { k8sLikeSnapshot } from './k8s-like-data';

const MB = 1_000_000;

function throttledSink(bytesPerSecond: number): Writable {
  const started = Date.now();
  let sent = 0;
  return new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      const due = started + (sent / bytesPerSecond) * 1000;
      const wait = due - Date.now();
      if (wait <= 0) setImmediate(done);
      else setTimeout(done, wait);
    },
  });
}

interface CaseResult {
  /** Best wall time of `RUNS` runs: the machine is shared, the minimum is the least disturbed. */
  seconds: number;
  /** Process CPU time (all threads, zstd's included) of that run. */
  cpuSeconds: number;
  storedBytes: number;
  mbPerSecond: number;
  peakRssMiB: number;
}

const RUNS = 3;

async function timeCase(
  source: () => Readable,
  transform: ((s: Readable) => Promise<Readable>) | undefined,
  sink: () => Writable,
  size: number,
): Promise<CaseResult> {
  let best: CaseResult | undefined;
  for (let run = 0; run < RUNS; run++) {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const digest = new DigestStream();
    const input = transform ? await transform(source()) : source();
    await pipeline(input, digest, sink());
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    const result = {
      seconds: round(seconds),
      cpuSeconds: round((used.user + used.system) / 1e6),
      storedBytes: digest.size,
      mbPerSecond: round(size / MB / seconds),
      peakRssMiB: Math.round(peak / 2 ** 20),
    };
    if (!best || result.seconds < best.seconds) best = result;
  }
  return best!;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function measureEnvelope(mib = 256) {
  const dir = await mkdtemp(join(tmpdir(), 'measure-envelope-'));
  try {
    const snapshotPath = join(dir, 'snapshot.db');
    await pipeline(k8sLikeSnapshot(mib * 2 ** 20), createWriteStream(snapshotPath));
    const size = (await stat(snapshotPath)).size;
    const identity = await generateIdentity();
    const recipients = {
      kind: 'recipients',
      recipients: [await identityToRecipient(identity)],
    } as EncryptionChoice;
    const read = () => createReadStream(snapshotPath, { highWaterMark: 1 << 20 });
    const sealWith = (encryption: EncryptionChoice, compression: Compression) => async (s: Readable) =>
      (await seal(s, { encryption, compression })).blob;
    const cases = {
      raw: undefined,
      zstd: sealWith({ kind: 'none' }, 'zstd'),
      age: sealWith(recipients, 'none'),
      'zstd+age': sealWith(recipients, 'zstd'),
    };
    const disk = () => createWriteStream(join(dir, 'out'));
    const link = () => throttledSink(50 * MB);
    const results: Record<string, Record<string, CaseResult>> = { disk: {}, link50MBps: {} };
    for (const [name, transform] of Object.entries(cases))
      results.disk![name] = await timeCase(read, transform, disk, size);
    for (const [name, transform] of Object.entries(cases))
      results.link50MBps![name] = await timeCase(read, transform, link, size);

    const blobPath = join(dir, 'blob.age');
    const sealed = await seal(read(), { encryption: recipients });
    const blobDigest = new DigestStream();
    await pipeline(sealed.blob, blobDigest, createWriteStream(blobPath));
    const sealedInput = await sealed.snapshot;
    if (sealedInput.sha256 === undefined) throw new Error('the seal hashes its input by default');
    const snapshot = { sha256: sealedInput.sha256, size: sealedInput.size };
    const openCase = await timeCase(
      () => createReadStream(blobPath, { highWaterMark: 1 << 20 }),
      (s) =>
        open(s, {
          keys: { identities: [identity] },
          envelope: {
            compression: 'zstd',
            encryption: { kind: 'age-recipients', recipients: [] },
            blob: blobDigest.digest,
          },
          snapshot,
        }),
      () => new Writable({ write: (_c, _e, done) => done() }),
      size,
    );
    const overhead = (sink: string) =>
      round(
        ((results[sink]!['zstd+age']!.seconds - results[sink]!.raw!.seconds) / results[sink]!.raw!.seconds) *
          100,
      );
    return {
      snapshotBytes: size,
      compressionRatio: round(size / results.disk!.zstd!.storedBytes),
      envelopeBytes: blobDigest.digest.size,
      results,
      open: openCase,
      envelopeOverheadPercent: { disk: overhead('disk'), link50MBps: overhead('link50MBps') },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureEnvelope(Number(process.argv[2] ?? 256)), null, 2));
}
