import { describe, expect, it } from 'vitest';
import { compatOfStorageVersion } from '../../src/snapshot/verify';

describe("the status semantics a snapshot's storage version implies", () => {
  it.each([
    [null, '3.5'],
    ['3.6.0', '3.6'],
    ['3.7.0', '3.7'],
    ['3.8.0', '3.7'],
    ['4.0.0', '3.7'],
    ['', '3.6'],
    ['not a version', '3.6'],
  ] as const)('%j → etcd %s', (storageVersion, compat) => {
    expect(compatOfStorageVersion(storageVersion)).toBe(compat);
  });
});
