import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type HostKeyPolicy, type SshError } from '../../src/ssh';
import { generateKeyPair, type KeyPair, type Sshd, sshdUnavailable, startSshd } from '../support/sshd';

const missing = sshdUnavailable();

describe.skipIf(missing !== undefined)(
  `host key checks against a real sshd${missing ? ` (skipped: needs ${missing})` : ''}`,
  () => {
    let client: KeyPair;
    let other: KeyPair;
    let ed25519: KeyPair;
    let ecdsa: KeyPair;
    let rsa: KeyPair;
    /** Listens on port 22, so known_hosts names it by bare host. */
    let onPort22: Sshd;
    /** Listens on another port, so known_hosts names it `[host]:port`. */
    let onHighPort: Sshd;

    beforeAll(async () => {
      [client, other, ed25519, ecdsa, rsa] = await Promise.all([
        generateKeyPair('ed25519'),
        generateKeyPair('ed25519'),
        generateKeyPair('ed25519'),
        generateKeyPair('ecdsa'),
        generateKeyPair('rsa'),
      ]);
      [onPort22, onHighPort] = await Promise.all([
        startSshd({ port: 22, hostKeys: [ed25519, ecdsa, rsa], rootAuthorizedKeys: [client.publicKey] }),
        startSshd({ hostKeys: [ed25519, ecdsa, rsa], rootAuthorizedKeys: [client.publicKey] }),
      ]);
    }, 60_000);
    afterAll(async () => Promise.all([onPort22?.stop(), onHighPort?.stop()]));

    async function tryConnect(sshd: Sshd, hostKey: HostKeyPolicy, warnings: string[] = []) {
      const session = await connect({
        host: sshd.host,
        port: sshd.port,
        username: 'root',
        privateKey: client.privateKey,
        hostKey,
        warn: (m) => warnings.push(m),
      });
      const fingerprint = session.hostKeyFingerprint;
      await session.close();
      return fingerprint;
    }

    async function refusal(sshd: Sshd, hostKey: HostKeyPolicy): Promise<SshError> {
      try {
        await tryConnect(sshd, hostKey);
      } catch (error) {
        return error as SshError;
      }
      throw new Error('expected the host key to be refused');
    }

    describe('pinning by SHA256 fingerprint', () => {
      it('connects when the fingerprint printed by ssh-keygen matches', async () => {
        expect(await tryConnect(onHighPort, { fingerprints: [ed25519.fingerprint] })).toBe(
          ed25519.fingerprint,
        );
      });

      it('accepts the fingerprint without the SHA256: prefix', async () => {
        expect(await tryConnect(onHighPort, { fingerprints: [ed25519.fingerprint.slice(7)] })).toBe(
          ed25519.fingerprint,
        );
      });

      it('finds the key a pin names whatever its type: an rsa or ecdsa pin connects to a server preferring ed25519', async () => {
        expect(await tryConnect(onHighPort, { fingerprints: [rsa.fingerprint] })).toBe(rsa.fingerprint);
        expect(await tryConnect(onHighPort, { fingerprints: [ecdsa.fingerprint] })).toBe(ecdsa.fingerprint);
      });

      it('refuses a different key and names every key the server showed and the pin, in one line', async () => {
        const error = await refusal(onHighPort, { fingerprints: [other.fingerprint] });
        expect(error.kind).toBe('host-key-mismatch');
        expect(error.message).toContain(`ssh-ed25519 ${ed25519.fingerprint}`);
        expect(error.message).toContain(ecdsa.fingerprint);
        expect(error.message).toContain(rsa.fingerprint);
        expect(error.message).toContain(other.fingerprint);
        expect(error.message).toContain(`${onHighPort.host}:${onHighPort.port}`);
        expect(error.message).not.toContain('\n');
      });

      it('refuses a server when nothing is pinned, showing the fingerprint it presented', async () => {
        const error = await refusal(onHighPort, {});
        expect(error.kind).toBe('host-key-unknown');
        expect(error.message).toContain(ed25519.fingerprint);
        expect(error.hint).toMatch(/pin/);
      });

      it('connects without a pin only with the explicit opt-out, and warns loudly', async () => {
        const warnings: string[] = [];
        await tryConnect(onHighPort, { insecureIgnoreHostKey: true }, warnings);
        expect(warnings.join('\n')).toMatch(/host key checking is OFF/);
      });

      it('still refuses a mismatch when the opt-out is set together with a pin', async () => {
        const error = await refusal(onHighPort, {
          fingerprints: [other.fingerprint],
          insecureIgnoreHostKey: true,
        });
        expect(error.kind).toBe('host-key-mismatch');
      });
    });

    describe('pinning by known_hosts content', () => {
      it('accepts a plain entry naming the bare host for a server on port 22', async () => {
        const knownHosts = `# from ssh-keyscan\n${onPort22.knownHostsLine(ed25519)}\n`;
        expect(await tryConnect(onPort22, { knownHosts })).toBe(ed25519.fingerprint);
      });

      it('accepts a hashed |1| entry', async () => {
        const knownHosts = onPort22.knownHostsLine(ed25519, { hashed: true });
        expect(knownHosts.startsWith('|1|')).toBe(true);
        expect(await tryConnect(onPort22, { knownHosts })).toBe(ed25519.fingerprint);
      });

      it('accepts a [host]:port entry for a server on another port, plain and hashed', async () => {
        const plain = onHighPort.knownHostsLine(ed25519);
        expect(plain.startsWith(`[${onHighPort.host}]:${onHighPort.port} `)).toBe(true);
        expect(await tryConnect(onHighPort, { knownHosts: plain })).toBe(ed25519.fingerprint);
        expect(
          await tryConnect(onHighPort, { knownHosts: onHighPort.knownHostsLine(ed25519, { hashed: true }) }),
        ).toBe(ed25519.fingerprint);
      });

      it('does not let a bare-host entry vouch for the same host on another port', async () => {
        const knownHosts = `${onHighPort.host} ${ed25519.publicKey.split(' ').slice(0, 2).join(' ')}`;
        const error = await refusal(onHighPort, { knownHosts });
        expect(error.kind).toBe('host-key-unknown');
        expect(error.message).toContain(
          `known_hosts has no entry for [${onHighPort.host}]:${onHighPort.port}`,
        );
      });

      it('negotiates the key type known_hosts holds when the host has only an ecdsa or rsa entry', async () => {
        expect(await tryConnect(onPort22, { knownHosts: onPort22.knownHostsLine(ecdsa) })).toBe(
          ecdsa.fingerprint,
        );
        expect(
          await tryConnect(onPort22, { knownHosts: onPort22.knownHostsLine(rsa, { hashed: true }) }),
        ).toBe(rsa.fingerprint);
      });

      it('accepts a host listed with several keys and other hosts around it', async () => {
        const knownHosts = [
          `198.18.0.9 ${other.publicKey.split(' ').slice(0, 2).join(' ')}`,
          onPort22.knownHostsLine(ecdsa),
          onPort22.knownHostsLine(ed25519, { hashed: true }),
          onPort22.knownHostsLine(rsa),
        ].join('\n');
        expect(await tryConnect(onPort22, { knownHosts })).toBe(ed25519.fingerprint);
      });

      it('refuses when known_hosts has a different key of the same type, naming both fingerprints', async () => {
        const knownHosts = `${onPort22.host} ${other.publicKey.split(' ').slice(0, 2).join(' ')}`;
        const error = await refusal(onPort22, { knownHosts });
        expect(error.kind).toBe('host-key-mismatch');
        expect(error.message).toContain(ed25519.fingerprint);
        expect(error.message).toContain(other.fingerprint);
      });

      it('refuses a host that known_hosts does not list', async () => {
        const error = await refusal(onPort22, { knownHosts: onHighPort.knownHostsLine(ed25519) });
        expect(error.kind).toBe('host-key-unknown');
      });

      it('refuses a key marked @revoked even when it is also listed as trusted', async () => {
        const knownHosts = `${onPort22.knownHostsLine(ed25519)}\n@revoked * ${ed25519.publicKey.split(' ').slice(0, 2).join(' ')}`;
        const error = await refusal(onPort22, { knownHosts });
        expect(error.kind).toBe('host-key-mismatch');
        expect(error.message).toContain('@revoked');
      });
    });
  },
);
