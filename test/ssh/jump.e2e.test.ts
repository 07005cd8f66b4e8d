import { execFile } from 'node:child_process';
import { connect as tcpConnect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectOptions, connect, type SshError } from '../../src/ssh';
import { generateKeyPair, type KeyPair, type Sshd, sshdUnavailable, startSshd } from '../support/sshd';
import { createJumpTopology, type JumpTopology } from './netns';

const missing = sshdUnavailable({ netns: true });

describe.skipIf(missing !== undefined)(
  `a jump host in network namespaces${missing ? ` (skipped: needs ${missing})` : ''}`,
  () => {
    const run = promisify(execFile);
    let net: JumpTopology | undefined;
    let bastion: Sshd;
    let target: Sshd;
    let bastionKey: KeyPair;
    let targetKey: KeyPair;
    let stranger: KeyPair;

    beforeAll(async () => {
      [bastionKey, targetKey, stranger] = await Promise.all([
        generateKeyPair('ed25519'),
        generateKeyPair('ecdsa'),
        generateKeyPair('ed25519'),
      ]);
      net = await createJumpTopology();
      [bastion, target] = await Promise.all([
        startSshd({
          netns: net.bastionNs,
          address: net.bastionAddress,
          port: 22,
          passwordAuthentication: true,
          users: [{ name: 'jumper', password: 'bastion-pw' }],
        }),
        startSshd({
          netns: net.targetNs,
          address: net.targetAddress,
          port: 22,
          users: [{ name: 'alice', sudo: 'nopasswd', authorizedKeys: [targetKey.publicKey] }],
        }),
      ]);
      void bastionKey;
    }, 60_000);
    afterAll(async () => {
      await Promise.all([bastion?.stop(), target?.stop()]);
      await net?.destroy();
    });

    function options(overrides: Partial<ConnectOptions> = {}): ConnectOptions {
      return {
        host: net!.targetAddress,
        username: 'alice',
        privateKey: targetKey.privateKey,
        hostKey: { knownHosts: target.knownHostsLine() },
        jump: {
          host: net!.bastionAddress,
          username: 'jumper',
          password: 'bastion-pw',
          hostKey: { fingerprints: [bastion.hostKeys[0]!.fingerprint] },
        },
        connectTimeoutMs: 5000,
        ...overrides,
      };
    }

    async function rejection(promise: Promise<unknown>): Promise<SshError> {
      try {
        await promise;
      } catch (error) {
        return error as SshError;
      }
      throw new Error('expected a failure');
    }

    describe('a target reachable only through a jump host', () => {
      it('has no link from the runner: the runner routes to the bastion over our veth, but not to the target', async () => {
        // Asked of the routing table, not by sending packets: an off-link address would go to the default route.
        const toBastion = (await run('ip', ['route', 'get', net!.bastionAddress])).stdout;
        const toTarget = (await run('ip', ['route', 'get', net!.targetAddress])).stdout;
        expect(toBastion).toMatch(/dev ebkh/);
        expect(toTarget).not.toMatch(/dev ebkh/);
      });

      it('is reached through the bastion, with separate credentials and pins for each hop', async () => {
        const session = await connect(options());
        try {
          const addresses = await session.exec(['ip', '-o', '-4', 'addr', 'show', 'dev', 'eth0'], {
            check: true,
          });
          expect(addresses.stdout.toString()).toContain(net!.targetAddress);
          // The target saw the connection come from the bastion's side of its link.
          expect(target.logs()).toMatch(/Connection from 198\.19\.\d+\.\d+ port/);
          expect(target.logs()).not.toMatch(/Connection from 198\.18\./);
          expect((await session.exec(['id', '-u'], { sudo: true })).stdout.toString().trim()).toBe('0');
        } finally {
          await session.close();
        }
      });

      it('carries a tunnel to a port on the target through both hops', async () => {
        const session = await connect(options());
        try {
          const tunnel = await session.openTunnel(net!.targetAddress, 22);
          const banner = await new Promise<string>((resolve, reject) => {
            const socket = tcpConnect({ host: tunnel.host, port: tunnel.port });
            socket.once('data', (data) => {
              socket.destroy();
              resolve(data.toString('latin1'));
            });
            socket.once('error', reject);
          });
          expect(banner).toMatch(/^SSH-2\.0-OpenSSH/);
        } finally {
          await session.close();
        }
      });

      it('refuses a bastion whose host key does not match its pin, naming the bastion', async () => {
        const base = options();
        const error = await rejection(
          connect({ ...base, jump: { ...base.jump!, hostKey: { fingerprints: [stranger.fingerprint] } } }),
        );
        expect(error.kind).toBe('host-key-mismatch');
        expect(error.message).toContain(`jumper@${net!.bastionAddress}:22`);
      });

      it('refuses a target whose host key does not match, naming the target', async () => {
        const error = await rejection(
          connect(options({ hostKey: { fingerprints: [stranger.fingerprint] } })),
        );
        expect(error.kind).toBe('host-key-mismatch');
        expect(error.message).toContain(`alice@${net!.targetAddress}:22`);
      });

      it('reports a bastion login failure as an authentication failure of the bastion', async () => {
        const base = options();
        const error = await rejection(connect({ ...base, jump: { ...base.jump!, password: 'wrong' } }));
        expect(error.kind).toBe('auth-failed');
        expect(error.message).toContain(`jumper@${net!.bastionAddress}:22`);
      });

      it('says the jump host could not reach the target when the target port is closed', async () => {
        const error = await rejection(connect(options({ port: 2 })));
        expect(error.kind).toBe('jump-failed');
        expect(error.message).toContain(`jump host jumper@${net!.bastionAddress}:22`);
      });
    });
  },
);
