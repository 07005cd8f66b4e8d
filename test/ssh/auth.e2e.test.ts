import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSurface } from '../../src/options';
import { connect, type SshError } from '../../src/ssh';
import { generateKeyPair, type KeyPair, type Sshd, sshdUnavailable, startSshd } from '../support/sshd';

const missing = sshdUnavailable();

describe.skipIf(missing !== undefined)(
  `logging in to a real sshd${missing ? ` (skipped: needs ${missing})` : ''}`,
  () => {
    const PASSPHRASE = 'correct horse battery staple';
    const keys: Record<string, KeyPair> = {};
    let sshd: Sshd;

    beforeAll(async () => {
      const [ed25519, ecdsa, rsa, ecdsaPem, rsaPem, ed25519Locked, rsaPemLocked, stranger] =
        await Promise.all([
          generateKeyPair('ed25519'),
          generateKeyPair('ecdsa'),
          generateKeyPair('rsa'),
          generateKeyPair('ecdsa', { format: 'pem' }),
          generateKeyPair('rsa', { format: 'pem' }),
          generateKeyPair('ed25519', { passphrase: PASSPHRASE }),
          generateKeyPair('rsa', { format: 'pem', passphrase: PASSPHRASE }),
          generateKeyPair('ed25519'),
        ]);
      Object.assign(keys, { ed25519, ecdsa, rsa, ecdsaPem, rsaPem, ed25519Locked, rsaPemLocked, stranger });
      const authorized = [ed25519, ecdsa, rsa, ecdsaPem, rsaPem, ed25519Locked, rsaPemLocked].map(
        (k) => k!.publicKey,
      );
      sshd = await startSshd({
        rootAuthorizedKeys: authorized,
        passwordAuthentication: true,
        users: [{ name: 'bob', password: 'hunter2-but-longer' }],
      });
    }, 60_000);
    afterAll(async () => sshd?.stop());

    function pinned() {
      return { host: sshd.host, port: sshd.port, hostKey: { fingerprints: [sshd.hostKeys[0]!.fingerprint] } };
    }

    async function whoami(options: Parameters<typeof connect>[0]): Promise<string> {
      const session = await connect(options);
      try {
        return (await session.exec(['id', '-un'], { check: true })).stdout.toString().trim();
      } finally {
        await session.close();
      }
    }

    async function failure(promise: Promise<unknown>): Promise<SshError> {
      try {
        await promise;
      } catch (error) {
        return error as SshError;
      }
      throw new Error('expected the connection to fail');
    }

    describe('logging in with a private key', () => {
      for (const name of ['ed25519', 'ecdsa', 'rsa', 'ecdsaPem', 'rsaPem']) {
        it(`works with an unencrypted ${name} key`, async () => {
          expect(await whoami({ ...pinned(), username: 'root', privateKey: keys[name]!.privateKey })).toBe(
            'root',
          );
        });
      }

      it('works with a passphrase-protected OpenSSH ed25519 key and its passphrase', async () => {
        const options = {
          ...pinned(),
          username: 'root',
          privateKey: keys.ed25519Locked!.privateKey,
          passphrase: PASSPHRASE,
        };
        expect(await whoami(options)).toBe('root');
      });

      it('works with a passphrase-protected PEM rsa key and its passphrase', async () => {
        const options = {
          ...pinned(),
          username: 'root',
          privateKey: keys.rsaPemLocked!.privateKey,
          passphrase: PASSPHRASE,
        };
        expect(await whoami(options)).toBe('root');
      });

      it('refuses an encrypted key without its passphrase before connecting, asking for the passphrase', async () => {
        const error = await failure(
          connect({ ...pinned(), username: 'root', privateKey: keys.ed25519Locked!.privateKey }),
        );
        expect(error.kind).toBe('key-invalid');
        expect(error.hint).toMatch(/passphrase/);
      });

      it('refuses an encrypted key with a wrong passphrase', async () => {
        const error = await failure(
          connect({
            ...pinned(),
            username: 'root',
            privateKey: keys.rsaPemLocked!.privateKey,
            passphrase: 'nope',
          }),
        );
        expect(error.kind).toBe('key-invalid');
      });

      it('refuses text that is not a private key with a message naming the host', async () => {
        const error = await failure(
          connect({ ...pinned(), username: 'root', privateKey: keys.ed25519!.publicKey }),
        );
        expect(error.kind).toBe('key-invalid');
        expect(error.message).toContain(`root@${sshd.host}:${sshd.port}`);
      });

      it('says, in the action, that a file name given instead of key text is not the key itself', async () => {
        useSurface('action');
        try {
          const error = await failure(
            connect({ ...pinned(), username: 'root', privateKey: '~/.ssh/id_ed25519' }),
          );
          expect(error.kind).toBe('key-invalid');
          expect(error.hint).toMatch(/^key must hold the key itself .*not a file name/);
        } finally {
          useSurface('cli');
        }
      });

      it('says, in the CLI, that the file given to --key is not a private key', async () => {
        const error = await failure(
          connect({ ...pinned(), username: 'root', privateKey: 'just some text, not a key' }),
        );
        expect(error.kind).toBe('key-invalid');
        expect(error.hint).toMatch(/the file given to --key is not a private key/);
      });

      it('reports a key the server does not accept as an authentication failure naming user, host and port', async () => {
        const error = await failure(
          connect({ ...pinned(), username: 'root', privateKey: keys.stranger!.privateKey }),
        );
        expect(error.kind).toBe('auth-failed');
        expect(error.message).toBe(
          `ssh root@${sshd.host}:${sshd.port}: authentication refused (tried publickey)`,
        );
        expect(error.message).not.toContain('\n');
      });
    });

    describe('logging in with a password', () => {
      it('works with the right password', async () => {
        expect(await whoami({ ...pinned(), username: 'bob', password: 'hunter2-but-longer' })).toBe('bob');
      });

      it('fails with a wrong password as an authentication failure', async () => {
        const error = await failure(connect({ ...pinned(), username: 'bob', password: 'wrong' }));
        expect(error.kind).toBe('auth-failed');
        expect(error.message).toContain('tried password');
      });
    });

    describe('reaching the server', () => {
      let silent: Server;
      let silentPort = 0;
      beforeAll(async () => {
        // Accepts TCP but never speaks SSH: what a filtered or wrong port looks like to the client.
        silent = createServer((socket) => socket.resume());
        await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
        silentPort = (silent.address() as { port: number }).port;
      });
      afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

      it('reports a closed port as unreachable (connection refused) naming host and port', async () => {
        const error = await failure(
          connect({
            host: sshd.host,
            port: 1,
            username: 'root',
            password: 'x',
            hostKey: { fingerprints: [] },
          }),
        );
        expect(error.kind).toBe('unreachable');
        expect(error.message).toBe(`ssh root@${sshd.host}:1: cannot connect (connection refused)`);
      });

      it('gives up on a server that never completes the handshake after the connect timeout', async () => {
        const started = Date.now();
        const error = await failure(
          connect({
            host: '127.0.0.1',
            port: silentPort,
            username: 'root',
            password: 'x',
            hostKey: { fingerprints: [] },
            connectTimeoutMs: 700,
          }),
        );
        expect(error.kind).toBe('connect-timeout');
        expect(error.message).toContain('700 ms');
        expect(Date.now() - started).toBeLessThan(5000);
      });

      it('refuses to start without a key or a password', async () => {
        await expect(connect({ ...pinned(), username: 'root' })).rejects.toThrow(/private key or a password/);
      });
    });
  },
);
