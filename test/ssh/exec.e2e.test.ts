import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server, connect as tcpConnect } from 'node:net';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type SshError, type SshSession } from '../../src/ssh';
import { generateKeyPair, type KeyPair, type Sshd, sshdUnavailable, startSshd } from '../support/sshd';

const missing = sshdUnavailable();

describe.skipIf(missing !== undefined)(
  `running commands on a real sshd${missing ? ` (skipped: needs ${missing})` : ''}`,
  () => {
    const CAROL_PASSWORD = "s3cret 'with' $pecial; chars";
    let key: KeyPair;
    let sshd: Sshd;

    beforeAll(async () => {
      key = await generateKeyPair('ed25519');
      sshd = await startSshd({
        rootAuthorizedKeys: [key.publicKey],
        users: [
          { name: 'alice', sudo: 'nopasswd', authorizedKeys: [key.publicKey] },
          { name: 'carol', sudo: 'password', password: CAROL_PASSWORD, authorizedKeys: [key.publicKey] },
          { name: 'dave', sudo: 'none', password: 'dave-pw', authorizedKeys: [key.publicKey] },
        ],
        files: [{ path: '/etc/ebk-secret.key', content: 'top secret\n', mode: 0o600 }],
      });
    }, 60_000);
    afterAll(async () => sshd?.stop());

    function login(username: string, extra: { sudoPassword?: string } = {}): Promise<SshSession> {
      return connect({
        host: sshd.host,
        port: sshd.port,
        username,
        privateKey: key.privateKey,
        hostKey: { fingerprints: [sshd.hostKeys[0]!.fingerprint] },
        ...extra,
      });
    }

    async function rejection(promise: Promise<unknown>): Promise<SshError> {
      try {
        await promise;
      } catch (error) {
        return error as SshError;
      }
      throw new Error('expected a failure');
    }

    const HOSTILE = [
      '; rm -rf /',
      '$(touch /run/ebk-pwned-dollar)',
      '`touch /run/ebk-pwned-backtick`',
      'line one\nline two; touch /run/ebk-pwned-newline',
      `it's "quoted" \\ and 'single'`,
      "'",
      "''",
      '',
      ' leading and trailing ',
      '*',
      '~root',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell expansion that must arrive unexpanded
      '$HOME ${PATH} $1 $@',
      '!! && || | > /run/ebk-pwned-redirect < & #',
      '-n',
      '--',
      'ünïcødé ☃ 日本語 🎉',
      '\t\r\x1b[31m',
    ];

    describe('quoting', () => {
      for (const [user, extra] of [
        ['root', {}],
        ['alice', {}],
        ['carol', { sudoPassword: CAROL_PASSWORD }],
      ] as const) {
        it(`delivers hostile arguments verbatim as argv and executes none of them (${user}${user === 'root' ? '' : ' with sudo'})`, async () => {
          const session = await login(user, extra);
          try {
            const result = await session.exec(['printf', '%s\\0', ...HOSTILE], {
              sudo: user !== 'root',
              check: true,
            });
            const received = result.stdout.toString('utf8').split('\0').slice(0, -1);
            expect(received).toEqual(HOSTILE);
            const leftovers = await session.exec(['sh', '-c', 'ls /run | grep ebk-pwned || true']);
            expect(leftovers.stdout.toString()).toBe('');
          } finally {
            await session.close();
          }
        });
      }
    });

    describe('sudo', () => {
      it('runs commands directly when logged in as root', async () => {
        const session = await login('root');
        expect(await session.sudoMode()).toBe('root');
        expect((await session.exec(['id', '-u'], { sudo: true })).stdout.toString().trim()).toBe('0');
        await session.close();
      });

      it('uses passwordless sudo when the user has it', async () => {
        const session = await login('alice');
        expect(await session.sudoMode()).toBe('nopasswd');
        expect((await session.exec(['id', '-u'], { sudo: true })).stdout.toString().trim()).toBe('0');
        expect((await session.exec(['id', '-un'])).stdout.toString().trim()).toBe('alice');
        await session.close();
      });

      it('feeds the sudo password on stdin and passes the rest of stdin to the command untouched', async () => {
        const session = await login('carol', { sudoPassword: CAROL_PASSWORD });
        expect(await session.sudoMode()).toBe('password');
        const whoami = await session.exec(['id', '-u'], { sudo: true, check: true });
        expect(whoami.stdout.toString().trim()).toBe('0');
        const echoed = await session.exec(['cat'], {
          sudo: true,
          stdin: 'payload line\nsecond\n',
          check: true,
        });
        expect(echoed.stdout.toString()).toBe('payload line\nsecond\n');
        expect(echoed.stderr).not.toContain(CAROL_PASSWORD);
        await session.close();
      });

      it('says a password is needed when sudo wants one and none was given', async () => {
        const session = await login('carol');
        const error = await rejection(session.exec(['id'], { sudo: true }));
        expect(error.kind).toBe('sudo-password-required');
        expect(error.message).toBe(
          `ssh carol@${sshd.host}:${sshd.port}: sudo needs a password for user 'carol'`,
        );
        await session.close();
      });

      it('says sudo refused when the password is wrong', async () => {
        const session = await login('carol', { sudoPassword: 'not it' });
        const error = await rejection(session.exec(['id'], { sudo: true }));
        expect(error.kind).toBe('sudo-denied');
        expect(error.message).toContain('password was not accepted');
        await session.close();
      });

      it('says sudo refused when the user may not use sudo at all', async () => {
        const session = await login('dave', { sudoPassword: 'dave-pw' });
        const error = await rejection(session.exec(['id'], { sudo: true }));
        expect(error.kind).toBe('sudo-denied');
        expect(error.message).toContain('may not use sudo');
        await session.close();
      });
    });

    describe('timeouts and lost connections', () => {
      it('stops a command that runs past its timeout, kills it on the node even under sudo, and keeps the session usable', async () => {
        const session = await login('alice');
        const started = Date.now();
        const error = await rejection(session.exec(['sleep', '3719'], { timeoutMs: 600, sudo: true }));
        expect(error.kind).toBe('command-timeout');
        expect(error.message).toContain("'sleep 3719'");
        expect(Date.now() - started).toBeLessThan(5000);
        // The node-side deadline is one second behind ours; give it a few more under load.
        let left = 'not checked';
        for (let i = 0; i < 30 && left !== ''; i++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          left = (await sshd.run(['sh', '-c', 'pgrep -fx "sleep 3719" || true'])).stdout.trim();
        }
        expect(left).toBe('');
        expect((await session.exec(['echo', 'still here'])).stdout.toString()).toBe('still here\n');
        await session.close();
      });

      it('reports a connection cut by the server in the middle of a command as lost', async () => {
        const session = await login('root');
        const running = session.exec(['sleep', '3720']);
        await new Promise((resolve) => setTimeout(resolve, 400));
        for (const pid of await sshd.sessionPids()) process.kill(pid, 'SIGKILL');
        const error = await rejection(running);
        expect(error.kind).toBe('connection-lost');
        const next = await rejection(session.exec(['true']));
        expect(next.kind).toBe('connection-lost');
        await session.close();
      });

      it('fails a stream whose connection is cut mid-transfer, on stdout and on done', async () => {
        const session = await login('root');
        try {
          const { stdout, done } = await session.execStream(['cat', '/dev/zero']);
          let bytes = 0;
          const streamError = new Promise<Error>((resolve) => stdout.on('error', resolve));
          stdout.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          while (bytes < 4 * 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 20));
          for (const pid of await sshd.sessionPids()) process.kill(pid, 'SIGKILL');
          const error = await rejection(done);
          expect(error.kind).toBe('connection-lost');
          expect(error.message).toContain("'cat /dev/zero'");
          expect(await streamError).toBe(error);
        } finally {
          await session.close();
        }
      });
    });

    describe('files and streams', () => {
      it('reads a root-only file into memory through sudo, byte for byte', async () => {
        const session = await login('alice');
        expect((await session.readFile('/etc/ebk-secret.key', { sudo: true })).toString()).toBe(
          'top secret\n',
        );
        const denied = await rejection(session.readFile('/etc/ebk-secret.key'));
        expect(denied.kind).toBe('command-failed');
        expect(denied.message).toMatch(/Permission denied/);
        const missing = await rejection(session.readFile('/etc/kubernetes/nope.yaml', { sudo: true }));
        expect(missing.kind).toBe('file-not-found');
        await session.close();
      });

      it('fails a stream whose command fails, on stdout and on done', async () => {
        const session = await login('root');
        const { stdout, done } = await session.execStream(['cat', '/no/such/file']);
        const streamError = new Promise((resolve) => stdout.on('error', resolve));
        stdout.resume();
        const error = await rejection(done);
        expect(error.kind).toBe('command-failed');
        expect(error.message).toContain('No such file');
        expect(await streamError).toBe(error);
        await session.close();
      });

      it('stops a command whose output outgrows the exec cap, or whose stream reader gives up', async () => {
        const session = await login('root');
        try {
          const capped = await rejection(session.exec(['cat', '/dev/zero'], { maxStdoutBytes: 1024 * 1024 }));
          expect(capped.message).toContain('wrote more than 1048576 bytes');
          const { stdout, done } = await session.execStream(['cat', '/dev/zero']);
          stdout.once('data', () => stdout.destroy());
          const abandoned = await rejection(done);
          expect(abandoned.message).toContain("stopped 'cat /dev/zero': its output was no longer read");
          expect((await session.exec(['echo', 'usable'])).stdout.toString()).toBe('usable\n');
        } finally {
          await session.close();
        }
      });

      it('streams a 128 MiB file intact while holding memory bounded when the reader pauses', async () => {
        const size = 128 * 1024 * 1024;
        await sshd.run(['sh', '-c', `head -c ${size} /dev/urandom > /run/ebk-big.bin`]);
        const expected = (await sshd.run(['sha256sum', '/run/ebk-big.bin'])).stdout.split(' ')[0];
        const session = await login('alice');
        const before = process.memoryUsage();
        const { stdout, done } = await session.execStream(['cat', '/run/ebk-big.bin'], { sudo: true });
        stdout.pause();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const whilePaused = process.memoryUsage();
        const hash = createHash('sha256');
        let bytes = 0;
        await pipeline(
          stdout,
          new Writable({
            write(chunk: Buffer, _encoding, callback) {
              hash.update(chunk);
              bytes += chunk.length;
              callback();
            },
          }),
        );
        await done;
        await session.close();
        expect(bytes).toBe(size);
        expect(hash.digest('hex')).toBe(expected);
        // Paused: the SSH window (a few MiB) is all that may pile up, not the file.
        expect(whilePaused.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * 1024 * 1024);
        await sshd.run(['rm', '-f', '/run/ebk-big.bin']);
      });
    });

    describe('port forwarding', () => {
      let source: Server;
      let sourcePort = 0;
      const payload = randomBytes(64 * 1024 * 1024);
      beforeAll(async () => {
        // Stands in for etcd's client port on the node: sends a known payload to whoever connects.
        // (openTunnel's probe connection hangs up at once, hence the ignored EPIPE.)
        source = createServer((socket) => {
          socket.on('error', () => {});
          socket.end(payload);
        });
        await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
        sourcePort = (source.address() as { port: number }).port;
      });
      afterAll(() => new Promise<void>((resolve) => source.close(() => resolve())));

      it('opens a tunnel on 127.0.0.1 that carries 64 MiB intact, and closes it with the session', async () => {
        const session = await login('alice');
        const tunnel = await session.openTunnel('127.0.0.1', sourcePort);
        expect(tunnel.host).toBe('127.0.0.1');
        const started = performance.now();
        const received = await new Promise<Buffer>((resolve, reject) => {
          const chunks: Buffer[] = [];
          const socket = tcpConnect({ host: tunnel.host, port: tunnel.port });
          socket.on('data', (c: Buffer) => chunks.push(c));
          socket.on('end', () => resolve(Buffer.concat(chunks)));
          socket.on('error', reject);
        });
        const seconds = (performance.now() - started) / 1000;
        console.log(`tunnel throughput: ${(payload.length / 1024 / 1024 / seconds).toFixed(0)} MiB/s`);
        expect(received.equals(payload)).toBe(true);
        // A sanity floor only: loopback through ssh2 runs at hundreds of MiB/s (testbed.md).
        expect(payload.length / seconds).toBeGreaterThan(5 * 1024 * 1024);
        await session.close();
        await tunnel.closed;
        const refused = await new Promise<string>((resolve) => {
          const socket = tcpConnect({ host: tunnel.host, port: tunnel.port });
          socket.on('connect', () => resolve('connected'));
          socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        });
        expect(refused).toBe('ECONNREFUSED');
      });

      it('keeps every byte when a channel closed mid-transfer came just before (ssh2 window-adjust hazard)', async () => {
        // openTunnel closes a probe channel that the source is already writing to. Late window adjusts for it
        // once landed on the tunnel's channel (sshd reuses the id) and ssh2 dropped what the server then sent:
        // this lost 1 MiB in about a third of fresh sessions.
        for (let round = 0; round < 8; round++) {
          const session = await login('root');
          try {
            const tunnel = await session.openTunnel('127.0.0.1', sourcePort);
            const received = await new Promise<Buffer>((resolve, reject) => {
              const chunks: Buffer[] = [];
              const socket = tcpConnect({ host: tunnel.host, port: tunnel.port });
              socket.on('data', (c: Buffer) => chunks.push(c));
              socket.on('end', () => resolve(Buffer.concat(chunks)));
              socket.on('error', reject);
            });
            expect(received.length).toBe(payload.length);
            expect(received.equals(payload)).toBe(true);
          } finally {
            await session.close();
          }
        }
      });

      it('refuses a tunnel to a closed port up front, naming the destination', async () => {
        const session = await login('root');
        const error = await rejection(session.openTunnel('127.0.0.1', 1));
        expect(error.kind).toBe('forward-failed');
        expect(error.message).toContain('127.0.0.1:1');
        await session.close();
      });
    });

    describe('keepalive', () => {
      it('declares a frozen connection lost after the missed keepalives, naming the command', async () => {
        const session = await connect({
          host: sshd.host,
          port: sshd.port,
          username: 'root',
          privateKey: key.privateKey,
          hostKey: { fingerprints: [sshd.hostKeys[0]!.fingerprint] },
          keepaliveIntervalMs: 300,
          keepaliveCountMax: 2,
        });
        const frozen = await sshd.sessionPids();
        try {
          const running = session.exec(['sleep', '3721']);
          await new Promise((resolve) => setTimeout(resolve, 300));
          // SIGSTOP the server side of this connection: TCP stays up, but nothing answers any more.
          const pids = await sshd.sessionPids();
          frozen.splice(0, frozen.length, ...pids);
          for (const pid of pids) process.kill(pid, 'SIGSTOP');
          const started = Date.now();
          const error = await rejection(running);
          expect(error.kind).toBe('connection-lost');
          expect(error.message).toContain("'sleep 3721'");
          expect(error.message).toContain('Keepalive timeout');
          expect(Date.now() - started).toBeLessThan(10_000);
        } finally {
          for (const pid of frozen) process.kill(pid, 'SIGKILL');
          await session.close();
        }
      });
    });
  },
);
