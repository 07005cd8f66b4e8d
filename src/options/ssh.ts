import { isIP } from 'node:net';
import { InputError } from '../errors';
import {
  type ConnectOptions,
  type HostKeyPolicy,
  normalizeFingerprint,
  parseKnownHosts,
  type SshEndpoint,
} from '../ssh';
import { parseDuration } from '../store/retention';
import { shown } from '../util/shown';
import { listOption, port, switchOption, textOption } from './option';
import { given, isOn, type OptionValues, read, readAll } from './values';

/** A DNS name or an IP address, nothing else: anything else never reaches a resolver or a log line as a host. */
function checkHostName(name: string, host: string): string {
  const label = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
  const pattern = new RegExp(`^${label}(?:\\.${label})*\\.?$`);
  if (host.length <= 253 && (pattern.test(host) || isIP(host) !== 0)) return host;
  throw new InputError(name, `a host name or IP address (got ${shown(host)})`);
}

export interface HostEntry {
  host: string;
  port?: number;
}

export function parseHostEntry(text: string, name: string): HostEntry {
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(text.trim());
  if (!match) throw new InputError(name, `host or host:port (got ${shown(text)})`);
  const host = checkHostName(name, match[1]!.replace(/^\[|\]$/g, ''));
  if (match[2] === undefined) return { host };
  const p = Number(match[2]);
  if (p < 1 || p > 65535)
    throw new InputError(name, `a port from 1 to 65535 after the colon (got ${shown(text)})`);
  return { host, port: p };
}

const duration = (text: string, name: string) => parseDuration(text, name);

function checkKnownHosts(text: string): string {
  parseKnownHosts(text);
  return text;
}

