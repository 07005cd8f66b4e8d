import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Decrypter, Encrypter, Recipient, Stanza } from 'age-encryption';
import { EnvelopeError } from './errors';

/** age's STREAM: the payload in 64 KiB chunks, each sealed with ChaCha20-Poly1305 and a 16-byte tag. */
const CHUNK_BYTES = 64 * 1024;
const NONCE_BYTES = 16;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
/** age headers are a few lines per recipient (a post-quantum one about 2 KB): anything longer is not one. */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * Records the file key the library hands every recipient to wrap (the Recipient interface's contract), and
 * adds no stanza of its own: the header stays exactly what the real recipients wrote.
 */
class FileKeyWitness implements Recipient {
  fileKey: Uint8Array | undefined;

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    this.fileKey = Uint8Array.from(fileKey);
    return [];
  }
}

/**
 * The header and payload key of a new age file, from the library: it makes the file key, wraps it for every
 * recipient and MACs the header (encrypting an empty payload, which is then dropped); the payload key is
 * derived from the file key and the nonce as age specifies (HKDF-SHA-256, info "payload").
 */
async function startAgeFile(encrypter: Encrypter): Promise<{ head: Buffer; payloadKey: Buffer }> {
  const witness = new FileKeyWitness();
  encrypter.addRecipient(witness);
  const empty = Buffer.from(await encrypter.encrypt(new Uint8Array(0)));
  const macLine = empty.indexOf('\n--- ');
  const headerEnd = macLine < 0 ? -1 : empty.indexOf(0x0a, macLine + 1) + 1;
  if (!witness.fileKey || headerEnd <= 0 || empty.length !== headerEnd + NONCE_BYTES + TAG_BYTES)
    throw new EnvelopeError('bad-key', 'the age library wrote a file this tool does not recognise');
  const nonce = empty.subarray(headerEnd, headerEnd + NONCE_BYTES);
  const payloadKey = payloadKeyOf(witness.fileKey, nonce);
  witness.fileKey.fill(0);
  return { head: Buffer.from(empty.subarray(0, headerEnd + NONCE_BYTES)), payloadKey };
}

/** The payload key of a file: HKDF-SHA-256 of its file key, salted with its nonce (age's "payload" key). */
function payloadKeyOf(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/** STREAM's nonce for chunk `counter`: an 11-byte big-endian counter, then 1 for the last chunk, else 0. */
function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * age encryption of a stream, with the header from the library and the payload sealed by Node's own
 * ChaCha20-Poly1305 (OpenSSL). The library's JavaScript cipher ran at about 115 MB/s on the test machine and
 * was the runner's largest CPU cost while a backup arrived; this runs about four times faster there. The
 * output is a standard age file; the library (and `age -d`) decrypts it.
 */
export async function ageEncryptStream(encrypter: Encrypter): Promise<Transform> {
  const { head, payloadKey } = await startAgeFile(encrypter);
  return new AgePayloadSealer(head, payloadKey);
}

class AgePayloadSealer extends Transform {
  /** Bytes not sealed yet: at most one chunk's worth, held until it is known whether more follow. */
  private carry: Buffer = Buffer.alloc(0);
  private counter = 0;
  private headSent = false;
  /** What one input chunk sealed to, pushed on as one buffer: one file write per input, not two per 64 KiB. */
  private out: Buffer[] = [];

  constructor(
    private readonly head: Buffer,
    private readonly key: Buffer,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.sendHead();
    // The last chunk is sealed differently, so a chunk is sealed only once more bytes are known to follow it.
    let at = 0;
    if (this.carry.length > 0) {
      at = Math.min(CHUNK_BYTES - this.carry.length, chunk.length);
      this.carry = Buffer.concat([this.carry, chunk.subarray(0, at)]);
      if (at === chunk.length) {
        done();
        return;
      }
      this.seal(this.carry, false);
    }
    for (; chunk.length - at > CHUNK_BYTES; at += CHUNK_BYTES)
      this.seal(chunk.subarray(at, at + CHUNK_BYTES), false);
    // A copy, so the (often 1 MiB) chunk it came from is not kept alive by it.
    this.carry = Buffer.from(chunk.subarray(at));
    this.pushSealed();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.sendHead();
    this.seal(this.carry, true);
    this.carry = Buffer.alloc(0);
    this.key.fill(0);
    this.pushSealed();
    done();
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.key.fill(0);
    done(error);
  }

  private sendHead(): void {
    if (this.headSent) return;
    this.headSent = true;
    this.out.push(this.head);
  }

  private seal(plain: Buffer, last: boolean): void {
    const nonce = chunkNonce(this.counter++, last);
    const cipher = createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG_BYTES });
    this.out.push(cipher.update(plain));
    cipher.final();
    this.out.push(cipher.getAuthTag());
  }

  private pushSealed(): void {
    if (this.out.length === 0) return;
    this.push(this.out.length === 1 ? this.out[0] : Buffer.concat(this.out));
    this.out = [];
  }
}

/**
 * age decryption of a stream: the library reads the header and unwraps the file key with the identities or
 * passphrases it was given (its `decryptHeader`, which also checks the header's MAC), and the payload is
 * opened by Node's own ChaCha20-Poly1305, about four times the library's JavaScript cipher. Resolves once
 * the header has been authenticated, so a wrong key or a damaged header fails here, before any byte is
 * given out; a chunk that does not authenticate fails the stream.
 */
