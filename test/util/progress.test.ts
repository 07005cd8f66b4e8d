import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { formatProgress, ProgressMeter, type ProgressReport } from '../../src/util/progress';

describe('progress of a long transfer', () => {
  it('reports bytes, rate and ETA at its interval while data flows, and once at the end', async () => {
    const reports: ProgressReport[] = [];
    const meter = new ProgressMeter('snapshot', (r) => reports.push(r), 10 * 1024, 20);
    async function* slowly() {
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 15));
        yield Buffer.alloc(1024);
      }
    }
    await pipeline(Readable.from(slowly()), meter, new Writable({ write: (_c, _e, done) => done() }));
    expect(reports.length).toBeGreaterThanOrEqual(3);
    const middle = reports[0]!;
    expect(middle.bytes).toBeGreaterThan(0);
    expect(middle.bytes).toBeLessThan(10 * 1024);
    expect(middle.etaSeconds).toBeGreaterThan(0);
    const last = reports.at(-1)!;
    expect(last.bytes).toBe(10 * 1024);
    expect(last.etaSeconds).toBe(0);
    expect(formatProgress(last)).toMatch(/^snapshot: 10\.0 KiB of 10\.0 KiB at [\d.]+ (KiB|MiB)\/s, ETA 0s$/);
  });

  it('says nothing about an ETA when the total is not known', () => {
    const text = formatProgress({
      label: 'fetch',
      bytes: 5 * 1024 * 1024,
      total: undefined,
      bytesPerSecond: 1024 * 1024,
      etaSeconds: undefined,
      elapsedSeconds: 5,
    });
    expect(text).toBe('fetch: 5.0 MiB at 1.0 MiB/s');
  });

  it('marks a guessed total as such, and its ETA never goes below zero when the guess was short', () => {
    const reports: ProgressReport[] = [];
    const guessed = new ProgressMeter('snapshot', (r) => reports.push(r), undefined, 0);
    guessed.setEstimate(1024);
    guessed.count(2048);
    expect(reports.at(-1)).toMatchObject({ total: 1024, totalIsEstimate: true, etaSeconds: 0 });
    expect(formatProgress(reports.at(-1)!)).toMatch(/^snapshot: 2\.0 KiB of ~1\.0 KiB at .*, ETA 0s$/);
  });
});
