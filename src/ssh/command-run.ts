import { PassThrough, type Readable } from 'node:stream';
import type { ClientChannel } from 'ssh2';
import { discardChannel } from './channel';
import {
  SshCommandError,
  SshCommandTimeoutError,
  SshConnectionLostError,
  SshError,
  SshProtocolError,
} from './errors';

const MAX_STDERR_BYTES = 64 * 1024;

/** How a command ended: what it wrote to stderr and its exit status. */
export interface CommandEnd {
  stderr: string;
  /** null when the command was killed by a signal (or the server sent no status). */
  exitCode: number | null;
  signal: string | undefined;
}

/** What a running command needs of its session. */
export interface CommandSession {
  readonly target: string;
  /** Why the connection is gone, or undefined while it is up. */
  lostReason(): Error | undefined;
  /** Commands running now: how to fail each, keyed by what it is called in messages. */
  readonly inFlight: Map<(error: SshError) => void, string>;
}

/**
 * One command on its own channel, from start to how it ended. The channel's events (exit, end, close, timeout,
 * a reader giving up) share the flags that decide that, so they are methods of one object.
 */
export class CommandRun {
  /** The command's stdout with backpressure; errors when the command fails. */
  readonly stdout = new PassThrough();
  /** Settles when the command ends; rejects on a non-zero exit, timeout or lost link. */
  readonly done: Promise<CommandEnd>;
  private readonly channel: ClientChannel;
  private readonly label: string;
  private readonly session: CommandSession;
  private stderr = '';
  private exitCode: number | null = null;
  private signal: string | undefined;
  private failure: SshError | undefined;
  private timer: NodeJS.Timeout | undefined;
  private channelClosed = false;
  private exited = false;
  private outputEnded = false;
  private closeGrace: NodeJS.Timeout | undefined;
  private resolveDone: (end: CommandEnd) => void = () => {};
  private rejectDone: (error: SshError) => void = () => {};

  constructor(channel: ClientChannel, label: string, timeoutMs: number | undefined, session: CommandSession) {
    this.channel = channel;
    this.label = label;
    this.session = session;
    this.watchChannel();
    this.done = new Promise<CommandEnd>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    session.inFlight.set(this.abort, label);
    this.startTimer(timeoutMs);
    // A reader that gives up (destroys stdout, or exec's size cap) must not leave the command blocked on a
    // full window forever: stop it and fail.
    this.stdout.on('close', () => this.onReaderGone());
    channel.on('close', () => this.onChannelClose());
    // The caller may watch only one of the two; the failure reaches both, and neither may go unhandled.
    this.done.catch(() => {});
    this.stdout.on('error', () => {});
  }

  /** Sends the sudo password (when there is one), then stdin, then EOF. */
  feed(stdin: Buffer | string | Readable | undefined, sudoPassword: string | undefined): void {
    if (sudoPassword !== undefined) this.channel.write(`${sudoPassword}\n`);
    if (stdin === undefined) this.channel.end();
    else if (typeof stdin === 'string' || Buffer.isBuffer(stdin)) this.channel.end(stdin);
    else stdin.pipe(this.channel);
  }

  private watchChannel(): void {
    const channel = this.channel;
    channel.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < MAX_STDERR_BYTES) this.stderr += chunk.toString('utf8');
    });
    channel.on('exit', (code: number | null, signalName?: string) => {
      this.exitCode = code;
      this.signal = signalName ?? undefined;
      this.exited = true;
      this.closeSoon();
    });
    channel.on('end', () => {
      this.outputEnded = true;
      this.closeSoon();
    });
    channel.pipe(this.stdout, { end: false });
  }

  // Once the command has exited and all its output has arrived, the channel's CLOSE is a formality; seen
  // under heavy load, it can fail to surface, and a stream must not then wait forever for it.
  private closeSoon(): void {
    if (this.exited && this.outputEnded && !this.channelClosed && !this.closeGrace) {
      this.closeGrace = setTimeout(() => this.channel.emit('close'), 2000);
      this.closeGrace.unref();
    }
  }

  private startTimer(timeoutMs: number | undefined): void {
    if (timeoutMs !== undefined && timeoutMs > 0) {
      this.timer = setTimeout(() => {
        try {
          this.channel.signal('KILL');
        } catch {
          // an old server may not take signals; closing the channel below still ends the session
        }
        this.abort(new SshCommandTimeoutError(this.session.target, this.label, timeoutMs));
      }, timeoutMs);
    }
  }

  /** Fails the command once: stdout errors, the channel is dropped and `done` rejects. */
  private readonly abort = (error: SshError): void => {
    if (this.failure) return;
    this.failure = error;
    this.channel.unpipe(this.stdout);
    this.stdout.destroy(error);
    discardChannel(this.channel);
    this.rejectDone(error);
  };

  private onReaderGone(): void {
    if (this.channelClosed || this.failure) return;
    const why = this.stdout.errored instanceof Error ? this.stdout.errored : undefined;
    this.abort(
      why instanceof SshError
        ? why
        : new SshProtocolError(this.session.target, `stopped '${this.label}': its output was no longer read`),
    );
  }

  private onChannelClose(): void {
    if (this.channelClosed) return;
    this.channelClosed = true;
    clearTimeout(this.timer);
    clearTimeout(this.closeGrace);
    this.session.inFlight.delete(this.abort);
    if (this.failure) return;
    const lost = this.session.lostReason();
    if (lost) {
      this.abort(new SshConnectionLostError(this.session.target, `'${this.label}'`, lost));
      return;
    }
    this.settle();
  }

  /** The channel closed on its own: the exit status decides. */
  private settle(): void {
    const result = { stderr: this.stderr, exitCode: this.exitCode, signal: this.signal };
    if (this.exitCode === 0) {
      this.stdout.end();
      this.resolveDone(result);
    } else {
      const error = new SshCommandError(
        this.session.target,
        this.label,
        this.exitCode,
        this.signal,
        this.stderr,
      );
      this.failure = error;
      this.stdout.destroy(error);
      this.rejectDone(error);
    }
  }
}
