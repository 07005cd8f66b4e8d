import { PassThrough, type Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createZstdDecompress } from 'node:zlib';
import type { EnvelopeDescription } from '../format';
import { optionName } from '../options/naming';
import { Coalesce } from '../util/coalesce';
import { Tee } from '../util/tee';
import { ageDecryptStream } from './age-stream';
import { type Digest, DigestStream } from './digest';
import { abbreviateKey, makeDecrypter, type OpeningKeys, recipientsOf } from './encryption';
import { EnvelopeError } from './errors';

export interface OpenOptions {
  keys: OpeningKeys;
  /** From the backup's metadata. Without `blob` digests a truncation and a tamper look alike. */
  envelope: Omit<EnvelopeDescription, 'blob'> & { blob?: Digest };
  /** The snapshot's recorded digest: the opened bytes are checked against it. */
  snapshot?: Digest;
  /** Names the backup in messages. */
  label?: string;
  /**
   * The snapshot's sealed bytes end at `offset`; what follows in the blob is another sealed part (the
   * control-plane files), handed to `collect` once the whole blob has passed its SHA-256 check.
   */
  followedBy?: { offset: number; collect: (rest: Buffer) => void };
  /**
   * With zstd: the payload as it was stored, decrypted but still packed, is written here too (a restore ships
   * it to the nodes as it is instead of packing the snapshot again).
   */
  packedCopy?: Writable;
}

/** The part after the snapshot holds a node's PKI and manifests: KiBs, never this much. */
const MAX_FOLLOWING_BYTES = 64 * 1024 * 1024;
const AGE_MAGIC = 'age-encryption.org/v1\n';

/**
 * Opens a sealed blob: checks its size and SHA-256, decrypts, decompresses and checks the snapshot digest.
 * A wrong key fails here, before any byte is returned. Damage found later fails the returned stream at
 * or before its end (age authenticates every 64 KiB chunk), so a reader must treat only a clean end as good.
 */
export async function open(blob: Readable, options: OpenOptions): Promise<Readable> {
  const label = options.label ?? 'backup';
  const { envelope } = options;
  let blobEnded = false;
  const blobCheck = checkBlob(label, envelope, () => {
    blobEnded = true;
  });
  const head = pipeline(blob, blobCheck).catch(() => {});
  void head;

  let payload = splitOffFollowing(blobCheck, options.followedBy);
  if (envelope.encryption.kind !== 'none') payload = await decrypt(payload, blob, label, options);

  const stages: NodeJS.ReadWriteStream[] = [];
  if (envelope.compression === 'zstd') {
    // 1 MiB in and 4 MiB out per hand-off to libuv's threads (each one wakes another thread), not a file read's 64 KiB.
    stages.push(new Coalesce());
    if (options.packedCopy) stages.push(new Tee(options.packedCopy));
    stages.push(createZstdDecompress({ chunkSize: 4 << 20 }));
  }
  stages.push(checkSnapshot(label, options.snapshot));
  // `out` stays outside the pipeline: the pipeline would destroy it with the raw error before we classify it.
  const out = new PassThrough();
  const last = stages[stages.length - 1] as DigestStream;
  pipeline(payload, ...(stages as [NodeJS.ReadWriteStream])).catch((error: unknown) => {
    out.destroy(classifyPayloadError(error, label, blobEnded));
  });
  last.pipe(out);
  return out;
}

/** Passes the blob through, and at its end fails if its size or SHA-256 differ from the recorded ones. */
function checkBlob(label: string, envelope: OpenOptions['envelope'], onEnd: () => void): DigestStream {
  return new DigestStream((d) => {
    onEnd();
    const want = envelope.blob;
    if (!want) return undefined;
    if (d.size < want.size) {
      return new EnvelopeError('truncated', `${label} is truncated: ${d.size} of ${want.size} bytes`, {
        hint: 'the download or the stored copy was cut short; fetch it again or pick an older backup',
      });
    }
    if (d.size > want.size || d.sha256 !== want.sha256) {
      return tampered(
        label,
        `its SHA-256 ${d.sha256.slice(0, 12)}… does not match the recorded ${want.sha256.slice(0, 12)}…`,
      );
    }
    return undefined;
  });
}

/** The sealed snapshot: the whole blob, or its first part when another sealed part follows it. */
function splitOffFollowing(blob: DigestStream, followedBy: OpenOptions['followedBy']): Readable {
  if (!followedBy) return blob;
  const split = new SplitAt(followedBy.offset, followedBy.collect);
  blob.pipe(split);
  blob.on('error', (e) => split.destroy(e));
  return split;
}

/** The decrypted stream, once age has read its header with the keys given; stops the blob if it cannot. */
async function decrypt(
  sealed: Readable,
  blob: Readable,
  label: string,
  options: OpenOptions,
): Promise<Readable> {
  const keys = options.keys;
  if ((keys.identities?.length ?? 0) === 0 && (keys.passphrases?.length ?? 0) === 0) {
    blob.destroy();
    throw noKeyGiven(label, options.envelope);
  }
  const decrypter = makeDecrypter(keys);
  const magic = new MagicCheck(label);
  sealed.pipe(magic);
  sealed.on('error', (e) => magic.destroy(e));
  try {
    return await ageDecryptStream(magic, decrypter);
  } catch (error) {
    blob.destroy();
    throw await classifyHeaderError(error, label, options);
  }
}

