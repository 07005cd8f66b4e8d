import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  entryMatchesHost,
  fingerprintOf,
  hostKeyAlgorithmsFor,
  normalizeFingerprint,
  parseKnownHosts,
  verifyHostKey,
} from '../../src/ssh/host-keys';

function blob(type: string, body: string): Buffer {
  const t = Buffer.from(type);
  const b = Buffer.from(body);
  const out = Buffer.alloc(8 + t.length + b.length);
  out.writeUInt32BE(t.length, 0);
  t.copy(out, 4);
  out.writeUInt32BE(b.length, 4 + t.length);
  b.copy(out, 8 + t.length);
  return out;
}
const ED = blob('ssh-ed25519', 'k'.repeat(32));
const ED2 = blob('ssh-ed25519', 'z'.repeat(32));
const RSA = blob('ssh-rsa', 'r'.repeat(64));
const line = (hosts: string, key: Buffer) =>
  `${hosts} ${key.subarray(4, 4 + key.readUInt32BE(0))} ${key.toString('base64')}`;

describe('fingerprints', () => {
  it('prints SHA256 fingerprints the way OpenSSH does: prefix, base64, no padding', () => {
    expect(fingerprintOf(ED)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('normalizes a fingerprint given with or without prefix and padding', () => {
    const fp = fingerprintOf(ED);
    expect(normalizeFingerprint(fp.slice(7))).toBe(fp);
    expect(normalizeFingerprint(`  sha256:${fp.slice(7)}=  `)).toBe(fp);
  });

  it('rejects an MD5-style or truncated fingerprint naming the input', () => {
    expect(() => normalizeFingerprint('MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48')).toThrow(
      /input '(--)?fingerprint'/,
    );
    expect(() => normalizeFingerprint('SHA256:abc')).toThrow(/SHA256 fingerprint/);
  });
});

describe('known_hosts', () => {
  it('matches plain, comma-listed, wildcard and negated patterns against host and [host]:port', () => {
    const [entry] = parseKnownHosts(line('cp1.example,10.0.0.5,[10.0.0.6]:2222,*.lab,!bad.lab', ED));
    expect(entryMatchesHost(entry!, 'cp1.example', 22)).toBe(true);
    expect(entryMatchesHost(entry!, 'CP1.EXAMPLE', 22)).toBe(true);
    expect(entryMatchesHost(entry!, '10.0.0.5', 22)).toBe(true);
    expect(entryMatchesHost(entry!, '10.0.0.5', 2222)).toBe(false);
    expect(entryMatchesHost(entry!, '10.0.0.6', 2222)).toBe(true);
    expect(entryMatchesHost(entry!, 'node.lab', 22)).toBe(true);
    expect(entryMatchesHost(entry!, 'bad.lab', 22)).toBe(false);
  });

  it('matches hashed names made with HMAC-SHA1 of the name OpenSSH looks up', () => {
    const salt = Buffer.alloc(20, 7);
    const hash = createHmac('sha1', salt).update('[10.0.0.6]:2222').digest();
    const [entry] = parseKnownHosts(line(`|1|${salt.toString('base64')}|${hash.toString('base64')}`, ED));
    expect(entryMatchesHost(entry!, '10.0.0.6', 2222)).toBe(true);
    expect(entryMatchesHost(entry!, '10.0.0.6', 22)).toBe(false);
  });

  it('skips comments and blank lines and reads markers', () => {
    const entries = parseKnownHosts(
      `# comment\n\n@revoked * ${line('', ED2).trim()}\n${line('h', ED)} comment here\n`,
    );
    expect(entries.map((e) => e.marker)).toEqual(['revoked', undefined]);
  });

  it('rejects a line whose key does not decode to the named type, giving the line number', () => {
    expect(() => parseKnownHosts(`h ssh-ed25519 ${RSA.toString('base64')}`)).toThrow(/line 1/);
    expect(() => parseKnownHosts('\njust-a-host')).toThrow(/line 2/);
  });

  it('offers only the pinned key types, strongest first, and all rsa-sha2 variants for ssh-rsa', () => {
    const knownHosts = `${line('h', RSA)}\n${line('h', ED)}\n${line('other', ED2)}`;
    expect(hostKeyAlgorithmsFor({ knownHosts }, 'h', 22)).toEqual([
      'ssh-ed25519',
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(hostKeyAlgorithmsFor({ knownHosts }, 'nobody', 22)).toBeUndefined();
  });
});

describe('verdicts', () => {
  it('accepts the pinned key, refuses another as a mismatch listing both, and an unpinned host as unknown', () => {
    expect(verifyHostKey({ fingerprints: [fingerprintOf(ED)] }, 'u@h:22', 'h', 22, ED).ok).toBe(true);
    const mismatch = verifyHostKey({ knownHosts: line('h', ED) }, 'u@h:22', 'h', 22, ED2);
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) {
      expect(mismatch.error.code).toBe('host-key-mismatch');
      expect(mismatch.error.message).toContain(fingerprintOf(ED));
      expect(mismatch.error.message).toContain(fingerprintOf(ED2));
    }
    const unknown = verifyHostKey({}, 'u@h:22', 'h', 22, ED);
    expect(unknown.ok ? '' : unknown.error.code).toBe('host-key-unknown');
    expect(verifyHostKey({ insecureIgnoreHostKey: true }, 'u@h:22', 'h', 22, ED).ok).toBe(true);
  });
});
