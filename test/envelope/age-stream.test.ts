import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  Decrypter,
  Encrypter,
  generateHybridIdentity,
  generateIdentity,
  identityToRecipient,
} from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { ageDecryptStream, ageEncryptStream } from '../../src/envelope/age-stream';

const CHUNK = 64 * 1024;

async function encrypted(plain: Buffer, recipients: string[], pieces: number[]): Promise<Buffer> {
  const encrypter = new Encrypter();
  for (const r of recipients) encrypter.addRecipient(r);
  const sealer = await ageEncryptStream(encrypter);
  // The plaintext arrives in pieces of the given sizes (cycled), as a stream's chunks would.
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < plain.length; i++) {
    const size = pieces[i % pieces.length]!;
    chunks.push(plain.subarray(at, at + size));
    at += size;
  }
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(sealer)) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

async function decryptedByTheLibrary(file: Buffer, identity: string): Promise<Buffer> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return Buffer.from(await decrypter.decrypt(file));
}

/** The file fed to our decrypting stream in pieces of the given sizes (cycled), as a download's chunks would come. */
async function decryptedByUs(file: Buffer, decrypter: Decrypter, pieces: number[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < file.length; i++) {
    const size = pieces[i % pieces.length]!;
    chunks.push(file.subarray(at, at + size));
    at += size;
  }
  const out: Buffer[] = [];
  for await (const chunk of await ageDecryptStream(Readable.from(chunks), decrypter))
    out.push(chunk as Buffer);
  return Buffer.concat(out);
}

function decrypterFor(identity: string): Decrypter {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter;
}

/** The size of an age payload for n plaintext bytes: 64 KiB chunks, each with a 16-byte tag; at least one chunk. */
const payloadSize = (n: number) => n + 16 * Math.max(1, Math.ceil(n / CHUNK));

describe('age encryption with the payload sealed by Node’s ChaCha20-Poly1305', async () => {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 12_345, 1024 * 1024 + 777];

  for (const size of sizes) {
    it(`is a standard age file the library decrypts: ${size} bytes`, async () => {
      const plain = randomBytes(size);
      for (const pieces of [[size || 1], [1000], [CHUNK], [CHUNK + 1, 3, CHUNK * 2]]) {
        const file = await encrypted(plain, [recipient], pieces);
        expect(file.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
        const header = file.indexOf('\n--- ');
        const payloadStart = file.indexOf(0x0a, header + 1) + 1 + 16;
        expect(file.length - payloadStart).toBe(payloadSize(size));
        expect((await decryptedByTheLibrary(file, identity)).equals(plain)).toBe(true);
      }
    });
  }

  it('wraps the file key for every recipient it is given, hybrid post-quantum ones too', async () => {
    const hybrid = await generateHybridIdentity();
    const plain = randomBytes(3 * CHUNK + 5);
    const file = await encrypted(plain, [recipient, await identityToRecipient(hybrid)], [CHUNK]);
    expect((await decryptedByTheLibrary(file, identity)).equals(plain)).toBe(true);
    expect((await decryptedByTheLibrary(file, hybrid)).equals(plain)).toBe(true);
  });

  it('makes a new file key and nonce for every file', async () => {
    const plain = randomBytes(100);
    const [a, b] = [await encrypted(plain, [recipient], [100]), await encrypted(plain, [recipient], [100])];
    expect(a.subarray(-116).equals(b.subarray(-116))).toBe(false);
  });

  it('is refused by the library when a chunk is moved, cut off, or its last-chunk mark is wrong', async () => {
    const plain = randomBytes(2 * CHUNK + 10);
    const file = await encrypted(plain, [recipient], [CHUNK]);
    const start = file.indexOf(0x0a, file.indexOf('\n--- ') + 1) + 1 + 16;
    const sealedChunk = CHUNK + 16;
    const first = file.subarray(start, start + sealedChunk);
    const second = file.subarray(start + sealedChunk, start + 2 * sealedChunk);
    const swapped = Buffer.concat([
      file.subarray(0, start),
      second,
      first,
      file.subarray(start + 2 * sealedChunk),
    ]);
    const cutAfterTwo = file.subarray(0, start + 2 * sealedChunk);
    for (const bad of [swapped, cutAfterTwo])
      await expect(decryptedByTheLibrary(bad, identity)).rejects.toThrow();
  });
});

