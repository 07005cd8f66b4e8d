import { describe, expect, it } from 'vitest';
import { etcdServices } from '../../src/etcd/proto';
import { decodeKeysPage } from '../../src/etcd/range-keys';

type Serialize = (value: unknown) => Buffer;
const rangeMethod = () =>
  (etcdServices().KV as unknown as { service: { Range: { responseSerialize: Serialize } } }).service.Range;

describe('the keys-only RangeResponse decoder', () => {
  it('reads the keys, their mod revisions, the header revision and more, as the generic decoder does', () => {
    const response = {
      header: { cluster_id: '7', member_id: '9', revision: '1000000658', raft_term: '3' },
      kvs: [
        {
          key: Buffer.from('/registry/a'),
          create_revision: '2',
          mod_revision: '5',
          version: '2',
          lease: '0',
        },
        {
          key: Buffer.from([0, 255, 1]),
          create_revision: '6',
          mod_revision: '9007199254740991',
          version: '1',
        },
        { key: Buffer.from('/registry/c'), mod_revision: '11', value: Buffer.from('ignored value') },
      ],
      more: true,
      count: '40',
    };
    const page = decodeKeysPage(rangeMethod().responseSerialize(response));
    expect(page.revision).toBe(1000000658n);
    expect(page.more).toBe(true);
    expect(page.keys.map((k) => [k.key.toString('hex'), k.modRevision])).toEqual([
      [Buffer.from('/registry/a').toString('hex'), 5],
      ['00ff01', 9007199254740991],
      [Buffer.from('/registry/c').toString('hex'), 11],
    ]);
  });

  it('reads an empty last page', () => {
    const page = decodeKeysPage(
      rangeMethod().responseSerialize({ header: { revision: '42' }, kvs: [], more: false }),
    );
    expect(page).toEqual({ keys: [], revision: 42n, more: false });
  });
});
