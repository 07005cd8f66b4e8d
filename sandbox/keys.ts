import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { run } from './exec';

/** An ed25519 key pair made by ssh-keygen; the private key file is 0600. */
export async function generateKey(path: string, comment: string): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
}

/** 'SHA256:<base64 without padding>' of the key blob, as `ssh-keygen -l` prints it. */
export function fingerprint(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.trim().split(/\s+/)[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function knownHostsLine(host: string, port: number, publicKeyFile: string): string {
  const [type, key] = readFileSync(publicKeyFile, 'utf8').trim().split(/\s+/);
  return `${port === 22 ? host : `[${host}]:${port}`} ${type} ${key}`;
}
