import type { Duplex } from 'node:stream';
import ssh2, { type Client, type ConnectConfig } from 'ssh2';
import { InputError } from '../errors';
import { currentSurface, optionName } from '../options/naming';
import {
  firstLine,
  type PresentedHostKey,
  SshAuthError,
  SshConnectionLostError,
  SshConnectTimeoutError,
  SshDnsError,
  SshError,
  SshHostKeyMismatchError,
  SshJumpError,
  SshKeyError,
  SshProtocolError,
  SshUnreachableError,
} from './errors';
import { type HostKeyPolicy, hasHostKeyPin, hostKeyAlgorithmsFor, verifyHostKey } from './host-keys';
import { SshSession } from './session';

/** One SSH server and how to log in to it. */
export interface SshEndpoint {
  host: string;
  port?: number;
  username: string;
  /** OpenSSH or PEM private key text (ed25519, ecdsa, rsa). */
  privateKey?: string | Buffer;
  passphrase?: string;
  password?: string;
  hostKey: HostKeyPolicy;
  /** Restrict the host key algorithms offered, e.g. to match a pinned fingerprint's key type. */
  hostKeyAlgorithms?: string[];
}

export interface ConnectOptions extends SshEndpoint {
  /** A bastion to hop through (ProxyJump); it has its own credentials and host key pin. */
  jump?: SshEndpoint;
  /** Password for `sudo -S` when the user is not root and sudo is not passwordless. */
  sudoPassword?: string;
  /** Time allowed for TCP connect, handshake and authentication. Default 20 s. */
  connectTimeoutMs?: number;
  /** Keepalive probe interval; the connection is declared lost after `keepaliveCountMax` missed. */
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  /** Default per-command timeout for `exec` (not for streams). Default 10 minutes. */
  commandTimeoutMs?: number;
  /** Where warnings go (the insecure host key opt-out, for one). */
  warn?: (message: string) => void;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const DEFAULT_KEEPALIVE_MS = 10_000;
const DEFAULT_KEEPALIVE_COUNT = 3;

export function targetName(endpoint: Pick<SshEndpoint, 'host' | 'port' | 'username'>): string {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${endpoint.username}@${host}:${endpoint.port ?? 22}`;
}

/**
 * A bastion that cannot be reached is the jump host's problem, not the target's: say so, instead of the
 * direct-connection advice (which even suggests a jump host).
 */
function asJumpHostError(error: unknown, target: string): unknown {
  if (!(error instanceof SshError)) return error;
  if (error.kind !== 'unreachable' && error.kind !== 'connect-timeout' && error.kind !== 'dns') return error;
  return new SshError(
    error.kind,
    error.target,
    `${error.message.replace(/^ssh \S+: /, '')} (the jump host for ${target})`,
    {
      hint: 'check that the jump host is up, that sshd runs there and that the runner can reach it, then run again',
      cause: error,
    },
  );
}

/** Opens an authenticated, host-key-checked SSH connection (through a jump host if given). */
export async function connect(options: ConnectOptions): Promise<SshSession> {
  const warn = options.warn ?? ((message: string) => process.stderr.write(`warning: ${message}\n`));
  let bastion: Connected | undefined;
  if (options.jump) {
    bastion = await openPinned(options.jump, options, async () => undefined, warn).catch((error: unknown) => {
      throw asJumpHostError(error, targetName(options));
    });
  }
  try {
    const target = await openPinned(
      options,
      options,
      async () => (bastion ? hop(bastion, options) : undefined),
      warn,
    );
    return new SshSession({
      client: target.client,
      bastion: bastion?.client,
      target: targetName(options),
      username: options.username,
      hostKeyFingerprint: target.fingerprint,
      sudoPassword: options.sudoPassword,
      commandTimeoutMs: options.commandTimeoutMs ?? 10 * 60_000,
    });
  } catch (error) {
    bastion?.client.end();
    throw error;
  }
}

/** Host key algorithm families, strongest first: a server has at most one key of each. */
const KEY_FAMILIES = [
  ['ssh-ed25519'],
  ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'],
  ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
];

function familyOf(keyType: string): string[] | undefined {
  const algorithm = keyType === 'ssh-rsa' ? 'rsa-sha2-512' : keyType;
  return KEY_FAMILIES.find((family) => family.includes(algorithm));
}

/**
 * A server has one key per type and shows the one of the first type both sides know. A fingerprint pin does
 * not say its type, so when the key shown does not match, ask again for each remaining type before calling
 * it a mismatch: a user who pinned the server's RSA key (say, from ssh-keyscan) is not under attack.
 * Only a key that matches a pin is ever accepted.
 */
async function openPinned(
  endpoint: SshEndpoint,
  options: ConnectOptions,
  makeSock: () => Promise<Duplex | undefined>,
  warn: (message: string) => void,
): Promise<Connected> {
  const mayProbe = !endpoint.hostKeyAlgorithms && (endpoint.hostKey.fingerprints?.length ?? 0) > 0;
  let algorithms = endpoint.hostKeyAlgorithms;
  let mismatch: SshHostKeyMismatchError | undefined;
  const presented: PresentedHostKey[] = [];
  for (;;) {
    try {
      const sock = await makeSock();
      return await openClient(
        { ...endpoint, hostKeyAlgorithms: algorithms },
        options,
        sock,
        mismatch ? () => {} : warn,
      );
    } catch (error) {
      if (!(error instanceof SshHostKeyMismatchError) || !mayProbe) {
        // A server without a key of the asked-for types fails the key exchange: the mismatch stands.
        if (mismatch && error instanceof SshProtocolError) {
          throw new SshHostKeyMismatchError(mismatch.target, presented, mismatch.expectedFingerprints);
        }
        throw error;
      }
      mismatch ??= error;
      presented.push(...error.presented);
      const tried = new Set(presented.flatMap((k) => familyOf(k.keyType) ?? [k.keyType]));
      const remaining = KEY_FAMILIES.flat().filter((algorithm) => !tried.has(algorithm));
      if (remaining.length === 0 || presented.length >= KEY_FAMILIES.length) {
        throw new SshHostKeyMismatchError(error.target, presented, error.expectedFingerprints);
      }
      algorithms = remaining;
    }
  }
}

interface Connected {
  client: Client;
  fingerprint: string;
  target: string;
}

function hop(bastion: Connected, options: ConnectOptions): Promise<Duplex> {
  const port = options.port ?? 22;
  return new Promise((resolve, reject) => {
    bastion.client.forwardOut('127.0.0.1', 0, options.host, port, (error, channel) => {
      if (error) {
        bastion.client.end();
        reject(new SshJumpError(targetName(options), bastion.target, firstLine(error.message), error));
      } else {
        resolve(channel);
      }
    });
  });
}

function readKey(endpoint: SshEndpoint, target: string): Buffer | string | undefined {
  if (endpoint.privateKey === undefined || endpoint.privateKey.length === 0) return undefined;
  const parsed = ssh2.utils.parseKey(endpoint.privateKey, endpoint.passphrase);
  if (!(parsed instanceof Error) && !parsed.isPrivateKey()) {
    throw new SshKeyError(target, `${optionName('key')} holds a public key`, {
      hint: 'give the private key file (the one without .pub), including its BEGIN/END lines',
    });
  }
  if (parsed instanceof Error) {
    const encrypted = /encrypted|passphrase|decrypt|bad decrypt/i.test(parsed.message);
    const text = endpoint.privateKey.toString();
    const notKeyText = !text.includes('-----BEGIN');
    throw new SshKeyError(target, `the private key cannot be read: ${firstLine(parsed.message)}`, {
      hint: encrypted
        ? 'give the right passphrase for the key'
        : notKeyText
          ? currentSurface() === 'action'
            ? `${optionName('key')} must hold the key itself (the text from -----BEGIN to -----END), not a file name`
            : `the file given to ${optionName('key')} is not a private key (it should start with -----BEGIN)`
          : 'give an OpenSSH or PEM private key (ed25519, ecdsa or rsa), the whole file including its BEGIN/END lines',
      cause: parsed,
    });
  }
  return endpoint.privateKey;
}

/** The key to log in with, once the endpoint is known to name a host, a user and a credential. */
function loginKey(endpoint: SshEndpoint, target: string): Buffer | string | undefined {
  if (!endpoint.host) throw new InputError('host', 'a host name or IP address');
  if (!endpoint.username) throw new InputError('username', 'a user name to log in as');
  const privateKey = readKey(endpoint, target);
  if (privateKey === undefined && endpoint.password === undefined) {
    throw new InputError('private-key', `a private key or a password to log in to ${target}`);
  }
  return privateKey;
}

function warnWhenUnchecked(endpoint: SshEndpoint, target: string, warn: (message: string) => void): void {
  if (endpoint.hostKey.insecureIgnoreHostKey && !hasHostKeyPin(endpoint.hostKey)) {
    warn(
      `host key checking is OFF for ${target}: anyone on the network path can impersonate it and read the etcd data; pin the host key instead`,
    );
  }
}

/** ssh2's host key callback, keeping what it decided for the ready and error handlers. */
class HostKeyCheck {
  fingerprint = '';
  error: SshError | undefined;
  private readonly endpoint: SshEndpoint;
  private readonly target: string;
  private readonly port: number;

  constructor(endpoint: SshEndpoint, target: string, port: number) {
    this.endpoint = endpoint;
    this.target = target;
    this.port = port;
  }

  readonly verify = (key: Buffer): boolean => {
    const verdict = verifyHostKey(this.endpoint.hostKey, this.target, this.endpoint.host, this.port, key);
    if (verdict.ok) {
      this.fingerprint = verdict.fingerprint;
      return true;
    }
    this.error = verdict.error;
    return false;
  };
}

/** How ssh2 is to reach, check and log in to the endpoint. */
function clientConfig(
  endpoint: SshEndpoint,
  options: ConnectOptions,
  login: {
    port: number;
    connectTimeoutMs: number;
    privateKey: Buffer | string | undefined;
    sock: Duplex | undefined;
    hostVerifier: (key: Buffer) => boolean;
  },
): ConnectConfig {
  const serverHostKey =
    endpoint.hostKeyAlgorithms ?? hostKeyAlgorithmsFor(endpoint.hostKey, endpoint.host, login.port);
  const config: ConnectConfig = {
    host: endpoint.host,
    port: login.port,
    username: endpoint.username,
    readyTimeout: login.connectTimeoutMs,
    keepaliveInterval: options.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_MS,
    keepaliveCountMax: options.keepaliveCountMax ?? DEFAULT_KEEPALIVE_COUNT,
    tryKeyboard: false,
    hostVerifier: login.hostVerifier,
  };
  if (serverHostKey) config.algorithms = { serverHostKey: serverHostKey as never };
  if (login.privateKey !== undefined) {
    config.privateKey = login.privateKey;
    if (endpoint.passphrase !== undefined) config.passphrase = endpoint.passphrase;
  }
  if (endpoint.password !== undefined) config.password = endpoint.password;
  if (login.sock) config.sock = login.sock as never;
  return config;
}

function openClient(
  endpoint: SshEndpoint,
  options: ConnectOptions,
  sock: Duplex | undefined,
  warn: (message: string) => void,
): Promise<Connected> {
  const target = targetName(endpoint);
  const port = endpoint.port ?? 22;
  const privateKey = loginKey(endpoint, target);
  warnWhenUnchecked(endpoint, target, warn);
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;

  // The first of ready, error and close settles the connection; a refused host key outranks what ssh2 reports.
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    const hostKey = new HostKeyCheck(endpoint, target, port);
    let settled = false;
    const fail = (error: SshError) => {
      if (settled) return;
      settled = true;
      client.end();
      sock?.destroy();
      reject(error);
    };
    const config = clientConfig(endpoint, options, {
      port,
      connectTimeoutMs,
      privateKey,
      sock,
      hostVerifier: hostKey.verify,
    });

    client.on('ready', () => {
      if (settled) return;
      settled = true;
      client.setNoDelay(true);
      resolve({ client, fingerprint: hostKey.fingerprint, target });
    });
    client.on('error', (error: Error & { level?: string; code?: string }) => {
      if (!settled) {
        fail(hostKey.error ?? classifyConnectError(error, endpoint, target, connectTimeoutMs));
      }
    });
    client.on('close', () => {
      if (!settled) {
        fail(
          hostKey.error ??
            new SshConnectionLostError(target, 'connect', new Error('the server closed the connection')),
        );
      }
    });
    try {
      client.connect(config);
    } catch (error) {
      fail(new SshProtocolError(target, `cannot start the connection: ${firstLine(String(error))}`, error));
    }
  });
}

const SOCKET_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'TCP connect timed out',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection reset by the server',
  EADDRNOTAVAIL: 'address not available',
};

/** Maps what ssh2 and the socket report while connecting to one distinct, actionable error. */
export function classifyConnectError(
  error: Error & { level?: string; code?: string },
  endpoint: Pick<SshEndpoint, 'host' | 'privateKey' | 'password'>,
  target: string,
  connectTimeoutMs: number,
): SshError {
  if (error.level === 'client-authentication') {
    const methods = [
      endpoint.privateKey ? 'publickey' : '',
      endpoint.password !== undefined ? 'password' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return new SshAuthError(target, methods || 'none', error);
  }
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'EAI_NONAME') {
    return new SshDnsError(target, endpoint.host, error);
  }
  if (error.level === 'client-dns') return new SshDnsError(target, endpoint.host, error);
  if (error.code && SOCKET_REASONS[error.code]) {
    return new SshUnreachableError(target, SOCKET_REASONS[error.code]!, error);
  }
  if (error.level === 'client-timeout' && /handshake/i.test(error.message)) {
    return new SshConnectTimeoutError(target, connectTimeoutMs, error);
  }
  if (error.level === 'client-timeout') return new SshConnectionLostError(target, 'connect', error);
  return new SshProtocolError(target, `connection failed: ${firstLine(error.message)}`, error);
}