export async function ageDecryptStream(sealed: Readable, decrypter: Decrypter): Promise<Readable> {
  const opener = new AgePayloadOpener(decrypter);
  sealed.on('error', (error) => opener.destroy(error));
  sealed.pipe(opener);
  // Until the header is read, a failure is reported by the rejection below, not as an unheard stream error.
  const untilReady = () => {};
  opener.on('error', untilReady);
  try {
    await opener.ready;
  } catch (error) {
    sealed.unpipe(opener);
    opener.destroy();
    throw error;
  }
  opener.off('error', untilReady);
  return opener;
}

class AgePayloadOpener extends Transform {
  /** Resolves once the header has been read and authenticated; rejects if it cannot be. */
  readonly ready: Promise<void>;
  private headerRead: (error?: Error) => void = () => {};
  /** The header's bytes while it is read. */
  private carry: Buffer = Buffer.alloc(0);
  /** Payload bytes not opened yet: at most one sealed chunk, held until it is known whether more follow. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private key: Buffer | undefined;
  private counter = 0;

  constructor(private readonly decrypter: Decrypter) {
    super();
    this.ready = new Promise<void>((resolve, reject) => {
      this.headerRead = (error) => (error ? reject(error) : resolve());
    });
    // The caller awaits `ready`; the stream's own error is its reader's to handle.
    this.ready.catch(() => {});
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.key) {
      this.openChunks(chunk, done);
      return;
    }
    this.carry = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const payloadStart = this.headerEnd();
    if (payloadStart === undefined) {
      if (this.carry.length > MAX_HEADER_BYTES)
        this.failHeader(new Error('no age header in the first MiB'), done);
      else done();
      return;
    }
    const header = this.carry.subarray(0, payloadStart - NONCE_BYTES);
    const nonce = this.carry.subarray(payloadStart - NONCE_BYTES, payloadStart);
    this.decrypter.decryptHeader(header).then(
      (fileKey) => {
        this.key = payloadKeyOf(fileKey, nonce);
        fileKey.fill(0);
        const rest = this.carry.subarray(payloadStart);
        this.carry = Buffer.alloc(0);
        this.headerRead();
        this.openChunks(rest, done);
      },
      (error: unknown) => this.failHeader(error instanceof Error ? error : new Error(String(error)), done),
    );
  }

  override _flush(done: TransformCallback): void {
    if (!this.key) {
      this.failHeader(new Error('the file ends inside its age header'), done);
      return;
    }
    const last = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    // The last chunk may be empty only when it is the only one (an empty file).
    if (last.length < TAG_BYTES || (last.length === TAG_BYTES && this.counter > 0)) {
      done(new Error('the age payload is cut short'));
      return;
    }
    const plain = this.openChunk(last, true);
    if (plain instanceof Error) {
      done(plain);
      return;
    }
    done(null, plain);
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.key?.fill(0);
    this.headerRead(error ?? new Error('the age stream was closed before its header was read'));
    done(error);
  }

  /** Where the payload starts: after the MAC line ("--- " at a line start, to its newline) and the nonce. */
  private headerEnd(): number | undefined {
    const mac = this.carry.indexOf('\n--- ');
    if (mac < 0) return undefined;
    const lineEnd = this.carry.indexOf(0x0a, mac + 1);
    if (lineEnd < 0 || this.carry.length < lineEnd + 1 + NONCE_BYTES) return undefined;
    return lineEnd + 1 + NONCE_BYTES;
  }

  private failHeader(error: Error, done: TransformCallback): void {
    this.headerRead(error);
    done(error);
  }

  /** Opens every sealed chunk known not to be the last; keeps the rest (up to one chunk) for later. */
  private openChunks(chunk: Buffer, done: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // Joined only once more than a chunk has come: small pieces are not copied again for every one of them.
    if (this.pendingBytes <= SEALED_CHUNK_BYTES) {
      done();
      return;
    }
    let data = Buffer.concat(this.pending, this.pendingBytes);
    // Pushed as one buffer: the next stage (zstd) hands each chunk to another thread.
    const opened: Buffer[] = [];
    let failure: Error | undefined;
    while (data.length > SEALED_CHUNK_BYTES && !failure) {
      const plain = this.openChunk(data.subarray(0, SEALED_CHUNK_BYTES), false);
      if (plain instanceof Error) failure = plain;
      else opened.push(plain);
      data = data.subarray(SEALED_CHUNK_BYTES);
    }
    if (opened.length > 0) this.push(opened.length === 1 ? opened[0] : Buffer.concat(opened));
    this.pending = [data];
    this.pendingBytes = data.length;
    done(failure);
  }

  /** The chunk's plaintext, or the error if its tag does not authenticate. */
  private openChunk(sealedChunk: Buffer, last: boolean): Buffer | Error {
    const tagAt = sealedChunk.length - TAG_BYTES;
    const decipher = createDecipheriv('chacha20-poly1305', this.key!, chunkNonce(this.counter++, last), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(sealedChunk.subarray(tagAt));
    const plain = decipher.update(sealedChunk.subarray(0, tagAt));
    try {
      decipher.final();
    } catch {
      return new Error(`age payload chunk ${this.counter - 1} does not authenticate`);
    }
    return plain;
  }
}
