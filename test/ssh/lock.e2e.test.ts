import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, RemoteLockBusyError, type SshSession, withRemoteLock } from '../../src/ssh';
import { generateKeyPair, type KeyPair, type Sshd, sshdUnavailable, startSshd } from '../support/sshd';

const missing = sshdUnavailable();

describe.skipIf(missing !== undefined)(
  `the node-wide lock on a real sshd${missing ? ` (skipped: needs ${missing})` : ''}`,
  () => {
    let key: KeyPair;
    let sshd: Sshd;

    beforeAll(async () => {
      key = await generateKeyPair('ed25519');
      sshd = await startSshd({
        rootAuthorizedKeys: [key.publicKey],
        users: [
          { name: 'alice', sudo: 'nopasswd', authorizedKeys: [key.publicKey] },
          { name: 'carol', sudo: 'password', password: 'carol-sudo', authorizedKeys: [key.publicKey] },
        ],
      });
    }, 60_000);
    afterAll(async () => sshd?.stop());

    function login(username = 'root'): Promise<SshSession> {
      return connect({
        host: sshd.host,
        port: sshd.port,
        username,
        sudoPassword: username === 'carol' ? 'carol-sudo' : undefined,
        privateKey: key.privateKey,
        hostKey: { fingerprints: [sshd.hostKeys[0]!.fingerprint] },
      });
    }

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('lets only one of two runs hold a lock, tells the second who holds it, and frees it afterwards', async () => {
      const [first, second] = await Promise.all([login('root'), login('alice')]);
      try {
        const inner = await withRemoteLock(
          first,
          'cluster-a',
          async () =>
            withRemoteLock(second, 'cluster-a', async () => 'overlapped').catch((error: unknown) => error),
          { holder: 'backup run 42' },
        );
        expect(inner).toBeInstanceOf(RemoteLockBusyError);
        expect((inner as Error).message).toBe(
          `ssh alice@${sshd.host}:${sshd.port}: lock 'cluster-a' is held by another run (backup run 42)`,
        );
        expect(await withRemoteLock(second, 'cluster-a', async () => 'after release')).toBe('after release');
        expect(await withRemoteLock(second, 'cluster-b', async () => 'other name')).toBe('other name');
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('waits for a busy lock when asked to, and gets it once the holder is done', async () => {
      const [first, second] = await Promise.all([login(), login()]);
      try {
        const order: string[] = [];
        let locked: () => void = () => {};
        const isLocked = new Promise<void>((resolve) => {
          locked = resolve;
        });
        const holding = withRemoteLock(first, 'cluster-w', async () => {
          order.push('first start');
          locked();
          await sleep(1200);
          order.push('first end');
        });
        await isLocked;
        await withRemoteLock(second, 'cluster-w', async () => void order.push('second'), { waitSeconds: 10 });
        await holding;
        expect(order).toEqual(['first start', 'first end', 'second']);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it('releases the lock when the holding connection dies, and tells the holder through its signal', async () => {
      const [first, second] = await Promise.all([login(), login()]);
      try {
        let aborted: unknown;
        let locked: () => void = () => {};
        const isLocked = new Promise<void>((resolve) => {
          locked = resolve;
        });
        const holding = withRemoteLock(first, 'cluster-c', async (signal) => {
          locked();
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          aborted = signal.reason;
        });
        await isLocked;
        await first.close();
        await holding;
        expect(aborted).toBeDefined();
        expect(await withRemoteLock(second, 'cluster-c', async () => 'taken over', { waitSeconds: 5 })).toBe(
          'taken over',
        );
      } finally {
        await second.close();
      }
    });

    it('shares one lock between root and a user whose sudo asks for a password', async () => {
      const [root, carol] = await Promise.all([login('root'), login('carol')]);
      try {
        const inner = await withRemoteLock(carol, 'cluster-p', async () =>
          withRemoteLock(root, 'cluster-p', async () => 'overlapped').catch((error: unknown) => error),
        );
        expect(inner).toBeInstanceOf(RemoteLockBusyError);
        expect(await withRemoteLock(root, 'cluster-p', async () => 'free again')).toBe('free again');
      } finally {
        await Promise.all([root.close(), carol.close()]);
      }
    });

    it('refuses lock names that could escape the lock directory', async () => {
      const session = await login();
      try {
        await expect(withRemoteLock(session, '../etc/passwd', async () => 1)).rejects.toThrow(/lock name/);
      } finally {
        await session.close();
      }
    });
  },
);
