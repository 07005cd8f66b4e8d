import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ConnectOptions,
  connect,
  type RemoteLockOptions,
  type SshSession,
  withRemoteLock,
} from '../ssh';
import type { Logger } from '../util/log';

/** Takes the node lock now and returns how to let it go (withRemoteLock's scope, held open). */
function holdLock(
  session: SshSession,
  name: string,
  options: RemoteLockOptions,
): Promise<() => Promise<void>> {
  return new Promise((resolveHeld, rejectHeld) => {
    let letGo!: () => void;
    const released = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const scope = withRemoteLock(
      session,
      name,
      async () => {
        resolveHeld(async () => {
          letGo();
          await scope.catch(() => {});
        });
        await released;
      },
      options,
    );
    scope.catch(rejectHeld);
  });
}

/**
 * One control-plane node for the length of a restore: its SSH session and the cluster's node lock. If the
 * connection drops (mid-swap, say), `live()` connects again and takes the lock again, so a rollback can
 * still reach the node.
 */
export class NodeLink {
  private current: SshSession | undefined;
  private release: (() => Promise<void>) | undefined;
  private lockName: string | undefined;

  constructor(
    readonly options: ConnectOptions,
    private readonly log: Logger,
  ) {}

  get session(): SshSession {
    if (!this.current) throw new Error('NodeLink used before open()');
    return this.current;
  }

  get target(): string {
    return this.current?.target ?? `${this.options.username}@${this.options.host}`;
  }

  async open(): Promise<void> {
    this.current = await connect({ ...this.options, warn: this.log.warn });
    this.log.info(`connected to ${this.current.target} (host key ${this.current.hostKeyFingerprint})`);
  }

  async lock(name: string, waitSeconds = 0): Promise<void> {
    this.lockName = name;
    this.release = await holdLock(this.session, name, { waitSeconds });
  }

  /** The session, connected again (and locked again) if the old one was lost. */
  async live(): Promise<SshSession> {
    if (this.current?.isOpen) return this.current;
    this.log.warn(`lost the connection to ${this.target}; connecting again`);
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        this.current = await connect({ ...this.options, warn: this.log.warn });
        // The old lock holder dies with its connection; wait for the node to notice.
        if (this.lockName) this.release = await holdLock(this.current, this.lockName, { waitSeconds: 60 });
        return this.current;
      } catch (error) {
        lastError = error;
        await sleep(2_000);
      }
    }
    throw lastError;
  }

  async close(): Promise<void> {
    await this.release?.().catch(() => {});
    await this.current?.close();
  }
}
