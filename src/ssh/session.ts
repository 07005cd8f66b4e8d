import type { Duplex, Readable } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { discardChannel } from './channel';
import { CommandRun } from './command-run';
import {
  firstLine,
  RemoteFileNotFoundError,
  SshCommandError,
  SshConnectionLostError,
  type SshError,
  SshForwardError,
  SshProtocolError,
} from './errors';
import { buildCommand, describeCommand } from './quote';
import { probeSudo, type SudoMode, sudoPrefix } from './sudo';
import { openTunnel, type Tunnel } from './tunnel';

export interface ExecOptions {
  /** Run as root through sudo (a no-op when logged in as root). */
  sudo?: boolean;
  /** Bytes for the command's standard input; it gets EOF after them (or right away when absent). */
  stdin?: Buffer | string | Readable;
  /** Stop the command and fail after this long. Defaults to the session's command timeout. */
  timeoutMs?: number;
  /** Fail with SshCommandError on a non-zero exit instead of returning it. */
  check?: boolean;
  /** Most stdout bytes kept in memory; more fails the command. Default 64 MiB. */
  maxStdoutBytes?: number;
}

export interface ExecResult {
  stdout: Buffer;
  stderr: string;
  /** null when the command was killed by a signal (or the server sent no status). */
  exitCode: number | null;
  signal: string | undefined;
}

export interface ExecStream {
  /** The command's stdout with backpressure: the remote side is paused while this is not read. */
  stdout: Readable;
  /** Settles when the command ends; rejects (and `stdout` errors) on a non-zero exit, timeout or lost link. */
  done: Promise<Omit<ExecResult, 'stdout'>>;
}

export interface SessionParts {
  client: Client;
  bastion: Client | undefined;
  target: string;
  username: string;
  hostKeyFingerprint: string;
  sudoPassword: string | undefined;
  commandTimeoutMs: number;
}

/*
 * Closing the channel on a timeout does not stop the remote process (there is no pty to hang up), and an SSH
 * "signal" request is sent with the login user's rights, so it cannot reach a command run through sudo. So a
 * command with a deadline also gets one on the node: timeout(1), under the same sudo, kills it (and its
 * process group) a second after ours fires. Where timeout(1) is missing the command runs as is.
 */
const DEADLINE_WRAPPER =
  'if command -v timeout >/dev/null 2>&1; then exec timeout -s KILL "$0" "$@"; else exec "$@"; fi';

function withRemoteDeadline(argv: readonly string[], timeoutMs: number): string[] {
  return ['sh', '-c', DEADLINE_WRAPPER, String(Math.ceil(timeoutMs / 1000) + 1), ...argv];
}

/** A live SSH connection to one node; every remote action of the project goes through it. */
export class SshSession {
  readonly target: string;
  readonly username: string;
  /** SHA256 fingerprint of the host key the server proved it holds. */
  readonly hostKeyFingerprint: string;
  private readonly client: Client;
  private readonly bastion: Client | undefined;
  private readonly sudoPassword: string | undefined;
  private readonly commandTimeoutMs: number;
  /** Commands running now: how to fail each, keyed by what it is called in messages. */
  private readonly inFlight = new Map<(error: SshError) => void, string>();
  private readonly tunnels = new Set<Tunnel>();
  private sudoModeProbe: Promise<SudoMode> | undefined;
  private lost: Error | undefined;
  private closing = false;

  constructor(parts: SessionParts) {
    this.client = parts.client;
    this.bastion = parts.bastion;
    this.target = parts.target;
    this.username = parts.username;
    this.hostKeyFingerprint = parts.hostKeyFingerprint;
    this.sudoPassword = parts.sudoPassword;
    this.commandTimeoutMs = parts.commandTimeoutMs;
    const onLost = (error?: Error) => {
      if (this.lost) return;
      this.lost =
        error ?? new Error(this.closing ? 'the session was closed' : 'the server closed the connection');
      for (const [abort, label] of this.inFlight) {
        abort(new SshConnectionLostError(this.target, `'${label}'`, this.lost));
      }
      this.inFlight.clear();
      for (const tunnel of this.tunnels) void tunnel.close();
    };
    this.client.on('error', (error: Error) => onLost(error));
    this.client.on('close', () => onLost());
    this.bastion?.on('error', (error: Error) => onLost(error));
    this.bastion?.on('close', () => onLost());
  }

  get isOpen(): boolean {
    return this.lost === undefined;
  }

  /** How this session gets root: already root, passwordless sudo, or sudo with the given password. */
  sudoMode(): Promise<SudoMode> {
    this.sudoModeProbe ??= probeSudo(this, this.username, this.sudoPassword);
    return this.sudoModeProbe;
  }

