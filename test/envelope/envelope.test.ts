import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { generateHybridIdentity, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { chooseEncryption, type EncryptionChoice } from '../../src/envelope/encryption';
import { EnvelopeError } from '../../src/envelope/errors';
import { type OpenOptions, open } from '../../src/envelope/open';
import { seal } from '../../src/envelope/seal';
import type { EnvelopeDescription } from '../../src/format';
import { k8sLikeSnapshot } from './k8s-like-data';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Sealed {
  plain: Buffer;
  blob: Buffer;
  envelope: EnvelopeDescription;
}

async function sealBuffer(plain: Buffer, encryption: EncryptionChoice): Promise<Sealed> {
  const sealed = await seal(Readable.from([plain]), { encryption });
  const blob = await collect(sealed.blob);
  const snapshot = await sealed.snapshot;
  expect(snapshot).toEqual({ sha256: sha256(plain), size: plain.length });
  return { plain, blob, envelope: { ...sealed.envelope, blob: { sha256: sha256(blob), size: blob.length } } };
}

async function openBuffer(blob: Buffer, options: OpenOptions): Promise<Buffer> {
  return collect(await open(Readable.from([blob]), options));
}

async function envelopeFailure(promise: Promise<unknown>): Promise<EnvelopeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvelopeError);
  expect((error as Error).message).not.toContain('\n');
  return error as EnvelopeError;
}

const plain = await collect(k8sLikeSnapshot(1024 * 1024 + 777));
const identity = await generateIdentity();
const recipient = await identityToRecipient(identity);

