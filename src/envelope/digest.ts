import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface Digest {
  sha256: string;
  size: number;
}

/**
 * A pass-through that hashes and counts what flows through it. `check`, when given, runs at the end of
 * the stream and may return an error, which then ends the stream as failed instead of finished — so a
 * consumer never sees a clean end on bytes that did not match.
 */
export class DigestStream extends Transform {
  private readonly hash: Hash | undefined;
  private bytes = 0;
  private result: Digest | undefined;

  /** `hash: false` only counts the bytes (`digest.sha256` is then ''). */
  constructor(
    private readonly check?: (digest: Digest) => Error | undefined,
    options: { hash?: boolean } = {},
  ) {
    super();
    this.hash = options.hash === false ? undefined : createHash('sha256');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.result = { sha256: this.hash?.digest('hex') ?? '', size: this.bytes };
    done(this.check?.(this.result) ?? null);
  }

  get size(): number {
    return this.bytes;
  }

  /** Available once the stream has been read to its end. */
  get digest(): Digest {
    if (!this.result) throw new Error('digest read before the stream ended');
    return this.result;
  }
}
