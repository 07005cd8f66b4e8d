import { describe, expect, it } from 'vitest';
import type { BackupMetadata } from '../../src/format';
import { catalogEntry, newestFirst, parseSelector, selectBackup } from '../../src/store/catalog';
import { StoreError } from '../../src/store/errors';
import { parseDuration, planRetention } from '../../src/store/retention';
import { sampleMetadata } from './fixtures';
import { draftFor } from './helpers';

const DAY = 86_400_000;
const now = new Date('2026-11-21T12:00:00Z');

function backup(cluster: string, daysAgo: number, revision: number): BackupMetadata {
  const draft = draftFor(cluster, new Date(now.getTime() - daysAgo * DAY), revision, 'age1example');
  return {
    ...draft,
    envelope: { ...draft.envelope, blob: { sha256: 'c'.repeat(64), size: 1000 + revision } },
  };
}

const prod = [
  backup('prod', 0, 50),
  backup('prod', 1, 40),
  backup('prod', 3, 30),
  backup('prod', 10, 20),
  backup('prod', 40, 10),
];
const stage = [backup('stage', 2, 7), backup('stage', 60, 3)];
const names = (list: BackupMetadata[]) => list.map((b) => b.name);

describe('the catalog', () => {
  it('orders newest first, breaking ties by revision', () => {
    const sameTime = {
      ...prod[0]!,
      name: prod[0]!.name.replace('-r50', '-r51'),
      etcd: { ...prod[0]!.etcd, revision: 51 },
    };
    expect(names(newestFirst([...prod].reverse().concat(sameTime)))).toEqual([sameTime.name, ...names(prod)]);
  });

  it('describes who can decrypt a backup without showing a secret', () => {
    const m = sampleMetadata();
    expect(catalogEntry(m)).toEqual({
      name: m.name,
      time: m.createdAt,
      cluster: 'prod',
      revision: 4242,
      size: 900000,
      snapshotSize: 4194304,
      encryptedFor: 'age1qqqq',
      controlPlaneFiles: {},
    });
    const passphrase = { ...m, envelope: { ...m.envelope, encryption: { kind: 'age-passphrase' as const } } };
    expect(catalogEntry(passphrase).encryptedFor).toBe('passphrase');
  });

  it('selects latest, by name, or the newest at or before a time, per cluster', () => {
    const all = [...stage, ...prod];
    expect(selectBackup(all, parseSelector('latest')).name).toBe(prod[0]!.name);
    expect(selectBackup(all, parseSelector('latest'), { cluster: 'stage' }).name).toBe(stage[0]!.name);
    expect(selectBackup(all, parseSelector(prod[2]!.name)).name).toBe(prod[2]!.name);
    expect(selectBackup(all, parseSelector(prod[2]!.createdAt), { cluster: 'prod' }).name).toBe(
      prod[2]!.name,
    );
    expect(selectBackup(all, parseSelector('2026-11-19T00:00:00Z'), { cluster: 'prod' }).name).toBe(
      prod[2]!.name,
    );
  });

  it('says what it looked for when nothing matches', () => {
    expect(() => selectBackup(prod, parseSelector('2020-01-01T00:00:00Z'), { location: 'dir:/b' })).toThrow(
      'dir:/b has no backup taken at or before 2020-01-01T00:00:00.000Z',
    );
    expect(() => selectBackup([], { latest: true }, { cluster: 'x' })).toThrow(StoreError);
    expect(() => parseSelector('2026-13-45')).toThrow(/not a valid ISO 8601 time/);
  });
});

describe('retention', () => {
  const protect = new Set([prod[0]!.name, stage[0]!.name]);

  it('keeps the newest N of each cluster', () => {
    const plan = planRetention([...prod, ...stage], { keepLast: 2 }, { now, protect });
    expect(names(plan.delete)).toEqual(names([...prod.slice(2), ...stage.slice(2)]));
  });

  it('keeps everything younger than the max age', () => {
    const plan = planRetention([...prod, ...stage], { maxAgeMs: 5 * DAY }, { now, protect });
    expect(names(plan.delete).sort()).toEqual(names([prod[3]!, prod[4]!, stage[1]!]).sort());
  });

  it('keeps a backup if either rule keeps it', () => {
    const plan = planRetention(prod, { keepLast: 1, maxAgeMs: 2 * DAY }, { now, protect });
    expect(names(plan.keep)).toEqual(names(prod.slice(0, 2)));
  });

  it('never deletes the newest good backup or anything newer, even when every rule would', () => {
    const plan = planRetention(prod, { maxAgeMs: 1000 }, { now, protect: new Set([prod[2]!.name]) });
    expect(names(plan.keep)).toEqual(names(prod.slice(0, 3)));
  });

  it('deletes nothing in a cluster with no known-good backup', () => {
    const plan = planRetention(prod, { keepLast: 1 }, { now, protect: new Set() });
    expect(plan.delete).toEqual([]);
  });

  it('reads durations and names a bad one', () => {
    expect(parseDuration('30d')).toBe(30 * DAY);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('2w')).toBe(14 * DAY);
    expect(() => parseDuration('30 days')).toThrow(
      "input 'max-age': expected a duration like 30d, 12h or 2w (got '30 days')",
    );
    expect(() => parseDuration('0d')).toThrow(/duration/);
  });
});
