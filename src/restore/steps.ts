import { RestoreFailedError, RestoreInterruptedError } from './errors';

const reasonOf = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason.message : 'interrupted';

/**
 * Times the restore's steps and checks for an interrupt between them, so the step list reads as a list. Before
 * the first stop an interrupt changes nothing, and whatever it broke (a killed etcdutl, a torn copy) is reported
 * as the interrupt it was; in the swap an interrupt becomes a failure, which the caller rolls back.
 */
export class StepRunner {
  readonly timings: Record<string, number> = {};

  constructor(readonly signal: AbortSignal | undefined) {}

  /** A step before the first stop; timed when it has a name. */
  async beforeStop<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
    this.notInterrupted();
    const started = Date.now();
    try {
      return await work();
    } catch (error) {
      this.notInterrupted();
      throw error;
    } finally {
      if (name) this.timings[name] = Date.now() - started;
    }
  }

  /** A step of the swap; `after` (the caller's onStep) runs before the interrupt check that follows it. */
  async inSwap<T>(name: string, work: () => Promise<T>, after?: () => Promise<void>): Promise<T> {
    const result = await this.timed(name, work);
    await after?.();
    this.stopIfInterrupted();
    return result;
  }

  /** A step timed and nothing more (past the point where an interrupt rolls back). */
  async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work();
    this.timings[name] = Date.now() - started;
    return result;
  }

  /** Throws (before anything on the cluster changed) when the caller asked us to stop. */
  notInterrupted(): void {
    if (!this.signal?.aborted) return;
    throw new RestoreFailedError(
      `restore ${reasonOf(this.signal)} before anything on the cluster was changed`,
      true,
      { hint: 'nothing was changed; run again when ready' },
    );
  }

  /** In the swap (after the first stop): an interrupt becomes a failure, which the caller rolls back. */
  stopIfInterrupted(): void {
    if (this.signal?.aborted) throw new RestoreInterruptedError(reasonOf(this.signal));
  }
}
