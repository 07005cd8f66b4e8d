import { mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { type EtcdBinaries, findEtcd } from '../../sandbox/etcd-binaries';
import { main } from '../../src/cli/main';
import { EtcdToolError } from '../../src/restore/etcd-tools';
import { shipSnapshot } from '../../src/restore/on-node';
import { RestoreRefusedError } from '../../src/restore/plan';
import { restore } from '../../src/restore/restore';
import { connect } from '../../src/ssh';
import type { Logger } from '../../src/util/log';
import { withEnv } from '../support/github/local-github';
import { ReleaseServer } from './release-server';
import { restoreCase, sshTo, testLog } from './sandbox-context';

/** The restore's log, kept for the assertions (and echoed when RESTORE_E2E_LOG=1). */
function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => {
      lines.push(m);
      testLog.info(m);
    },
    warn: (m) => {
      lines.push(`warning: ${m}`);
      testLog.warn(m);
    },
    debug: (m) => {
      lines.push(`debug: ${m}`);
      testLog.debug(m);
    },
  };
}

const leftovers = "ls -A /var/lib /srv 2>/dev/null | grep -E '^\\.etcd.*\\.restore-' || true";

restoreCase('3.5', 1, (ctx) => {
  it('restores on the node with its own etcdutl: only the snapshot travels, its copy is removed, keys are back', async () => {
    const b = await ctx.backupBetween('onnode');
    const node = ctx.nodes[0]!;
    const log = recordingLog();
    const started = Date.now();
    const report = await restore(await ctx.request(b.name, { restoreOn: 'node', log }));
    const took = Date.now() - started;
    expect(report.restoredOn).toBe('node');
    const text = log.lines.join('\n');
    expect(text).toMatch(/snapshot restore runs on the nodes: asked for; every node has etcdutl 3\.5\.\d+/);
    expect(text).toMatch(
      /restored there by \/usr\/local\/bin\/etcdutl \(etcdutl 3\.5\.\d+\) from a copy of the snapshot in \/var\/lib\/\.etcd\.restore-\d{8}T\d{6}Z\.snapshot/,
    );
    // The stored zstd stream travels as it is: the runner packs nothing again.
    expect(text).toMatch(/snapshot to \S+, zstd-packed as stored/);
    // The tool's own output is in the log, attributed to the node.
    expect(text).toMatch(/debug: .* etcdutl: .*restored snapshot/);
    const after = await ctx.read([b.before, b.after]);
    expect(after.values).toEqual(['in the backup', undefined]);
    expect(after.revision).toBeGreaterThanOrEqual(b.revision + report.bump);
    expect(report.keys).toMatchObject({ missing: 0, unexpected: 0, changed: 0 });
    // Neither the shipped snapshot nor a staging dir is left; the restored dir is etcd's and 0700.
    expect((await ctx.sh(node, leftovers)).stdout).toBe('');
    expect((await ctx.sh(node, 'stat -c "%a %U" /var/lib/etcd')).stdout.trim()).toBe('700 root');
    await ctx.sandbox.waitForLog(node, /container-started pod=kube-apiserver/, { timeoutMs: 20_000 });
    process.stderr.write(
      `on-node restore: ${report.bytesShipped} bytes shipped, ${took} ms in all, ${report.timingsMs.shipAndRestoreOnNodes} ms to ship and restore\n`,
    );

    // The same backup restored on the runner ships the whole data dir, for comparison.
    const runner = await restore(await ctx.request(b.name, { restoreOn: 'runner', log: recordingLog() }));
    expect(runner.restoredOn).toBe('runner');
    expect(runner.bytesShipped).toBeGreaterThan(report.bytesShipped);
    process.stderr.write(
      `runner restore: ${runner.bytesShipped} bytes shipped, ${(runner.timingsMs.restoreData ?? 0) + (runner.timingsMs.ship ?? 0)} ms to restore and ship\n`,
    );
  }, 120_000);

  it('chooses the runner in auto mode when a node has no matching etcdutl, says why, and refuses node mode there', async () => {
    const b = await ctx.backupBetween('noutl');
    const node = ctx.nodes[0]!;
    await ctx.sh(node, 'mv /usr/local/bin/etcdutl /usr/local/bin/etcdutl.hidden');
    try {
      const offset = ctx.sandbox.logOffset(node);
      const refused = await restore(await ctx.request(b.name, { restoreOn: 'node' })).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(RestoreRefusedError);
      // Its etcdctl 3.5 (and Debian's 3.4 in /usr/bin) cannot stand in for etcdutl 3.5.
      expect((refused as Error).message).toMatch(
        /^cannot restore on the nodes: root@127\.0\.\d+\.1:\d+: it has etcdctl 3\.5\.\d+.*, not etcdutl 3\.5\.x$/,
      );
      expect((refused as RestoreRefusedError).hint).toMatch(/--restore-on runner/);
      expect(ctx.sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-stopped/);

      const log = recordingLog();
      const report = await restore(await ctx.request(b.name, { log }));
      expect(report.restoredOn).toBe('runner');
      expect(report.restoredOnReason).toMatch(
        /^not every node has a matching etcdutl \(.*not etcdutl 3\.5\.x\)$/,
      );
      expect(log.lines.join('\n')).toContain(
        `snapshot restore runs on the runner: ${report.restoredOnReason}`,
      );
      expect((await ctx.read([b.before, b.after])).values).toEqual(['in the backup', undefined]);
    } finally {
      await ctx.sh(node, 'mv /usr/local/bin/etcdutl.hidden /usr/local/bin/etcdutl');
    }
  }, 120_000);

  it('removes the shipped snapshot and its partial output when etcdutl fails on the node, before stopping anything', async () => {
    const b = await ctx.backupBetween('utlfail');
    const node = ctx.nodes[0]!;
    await ctx.sh(node, 'mkdir -p /srv/small && mount -t tmpfs -o size=96m tmpfs /srv/small');
    try {
      const offset = ctx.sandbox.logOffset(node);
      const error = await restore(
        await ctx.request(b.name, {
          restoreOn: 'node',
          mode: 'new-dir',
          newDataDir: '/srv/small/etcd',
          onStep: async (step) => {
            // Room for the snapshot, not for the restored data dir (etcd preallocates a 64 MiB WAL).
            if (step === 'planned')
              await ctx.sh(
                node,
                'kb=$(df -k --output=avail /srv/small | tail -n 1); fallocate -l $(( (kb - 16384) * 1024 )) /srv/small/filler',
              );
          },
        }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EtcdToolError);
      expect((error as Error).message).toMatch(
        /^etcdutl snapshot restore failed on root@127\.0\.\d+\.1:\d+ \(exit \d+\): /,
      );
      expect((error as EtcdToolError).hint).toMatch(/free space on the node/);
      expect(await ctx.ls(node, '/srv/small')).toEqual(['filler']);
      expect(ctx.sandbox.supervisorLog(node).slice(offset)).not.toMatch(/pod-stopped/);
      expect((await ctx.read([b.after])).values).toEqual(['written after the backup']);
    } finally {
      await ctx.sh(node, 'umount /srv/small');
    }
  }, 90_000);

  it('restores on the runner through the CLI with --download-etcd: the exact version fetched, checked and cached', async () => {
    const b = await ctx.backupBetween('download');
    const work = await mkdtemp(join(ctx.work, 'download-'));
    const releases = await new ReleaseServer(findEtcd('3.5') as EtcdBinaries, work).start();
    // A runner with no etcd 3.5 tools of its own: only the system folders on PATH (Debian's 3.4 at most).
    const restoreEnv = withEnv({
      PATH: '/usr/bin:/bin',
      RUNNER_TOOL_CACHE: join(work, 'tool-cache'),
      RUNNER_TEMP: await mkdtemp(join(work, 'temp-')),
    });
    try {
      const code = await main([
        ...(await ctx.cliRestoreArgs()),
        '--restore-on',
        'runner',
        '--download-etcd',
        '--etcd-download-url',
        `${releases.base}/good`,
        b.name,
      ]);
      expect(code).toBe(0);
      const version = (findEtcd('3.5') as EtcdBinaries).version;
      expect(releases.requests).toEqual([
        `/good/v${version}/SHA256SUMS`,
        `/good/v${version}/${releases.name}.tar.gz`,
      ]);
      expect(await readdir(join(work, 'tool-cache', 'etcd', version, 'amd64'))).toEqual(
        expect.arrayContaining(['etcd', 'etcdutl']),
      );
      expect(await readdir(process.env.RUNNER_TEMP!)).toEqual([]);
      expect((await ctx.read([b.before, b.after])).values).toEqual(['in the backup', undefined]);
    } finally {
      restoreEnv();
      await releases.stop();
    }
  }, 90_000);

  it('packs with gzip when the node has no zstd, both the snapshot and the shipped data dir, and the keys come back', async () => {
    const b = await ctx.backupBetween('nozstd');
    const node = ctx.nodes[0]!;
    const zstd = (await ctx.sh(node, 'command -v zstd')).stdout.trim();
    expect(zstd).toMatch(/^\//);
    // Only in the node's own mount namespace: a file without an execute bit over zstd hides it from `command -v`.
    await ctx.sh(node, `f=$(mktemp) && chmod 0644 "$f" && mount --bind "$f" ${zstd} && rm -f "$f"`);
    try {
      expect((await ctx.sh(node, 'command -v zstd || echo none')).stdout.trim()).toBe('none');
      for (const [restoreOn, what] of [
        ['node', 'snapshot'],
        ['runner', 'ship'],
      ] as const) {
        const log = recordingLog();
        const report = await restore(await ctx.request(b.name, { restoreOn, log }));
        expect(report.restoredOn).toBe(restoreOn);
        const text = log.lines.join('\n');
        expect(text).toMatch(new RegExp(`${what} to \\S+, packed with gzip`));
        expect(text).not.toMatch(/packed with zstd/);
        expect((await ctx.read([b.before, b.after])).values).toEqual(['in the backup', undefined]);
        expect((await ctx.sh(node, leftovers)).stdout).toBe('');
      }
    } finally {
      await ctx.sh(node, `umount ${zstd}`);
    }
  }, 180_000);

  it('fails at once, and leaves nothing on the node, when the snapshot cannot be read on the runner', async () => {
    const node = ctx.nodes[0]!;
    const session = await connect(await sshTo(node, node.users.root));
    try {
      const started = Date.now();
      const error = await shipSnapshot(
        session,
        { path: join(ctx.work, 'gone.db') },
        '/var/lib/.etcd.restore-20260101T000000Z.snapshot',
        testLog,
      ).catch((e: unknown) => e);
      // Without an end on its stdin the node would wait for the rest of the file forever.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((error as Error).message).toMatch(/^cannot read .*gone\.db to send it to root@\S+: ENOENT/);
      expect((await ctx.sh(node, leftovers)).stdout).toBe('');
    } finally {
      await session.close();
    }
  }, 30_000);
});