describe('age decryption with the payload opened by Node’s ChaCha20-Poly1305', async () => {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 12_345, 1024 * 1024 + 777];

  for (const size of sizes) {
    it(`opens what the library encrypted: ${size} bytes, in pieces of any size`, async () => {
      const plain = randomBytes(size);
      const encrypter = new Encrypter();
      encrypter.addRecipient(recipient);
      const file = Buffer.from(await encrypter.encrypt(plain));
      for (const pieces of [[file.length], [1], [1000], [CHUNK + 16], [CHUNK + 17, 3, CHUNK * 2]]) {
        if (pieces[0] === 1 && file.length > 300_000) continue;
        expect((await decryptedByUs(file, decrypterFor(identity), pieces)).equals(plain)).toBe(true);
      }
    });
  }

  it('opens files for hybrid post-quantum recipients and files sealed with a passphrase', async () => {
    const hybrid = await generateHybridIdentity();
    const plain = randomBytes(2 * CHUNK + 99);
    const forHybrid = new Encrypter();
    forHybrid.addRecipient(await identityToRecipient(hybrid));
    const hybridFile = Buffer.from(await forHybrid.encrypt(plain));
    expect((await decryptedByUs(hybridFile, decrypterFor(hybrid), [4096])).equals(plain)).toBe(true);

    const withPassphrase = new Encrypter();
    withPassphrase.setPassphrase('correct horse battery staple');
    withPassphrase.setScryptWorkFactor(10);
    const passphraseFile = Buffer.from(await withPassphrase.encrypt(plain));
    const decrypter = new Decrypter();
    decrypter.addPassphrase('correct horse battery staple');
    expect((await decryptedByUs(passphraseFile, decrypter, [CHUNK])).equals(plain)).toBe(true);
  });

  it('opens what our own sealer wrote', async () => {
    const plain = randomBytes(5 * CHUNK + 3);
    const file = await encrypted(plain, [recipient], [CHUNK]);
    expect((await decryptedByUs(file, decrypterFor(identity), [7777])).equals(plain)).toBe(true);
  });

  it('fails before giving out a byte when no key fits or the header does not authenticate', async () => {
    const file = await encrypted(randomBytes(1000), [recipient], [1000]);
    const other = await generateIdentity();
    await expect(decryptedByUs(file, decrypterFor(other), [100])).rejects.toThrow(/no identity matched/);
    const macAt = file.indexOf('\n--- ') + 5;
    const badMac = Buffer.from(file);
    badMac[macAt] = badMac[macAt] === 0x41 ? 0x42 : 0x41;
    await expect(decryptedByUs(badMac, decrypterFor(identity), [100])).rejects.toThrow(/HMAC/);
    await expect(decryptedByUs(file.subarray(0, 40), decrypterFor(identity), [100])).rejects.toThrow(
      /ends inside its age header/,
    );
  });

  it('refuses a payload whose chunks were moved, cut off, extended, or altered', async () => {
    const plain = randomBytes(2 * CHUNK + 10);
    const file = await encrypted(plain, [recipient], [CHUNK]);
    const start = file.indexOf(0x0a, file.indexOf('\n--- ') + 1) + 1 + 16;
    const sealedChunk = CHUNK + 16;
    const first = file.subarray(start, start + sealedChunk);
    const second = file.subarray(start + sealedChunk, start + 2 * sealedChunk);
    const head = file.subarray(0, start);
    const last = file.subarray(start + 2 * sealedChunk);
    const flipped = Buffer.from(file);
    flipped[start + 100]! ^= 1;
    const bad = {
      swapped: Buffer.concat([head, second, first, last]),
      'cut after two full chunks': file.subarray(0, start + 2 * sealedChunk),
      'cut inside the last chunk': file.subarray(0, file.length - 5),
      'cut inside its tag': file.subarray(0, start + 2 * sealedChunk + 8),
      'a chunk added': Buffer.concat([file, first]),
      'a bit flipped': flipped,
    };
    for (const [how, damaged] of Object.entries(bad)) {
      await expect(decryptedByUs(damaged, decrypterFor(identity), [CHUNK]), how).rejects.toThrow();
    }
  });
});
