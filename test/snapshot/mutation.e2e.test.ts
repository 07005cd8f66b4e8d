import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySnapshot } from '../../src/snapshot/analyze';
import { SnapshotError } from '../../src/snapshot/errors';
import { inventorySnapshot } from '../../src/snapshot/inventory';
import type { SnapshotReport } from '../../src/snapshot/report';
import { verdictOf } from '../../src/snapshot/verdict';
import { readLayout } from './bbolt-layout';
import { anyEtcd, makeSeededSnapshot, reseal, scratchDir, TRAILER } from './craft';

const minor = anyEtcd();
const missing = typeof minor === 'string' ? undefined : minor.missing;

/** mulberry32: a small seeded generator, so a failure names a reproducible mutation. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Mutation {
  label: string;
  bytes: Buffer;
  /** The file still carries the original trailer, so it must never be reported intact. */
  trailerProtected: boolean;
}

const ROUNDS = 400;

describe.skipIf(missing !== undefined)(
  `random mutations of a real snapshot${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let scratch: Awaited<ReturnType<typeof scratchDir>>;
    let original: Buffer;
    let structural: number[];
    let pageSize: number;

    beforeAll(async () => {
      scratch = await scratchDir('snapshot-mutation');
      const path = await makeSeededSnapshot(minor as Exclude<typeof minor, { missing: string }>, scratch.dir);
      original = await readFile(path);
      const layout = readLayout(path);
      pageSize = layout.pageSize;
      // Page starts of meta, branch and leaf pages: flips there reach the structural checks.
      structural = [
        0,
        1,
        ...[...layout.pages.values()].filter((p) => p.type !== 'overflow').map((p) => p.id),
      ];
    }, 120_000);

    afterAll(async () => {
      await scratch?.remove();
    });

    function mutate(random: () => number, round: number): Mutation {
      const pick = (n: number) => Math.floor(random() * n);
      const kind = pick(5);
      const bytes = Buffer.from(original);
      if (kind === 0) {
        const length = pick(original.length);
        return {
          label: `round ${round}: truncate to ${length}`,
          bytes: bytes.subarray(0, length),
          trailerProtected: true,
        };
      }
      const flips: number[] = [];
      const count = 1 + pick(4);
      for (let i = 0; i < count; i++) {
        const offset =
          kind === 1
            ? pick(original.length)
            : structural[pick(structural.length)]! * pageSize + pick(kind === 2 ? 16 : 160);
        bytes[offset] = bytes[offset]! ^ (1 << pick(8));
        flips.push(offset);
      }
      const changed = !bytes.equals(original);
      if (kind === 4) {
        return {
          label: `round ${round}: resealed flips at ${flips.join(',')}`,
          bytes: reseal(bytes),
          trailerProtected: false,
        };
      }
      if (kind === 3) {
        const raw = bytes.subarray(0, bytes.length - TRAILER);
        return {
          label: `round ${round}: raw database, flips at ${flips.join(',')}`,
          bytes: raw,
          trailerProtected: false,
        };
      }
      return { label: `round ${round}: flips at ${flips.join(',')}`, bytes, trailerProtected: changed };
    }

    it(`only ever returns a report or throws SnapshotError, and never calls a changed trailer-protected file intact (${ROUNDS} rounds)`, async () => {
      const random = rng(20260521);
      const escaped: string[] = [];
      const passedAsIntact: string[] = [];
      let reports = 0;
      let refused = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const mutation = mutate(random, round);
        const path = await scratch.write('mutant.db', mutation.bytes);
        let report: SnapshotReport | undefined;
        try {
          report = await verifySnapshot(path);
          reports++;
          if (round % 4 === 0) await inventorySnapshot(path);
        } catch (error) {
          // The reader turns its own exceptions into a SnapshotError saying it is a bug: those count as escapes.
          if (error instanceof SnapshotError && !error.hint?.includes('bug')) refused++;
          else
            escaped.push(
              `${mutation.label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
            );
        }
        if (report && mutation.trailerProtected && verdictOf(report) === 'intact')
          passedAsIntact.push(mutation.label);
      }
      expect(escaped).toEqual([]);
      expect(passedAsIntact).toEqual([]);
      expect(reports).toBeGreaterThan(ROUNDS / 2);
      expect(refused).toBeGreaterThan(0);
    }, 240_000);
  },
);