describe('sealing and opening a snapshot', () => {
  it('round-trips through zstd and an X25519 recipient, and records only the public key', async () => {
    const sealed = await sealBuffer(plain, { kind: 'recipients', recipients: [recipient] });
    expect(sealed.blob.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(sealed.blob.length).toBeLessThan(plain.length / 2);
    expect(sealed.envelope.encryption).toEqual({ kind: 'age-recipients', recipients: [recipient] });
    expect(JSON.stringify(sealed.envelope)).not.toContain('AGE-SECRET-KEY');
    const opened = await openBuffer(sealed.blob, {
      keys: { identities: [identity] },
      envelope: sealed.envelope,
      snapshot: { sha256: sha256(plain), size: plain.length },
    });
    expect(opened.equals(plain)).toBe(true);
  });

  it('round-trips with a post-quantum hybrid recipient', async () => {
    const hybrid = await generateHybridIdentity();
    const sealed = await sealBuffer(plain, {
      kind: 'recipients',
      recipients: [await identityToRecipient(hybrid)],
    });
    const opened = await openBuffer(sealed.blob, {
      keys: { identities: [hybrid] },
      envelope: sealed.envelope,
    });
    expect(opened.equals(plain)).toBe(true);
  });

  it('round-trips with a passphrase and records only that a passphrase was used', async () => {
    const sealed = await sealBuffer(plain, {
      kind: 'passphrase',
      passphrase: 'correct horse battery',
      scryptWorkFactor: 10,
    });
    expect(sealed.envelope.encryption).toEqual({ kind: 'age-passphrase' });
    const opened = await openBuffer(sealed.blob, {
      keys: { passphrases: ['correct horse battery'] },
      envelope: sealed.envelope,
    });
    expect(opened.equals(plain)).toBe(true);
  });

  it('stores plaintext only when encryption none is chosen on purpose', async () => {
    expect(() => chooseEncryption({})).toThrow(/refusing to store an unencrypted snapshot/);
    expect(() => chooseEncryption({ recipients: [' '], passphrase: '' })).toThrow(EnvelopeError);
    expect(() => chooseEncryption({ encryption: 'none', recipients: [recipient] })).toThrow(
      /'none' was chosen/,
    );
    expect(() => chooseEncryption({ recipients: [recipient], passphrase: 'x' })).toThrow(/one or the other/);
    expect(() => chooseEncryption({ recipients: ['age1notakey'] })).toThrow(/is not an age recipient/);
    const choice = chooseEncryption({ encryption: 'none' });
    const sealed = await sealBuffer(plain, choice);
    expect(sealed.blob.readUInt32LE(0)).toBe(0xfd2fb528); // zstd frame magic
    const opened = await openBuffer(sealed.blob, { keys: {}, envelope: sealed.envelope });
    expect(opened.equals(plain)).toBe(true);
  });

  it('fails the seal when the snapshot differs from the one that was verified', async () => {
    const sealed = await seal(Readable.from([plain]), {
      encryption: { kind: 'recipients', recipients: [recipient] },
      expectedSnapshot: { sha256: sha256(Buffer.from('other')), size: plain.length },
    });
    const error = await envelopeFailure(collect(sealed.blob));
    expect(error.reason).toBe('snapshot-mismatch');
  });

  it('only counts the bytes when the caller hashes them itself, and still round-trips', async () => {
    const sealed = await seal(Readable.from([plain]), {
      encryption: { kind: 'recipients', recipients: [recipient] },
      hashInput: false,
    });
    const blob = await collect(sealed.blob);
    expect(await sealed.snapshot).toEqual({ sha256: undefined, size: plain.length });
    const envelope = { ...sealed.envelope, blob: { sha256: sha256(blob), size: blob.length } };
    const opened = await openBuffer(blob, { keys: { identities: [identity] }, envelope });
    expect(opened.equals(plain)).toBe(true);
  });

  it('fails an unhashed seal whose byte count differs from the verified snapshot', async () => {
    const sealed = await seal(Readable.from([plain]), {
      encryption: { kind: 'recipients', recipients: [recipient] },
      expectedSnapshot: { sha256: sha256(plain), size: plain.length + 1 },
      hashInput: false,
    });
    const error = await envelopeFailure(collect(sealed.blob));
    expect(error.reason).toBe('snapshot-mismatch');
  });
});

describe('opening a damaged or foreign blob', () => {
  const sealedOnce = sealBuffer(plain, { kind: 'recipients', recipients: [recipient] });

  it('names a wrong key before returning any bytes', async () => {
    const sealed = await sealedOnce;
    const other = await generateIdentity();
    const error = await envelopeFailure(
      openBuffer(sealed.blob, { keys: { identities: [other] }, envelope: sealed.envelope }),
    );
    expect(error.reason).toBe('wrong-key');
    expect(error.message).toMatch(/^wrong key: backup is encrypted for age1.* none of the given keys \(age1/);
  });

  it('names a wrong passphrase as a wrong key', async () => {
    const sealed = await sealBuffer(plain, { kind: 'passphrase', passphrase: 'right', scryptWorkFactor: 10 });
    const error = await envelopeFailure(
      openBuffer(sealed.blob, { keys: { passphrases: ['wrong'] }, envelope: sealed.envelope }),
    );
    expect(error.reason).toBe('wrong-key');
    expect(error.message).toContain('with a passphrase');
  });

  it('asks for a key when none is given', async () => {
    const sealed = await sealedOnce;
    const error = await envelopeFailure(openBuffer(sealed.blob, { keys: {}, envelope: sealed.envelope }));
    expect(error.reason).toBe('wrong-key');
    expect(error.message).toContain('no key was given');
  });

  it('reports a flipped byte in the payload as tampering', async () => {
    const sealed = await sealedOnce;
    const blob = Buffer.from(sealed.blob);
    blob[Math.floor(blob.length / 2)]! ^= 0x01;
    const error = await envelopeFailure(
      openBuffer(blob, { keys: { identities: [identity] }, envelope: sealed.envelope }),
    );
    expect(error.reason).toBe('tampered');
    expect(error.message).toMatch(/has been altered/);
  });

  it('reports a flipped byte as tampering even without recorded digests', async () => {
    const sealed = await sealedOnce;
    const blob = Buffer.from(sealed.blob);
    blob[300]! ^= 0x80;
    const { blob: _recorded, ...withoutDigest } = sealed.envelope;
    const error = await envelopeFailure(
      openBuffer(blob, { keys: { identities: [identity] }, envelope: withoutDigest }),
    );
    expect(error.reason).toBe('tampered');
  });

  it('reports an altered header as tampering', async () => {
    const sealed = await sealedOnce;
    const blob = Buffer.from(sealed.blob);
    const macAt = blob.indexOf('\n---') + 10;
    blob[macAt] = blob[macAt] === 0x41 ? 0x42 : 0x41;
    const error = await envelopeFailure(
      openBuffer(blob, { keys: { identities: [identity] }, envelope: sealed.envelope }),
    );
    expect(error.reason).toBe('tampered');
  });

  it('reports a cut-short blob as truncated, distinct from tampering', async () => {
    const sealed = await sealedOnce;
    for (const keep of [sealed.blob.length - 1, 64 * 1024 + 200, 10]) {
      const error = await envelopeFailure(
        openBuffer(sealed.blob.subarray(0, keep), {
          keys: { identities: [identity] },
          envelope: sealed.envelope,
        }),
      );
      expect(error.reason).toBe('truncated');
      expect(error.message).toBe(`backup is truncated: ${keep} of ${sealed.blob.length} bytes`);
    }
  });

  it('reports a plaintext zstd blob cut short as truncated and a corrupted one as tampered', async () => {
    const sealed = await sealBuffer(plain, { kind: 'none' });
    const cut = await envelopeFailure(
      openBuffer(sealed.blob.subarray(0, 1000), { keys: {}, envelope: sealed.envelope }),
    );
    expect(cut.reason).toBe('truncated');
    const blob = Buffer.from(sealed.blob);
    blob[blob.length - 10]! ^= 0xff;
    const bad = await envelopeFailure(openBuffer(blob, { keys: {}, envelope: sealed.envelope }));
    expect(bad.reason).toBe('tampered');
  });

  it('says so when a blob recorded as encrypted is not an age file', async () => {
    const sealed = await sealBuffer(plain, { kind: 'none' });
    const error = await envelopeFailure(
      openBuffer(sealed.blob, {
        keys: { identities: [identity] },
        envelope: { compression: 'zstd', encryption: { kind: 'age-recipients', recipients: [recipient] } },
      }),
    );
    expect(error.reason).toBe('not-an-envelope');
  });
});
