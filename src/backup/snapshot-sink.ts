import { close, writev } from 'node:fs';
import { Writable } from 'node:stream';

/**
 * Writes a stream to an open file descriptor and reports, after every completed write, how many bytes the
 * file holds from its start (what a reader of the file behind the writer may read). Closes the descriptor
 * at the end or on failure.
 */
export class ReportingFileSink extends Writable {
  private bytes = 0;
  private fdClosed = false;

  constructor(
    private readonly fd: number,
    private readonly onWritten: (total: number) => void,
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, done: (error?: Error | null) => void): void {
    this.writeAll(
      chunks.map((c) => c.chunk),
      done,
    );
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.writeAll([chunk], done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.fdClosed = true;
    close(this.fd, (error) => done(error));
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    if (this.fdClosed) done(error);
    else {
      this.fdClosed = true;
      close(this.fd, () => done(error));
    }
  }

  /** A short write (a full disk reports one before it fails) is continued from where it stopped. */
  private writeAll(buffers: Buffer[], done: (error?: Error | null) => void): void {
    writev(this.fd, buffers, (error, written) => {
      if (error) {
        done(error);
        return;
      }
      this.bytes += written;
      this.onWritten(this.bytes);
      let skip = written;
      const rest: Buffer[] = [];
      for (const buffer of buffers) {
        if (skip >= buffer.length) skip -= buffer.length;
        else {
          rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
          skip = 0;
        }
      }
      if (rest.length === 0) done();
      else if (written === 0) done(new Error('the file system accepted no more bytes'));
      else this.writeAll(rest, done);
    });
  }
}
