import { Transform, type TransformCallback, type Writable } from 'node:stream';

/** Passes every chunk on and also writes it to `out`, going only as fast as `out` takes it. */
export class Tee extends Transform {
  /** Bytes that have passed through. */
  bytes = 0;

  constructor(private readonly out: Writable) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.out.write(chunk)) {
      done(null, chunk);
      return;
    }
    const onDrain = () => {
      this.out.off('error', onError);
      done(null, chunk);
    };
    const onError = (error: Error) => {
      this.out.off('drain', onDrain);
      done(error);
    };
    this.out.once('drain', onDrain);
    this.out.once('error', onError);
  }

  override _flush(done: TransformCallback): void {
    this.out.end();
    done();
  }
}
