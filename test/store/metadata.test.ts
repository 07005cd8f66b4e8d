import { describe, expect, it } from 'vitest';
import {
  backupName,
  MetadataError,
  parseBackupName,
  parseMetadata,
  parseMetadataJson,
} from '../../src/format';
import { sampleMetadata } from './fixtures';

describe('backup names', () => {
  it('are <cluster>-<UTC time>-r<revision> and parse back', () => {
    const date = new Date('2026-11-21T19:45:07.999Z');
    const name = backupName('prod-eu.1', date, 4242);
    expect(name).toBe('prod-eu.1-20261121T194507Z-r4242');
    expect(parseBackupName(name)).toEqual({
      cluster: 'prod-eu.1',
      time: new Date('2026-11-21T19:45:07Z'),
      revision: 4242,
    });
  });

  it('refuse cluster names that would not survive as artifact or asset names', () => {
    expect(() => backupName('a/b', new Date(), 1)).toThrow(MetadataError);
    expect(() => backupName('-x', new Date(), 1)).toThrow(/not usable in a backup name/);
    expect(() => backupName('x', new Date(), -1)).toThrow(/non-negative/);
  });

  it('do not parse from strings that only look similar', () => {
    expect(parseBackupName('prod-20261121T194500Z')).toBeUndefined();
    expect(parseBackupName('prod-20261399T194500Z-r1')).toBeUndefined();
    expect(parseBackupName('prod-20261121T194500Z-r1.meta.json')).toBeUndefined();
  });
});

describe('reading metadata', () => {
  it('accepts a complete document and keeps every field', () => {
    const doc = sampleMetadata();
    expect(parseMetadata(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('rejects an unknown schema version by name', () => {
    expect(() => parseMetadata({ ...sampleMetadata(), schemaVersion: 3 })).toThrow(
      'backup metadata: schema version 3 is not supported (this tool reads versions 1 and 2)',
    );
  });

  it('names the field that is wrong', () => {
    const doc = sampleMetadata();
    expect(() => parseMetadata({ ...doc, snapshot: { sha256: 'nope', size: 1 } })).toThrow(
      /field 'snapshot.sha256'/,
    );
    expect(() => parseMetadata({ ...doc, etcd: { ...doc.etcd, revision: 1 } })).toThrow(
      /field 'name' must be consistent/,
    );
    expect(() =>
      parseMetadata({
        ...doc,
        envelope: {
          ...doc.envelope,
          encryption: { kind: 'age-recipients', recipients: ['AGE-SECRET-KEY-1X'] },
        },
      }),
    ).toThrow(/recipients\[0\]/);
    expect(() =>
      parseMetadata({
        ...doc,
        envelope: {
          ...doc.envelope,
          blob: { sha256: 'b'.repeat(64), size: 10, parts: [{ index: 0, size: 9, sha256: 'c'.repeat(64) }] },
        },
      }),
    ).toThrow(/sizes adding up/);
    expect(() => parseMetadataJson('{"schemaVersion":')).toThrow(/not valid JSON/);
  });
});
