import { readFileSync } from 'node:fs';
import { InputError } from '../errors';
import type { ConnectOptions, SshEndpoint } from '../ssh';
import { parseDuration } from '../util/duration';

/** The SSH options every remote verb (backup, restore, drill's source) shares. Secrets come from env, never argv. */
export const sshOptionSpec = {
  host: { type: 'string' },
  port: { type: 'string' },
  user: { type: 'string' },
  key: { type: 'string' },
  fingerprint: { type: 'string', multiple: true },
  'known-hosts': { type: 'string' },
  'insecure-ignore-host-key': { type: 'boolean' },
  jump: { type: 'string' },
  'jump-key': { type: 'string' },
  'jump-fingerprint': { type: 'string', multiple: true },
  'jump-known-hosts': { type: 'string' },
  'connect-timeout': { type: 'string' },
  'command-timeout': { type: 'string' },
} as const;

export const SSH_ENV = {
  passphrase: 'ETCD_BACKUP_SSH_PASSPHRASE',
  password: 'ETCD_BACKUP_SSH_PASSWORD',
  sudoPassword: 'ETCD_BACKUP_SUDO_PASSWORD',
  jumpPassphrase: 'ETCD_BACKUP_JUMP_PASSPHRASE',
  jumpPassword: 'ETCD_BACKUP_JUMP_PASSWORD',
} as const;

type SshValues = {
  host?: string;
  port?: string;
  user?: string;
  key?: string;
  fingerprint?: string[];
  'known-hosts'?: string;
  'insecure-ignore-host-key'?: boolean;
  jump?: string;
  'jump-key'?: string;
  'jump-fingerprint'?: string[];
  'jump-known-hosts'?: string;
  'connect-timeout'?: string;
  'command-timeout'?: string;
};

function readInputFile(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      option,
      `a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}: ${path})`,
    );
  }
}

export function parsePort(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535)
    throw new InputError(option, 'a port number from 1 to 65535');
  return port;
}

function durationOr(value: string | undefined, option: string, fallbackMs: number): number {
  return value === undefined ? fallbackMs : parseDuration(value, option);
}

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function hostKeyPolicy(
  fingerprints: string[] | undefined,
  knownHostsPath: string | undefined,
  option: string,
  insecure = false,
) {
  return {
    ...(fingerprints?.length ? { fingerprints } : {}),
    ...(knownHostsPath ? { knownHosts: readInputFile(option, knownHostsPath) } : {}),
    ...(insecure ? { insecureIgnoreHostKey: true } : {}),
  };
}

/** `user@host:port` (user and port optional) for --jump. */
function parseJump(value: string): { username: string | undefined; host: string; port: number } {
  const match = /^(?:([^@\s]+)@)?(\[[^\]]+\]|[^:@\s]+)(?::(\d+))?$/.exec(value);
  if (!match) throw new InputError('--jump', '[user@]host[:port]');
  return {
    username: match[1],
    host: match[2]!.replace(/^\[|\]$/g, ''),
    port: parsePort('--jump', match[3], 22),
  };
}

export function sshConnectOptions(values: SshValues): ConnectOptions {
  if (!values.host) throw new InputError('--host', 'the control-plane node to SSH into');
  const password = env(SSH_ENV.password);
  if (!values.key && !password) {
    throw new InputError('--key', `a private key file (or a password in ${SSH_ENV.password})`);
  }
  const endpoint: SshEndpoint = {
    host: values.host,
    port: parsePort('--port', values.port, 22),
    username: values.user ?? 'root',
    ...(values.key ? { privateKey: readInputFile('--key', values.key) } : {}),
    ...(env(SSH_ENV.passphrase) ? { passphrase: env(SSH_ENV.passphrase) } : {}),
    ...(password ? { password } : {}),
    hostKey: hostKeyPolicy(
      values.fingerprint,
      values['known-hosts'],
      '--known-hosts',
      values['insecure-ignore-host-key'],
    ),
  };
  let jump: SshEndpoint | undefined;
  if (values.jump) {
    const j = parseJump(values.jump);
    const jumpPassword = env(SSH_ENV.jumpPassword);
    const jumpKey = values['jump-key'] ?? values.key;
    jump = {
      host: j.host,
      port: j.port,
      username: j.username ?? endpoint.username,
      ...(jumpKey ? { privateKey: readInputFile('--jump-key', jumpKey) } : {}),
      ...(env(SSH_ENV.jumpPassphrase) ? { passphrase: env(SSH_ENV.jumpPassphrase) } : {}),
      ...(jumpPassword ? { password: jumpPassword } : {}),
      // One known_hosts file often pins both hosts: use it for the bastion unless it has its own pins.
      hostKey: hostKeyPolicy(
        values['jump-fingerprint'],
        values['jump-known-hosts'] ?? (values['jump-fingerprint'] ? undefined : values['known-hosts']),
        '--jump-known-hosts',
      ),
    };
  }
  return {
    ...endpoint,
    ...(jump ? { jump } : {}),
    ...(env(SSH_ENV.sudoPassword) ? { sudoPassword: env(SSH_ENV.sudoPassword) } : {}),
    connectTimeoutMs: durationOr(values['connect-timeout'], '--connect-timeout', 20_000),
    commandTimeoutMs: durationOr(values['command-timeout'], '--command-timeout', 30 * 60_000),
  };
}