  /** Runs argv on the node (each element quoted; nothing is interpolated) and collects its output. */
  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const { stdout, done } = await this.start(argv, options, options.timeoutMs ?? this.commandTimeoutMs);
    const maxStdout = options.maxStdoutBytes ?? 64 * 1024 * 1024;
    const chunks: Buffer[] = [];
    let size = 0;
    const collected = new Promise<void>((resolve, reject) => {
      stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxStdout) {
          stdout.destroy(
            new SshProtocolError(
              this.target,
              `command '${describeCommand(argv)}' wrote more than ${maxStdout} bytes`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stdout.on('end', resolve);
      stdout.on('error', reject);
    });
    let result: Omit<ExecResult, 'stdout'>;
    try {
      [result] = await Promise.all([done, collected]);
    } catch (error) {
      if (error instanceof SshCommandError && !options.check) {
        return {
          stdout: Buffer.concat(chunks),
          stderr: error.stderr,
          exitCode: error.remoteExitCode,
          signal: error.signalName,
        };
      }
      throw error;
    }
    return { ...result, stdout: Buffer.concat(chunks) };
  }

  /** Like exec, but streams stdout (for big files) and fails the stream on a non-zero exit. */
  async execStream(argv: readonly string[], options: Omit<ExecOptions, 'check' | 'maxStdoutBytes'> = {}) {
    return this.start(argv, options, options.timeoutMs);
  }

  /** Reads a (small) file into memory: certificates and keys are never written to disk. */
  async readFile(path: string, options: { sudo?: boolean; maxBytes?: number } = {}): Promise<Buffer> {
    const result = await this.exec(['sh', '-c', '[ -e "$1" ] || exit 66; exec cat -- "$1"', 'sh', path], {
      sudo: options.sudo,
      maxStdoutBytes: options.maxBytes ?? 16 * 1024 * 1024,
    });
    if (result.exitCode === 66) throw new RemoteFileNotFoundError(this.target, path);
    if (result.exitCode !== 0) {
      throw new SshCommandError(this.target, `cat ${path}`, result.exitCode, result.signal, result.stderr);
    }
    return result.stdout;
  }

  /** A raw TCP connection from the node to host:port, carried inside the SSH connection. */
  forwardOut(host: string, port: number): Promise<Duplex> {
    if (this.lost)
      return Promise.reject(new SshConnectionLostError(this.target, 'port forwarding', this.lost));
    return new Promise((resolve, reject) => {
      this.client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => {
        if (error) {
          const reason = firstLine(error.message).replace(/^\(SSH\) Channel open failure: /, '');
          reject(new SshForwardError(this.target, `${host}:${port}`, reason || 'refused', error));
        } else {
          resolve(channel);
        }
      });
    });
  }

  /**
   * A listener on 127.0.0.1:<free port> whose connections are forwarded to remoteHost:remotePort on the node
   * (for gRPC clients that want an address). It is checked once before being returned and closes with the
   * session.
   */
  async openTunnel(remoteHost: string, remotePort: number): Promise<Tunnel> {
    discardChannel(await this.forwardOut(remoteHost, remotePort));
    const tunnel = await openTunnel(this, remoteHost, remotePort);
    this.tunnels.add(tunnel);
    tunnel.closed.finally(() => this.tunnels.delete(tunnel));
    return tunnel;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.tunnels].map((t) => t.close()));
    if (this.lost) return;
    const closed = new Promise<void>((resolve) => this.client.once('close', () => resolve()));
    this.client.end();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    this.bastion?.end();
  }

  private async start(argv: readonly string[], options: ExecOptions, timeoutMs: number | undefined) {
    const command = buildCommand(timeoutMs ? withRemoteDeadline(argv, timeoutMs) : argv);
    let prefix: string[] = [];
    let password: string | undefined;
    if (options.sudo) {
      const mode = await this.sudoMode();
      prefix = sudoPrefix(mode);
      if (mode === 'password') password = this.sudoPassword;
    }
    const full = prefix.length > 0 ? `${buildCommand(prefix)} ${command}` : command;
    return this.startRaw(full, describeCommand(argv), options.stdin, password, timeoutMs);
  }

  /** Runs an already-quoted command line. Only this module and sudo probing build those. */
  startRaw(
    commandLine: string,
    label: string,
    stdin: ExecOptions['stdin'],
    sudoPassword: string | undefined,
    timeoutMs: number | undefined,
  ): Promise<ExecStream> {
    if (this.lost) return Promise.reject(new SshConnectionLostError(this.target, `'${label}'`, this.lost));
    return new Promise((resolveStart, rejectStart) => {
      this.client.exec(commandLine, (error, channel) => {
        if (error) {
          rejectStart(
            this.lost
              ? new SshConnectionLostError(this.target, `'${label}'`, this.lost)
              : new SshProtocolError(
                  this.target,
                  `cannot start '${label}': ${firstLine(error.message)}`,
                  error,
                ),
          );
          return;
        }
        resolveStart(this.track(channel, label, stdin, sudoPassword, timeoutMs));
      });
    });
  }

  private track(
    channel: ClientChannel,
    label: string,
    stdin: ExecOptions['stdin'],
    sudoPassword: string | undefined,
    timeoutMs: number | undefined,
  ): ExecStream {
    const run = new CommandRun(channel, label, timeoutMs, {
      target: this.target,
      lostReason: () => this.lost,
      inFlight: this.inFlight,
    });
    run.feed(stdin, sudoPassword);
    return { stdout: run.stdout, done: run.done };
  }
}
