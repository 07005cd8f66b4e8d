import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/snapshot';
import { etcdOrSkipReason, type LocalEtcd, startLocalEtcd } from '../support/local-etcd';

const binaries = etcdOrSkipReason('3.5');
const skip = typeof binaries === 'string' ? binaries : undefined;

// A backup hashes the snapshot as it streams in and hands that digest to the verifier, which then does not
// hash the file again. The digest must really be used: a wrong one has to fail the trailer check.
describe.skipIf(skip !== undefined)(
  `verification with the digest computed in transit${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let etcd: LocalEtcd;
    let snapshot: string;
    let databaseSha256: string;

    beforeAll(async () => {
      etcd = await startLocalEtcd('3.5');
      for (let i = 0; i < 50; i++)
        await etcd.etcdctl(['put', `/registry/configmaps/default/c${i}`, `value ${i}`]);
      snapshot = join(etcd.dataDir, 'snap.db');
      await etcd.etcdctl(['snapshot', 'save', snapshot]);
      const bytes = await readFile(snapshot);
      databaseSha256 = createHash('sha256')
        .update(bytes.subarray(0, bytes.length - 32))
        .digest('hex');
    });
    afterAll(async () => {
      await etcd?.stop();
    });

    it('accepts the snapshot when the digest from transit matches its trailer', async () => {
      const { report } = await analyzeSnapshot(snapshot, { databaseSha256 });
      expect(report.trailer).toBe('ok');
      expect(report.sha256).toBe(databaseSha256);
      expect(report.integrity.ok).toBe(true);
    });

    it('refuses the snapshot when the digest from transit differs from its trailer', async () => {
      const wrong = createHash('sha256').update('not these bytes').digest('hex');
      const { report } = await analyzeSnapshot(snapshot, { databaseSha256: wrong });
      expect(report.trailer).toBe('mismatch');
      expect(report.integrity.ok).toBe(false);
    });
  },
);
