import { isIP } from 'node:net';
import { InputError } from '../errors';
import {
  type ConnectOptions,
  type HostKeyPolicy,
  normalizeFingerprint,
  parseKnownHosts,
  type SshEndpoint,
} from '../ssh';
import {
  booleanInput,
  durationInput,
  listInput,
  optionalInput,
  portInput,
  secretInput,
  shown,
} from './inputs';

/** Re-labels an input error raised by shared parsing code with the input's name as action.yml spells it. */
function asInput<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const expected = error.message.replace(/^input '[^']*': expected /, '');
    throw new InputError(name, expected, error.hint ? { hint: error.hint } : {});
  }
}

function fingerprintsInput(name: 'fingerprint' | 'proxy_fingerprint'): string[] {
  return listInput(name).map((f) => asInput(name, () => normalizeFingerprint(f)));
}

const PIN_HINT = { hint: 'print it on that host with: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' };

/** The node's host key pins: fingerprints, known_hosts lines, or the loud opt-out. */
function nodeHostKeyPolicy(): HostKeyPolicy {
  const fingerprints = fingerprintsInput('fingerprint');
  const knownHosts = optionalInput('known_hosts');
  if (knownHosts !== undefined) asInput('known_hosts', () => parseKnownHosts(knownHosts));
  const insecure = booleanInput('insecure_ignore_host_key', false);
  if (fingerprints.length === 0 && knownHosts === undefined && !insecure) {
    throw new InputError(
      'fingerprint',
      "the node's SSH host key fingerprint (SHA256:…) or known_hosts lines",
      PIN_HINT,
    );
  }
  return {
    ...(fingerprints.length ? { fingerprints } : {}),
    ...(knownHosts !== undefined ? { knownHosts } : {}),
    ...(insecure ? { insecureIgnoreHostKey: true } : {}),
  };
}

/** The bastion's pins: its own fingerprints, else the known_hosts lines (one text often pins both hosts). */
function proxyHostKeyPolicy(knownHosts: string | undefined): HostKeyPolicy {
  const fingerprints = fingerprintsInput('proxy_fingerprint');
  if (fingerprints.length) return { fingerprints };
  if (knownHosts !== undefined) return { knownHosts };
  throw new InputError(
    'proxy_fingerprint',
    "the bastion's SSH host key fingerprint (SHA256:…), or known_hosts lines for it",
    PIN_HINT,
  );
}

function hostAndPort(entry: string, defaultPort: number): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(entry);
  if (!match) throw new InputError('host', `host or host:port (got ${shown(entry)})`);
  const port = match[2] === undefined ? defaultPort : Number(match[2]);
  if (port < 1 || port > 65535)
    throw new InputError('host', `a port from 1 to 65535 after the colon (got ${shown(entry)})`);
  const host = match[1]!.replace(/^\[|\]$/g, '');
  checkHostName('host', host);
  return { host, port };
}

/**
 * A DNS name or an IP address, nothing else: a value that is neither never reaches a resolver or a log line
 * as if it were one.
 */
function checkHostName(input: string, host: string): void {
  const label = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
  const name = new RegExp(`^${label}(?:\\.${label})*\\.?$`);
  if (host.length <= 253 && (name.test(host) || isIP(host) !== 0)) return;
  throw new InputError(input, `a host name or IP address (got ${shown(host)})`);
}

/**
 * The SSH inputs, shaped like the SSH actions people already use (host, port, username, key, proxy_*).
 * `host` may list several nodes (one per line, `host` or `host:port`) where the action allows it; their
 * `fingerprint`s are then given one per host in the same order, or one for all, or known_hosts pins them all.
 */
export function sshNodesFromInputs(options: { several: boolean }): ConnectOptions[] {
  const hosts = listInput('host');
  if (hosts.length === 0) {
    throw new InputError(
      'host',
      `the control-plane node${options.several ? '(s)' : ''} to SSH into (host name or IP)`,
    );
  }
  if (hosts.length > 1 && !options.several) {
    throw new InputError('host', `one control-plane node (got ${hosts.length}; backup snapshots one member)`);
  }
  const key = secretInput('key');
  const passphrase = secretInput('passphrase', { keepWhitespace: true });
  const password = secretInput('password', { keepWhitespace: true });
  if (!key && !password) {
    throw new InputError('key', 'the SSH private key text (from a secret), or a password', {
      hint: 'store the private key in a repository secret and pass it as key: the secret expression',
    });
  }
  const username = optionalInput('username') ?? 'root';
  const hostKey = nodeHostKeyPolicy();
  const fingerprints = hostKey.fingerprints ?? [];
  if (hosts.length > 1 && fingerprints.length > 1 && fingerprints.length !== hosts.length) {
    throw new InputError('fingerprint', `one per host, in the same order (${hosts.length}), or one for all`);
  }
  const defaultPort = portInput('port', 22);

  let jump: SshEndpoint | undefined;
  const proxyHost = optionalInput('proxy_host');
  if (proxyHost) checkHostName('proxy_host', proxyHost);
  if (proxyHost) {
    const proxyKey = secretInput('proxy_key') ?? key;
    const proxyPassphrase =
      secretInput('proxy_passphrase', { keepWhitespace: true }) ??
      (proxyKey === key ? passphrase : undefined);
    const proxyPassword = secretInput('proxy_password', { keepWhitespace: true });
    if (!proxyKey && !proxyPassword) {
      throw new InputError('proxy_key', "the bastion's SSH private key text, or proxy_password");
    }
    jump = {
      host: proxyHost,
      port: portInput('proxy_port', 22),
      username: optionalInput('proxy_username') ?? username,
      ...(proxyKey ? { privateKey: proxyKey } : {}),
      ...(proxyPassphrase ? { passphrase: proxyPassphrase } : {}),
      ...(proxyPassword ? { password: proxyPassword } : {}),
      hostKey: proxyHostKeyPolicy(hostKey.knownHosts),
    };
  } else {
    for (const name of PROXY_INPUTS) {
      if (optionalInput(name) !== undefined) {
        throw new InputError(name, 'proxy_host as well (the bastion to jump through)');
      }
    }
  }
  const sudoPassword = secretInput('sudo_password', { keepWhitespace: true });
  const connectTimeoutMs = durationInput('timeout') ?? 30_000;
  const commandTimeoutMs = durationInput('command_timeout') ?? 30 * 60_000;

  return hosts.map((entry, i) => {
    const { host, port } = hostAndPort(entry, defaultPort);
    const pins = hosts.length > 1 && fingerprints.length > 1 ? [fingerprints[i]!] : fingerprints;
    return {
      host,
      port,
      username,
      ...(key ? { privateKey: key } : {}),
      ...(passphrase ? { passphrase } : {}),
      ...(password ? { password } : {}),
      hostKey: { ...hostKey, ...(pins.length ? { fingerprints: pins } : {}) },
      ...(jump ? { jump } : {}),
      ...(sudoPassword ? { sudoPassword } : {}),
      connectTimeoutMs,
      commandTimeoutMs,
    };
  });
}

const PROXY_INPUTS = [
  'proxy_port',
  'proxy_username',
  'proxy_key',
  'proxy_passphrase',
  'proxy_password',
  'proxy_fingerprint',
];

export function sshFromInputs(): ConnectOptions {
  return sshNodesFromInputs({ several: false })[0]!;
}
