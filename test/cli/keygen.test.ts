import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdentityFile } from '../../src/envelope/encryption';
import { EXIT } from '../../src/exit-codes';
import { runCli } from '../support/cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keygen-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The identity in the file opens what is encrypted to the recipient keygen printed. */
async function opens(identityFile: string, recipient: string): Promise<boolean> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const sealed = await encrypter.encrypt('etcd');
  const decrypter = new Decrypter();
  for (const identity of parseIdentityFile(readFileSync(identityFile, 'utf8')))
    decrypter.addIdentity(identity);
  return (await decrypter.decrypt(sealed, 'text')) === 'etcd';
}

describe('etcd-backup keygen', () => {
  for (const [label, args, prefix] of [
    ['an X25519 key', [], /^age1[0-9a-z]{58}$/],
    ['a post-quantum hybrid key', ['--post-quantum'], /^age1pq1[0-9a-z]+$/],
  ] as const) {
    it(`writes ${label}'s identity with mode 0600 and prints only its recipient on stdout`, async () => {
      const file = join(dir, `${label.replace(/\W+/g, '-')}.agekey`);
      const result = await runCli(['keygen', ...args, file]);
      expect(result.code, result.stderr).toBe(0);
      const recipient = result.stdout.trim();
      expect(recipient).toMatch(prefix);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const [identity] = parseIdentityFile(readFileSync(file, 'utf8'));
      expect(await identityToRecipient(identity!)).toBe(recipient);
      expect(await opens(file, recipient)).toBe(true);
      expect(result.stderr).toContain(file);
    });
  }

  it('never replaces an existing file: exit 2 and the file as it was', async () => {
    const file = join(dir, 'taken.agekey');
    writeFileSync(file, 'AGE-SECRET-KEY-1KEEPME\n');
    const result = await runCli(['keygen', file]);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^etcd-backup keygen: .*does not exist yet.*never replaces a key/);
    expect(readFileSync(file, 'utf8')).toBe('AGE-SECRET-KEY-1KEEPME\n');
  });

  it('writes backup.agekey in the current folder when no file is named', async () => {
    const cwd = await mkdtemp(join(dir, 'cwd-'));
    const result = await runCli(['keygen'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(join(cwd, 'backup.agekey')).mode & 0o777).toBe(0o600);
  });
});
