import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ETCD_VERSIONS } from '../../sandbox/etcd-binaries';
import { run } from '../../sandbox/exec';
import { startSandbox } from '../../sandbox/index';
import { sandboxDir, stateRoot } from '../../sandbox/state';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)(`a sandbox whose etcd cannot start${isRoot ? '' : ' (skipped: needs root)'}`, () => {
  let cache: string;
  const previous = process.env.ETCD_BACKUP_CACHE;

  beforeAll(() => {
    // A build cache whose etcd 3.5 is broken: the supervisor runs it, it exits at once, etcd never serves.
    cache = mkdtempSync(join(tmpdir(), 'broken-etcd-'));
    const dir = join(cache, 'etcd', ETCD_VERSIONS['3.5']);
    mkdirSync(dir, { recursive: true });
    for (const tool of ['etcd', 'etcdctl', 'etcdutl']) {
      writeFileSync(join(dir, tool), '#!/bin/sh\necho "this etcd build is broken" >&2\nexit 1\n');
      chmodSync(join(dir, tool), 0o755);
    }
    process.env.ETCD_BACKUP_CACHE = cache;
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.ETCD_BACKUP_CACHE;
    else process.env.ETCD_BACKUP_CACHE = previous;
    rmSync(cache, { recursive: true, force: true });
  });

  it('fails up with what etcd said, and tears down everything it had started', async () => {
    const name = `broken-${process.pid}`;
    // Sandboxes of other test files start and stop meanwhile, so a namespace may be caught between its slot and
    // its folder for a moment: what is left must settle within a few seconds.
    const slots = join(stateRoot(), 'slots');
    const ownerless = () => {
      if (!existsSync('/run/netns')) return [];
      const slotFiles = existsSync(slots) ? readdirSync(slots) : [];
      const owners = new Map(slotFiles.map((s) => [s, readFileSync(join(slots, s), 'utf8').trim()]));
      return readdirSync('/run/netns')
        .filter((n) => /^ebs-\d+-\d$/.test(n))
        .filter((netns) => {
          const owner = owners.get(netns.split('-')[1]!);
          return !(owner && existsSync(sandboxDir(owner)));
        });
    };
    // Left over by an earlier run on this machine (not this sandbox's doing): not counted against it.
    const before = new Set(ownerless());
    const error = await startSandbox({ name, etcd: '3.5', seed: false, readyTimeoutMs: 4_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/etcd on broken-\d+-control-plane not healthy/);
    expect((error as { hint?: string }).hint).toContain('this etcd build is broken');
    expect(existsSync(sandboxDir(name))).toBe(false);
    // No slot names it, and every sandbox network namespace left belongs to a slot some live sandbox holds.
    const owners = readdirSync(slots).map((s) => readFileSync(join(slots, s), 'utf8').trim());
    expect(owners).not.toContain(name);
    let left = ownerless().filter((netns) => !before.has(netns));
    for (let i = 0; i < 50 && left.length > 0; i++) {
      await new Promise((done) => setTimeout(done, 200));
      left = left.filter((netns) => ownerless().includes(netns));
    }
    expect(left).toEqual([]);
    const processes = await run('pgrep', ['-f', sandboxDir(name)], { allowFailure: true });
    expect(processes.stdout.trim()).toBe('');
  });
});
