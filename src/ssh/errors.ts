import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';
import { optionName } from '../options/naming';

/** What went wrong, as a stable string callers and tests can branch on. */
export type SshErrorCode =
  | 'key-invalid'
  | 'auth-failed'
  | 'dns'
  | 'unreachable'
  | 'connect-timeout'
  | 'host-key-unknown'
  | 'host-key-mismatch'
  | 'jump-failed'
  | 'sudo-password-required'
  | 'sudo-denied'
  | 'command-timeout'
  | 'command-failed'
  | 'connection-lost'
  | 'forward-failed'
  | 'file-not-found'
  | 'lock-busy'
  | 'protocol';

export class SshError extends EtcdBackupError {
  readonly code: SshErrorCode;
  /** `user@host:port` (or `host:port`) the failure is about. */
  readonly target: string;

  constructor(
    code: SshErrorCode,
    target: string,
    what: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`ssh ${target}: ${what}`, { ...options, exitCode: EXIT.ssh });
    this.code = code;
    this.target = target;
  }
}

export class SshKeyError extends SshError {
  constructor(target: string, what: string, options: { hint?: string; cause?: unknown } = {}) {
    super('key-invalid', target, what, options);
  }
}

export class SshAuthError extends SshError {
  constructor(target: string, methods: string, cause?: unknown) {
    super('auth-failed', target, `authentication refused (tried ${methods})`, {
      hint: 'check the user name and that the key is in its authorized_keys (or the password is right)',
      cause,
    });
  }
}

export class SshDnsError extends SshError {
  constructor(target: string, host: string, cause?: unknown) {
    super('dns', target, `cannot resolve host name '${host}'`, {
      hint: `check ${optionName('host')} for typos, or give an IP address`,
      cause,
    });
  }
}

export class SshUnreachableError extends SshError {
  constructor(target: string, reason: string, cause?: unknown) {
    super('unreachable', target, `cannot connect (${reason})`, {
      hint: 'check the host and port, that sshd runs there, and that a firewall lets the runner in (or use a jump host)',
      cause,
    });
  }
}

export class SshConnectTimeoutError extends SshError {
  constructor(target: string, timeoutMs: number, cause?: unknown) {
    super('connect-timeout', target, `no SSH handshake within ${timeoutMs} ms`, {
      hint: `the port may be filtered or not an SSH server; check the address, or raise ${optionName('connectTimeout')}`,
      cause,
    });
  }
}

export class SshHostKeyUnknownError extends SshError {
  readonly presentedFingerprint: string;

  constructor(target: string, keyType: string, fingerprint: string, why: string) {
    super('host-key-unknown', target, `host key ${keyType} ${fingerprint} is not trusted (${why})`, {
      hint: `if this is the right host, pin it: ${optionName('fingerprint')} ${fingerprint} (or ${optionName('knownHosts')} with ssh-keyscan's lines); never turn checking off in production`,
    });
    this.presentedFingerprint = fingerprint;
  }
}

export interface PresentedHostKey {
  keyType: string;
  fingerprint: string;
}

export class SshHostKeyMismatchError extends SshError {
  /** Every key the server showed us (more than one when we asked for each key type in turn). */
  readonly presented: PresentedHostKey[];
  readonly expectedFingerprints: string[];

  constructor(target: string, presented: PresentedHostKey[], expected: string[]) {
    const shown = presented.map((k) => `${k.keyType} ${k.fingerprint}`).join(', ');
    const types = presented.map((k) => k.keyType).join(' or ');
    super(
      'host-key-mismatch',
      target,
      `HOST KEY MISMATCH: the server presented ${shown}, expected ${expected.join(' or ')}`,
      {
        hint: `someone may be intercepting the connection, or the host was reinstalled: verify the new key out of band before updating the pin (a pin must be of the server's ${types} key)`,
      },
    );
    this.presented = presented;
    this.expectedFingerprints = expected;
  }

  get presentedFingerprint(): string {
    return this.presented[0]?.fingerprint ?? '';
  }
}

export class SshJumpError extends SshError {
  constructor(target: string, via: string, reason: string, cause?: unknown) {
    super('jump-failed', target, `the jump host ${via} could not open a connection to it (${reason})`, {
      hint: 'check that the target host and port are reachable from the jump host and that it allows TCP forwarding',
      cause,
    });
  }
}

export class SshSudoPasswordRequiredError extends SshError {
  constructor(target: string, user: string) {
    super('sudo-password-required', target, `sudo needs a password for user '${user}'`, {
      hint: `give the sudo password in ${optionName('sudoPassword')}, or allow this user passwordless sudo (NOPASSWD), or connect as root`,
    });
  }
}

export class SshSudoDeniedError extends SshError {
  constructor(target: string, user: string, detail: string) {
    super('sudo-denied', target, `sudo refused for user '${user}' (${detail})`, {
      hint: 'grant this user sudo on the node, check the sudo password, or connect as root',
    });
  }
}

export class SshCommandTimeoutError extends SshError {
  constructor(target: string, command: string, timeoutMs: number) {
    super('command-timeout', target, `command '${command}' did not finish within ${timeoutMs} ms`, {
      hint: 'the command was stopped; raise the command timeout if the node is just slow',
    });
  }
}

export class SshCommandError extends SshError {
  readonly remoteExitCode: number | null;
  readonly signalName: string | undefined;
  readonly stderr: string;

  constructor(
    target: string,
    command: string,
    exit: number | null,
    signal: string | undefined,
    stderr: string,
  ) {
    const status = signal ? `was killed by ${signal}` : `exited with ${exit}`;
    const detail = firstLine(stderr);
    super('command-failed', target, `command '${command}' ${status}${detail ? `: ${detail}` : ''}`);
    this.remoteExitCode = exit;
    this.signalName = signal;
    this.stderr = stderr;
  }
}

export class RemoteFileNotFoundError extends SshError {
  readonly path: string;

  constructor(target: string, path: string) {
    super('file-not-found', target, `${path} does not exist on the node`);
    this.path = path;
  }
}

export class SshConnectionLostError extends SshError {
  constructor(target: string, during: string, cause?: unknown) {
    const reason = cause instanceof Error ? ` (${firstLine(cause.message)})` : '';
    super('connection-lost', target, `connection lost during ${during}${reason}`, {
      hint: 'the node or network dropped the SSH connection; check the node, then run again',
      cause,
    });
  }
}

export class SshForwardError extends SshError {
  constructor(
    target: string,
    destination: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super('forward-failed', target, `cannot forward to ${destination} (${reason})`, {
      hint: 'check that the address is listening on the node and that sshd allows TCP forwarding (AllowTcpForwarding)',
      cause,
    });
  }
}

export class SshProtocolError extends SshError {
  constructor(target: string, reason: string, cause?: unknown) {
    super('protocol', target, reason, { cause });
  }
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}
