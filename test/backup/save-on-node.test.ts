import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAVE_AND_SEND } from '../../src/backup/save-on-node';

// The node's script (it makes its private dir in /tmp) run here with the local sh, against stand-ins for etcdctl that write "<file>.part" the way
// every etcdctl does, then rename it or fail. The e2e tests run it on the sandbox's nodes with the real etcdctl.
const work = mkdtempSync(join(tmpdir(), 'save-on-node-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function saver(name: string, body: string): string {
  const path = join(work, name);
  writeFileSync(path, `#!/bin/sh\nf=$1\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const writesThenRenames = saver(
  'writes-then-renames',
  'for i in 1 2 3; do head -c 100000 /dev/zero >>"$f.part"; sleep 0.2; done; mv "$f.part" "$f"',
);
const failsAfterWriting = saver(
  'fails-after-writing',
  'head -c 100000 /dev/zero >>"$f.part"; sleep 0.3; echo "Error: no space left on device" >&2; rm -f "$f.part"; exit 5',
);

let fifos = 0;

/**
 * Runs the script the way sshd and the runner do: its stdin a plain pipe (here a FIFO; Node's own stdin pipes
 * are non-blocking sockets, which the watcher's cat would not wait on) that stays open until `release()`.
 */
function run(save: string) {
  const fifo = join(work, `stdin-${++fifos}`);
  execFileSync('mkfifo', [fifo]);
  const writer = openSync(fifo, constants.O_RDWR);
  const reader = openSync(fifo, constants.O_RDONLY);
  const started = Date.now();
  const child = spawn('sh', ['-c', SAVE_AND_SEND, 'sh', 'none', 'snapshot.db', save], {
    stdio: [reader, 'pipe', 'pipe'],
  });
  closeSync(reader);
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => out.push(b));
  child.stderr!.on('data', (b: Buffer) => (stderr += b));
  const outputEnded = new Promise<number>((resolve) =>
    child.stdout!.on('end', () => resolve(Date.now() - started)),
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { out, outputEnded, exited, stderr: () => stderr, release: () => closeSync(writer) };
}

describe('the one command on the node that saves and sends', () => {
  it('sends the snapshot while it is written, "-" first, and leaves no dir behind', async () => {
    const dirs = () => readdirSync('/tmp').filter((f) => f.startsWith('etcd-backup.'));
    const before = dirs();
    const r = run(writesThenRenames);
    const ms = await r.outputEnded;
    r.release();
    expect(await r.exited).toBe(0);
    const output = Buffer.concat(r.out);
    expect(output.subarray(0, 2).toString()).toBe('-\n');
    expect(output.length - 2).toBe(300_000);
    expect(ms).toBeLessThan(5_000);
    expect(dirs().filter((d) => !before.includes(d))).toEqual([]);
  });

  it('ends its output at once when the save fails after the sending began, though the runner still holds stdin', async () => {
    const r = run(failsAfterWriting);
    // Nothing in the script may keep the output open: sshd would wait for it, and the runner waits for the
    // output before it lets go of stdin.
    const ended = await Promise.race([
      r.outputEnded,
      new Promise<'stuck'>((res) => setTimeout(() => res('stuck'), 5_000)),
    ]);
    r.release();
    expect(ended).not.toBe('stuck');
    expect(await r.exited).toBe(90);
    expect(r.stderr()).toContain('no space left on device');
  });
});
