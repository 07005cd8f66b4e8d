import { Transform, type TransformCallback } from 'node:stream';

export interface ProgressReport {
  label: string;
  bytes: number;
  /** Total bytes expected, when known (etcd tells us the snapshot size up front). */
  total: number | undefined;
  /** `total` is a guess (e.g. the database's size for a snapshot whose size comes only at the end). */
  totalIsEstimate?: boolean;
  bytesPerSecond: number;
  etaSeconds: number | undefined;
  elapsedSeconds: number;
}

export type ProgressSink = (report: ProgressReport) => void;

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function formatProgress(r: ProgressReport): string {
  const done = r.total
    ? `${formatBytes(r.bytes)} of ${r.totalIsEstimate ? '~' : ''}${formatBytes(r.total)}`
    : formatBytes(r.bytes);
  const eta = r.etaSeconds === undefined ? '' : `, ETA ${formatDuration(r.etaSeconds)}`;
  return `${r.label}: ${done} at ${formatBytes(r.bytesPerSecond)}/s${eta}`;
}

/**
 * A pass-through stream that counts bytes and reports every `intervalMs` (and once at the end), so long
 * transfers show bytes, rate and ETA without the caller keeping time.
 */
export class ProgressMeter extends Transform {
  private bytes = 0;
  private readonly started = Date.now();
  private lastReport = Date.now();
  private totalIsEstimate = false;

  constructor(
    private readonly label: string,
    private readonly sink: ProgressSink,
    private total: number | undefined = undefined,
    private readonly intervalMs = 5000,
  ) {
    super();
  }

  setTotal(total: number): void {
    this.total = total;
  }

  /** A guessed total, for the ETA; shown as such. */
  setEstimate(total: number): void {
    this.total = total;
    this.totalIsEstimate = true;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count(chunk.length);
    done(null, chunk);
  }

  /** Counts bytes handled outside a stream (e.g. pages read by a walk), reporting like a transfer. */
  count(bytes: number): void {
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.lastReport >= this.intervalMs) {
      this.lastReport = now;
      this.sink(this.report(now));
    }
  }

  override _flush(done: TransformCallback): void {
    this.sink(this.report(Date.now()));
    done();
  }

  get transferred(): number {
    return this.bytes;
  }

  private report(now: number): ProgressReport {
    const elapsedSeconds = Math.max((now - this.started) / 1000, 0.001);
    const bytesPerSecond = this.bytes / elapsedSeconds;
    const remaining = this.total === undefined ? undefined : Math.max(this.total - this.bytes, 0);
    const etaSeconds =
      remaining === undefined || bytesPerSecond === 0 ? undefined : remaining / bytesPerSecond;
    return {
      label: this.label,
      bytes: this.bytes,
      total: this.total,
      ...(this.totalIsEstimate ? { totalIsEstimate: true } : {}),
      bytesPerSecond,
      etaSeconds,
      elapsedSeconds,
    };
  }
}
