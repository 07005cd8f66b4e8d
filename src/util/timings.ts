/** Milliseconds per named step, as reports and metadata record them. */
export class Timings {
  readonly record: Record<string, number> = {};

  /** Runs the step and records how long it took, when it succeeds. */
  async time<T>(name: string, step: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await step();
    this.record[name] = Date.now() - started;
    return result;
  }
}
