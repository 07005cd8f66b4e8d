import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restore } from '../../src/cli/commands/restore';
import { parseCommandLine, sshNodesFrom } from '../../src/options';

/** The nodes the restore command would connect to, for these options as given on its command line. */
function nodeConnectOptions(given: Record<string, string | string[]>) {
  const argv = Object.entries(given).flatMap(([flag, value]) =>
    ([] as string[]).concat(value).flatMap((v) => [`--${flag}`, v]),
  );
  return sshNodesFrom(parseCommandLine(argv, restore.spec, {}).values, { several: true });
}

const dir = mkdtempSync(join(tmpdir(), 'restore-cli-'));
const key = join(dir, 'id');
writeFileSync(key, 'not parsed here\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('restore CLI: one SSH target per control-plane node', () => {
  it('pairs repeated --host with repeated --fingerprint in order, each node pinned to its own key', () => {
    const nodes = nodeConnectOptions({
      host: ['10.0.0.1', '10.0.0.2:2222'],
      fingerprint: [
        'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
        'SHA256:yQIhG6BL/uS0XOpYvR9a2AWZP9eNrZUESGE4ib5UQME',
      ],
      key,
      user: 'k8s-admin',
    });
    expect(nodes.map((n) => [n.host, n.port, n.username, n.hostKey.fingerprints])).toEqual([
      ['10.0.0.1', 22, 'k8s-admin', ['SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8']],
      ['10.0.0.2', 2222, 'k8s-admin', ['SHA256:yQIhG6BL/uS0XOpYvR9a2AWZP9eNrZUESGE4ib5UQME']],
    ]);
  });

  it('reads a --nodes file, with defaults from the shared flags', () => {
    const file = join(dir, 'nodes.json');
    writeFileSync(
      file,
      JSON.stringify([
        { host: 'cp1', fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        {
          host: 'cp2',
          port: 2200,
          user: 'ops',
          fingerprint: 'SHA256:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
        },
      ]),
    );
    const nodes = nodeConnectOptions({ nodes: file, key });
    expect(nodes.map((n) => [n.host, n.port, n.username, n.hostKey.fingerprints])).toEqual([
      ['cp1', 22, 'root', ['SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']],
      ['cp2', 2200, 'ops', ['SHA256:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB']],
    ]);
  });

  it('refuses fingerprints that do not pair up with the hosts, and a missing host', () => {
    expect(() =>
      nodeConnectOptions({
        host: ['a', 'b', 'c'],
        fingerprint: [
          'SHA256:1111111111111111111111111111111111111111111',
          'SHA256:2222222222222222222222222222222222222222222',
        ],
        key,
      }),
    ).toThrow(/--fingerprint.*one per --host/);
    expect(() => nodeConnectOptions({ key })).toThrow(/--host/);
    expect(() => nodeConnectOptions({ nodes: join(dir, 'missing.json'), key })).toThrow(/--nodes/);
  });
});
