import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Digest } from '../envelope/digest';
import type { BlobPart } from '../format';

export interface SpooledBlob extends Digest {
  path: string;
  /** Split points of the blob; one part when it fits in `partSize`. */
  parts: BlobPart[];
}

/** Hashes the whole stream and each `partSize`-byte slice of it in one pass. */
class PartHasher extends Transform {
  readonly parts: BlobPart[] = [];
  private readonly whole: Hash = createHash('sha256');
  private part: Hash = createHash('sha256');
  private partBytes = 0;
  private total = 0;

  constructor(private readonly partSize: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.whole.update(chunk);
    this.total += chunk.length;
    let rest = chunk;
    while (rest.length > 0) {
      const take = Math.min(this.partSize - this.partBytes, rest.length);
      this.part.update(rest.subarray(0, take));
      this.partBytes += take;
      rest = rest.subarray(take);
      if (this.partBytes === this.partSize) this.closePart();
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.partBytes > 0 || this.parts.length === 0) this.closePart();
    done();
  }

  get digest(): Digest {
    return { sha256: this.whole.digest('hex'), size: this.total };
  }

  private closePart(): void {
    this.parts.push({ index: this.parts.length, size: this.partBytes, sha256: this.part.digest('hex') });
    this.part = createHash('sha256');
    this.partBytes = 0;
  }
}

/**
 * Writes a blob to a private temp file. Release uploads need each asset's Content-Length up front and
 * retries need to send a part again; a sealed blob's size is only known at its end, so it goes to disk
 * (never memory) first.
 */
export async function spool(
  blob: Readable,
  dir: string,
  fileName: string,
  partSize: number,
): Promise<SpooledBlob> {
  const path = join(dir, fileName);
  const hasher = new PartHasher(partSize);
  const file = await open(path, 'wx', 0o600);
  await pipeline(blob, hasher, file.createWriteStream());
  return { path, ...hasher.digest, parts: hasher.parts };
}