export const SSH = {
  host: listOption<HostEntry>('host', {
    flag: 'host',
    input: 'host',
    arg: 'H[:P]',
    help: 'the control-plane node to SSH into (host name or IP, optionally :port)',
    parse: parseHostEntry,
  }),
  nodes: textOption('nodes', {
    flag: 'nodes',
    arg: 'FILE',
    fileOnCli: true,
    help: 'the nodes as a JSON list: [{"host": "10.0.0.1", "port": 22, "user": "root", "fingerprint": "SHA256:…"}]',
  }),
  port: textOption('port', { flag: 'port', input: 'port', arg: 'P', help: 'SSH port (22)', parse: port }),
  user: textOption('user', { flag: 'user', input: 'username', arg: 'U', help: 'SSH user (root)' }),
  key: textOption('key', {
    flag: 'key',
    input: 'key',
    arg: 'FILE',
    secret: true,
    fileOnCli: true,
    help: 'SSH private key',
  }),
  passphrase: textOption('passphrase', {
    input: 'passphrase',
    env: 'ETCD_BACKUP_SSH_PASSPHRASE',
    secret: true,
    keepWhitespace: true,
    help: "the SSH key's passphrase",
  }),
  password: textOption('password', {
    input: 'password',
    env: 'ETCD_BACKUP_SSH_PASSWORD',
    secret: true,
    keepWhitespace: true,
    help: 'an SSH login password, instead of a key',
  }),
  fingerprint: listOption('fingerprint', {
    flag: 'fingerprint',
    input: 'fingerprint',
    arg: 'FP',
    help: "pin the node's host key (SHA256:…, as ssh-keygen -lf prints it); repeatable",
    parse: (text, name) => withName(name, () => normalizeFingerprint(text)),
  }),
  knownHosts: textOption('knownHosts', {
    flag: 'known-hosts',
    input: 'known_hosts',
    arg: 'FILE',
    fileOnCli: true,
    help: 'or pin it with known_hosts lines (ssh-keyscan)',
    parse: (text, name) => withName(name, () => checkKnownHosts(text)),
  }),
  insecureIgnoreHostKey: switchOption('insecureIgnoreHostKey', {
    flag: 'insecure-ignore-host-key',
    input: 'insecure_ignore_host_key',
    help: 'accept any host key (throw-away test hosts only)',
  }),
  jump: textOption('jump', {
    flag: 'jump',
    arg: '[U@]H[:P]',
    help: 'go through this bastion',
  }),
  jumpHost: textOption('jumpHost', {
    input: 'proxy_host',
    help: 'the bastion to jump through',
    parse: (text, name) => checkHostName(name, text),
  }),
  jumpPort: textOption('jumpPort', { input: 'proxy_port', help: "the bastion's SSH port", parse: port }),
  jumpUser: textOption('jumpUser', { input: 'proxy_username', help: "the bastion's SSH user" }),
  jumpKey: textOption('jumpKey', {
    flag: 'jump-key',
    input: 'proxy_key',
    arg: 'FILE',
    secret: true,
    fileOnCli: true,
    help: "the bastion's private key (default: the node's)",
  }),
  jumpPassphrase: textOption('jumpPassphrase', {
    input: 'proxy_passphrase',
    env: 'ETCD_BACKUP_JUMP_PASSPHRASE',
    secret: true,
    keepWhitespace: true,
    help: "the bastion key's passphrase",
  }),
  jumpPassword: textOption('jumpPassword', {
    input: 'proxy_password',
    env: 'ETCD_BACKUP_JUMP_PASSWORD',
    secret: true,
    keepWhitespace: true,
    help: "the bastion's login password",
  }),
  jumpFingerprint: listOption('jumpFingerprint', {
    flag: 'jump-fingerprint',
    input: 'proxy_fingerprint',
    arg: 'FP',
    help: "pin the bastion's host key; repeatable",
    parse: (text, name) => withName(name, () => normalizeFingerprint(text)),
  }),
  jumpKnownHosts: textOption('jumpKnownHosts', {
    flag: 'jump-known-hosts',
    arg: 'FILE',
    fileOnCli: true,
    help: "known_hosts lines for the bastion (default: the node's)",
    parse: (text, name) => withName(name, () => checkKnownHosts(text)),
  }),
  sudoPassword: textOption('sudoPassword', {
    input: 'sudo_password',
    env: 'ETCD_BACKUP_SUDO_PASSWORD',
    secret: true,
    keepWhitespace: true,
    help: 'the sudo password, if a non-root user needs one (fed on sudo’s stdin)',
  }),
  connectTimeout: textOption('connectTimeout', {
    flag: 'connect-timeout',
    input: 'timeout',
    arg: 'D',
    help: 'give up connecting after D (30s)',
    parse: duration,
  }),
  commandTimeout: textOption('commandTimeout', {
    flag: 'command-timeout',
    input: 'command_timeout',
    arg: 'D',
    help: 'give up on one remote command after D (30m)',
    parse: duration,
  }),
};

/** Re-labels an error from shared parsing code with the option's name as the user gave it. */
export function withName<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const expected = error.message.replace(/^input '[^']*': expected /, '');
    throw new InputError(name, expected, error.hint ? { hint: error.hint } : {});
  }
}

const PIN_HINT = 'print it on that host with: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub';

/** The node's host key pins as given: fingerprints, known_hosts lines, or the loud opt-out. */
function sharedHostKeyPolicy(values: OptionValues): HostKeyPolicy {
  const fingerprints = readAll(values, SSH.fingerprint);
  const knownHosts = read(values, SSH.knownHosts);
  const insecure = isOn(values, SSH.insecureIgnoreHostKey);
  return {
    ...(fingerprints.length ? { fingerprints } : {}),
    ...(knownHosts !== undefined ? { knownHosts } : {}),
    ...(insecure ? { insecureIgnoreHostKey: true } : {}),
  };
}

/** Every node is pinned before anything connects. */
function requirePin(values: OptionValues, policy: HostKeyPolicy): void {
  if (policy.fingerprints?.length || policy.knownHosts !== undefined || policy.insecureIgnoreHostKey) return;
  throw new InputError(
    values.nameOf(SSH.fingerprint),
    `the node's SSH host key fingerprint (SHA256:…), or ${values.nameOf(SSH.knownHosts)}`,
    { hint: PIN_HINT },
  );
}

