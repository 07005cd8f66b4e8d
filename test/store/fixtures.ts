import type { BackupMetadata } from '../../src/format';

/** A complete, valid metadata document; tests override what they need. */
export function sampleMetadata(overrides: Partial<BackupMetadata> = {}): BackupMetadata {
  return {
    schemaVersion: 1,
    name: 'prod-20261121T194500Z-r4242',
    createdAt: '2026-11-21T19:45:00.123Z',
    cluster: 'prod',
    node: 'cp-1',
    member: { id: '8e9e05c52164694d', name: 'cp-1' },
    etcd: {
      version: '3.5.21',
      revision: 4242,
      compactRevision: 4000,
      hash: 123456,
      totalKey: 812,
      totalSize: 4194304,
    },
    snapshot: { sha256: 'a'.repeat(64), size: 4194304 },
    inventory: { byType: { secrets: 12, pods: 40 }, byNamespace: { 'kube-system': 30, '': 22 } },
    timings: { acquireMs: 1200 },
    toolVersion: '0.1.0',
    envelope: {
      compression: 'zstd',
      encryption: { kind: 'age-recipients', recipients: ['age1qqqq'] },
      blob: { sha256: 'b'.repeat(64), size: 900000 },
    },
    ...overrides,
  };
}
