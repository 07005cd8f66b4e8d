import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { type EtcdBinaries, findEtcd } from '../../sandbox/etcd-binaries';
import { main } from '../../src/cli/main';
import { drill } from '../../src/drill/drill';
import { EtcdBackupError } from '../../src/errors';
import { runnerTools } from '../../src/restore/find-tools';
import { parseSelector } from '../../src/store/catalog';
import { silentLogger } from '../../src/util/log';
import { ReleaseServer } from '../restore/release-server';
import { restoreCase } from '../restore/sandbox-context';
import { withEnv } from '../support/github/local-github';

// etcd 3.7: its release assets have the same names as before (etcd-vX.Y.Z-linux-<arch>.tar.gz, SHA256SUMS).
// 3.5's download is tested by the runner restore (test/restore/on-node.e2e.test.ts).
restoreCase('3.7', 1, (ctx) => {
  it('drills through the CLI with --download-etcd: the backup’s exact version fetched, checked and cached', async () => {
    const b = await ctx.backupBetween('drill-download');
    const work = await mkdtemp(join(ctx.work, 'drill-download-'));
    const binaries = findEtcd('3.7') as EtcdBinaries;
    const releases = await new ReleaseServer(binaries, work).start();
    const identityFile = join(ctx.work, 'identity.txt');
    await writeFile(identityFile, `${ctx.identity}\n`, { mode: 0o600 });
    // A runner with no etcd 3.7 tools of its own: only the system folders on PATH (Debian's 3.4 at most).
    const restoreEnv = withEnv({
      PATH: '/usr/bin:/bin',
      RUNNER_TOOL_CACHE: join(work, 'tool-cache'),
      RUNNER_TEMP: await mkdtemp(join(work, 'temp-')),
    });
    const args = [
      'drill',
      '--store',
      `dir:${join(ctx.work, 'store')}`,
      '--identity',
      identityFile,
      '--download-etcd',
      '--etcd-download-url',
      `${releases.base}/good`,
      b.name,
    ];
    try {
      expect(await main(args)).toBe(0);
      expect(releases.requests).toEqual([
        `/good/v${binaries.version}/SHA256SUMS`,
        `/good/v${binaries.version}/${releases.name}.tar.gz`,
      ]);
      expect(await readdir(join(work, 'tool-cache', 'etcd', binaries.version, 'amd64'))).toEqual(
        expect.arrayContaining(['etcd', 'etcdutl']),
      );
      // A second drill finds the tools in the cache and asks the server for nothing.
      expect(await main(args)).toBe(0);
      expect(releases.requests).toHaveLength(2);
      expect(await readdir(process.env.RUNNER_TEMP!)).toEqual([]);
    } finally {
      restoreEnv();
      await releases.stop();
    }
  }, 120_000);

  it('refuses to drill without tools of the backup’s version when downloads are not allowed', async () => {
    const b = await ctx.backupBetween('drill-no-download');
    const error = await drill({
      store: ctx.store,
      selector: parseSelector(b.name),
      keys: { identities: [ctx.identity] },
      // A runner with only the system folders on PATH: Debian's etcd 3.4 at most, never 3.7.
      tools: runnerTools({ download: false, env: { PATH: '/usr/bin:/bin' }, log: silentLogger }),
      log: silentLogger,
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(EtcdBackupError);
    expect(error?.message).toMatch(
      /etcd 3\.7\.\d+ but the tools on this runner are 3\.4|no etcd and etcdutl/,
    );
  }, 60_000);
});