/** `user@host:port` (user and port optional) for the CLI's --jump. */
function parseJump(text: string, name: string): { username?: string; host: string; port?: number } {
  const match = /^(?:([^@\s]+)@)?(.+)$/.exec(text.trim());
  if (!match) throw new InputError(name, `[user@]host[:port] (got ${shown(text)})`);
  const entry = parseHostEntry(match[2]!, name);
  return { ...(match[1] ? { username: match[1] } : {}), ...entry };
}

const PROXY_ONLY = [SSH.jumpPort, SSH.jumpUser, SSH.jumpKey, SSH.jumpPassphrase, SSH.jumpPassword];

function jumpEndpoint(
  values: OptionValues,
  node: { username: string; key?: string; passphrase?: string; knownHosts?: string },
): SshEndpoint | undefined {
  const jumpText = read(values, SSH.jump);
  const jump = jumpText !== undefined ? parseJump(jumpText, values.nameOf(SSH.jump)) : undefined;
  const host = jump?.host ?? read(values, SSH.jumpHost);
  if (host === undefined) {
    const stray = [...PROXY_ONLY, SSH.jumpFingerprint, SSH.jumpKnownHosts].find((o) => given(values, o));
    if (stray) {
      const bastion = values.surface === 'cli' ? values.nameOf(SSH.jump) : values.nameOf(SSH.jumpHost);
      throw new InputError(values.nameOf(stray), `${bastion} as well (the bastion to jump through)`);
    }
    return undefined;
  }
  const key = read(values, SSH.jumpKey) ?? node.key;
  const passphrase = read(values, SSH.jumpPassphrase) ?? (key === node.key ? node.passphrase : undefined);
  const password = read(values, SSH.jumpPassword);
  if (!key && !password) {
    throw new InputError(
      values.nameOf(SSH.jumpKey),
      `the bastion's SSH private key, or ${values.nameOf(SSH.jumpPassword)}`,
    );
  }
  // One known_hosts text often pins both hosts: it serves the bastion unless the bastion has its own pins.
  const fingerprints = readAll(values, SSH.jumpFingerprint);
  const knownHosts = read(values, SSH.jumpKnownHosts) ?? node.knownHosts;
  if (!fingerprints.length && knownHosts === undefined) {
    throw new InputError(
      values.nameOf(SSH.jumpFingerprint),
      "the bastion's SSH host key fingerprint (SHA256:…), or known_hosts lines for it",
      { hint: PIN_HINT },
    );
  }
  return {
    host,
    port: jump?.port ?? read(values, SSH.jumpPort) ?? 22,
    username: jump?.username ?? read(values, SSH.jumpUser) ?? node.username,
    ...(key ? { privateKey: key } : {}),
    ...(passphrase ? { passphrase } : {}),
    ...(password ? { password } : {}),
    hostKey: fingerprints.length ? { fingerprints } : { knownHosts: knownHosts! },
  };
}

interface NodeSpec {
  host: string;
  port?: number;
  user?: string;
  fingerprints?: string[];
}