function noKeyGiven(label: string, envelope: OpenOptions['envelope']): EnvelopeError {
  return new EnvelopeError(
    'wrong-key',
    `${label} is encrypted (${describeFor(envelope)}) but no key was given`,
    {
      hint:
        envelope.encryption.kind === 'age-passphrase'
          ? `give the passphrase in ${optionName('encryptionPassphrase')}`
          : `give its age identity with ${optionName('identity')}`,
    },
  );
}

/** Passes the opened snapshot through, and at its end fails if it differs from the recorded digest. */
function checkSnapshot(label: string, want: Digest | undefined): DigestStream {
  return new DigestStream((d) =>
    want && (d.sha256 !== want.sha256 || d.size !== want.size)
      ? new EnvelopeError(
          'snapshot-mismatch',
          `${label} opened, but the snapshot's SHA-256 does not match its metadata`,
          {
            hint: 'the metadata belongs to another backup or was edited; do not restore this one',
          },
        )
      : undefined,
  );
}

function tampered(label: string, detail: string): EnvelopeError {
  return new EnvelopeError('tampered', `${label} has been altered: ${detail}`, {
    hint: 'do not restore it; pick another backup and find out who can write to the store',
  });
}

function describeFor(envelope: OpenOptions['envelope']): string {
  const e = envelope.encryption;
  if (e.kind === 'age-passphrase') return 'with a passphrase';
  if (e.kind === 'age-recipients') return `for ${e.recipients.map(abbreviateKey).join(', ')}`;
  return 'not encrypted';
}

async function classifyHeaderError(
  error: unknown,
  label: string,
  options: OpenOptions,
): Promise<EnvelopeError> {
  if (error instanceof EnvelopeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('no identity matched')) {
    const mine = await recipientsOf(options.keys.identities ?? []);
    const given = [
      ...mine.map(abbreviateKey),
      ...(options.keys.passphrases?.length ? [`${options.keys.passphrases.length} passphrase(s)`] : []),
    ];
    return new EnvelopeError(
      'wrong-key',
      `wrong key: ${label} is encrypted ${describeFor(options.envelope)}, and none of the given keys (${given.join(', ')}) opens it`,
      { hint: 'use the identity matching one of its recipients, or the passphrase it was sealed with' },
    );
  }
  if (message.includes('invalid header HMAC')) return tampered(label, 'its age header does not authenticate');
  return tampered(label, `its age header is damaged (${message})`);
}

function classifyPayloadError(error: unknown, label: string, blobEnded: boolean): EnvelopeError {
  if (error instanceof EnvelopeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('ERR_ZSTD') || code === 'Z_DATA_ERROR' || /zstd|compress/i.test(message)) {
    return tampered(label, `its compressed data is corrupt (${message})`);
  }
  // Without a recorded size, a failure on the last chunk could be either cut-off or damage.
  const where = blobEnded ? 'in its last chunk (truncated or altered)' : 'in a chunk before its end';
  return tampered(label, `authentication failed ${where}`);
}

/** Passes the first `offset` bytes on and keeps the rest (a small sealed part) for `collect`. */
class SplitAt extends Transform {
  private passed = 0;
  private readonly rest: Buffer[] = [];
  private restBytes = 0;

  constructor(
    private readonly offset: number,
    private readonly collect: (rest: Buffer) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const room = Math.max(0, this.offset - this.passed);
    this.passed += Math.min(room, chunk.length);
    if (chunk.length > room) {
      this.rest.push(chunk.subarray(room));
      this.restBytes += chunk.length - room;
      if (this.restBytes > MAX_FOLLOWING_BYTES) {
        done(
          new EnvelopeError('tampered', `more than ${MAX_FOLLOWING_BYTES} bytes follow the sealed snapshot`),
        );
        return;
      }
    }
    done(null, room > 0 ? chunk.subarray(0, room) : undefined);
  }

  override _flush(done: TransformCallback): void {
    this.collect(Buffer.concat(this.rest));
    done();
  }
}

/** Fails fast, with a useful message, when an "encrypted" blob is not an age file at all. */
class MagicCheck extends PassThrough {
  private seen = Buffer.alloc(0);
  private checked = false;

  constructor(private readonly label: string) {
    super();
  }

  override _transform(
    chunk: Buffer,
    encoding: BufferEncoding,
    done: (error?: Error | null, data?: unknown) => void,
  ) {
    if (!this.checked) {
      this.seen = Buffer.concat([this.seen, chunk]).subarray(0, AGE_MAGIC.length);
      if (this.seen.length >= AGE_MAGIC.length || !AGE_MAGIC.startsWith(this.seen.toString('latin1'))) {
        this.checked = true;
        if (this.seen.toString('latin1') !== AGE_MAGIC) {
          done(
            new EnvelopeError('not-an-envelope', `${this.label} is not an age-encrypted file`, {
              hint: 'its metadata says it is encrypted; the blob was replaced or belongs to another backup',
            }),
          );
          return;
        }
      }
    }
    super._transform(chunk, encoding, done);
  }
}
