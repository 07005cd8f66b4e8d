import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { InputError } from '../../errors';
import { EXIT } from '../../exit-codes';
import { isOn, switchOption } from '../../options';
import { stderrLogger } from '../../util/log';
import { defineCommand } from '../command';

const POST_QUANTUM = switchOption('postQuantum', {
  flag: 'post-quantum',
  help: 'a post-quantum hybrid key (ML-KEM-768 + X25519: age1pq1… recipient, AGE-SECRET-KEY-PQ-1… identity)',
});

const DEFAULT_FILE = 'backup.agekey';

/** Creates the file, never replacing one: an overwritten identity would lock out every backup made for it. */
async function writeNewIdentityFile(path: string, text: string): Promise<void> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new InputError(
        'FILE',
        `a file that does not exist yet (${path} does; keygen never replaces a key)`,
      );
    throw new InputError('FILE', `a file it can create (${code ?? 'error'}: ${path})`);
  }
  try {
    await file.chmod(0o600); // whatever the umask
    await file.writeFile(text);
  } finally {
    await file.close();
  }
}

export const keygen = defineCommand(
  {
    name: 'keygen',
    usage: [`[--post-quantum] [FILE]`],
    about: `Makes an age key pair for encrypting backups: writes the identity (the secret key) to FILE (default
${DEFAULT_FILE}) with mode 0600 and prints its recipient (the public key) on stdout. Give the recipient to
backup (--recipient) and keep the identity safe: restore, drill and inspect need it (--identity FILE).`,
    exitCodes: [EXIT.done, EXIT.failed, EXIT.badInput],
    positionals: 1,
    sections: [{ options: [POST_QUANTUM] }],
  },
  async ({ values, positionals }) => {
    const path = resolve(positionals[0] ?? DEFAULT_FILE);
    const postQuantum = isOn(values, POST_QUANTUM);
    const identity = postQuantum ? await generateHybridIdentity() : await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    await writeNewIdentityFile(path, `# created: ${created}\n# public key: ${recipient}\n${identity}\n`);
    stderrLogger.info(
      `wrote the identity to ${path} (mode 0600): keep a copy somewhere safe, no backup encrypted to its recipient opens without it`,
    );
    console.log(recipient);
    return 0;
  },
);