/** The CLI's --nodes file: a JSON list of {host, port?, user?, fingerprint?}. */
function nodesFile(values: OptionValues): NodeSpec[] | undefined {
  const text = read(values, SSH.nodes);
  if (text === undefined) return undefined;
  const name = values.nameOf(SSH.nodes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(name, `a JSON file (${(error as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new InputError(name, 'a JSON list of {host, port?, user?, fingerprint?}');
  return parsed.map((n: unknown, i) => {
    const entry = n as { host?: unknown; port?: unknown; user?: unknown; fingerprint?: unknown };
    if (typeof n !== 'object' || n === null || typeof entry.host !== 'string')
      throw new InputError(name, `entry ${i + 1} to be an object with a "host"`);
    const fingerprint = entry.fingerprint;
    return {
      host: checkHostName(name, entry.host),
      ...(entry.port !== undefined ? { port: port(String(entry.port), name) } : {}),
      ...(typeof entry.user === 'string' ? { user: entry.user } : {}),
      ...(fingerprint !== undefined
        ? {
            fingerprints: ([] as unknown[])
              .concat(fingerprint)
              .map((f) => withName(name, () => normalizeFingerprint(String(f)))),
          }
        : {}),
    };
  });
}

function nodeSpecs(values: OptionValues, several: boolean, fingerprints: readonly string[]): NodeSpec[] {
  const hostName = values.nameOf(SSH.host);
  const hosts = readAll(values, SSH.host);
  const fromFile = nodesFile(values);
  if (fromFile) {
    if (hosts.length > 0) throw new InputError(hostName, `not together with ${values.nameOf(SSH.nodes)}`);
    return fromFile;
  }
  if (hosts.length === 0) {
    const what = several
      ? `a control-plane node (one per etcd member)${values.surface === 'cli' ? `, or ${values.nameOf(SSH.nodes)} FILE` : ''}`
      : 'the control-plane node to SSH into (host name or IP)';
    throw new InputError(hostName, what);
  }
  if (hosts.length > 1 && !several)
    throw new InputError(
      hostName,
      `one control-plane node (got ${hosts.length}; backup snapshots one member)`,
    );
  if (hosts.length > 1 && fingerprints.length > 1 && fingerprints.length !== hosts.length) {
    throw new InputError(
      values.nameOf(SSH.fingerprint),
      `one per ${hostName}, in the same order (${hosts.length}), or one for all`,
    );
  }
  return hosts.map((h, i) => ({
    ...h,
    ...(fingerprints.length > 1 ? { fingerprints: [fingerprints[i]!] } : {}),
  }));
}

/**
 * The SSH options, read the same way from the CLI and the actions. Several nodes (restore) come as repeated
 * hosts or a nodes file; their fingerprints are given one per host in the same order, or one for all, or
 * known_hosts pins them all.
 */
export function sshNodesFrom(values: OptionValues, options: { several: boolean }): ConnectOptions[] {
  const key = read(values, SSH.key);
  const password = read(values, SSH.password);
  const passphrase = read(values, SSH.passphrase);
  const shared = sharedHostKeyPolicy(values);
  const specs = nodeSpecs(values, options.several, shared.fingerprints ?? []);
  const pins = specs.map((spec) => {
    const hostKey = { ...shared, ...(spec.fingerprints ? { fingerprints: spec.fingerprints } : {}) };
    requirePin(values, hostKey);
    return hostKey;
  });
  if (!key && !password) {
    throw new InputError(
      values.nameOf(SSH.key),
      values.surface === 'cli'
        ? `a private key file (or a password in ${values.nameOf(SSH.password)})`
        : 'the SSH private key text (from a secret), or a password',
      values.surface === 'cli'
        ? {}
        : { hint: 'store the private key in a repository secret and pass it as key: the secret expression' },
    );
  }
  const username = read(values, SSH.user) ?? 'root';
  const defaultPort = read(values, SSH.port) ?? 22;
  const jump = jumpEndpoint(values, {
    username,
    ...(key ? { key } : {}),
    ...(passphrase ? { passphrase } : {}),
    ...(shared.knownHosts !== undefined ? { knownHosts: shared.knownHosts } : {}),
  });
  const sudoPassword = read(values, SSH.sudoPassword);
  const connectTimeoutMs = read(values, SSH.connectTimeout) ?? 30_000;
  const commandTimeoutMs = read(values, SSH.commandTimeout) ?? 30 * 60_000;
  return specs.map((spec, i) => {
    return {
      host: spec.host,
      port: spec.port ?? defaultPort,
      username: spec.user ?? username,
      ...(key ? { privateKey: key } : {}),
      ...(passphrase ? { passphrase } : {}),
      ...(password ? { password } : {}),
      hostKey: pins[i]!,
      ...(jump ? { jump } : {}),
      ...(sudoPassword ? { sudoPassword } : {}),
      connectTimeoutMs,
      commandTimeoutMs,
    };
  });
}

export function sshFrom(values: OptionValues): ConnectOptions {
  return sshNodesFrom(values, { several: false })[0]!;
}

/** More nodes reached like the one given (same user, key, pins and bastion), e.g. backup's --files-from. */
export function moreNodesFrom(values: OptionValues, hosts: readonly HostEntry[]): ConnectOptions[] {
  if (hosts.length === 0) return [];
  const [first] = sshNodesFrom(values, { several: false });
  return hosts.map((h) => ({ ...first!, host: h.host, port: h.port ?? first!.port }));
}
