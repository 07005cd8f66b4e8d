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
import { ageEncryptStream } from '../../src/envelope/age-stream';

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
