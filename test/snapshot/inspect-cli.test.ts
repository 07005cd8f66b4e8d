import { describe, expect, it } from 'vitest';
import { SnapshotError } from '../../src/snapshot/errors';
import { verifySnapshot } from '../../src/snapshot/verify';
import { runCli } from '../support/cli';
import { scratchDir } from './craft';

const runInspect = (args: string[]) => runCli(['inspect', ...args]);

describe('etcd-backup inspect, for input that is not a snapshot at all', () => {
  it('exits 2 with one line for a missing file, a directory, or bad options, never a stack trace', async () => {
    const scratch = await scratchDir('inspect-cli');
    try {
      for (const args of [
        ['/nonexistent/snap.db'],
        [scratch.dir],
        [],
        ['a.db', 'b.db'],
        ['a.db', '--etcd-compat', '3.9'],
        ['a.db', '--bogus'],
      ]) {
        const { code, stdout, stderr } = await runInspect(args);
        expect({ args, code }).toEqual({ args, code: 2 });
        expect(stdout).toBe('');
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      await scratch.remove();
    }
  });

  it('exits 3 for an empty file, with one JSON object on stdout', async () => {
    const scratch = await scratchDir('inspect-cli');
    try {
      const path = await scratch.write('empty.db', Buffer.alloc(0));
      const { code, stdout, stderr } = await runInspect([path, '--json']);
      expect(code).toBe(3);
      expect(JSON.parse(stdout)).toMatchObject({ trailer: 'missing', integrity: { ok: false } });
      expect(stderr).toContain('empty');
    } finally {
      await scratch.remove();
    }
  });

  it('throws only SnapshotError from the library for an unreadable path', async () => {
    await expect(verifySnapshot('/nonexistent/snap.db')).rejects.toBeInstanceOf(SnapshotError);
    await expect(verifySnapshot('/nonexistent/snap.db')).rejects.toMatchObject({ exitCode: 2 });
  });
});
