import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actionInputs,
  encryptionFrom,
  openingKeysFrom,
  read,
  SSH,
  sshFrom,
  sshNodesFrom,
  storeFrom,
} from '../../src/options';

// The readers the actions call, on the inputs the runner sets.
const sshFromInputs = () => sshFrom(actionInputs());
const sshNodesFromInputs = (options: { several: boolean }) => sshNodesFrom(actionInputs(), options);
const encryptionFromInputs = () => encryptionFrom(actionInputs());
const openingKeysFromInputs = () => openingKeysFrom(actionInputs());
const storeFromInputs = (options: { writes: boolean }) => storeFrom(actionInputs(), options);

// Inputs reach an action as INPUT_<NAME> variables; these tests set them the way the runner does.
const FP1 = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';
const FP2 = 'SHA256:yQIhG6BL/uS0XOpYvR9a2AWZP9eNrZUESGE4ib5UQME';
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACDQbdBvUUQC\n-----END OPENSSH PRIVATE KEY-----\n';
const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

let written = '';
const realWrite = process.stdout.write.bind(process.stdout);

function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

beforeEach(() => {
  written = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
});
afterEach(() => {
  process.stdout.write = realWrite;
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
});

describe('SSH inputs', () => {
  it('reads one node with its key, pin, port and timeouts, and masks every line of the key', () => {
    setInputs({
      host: 'cp-1.example',
      port: '2222',
      key: KEY,
      fingerprint: FP1,
      timeout: '45s',
      command_timeout: '2h',
    });
    const options = sshFromInputs();
    expect(options).toMatchObject({
      host: 'cp-1.example',
      port: 2222,
      username: 'root',
      privateKey: KEY.trim(),
      hostKey: { fingerprints: [FP1] },
      connectTimeoutMs: 45_000,
      commandTimeoutMs: 7_200_000,
    });
    const masked = written
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice(12));
    for (const line of KEY.trim().split('\n')) expect(masked).toContain(line);
  });

  it('takes several nodes for a restore, each with its own fingerprint in order, host:port and [v6]:port', () => {
    setInputs({ host: 'cp-1:2201\ncp-2\n[fd00::3]:2203', key: KEY, fingerprint: `${FP1}\n${FP2}\n${FP1}` });
    const nodes = sshNodesFromInputs({ several: true });
    expect(nodes.map((n) => [n.host, n.port, n.hostKey.fingerprints])).toEqual([
      ['cp-1', 2201, [FP1]],
      ['cp-2', 22, [FP2]],
      ['fd00::3', 2203, [FP1]],
    ]);
  });

  it('refuses two nodes for a backup, naming host', () => {
    setInputs({ host: 'cp-1\ncp-2', key: KEY, fingerprint: FP1 });
    expect(() => sshFromInputs()).toThrow("input 'host': expected one control-plane node (got 2");
  });

  it('refuses a fingerprint count that matches neither one nor every host', () => {
    setInputs({ host: 'a\nb\nc', key: KEY, fingerprint: `${FP1},${FP2}` });
    expect(() => sshNodesFromInputs({ several: true })).toThrow("input 'fingerprint': expected one per host");
  });

  it('refuses no host key pin at all, and a malformed one, naming fingerprint', () => {
    setInputs({ host: 'a', key: KEY });
    expect(() => sshFromInputs()).toThrow(
      "input 'fingerprint': expected the node's SSH host key fingerprint",
    );
    setInputs({ fingerprint: 'SHA256:short' });
    expect(() => sshFromInputs()).toThrow("input 'fingerprint': expected a SHA256 fingerprint");
  });

  it('refuses known_hosts text that is not known_hosts lines, naming known_hosts', () => {
    setInputs({ host: 'a', key: KEY, known_hosts: 'not a known hosts line' });
    expect(() => sshFromInputs()).toThrow("input 'known_hosts'");
  });

  it('jumps through the bastion with its own user and pin, and the node key when proxy_key is empty', () => {
    setInputs({
      host: 'a',
      key: KEY,
      fingerprint: FP1,
      proxy_host: 'bastion',
      proxy_port: '2022',
      proxy_username: 'jump',
      proxy_fingerprint: FP2,
    });
    expect(sshFromInputs().jump).toMatchObject({
      host: 'bastion',
      port: 2022,
      username: 'jump',
      privateKey: KEY.trim(),
      hostKey: { fingerprints: [FP2] },
    });
  });

  it('refuses proxy settings without proxy_host, naming the input that was set', () => {
    setInputs({ host: 'a', key: KEY, fingerprint: FP1, proxy_username: 'jump' });
    expect(() => sshFromInputs()).toThrow("input 'proxy_username': expected proxy_host as well");
  });

  it('refuses a key-less login without a password, and a bad duration, naming the input', () => {
    setInputs({ host: 'a', fingerprint: FP1 });
    expect(() => sshFromInputs()).toThrow("input 'key': expected the SSH private key text");
    setInputs({ key: KEY, timeout: '30 seconds' });
    expect(() => sshFromInputs()).toThrow("input 'timeout': expected a duration like 30d, 12h or 2w");
  });

  it('keeps the whitespace of a password but drops a trailing newline, and masks both forms', () => {
    setInputs({ sudo_password: ' pass word \n' });
    expect(read(actionInputs(), SSH.sudoPassword)).toBe(' pass word ');
    expect(written).toContain('::add-mask:: pass word %0A');
    expect(written).toContain('::add-mask:: pass word \n');
  });
});

describe('store and encryption inputs', () => {
  it('encrypts to the recipients given one per line', () => {
    setInputs({ age_recipients: `${RECIPIENT}\n# a comment\n` });
    expect(encryptionFromInputs()).toEqual({ kind: 'recipients', recipients: [RECIPIENT] });
  });

  it('names the input behind each encryption refusal', () => {
    expect(() => encryptionFromInputs()).toThrow("input 'age_recipients': expected age public keys");
    setInputs({ age_recipients: 'age1nope' });
    expect(() => encryptionFromInputs()).toThrow("input 'age_recipients'");
    setInputs({ age_recipients: RECIPIENT, encryption_passphrase: 'x' });
    expect(() => encryptionFromInputs()).toThrow("input 'encryption_passphrase'");
    setInputs({ encryption: 'none' });
    expect(() => encryptionFromInputs()).toThrow("input 'encryption': expected 'age' when");
    setInputs({ encryption: 'rot13', age_recipients: '', encryption_passphrase: '' });
    expect(() => encryptionFromInputs()).toThrow(
      "input 'encryption': expected 'age' or 'none' (got 'rot13')",
    );
  });

  it('refuses an age identity that is not a secret key, naming age_identity, after masking it', () => {
    setInputs({ age_identity: RECIPIENT });
    expect(() => openingKeysFromInputs()).toThrow("input 'age_identity'");
    expect(written).toContain(`::add-mask::${RECIPIENT}`);
  });

  it('refuses run_id and retention_days with a store they do not apply to', () => {
    setInputs({ store: 'dir:/tmp/x', run_id: '42' });
    expect(() => storeFromInputs({ writes: false })).toThrow(
      "input 'run_id': expected only with store: artifact",
    );
    setInputs({ run_id: '', retention_days: '7' });
    expect(() => storeFromInputs({ writes: true })).toThrow(
      "input 'retention_days': expected only with store: artifact",
    );
    setInputs({ store: 'artifact', retention_days: '500' });
    expect(() => storeFromInputs({ writes: true })).toThrow(
      "input 'retention_days': expected a whole number of days from 1 to 400",
    );
  });
});
