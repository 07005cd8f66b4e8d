import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../sandbox/exec';
import { quotaFor } from '../../sandbox/index';
import { storedObject } from '../../sandbox/k8s-proto';
import { fingerprint, generateKey, knownHostsLine } from '../../sandbox/keys';
import { Random, resourceOf } from '../../sandbox/seed';
import { parseSize } from '../../sandbox/size';

describe('the sandbox pieces that need no root', () => {
  it("encodes a built-in object the way kube-apiserver stores it: 'k8s\\0' + runtime.Unknown with ObjectMeta first in raw", () => {
    const value = storedObject('v1', 'Pod', { name: 'a', uid: 'u', creationTimestamp: 1 });
    const objectMeta = [0x0a, 1, 0x61, 0x2a, 1, 0x75, 0x42, 2, 0x08, 1];
    const raw = [0x0a, objectMeta.length, ...objectMeta];
    const typeMeta = [0x0a, 2, ...Buffer.from('v1'), 0x12, 3, ...Buffer.from('Pod')];
    const unknown = [0x0a, typeMeta.length, ...typeMeta, 0x12, raw.length, ...raw, 0x1a, 0, 0x22, 0];
    expect([...value]).toEqual([...Buffer.from('k8s\0', 'latin1'), ...unknown]);
  });

  it('names resources the way the snapshot classifier does', () => {
    expect(resourceOf('/registry/pods/default/web')).toBe('pods');
    expect(resourceOf('/registry/services/specs/default/kubernetes')).toBe('services/specs');
    expect(resourceOf('/registry/services/endpoints/default/kubernetes')).toBe('services/endpoints');
    expect(resourceOf('/registry/example.com/widgets/team-a/w')).toBe('example.com/widgets');
    expect(resourceOf('/registry/apiextensions.k8s.io/customresourcedefinitions/widgets.example.com')).toBe(
      'apiextensions.k8s.io/customresourcedefinitions',
    );
    expect(resourceOf('compact_rev_key')).toBeUndefined();
  });

  it('generates the same data from the same seed and different data from another', () => {
    expect(new Random('a').bytes(32)).toEqual(new Random('a').bytes(32));
    expect(new Random('a').bytes(32)).not.toEqual(new Random('b').bytes(32));
    expect(new Random('a').uid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('parses fill sizes and names the bad ones', () => {
    expect(parseSize('1GiB')).toBe(2 ** 30);
    expect(parseSize('512MiB')).toBe(512 * 2 ** 20);
    expect(parseSize('1.5G')).toBe(1.5 * 2 ** 30);
    expect(parseSize('2GB')).toBe(2e9);
    expect(parseSize('200000000')).toBe(200_000_000);
    expect(() => parseSize('lots')).toThrow(/--fill 'lots': expected a size/);
    expect(() => parseSize('1TiB')).toThrow(/expected a size/);
  });

  it("raises etcd's backend quota above the default only when a fill needs the room", () => {
    expect(quotaFor(0)).toBeUndefined();
    expect(quotaFor(64 * 2 ** 20)).toBe(2 * 2 ** 30);
    expect(quotaFor(2 ** 30)).toBe(3 * 2 ** 30);
    expect(quotaFor(3 * 2 ** 30)).toBe(7 * 2 ** 30);
  });

  it('prints the host-key fingerprint ssh-keygen prints, and a known_hosts line OpenSSH accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-keys-'));
    try {
      const key = join(dir, 'host');
      await generateKey(key, 'test');
      const keygen = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${key}.pub`]);
      expect(fingerprint(readFileSync(`${key}.pub`, 'utf8'))).toBe(keygen.stdout.split(' ')[1]);
      expect(knownHostsLine('127.0.40.1', 22, `${key}.pub`)).toMatch(/^127\.0\.40\.1 ssh-ed25519 \S+$/);
      expect(knownHostsLine('127.0.40.1', 2222, `${key}.pub`)).toMatch(
        /^\[127\.0\.40\.1\]:2222 ssh-ed25519 /,
      );
      const knownHosts = join(dir, 'known_hosts');
      writeFileSync(knownHosts, `${knownHostsLine('127.0.40.1', 22, `${key}.pub`)}\n`);
      const found = await run('ssh-keygen', ['-F', '127.0.40.1', '-f', knownHosts]);
      expect(found.stdout).toContain('found: line 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
