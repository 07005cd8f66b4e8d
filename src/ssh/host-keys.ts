import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors';
import { optionName } from '../options/naming';
import { shown } from '../util/shown';
import { type SshError, SshHostKeyMismatchError, SshHostKeyUnknownError } from './errors';

/** How the server's host key is checked. At least one pin, or the explicit, loud opt-out. */
export interface HostKeyPolicy {
  /** `SHA256:<base64>` as `ssh-keygen -lf` and `ssh` print it; any one may match. */
  fingerprints?: readonly string[];
  /** known_hosts file content (plain or hashed `|1|` entries, `[host]:port` form, several keys per host). */
  knownHosts?: string;
  /** Accept any host key. Only for throw-away test hosts; the caller must warn loudly. */
  insecureIgnoreHostKey?: boolean;
}

export interface KnownHostsEntry {
  marker: 'cert-authority' | 'revoked' | undefined;
  /** Plain patterns (may contain `*`, `?`, `!`) or one hashed name. */
  patterns: string[];
  hashed: { salt: Buffer; hash: Buffer } | undefined;
  keyType: string;
  key: Buffer;
  line: number;
}

/** `SHA256:` plus unpadded base64 of the SHA-256 of the key blob, exactly as OpenSSH prints it. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public key blob (its first length-prefixed string). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const length = keyBlob.readUInt32BE(0);
  if (length > 64 || 4 + length > keyBlob.length) return 'unknown';
  return keyBlob.subarray(4, 4 + length).toString('latin1');
}

/** Accepts `SHA256:abc…`, `sha256:abc…` or the bare base64, with or without `=` padding. */
export function normalizeFingerprint(input: string): string {
  const trimmed = input.trim();
  const match = /^(?:sha256:)?([A-Za-z0-9+/]{43})=?$/i.exec(trimmed);
  if (!match) {
    throw new InputError(
      optionName('fingerprint'),
      `a SHA256 fingerprint like SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 (got ${shown(trimmed)})`,
      { hint: 'print it on the node with: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' },
    );
  }
  return `SHA256:${match[1]}`;
}

export function parseKnownHosts(content: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const fields = text.split(/\s+/);
    let marker: KnownHostsEntry['marker'];
    if (fields[0]?.startsWith('@')) {
      const name = fields.shift();
      if (name === '@cert-authority') marker = 'cert-authority';
      else if (name === '@revoked') marker = 'revoked';
      else throw knownHostsError(index + 1, `unknown marker ${name}`);
    }
    const [hosts, keyType, keyBase64] = fields;
    if (!hosts || !keyType || !keyBase64)
      throw knownHostsError(index + 1, 'expected: hosts key-type base64-key');
    const key = Buffer.from(keyBase64, 'base64');
    if (key.length === 0 || keyTypeOf(key) !== keyType) {
      throw knownHostsError(index + 1, `the ${keyType} key is not valid base64 of a ${keyType} key`);
    }
    let hashed: KnownHostsEntry['hashed'];
    let patterns: string[] = [];
    if (hosts.startsWith('|1|')) {
      const [, , salt, hash] = hosts.split('|');
      if (!salt || !hash) throw knownHostsError(index + 1, 'malformed hashed host name');
      hashed = { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
    } else {
      patterns = hosts.split(',').filter((p) => p.length > 0);
    }
    entries.push({ marker, patterns, hashed, keyType, key, line: index + 1 });
  });
  return entries;
}

function knownHostsError(line: number, what: string): InputError {
  return new InputError(
    'known-hosts',
    `known_hosts lines of the form 'host key-type key' (line ${line}: ${what})`,
    {
      hint: 'paste the output of ssh-keyscan -H <host>, or the matching lines of ~/.ssh/known_hosts',
    },
  );
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${regex}$`, 'i').test(name);
}

export function entryMatchesHost(entry: KnownHostsEntry, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (entry.hashed) {
    const digest = createHmac('sha1', entry.hashed.salt).update(name).digest();
    return digest.length === entry.hashed.hash.length && timingSafeEqual(digest, entry.hashed.hash);
  }
  let matched = false;
  for (const pattern of entry.patterns) {
    if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), name)) return false;
    } else if (globMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

const HOST_KEY_PREFERENCE = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Host key algorithms to offer so the server presents a key type we have pinned (as OpenSSH does). */
export function hostKeyAlgorithmsFor(
  policy: HostKeyPolicy,
  host: string,
  port: number,
): string[] | undefined {
  if (policy.insecureIgnoreHostKey || !policy.knownHosts) return undefined;
  const types = new Set(
    parseKnownHosts(policy.knownHosts)
      .filter((e) => e.marker === undefined && entryMatchesHost(e, host, port))
      .map((e) => e.keyType),
  );
  if (types.size === 0 || (policy.fingerprints?.length ?? 0) > 0) return undefined;
  // In the client's own order of preference, so the strongest pinned type wins.
  return HOST_KEY_PREFERENCE.filter((algorithm) =>
    types.has(algorithm.startsWith('rsa-sha2-') ? 'ssh-rsa' : algorithm),
  );
}

export type HostKeyVerdict = { ok: true; fingerprint: string } | { ok: false; error: SshError };

/** Decides whether the key a server presented is the one the policy pins. */
export function verifyHostKey(
  policy: HostKeyPolicy,
  target: string,
  host: string,
  port: number,
  keyBlob: Buffer,
): HostKeyVerdict {
  const fingerprint = fingerprintOf(keyBlob);
  const keyType = keyTypeOf(keyBlob);
  const pinnedFingerprints = (policy.fingerprints ?? []).map(normalizeFingerprint);
  const entries = policy.knownHosts
    ? parseKnownHosts(policy.knownHosts).filter((e) => entryMatchesHost(e, host, port))
    : [];

  if (entries.some((e) => e.marker === 'revoked' && e.key.equals(keyBlob))) {
    return {
      ok: false,
      error: new SshHostKeyMismatchError(
        target,
        [{ keyType, fingerprint: `${fingerprint} (marked @revoked)` }],
        ['a key that is not revoked'],
      ),
    };
  }
  if (pinnedFingerprints.includes(fingerprint)) return { ok: true, fingerprint };
  const hostKeys = entries.filter((e) => e.marker === undefined);
  if (hostKeys.some((e) => e.key.equals(keyBlob))) return { ok: true, fingerprint };

  // A pin always wins over the opt-out: a mismatch against something the user pinned is never accepted.
  const expected = [...pinnedFingerprints, ...hostKeys.map((e) => fingerprintOf(e.key))];
  if (expected.length > 0) {
    return {
      ok: false,
      error: new SshHostKeyMismatchError(target, [{ keyType, fingerprint }], [...new Set(expected)]),
    };
  }
  if (policy.insecureIgnoreHostKey) return { ok: true, fingerprint };
  const why = policy.knownHosts
    ? `known_hosts has no entry for ${knownHostsName(host, port)}`
    : 'no host key pin was given';
  return { ok: false, error: new SshHostKeyUnknownError(target, keyType, fingerprint, why) };
}

export function hasHostKeyPin(policy: HostKeyPolicy): boolean {
  return (policy.fingerprints?.length ?? 0) > 0 || (policy.knownHosts?.trim().length ?? 0) > 0;
}
