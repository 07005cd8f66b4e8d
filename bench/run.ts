// npm run bench [-- --size 1GiB --reps 3 --etcd 3.5 --only backup,restore,inspect --cold --link 25MB/s]: the backup, restore
// and inspect paths against the manual runbook, side by side in one run, alternating, several repetitions each.
// Reports medians, ratios, peak RSS and whether each target is met; writes bench/results/latest.md.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { type EtcdMinor, findEtcd } from '../sandbox/etcd-binaries';
import { startSandbox } from '../sandbox/index';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const UNITS: Record<string, number> = { '': 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 };
const sizeText = opt('size', '1GiB');
const sizeMatch = /^(\d+(?:\.\d+)?)(KiB|MiB|GiB)?$/.exec(sizeText);
if (!sizeMatch) throw new Error(`--size '${sizeText}': expected e.g. 512MiB or 1GiB`);
const size = Math.round(Number(sizeMatch[1]) * UNITS[sizeMatch[2] ?? '']!);
const reps = Number(opt('reps', '3'));
const minor = opt('etcd', '3.5') as EtcdMinor;
const SECTIONS = ['backup', 'restore', 'inspect'] as const;
const only = opt('only', SECTIONS.join(',')).split(',');
for (const s of only)
  if (!(SECTIONS as readonly string[]).includes(s))
    throw new Error(`--only '${s}': expected a comma-separated list of ${SECTIONS.join(', ')}`);
const runs = (section: (typeof SECTIONS)[number]) => only.includes(section);
// Inspect with an empty page cache before every run (drop_caches; needs root): the file as it is right after
// it was fetched onto a busy runner. Without it, every inspect run reads a warm cache (a warm-up read first).
const cold = args.includes('--cold');
// The control plane the restores stop and wait for: the real kube-apiserver when it is built (auto), so downtime
// ends at a real /readyz; stand-in runs the sandbox's sleepers.
const controlPlane = opt('control-plane', 'auto');
if (!['auto', 'real', 'stand-in'].includes(controlPlane))
  throw new Error(`--control-plane '${controlPlane}': expected auto, real or stand-in`);
// --link 25MB/s: the sandbox forwarder throttles the node's SSH link (both directions share the budget), as a
// runner backing up a cluster in another network sees it.
const linkText = opt('link', '');
const linkMatch = /^(\d+(?:\.\d+)?)(KB|MB|GB|KiB|MiB|GiB)\/s$/.exec(linkText);
if (linkText && !linkMatch) throw new Error(`--link '${linkText}': expected e.g. 25MB/s`);
const LINK_UNITS: Record<string, number> = {
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
};
const linkBytesPerSecond = linkMatch ? Math.round(Number(linkMatch[1]) * LINK_UNITS[linkMatch[2]!]!) : 0;
const cli = join(process.cwd(), 'dist/cli/index.js');
/** Another build of our CLI (a dist/cli/index.js), run beside this one for a side-by-side figure of a change. */
const compareCli = process.env.BENCH_COMPARE_CLI;
const COMPARED = ' — the build in BENCH_COMPARE_CLI';
const nodeBin = join(process.cwd(), 'node_modules/.bin/node');
const ownRss = join(process.cwd(), 'bench/own-rss.mjs');

interface Measure {
  seconds: number;
  maxRssKiB: number;
  /** CPU time the whole machine spent while the command ran: both ends of the link, since they share it. */
  cpuSeconds: number;
  /** Of that, our CLI's own (user, system), when it ran with bench/own-rss.mjs preloaded. */
  ownCpuSeconds?: { user: number; system: number };
  stdout: string;
}

/** The machine's busy CPU time so far (user, nice, system, irq, softirq, steal; /proc/stat counts in 1/100 s). */
function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

/**
 * Runs a command under /usr/bin/time -v: wall seconds and peak RSS — of our CLI itself when it runs with
 * bench/own-rss.mjs preloaded, else of the largest process of the command's tree.
 */
function timed(argv: string[], env: NodeJS.ProcessEnv = {}): Measure {
  const busyBefore = machineBusySeconds();
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  // With BENCH_RSS_TRACE=1 our CLI's log and its RSS peaks go into the bench's own log.
  if (process.env.BENCH_RSS_TRACE) process.stderr.write(r.stderr.replace(/^/gm, '    | '));
  if (r.status !== 0)
    throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.split('\n').slice(-8).join(' | ')}`);
  const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(r.stderr);
  const own = /bench-own-max-rss-kib (\d+)/.exec(r.stderr);
  const rss = own ?? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  const cpuSeconds = machineBusySeconds() - busyBefore;
  const ownCpu = /bench-own-cpu-us (\d+) (\d+)/.exec(r.stderr);
  return {
    seconds,
    maxRssKiB: Number(rss?.[1] ?? Number.NaN),
    cpuSeconds,
    ...(ownCpu ? { ownCpuSeconds: { user: Number(ownCpu[1]) / 1e6, system: Number(ownCpu[2]) / 1e6 } } : {}),
    stdout: r.stdout,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const etcd = findEtcd(minor);
if ('missing' in etcd) throw new Error(etcd.missing);
const statusTool = etcd.etcdutl ?? etcd.etcdctl;
const statusName = `inspect: ${basename(statusTool)} snapshot status`;
const work = mkdtempSync(join(tmpdir(), 'etcd-backup-bench-'));
console.error(`bench: sandbox with etcd ${etcd.version}, filling ${(size / 2 ** 30).toFixed(2)} GiB`);
const sandbox = await startSandbox({
  etcd: minor,
  fill: size,
  name: `bench-${process.pid}`,
  controlPlane: controlPlane as 'auto' | 'real' | 'stand-in',
  log: (l) => console.error(`  ${l}`),
});
if (linkBytesPerSecond) await sandbox.setLink(sandbox.node(0), { bytesPerSecond: linkBytesPerSecond });
const results: Record<string, Measure[]> = {};
const PACKED_RUNBOOK = 'backup: runbook, packed on the node (etcdctl save, zstd -3 -c over ssh)';
const OURS = 'backup: etcd-backup, default (auto: etcdctl + zstd on the node; verify + age)';
const OURS_GRPC = 'backup: etcd-backup --method grpc (verify + zstd + age)';
const OURS_RAW = 'backup: etcd-backup --method grpc without the envelope (raw snapshot stored)';
const downtimes: Record<string, number[]> = {};
const record = (name: string, m: Measure & { downtimeSeconds?: number }) => {
  results[name] ??= [];
  results[name].push(m);
  if (m.downtimeSeconds !== undefined) {
    downtimes[name] ??= [];
    downtimes[name].push(m.downtimeSeconds);
  }
  console.error(
    `  ${name}: ${m.seconds.toFixed(2)} s${m.downtimeSeconds !== undefined ? ` (down ${m.downtimeSeconds.toFixed(2)} s)` : ''}, machine CPU ${m.cpuSeconds.toFixed(1)} s${m.ownCpuSeconds ? ` (ours ${m.ownCpuSeconds.user.toFixed(1)} user + ${m.ownCpuSeconds.system.toFixed(1)} system)` : ''}, peak RSS ${(m.maxRssKiB / 1024).toFixed(0)} MiB`,
  );
};
let dbBytes = 0;
let storedBytes = 0;
try {
  const node = sandbox.node(0);
  const knownHosts = join(work, 'known_hosts');
  writeFileSync(knownHosts, `${node.knownHostsLine}\n`);
  const key = node.users.root.privateKeyPath;
  const ssh = [
    '-i',
    key,
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
  ];
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const identityFile = join(work, 'identity.txt');
  writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 });
  const pki = '/etc/kubernetes/pki';
  const etcdctlOnNode = `ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=${pki}/etcd/ca.crt --cert=${pki}/apiserver-etcd-client.crt --key=${pki}/apiserver-etcd-client.key`;

  const runbook = (compress: 'gzip' | 'zstd') => {
    const local = join(work, 'runbook.db');
    rmSync(local, { force: true });
    rmSync(`${local}.gz`, { force: true });
    rmSync(`${local}.zst`, { force: true });
    const script = [
      `ssh ${ssh.join(' ')} root@${node.host} '${etcdctlOnNode} snapshot save /var/tmp/bench.db >/dev/null'`,
      `scp -q ${ssh.join(' ')} root@${node.host}:/var/tmp/bench.db ${local}`,
      `ssh ${ssh.join(' ')} root@${node.host} rm -f /var/tmp/bench.db`,
      `ETCDCTL_API=3 ${statusTool} snapshot status ${local} -w json >/dev/null`,
      compress === 'gzip' ? `gzip -6 ${local}` : `zstd -q -3 --rm ${local}`,
    ].join(' && ');
    return timed(['bash', '-c', script]);
  };
  // The careful operator's pipeline on a slow link: the snapshot packed on the node and streamed back packed.
  const runbookPackedOnNode = () => {
    const local = join(work, 'runbook-packed.db.zst');
    rmSync(local, { force: true });
    const script = `ssh ${ssh.join(' ')} root@${node.host} '${etcdctlOnNode} snapshot save /var/tmp/bench.db >/dev/null && zstd -q -3 -c /var/tmp/bench.db; rm -f /var/tmp/bench.db' > ${local}`;
    return timed(['bash', '-c', script]);
  };
  /** Our CLI against the sandbox node and a folder store. */
  const ourCli = (verb: 'backup' | 'restore', store: string, extra: string[], build = cli) => [
    nodeBin,
    '--import',
    ownRss,
    build,
    verb,
    ...['--host', node.host, '--key', key, '--known-hosts', knownHosts, '--store', `dir:${store}`],
    ...extra,
  ];
  const ours = (extra: string[] = ['--recipient', recipient], keep?: string, build = cli) => {
    const dir = keep ?? join(work, `store-${Date.now()}`);
    const m = timed(ourCli('backup', dir, ['--cluster', 'bench', ...extra], build));
    const stored = readdirSync(dir)
      .filter((f) => f.endsWith('.age'))
      .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    // Where the time went, from the backup's own step timings (ms), for the profile of a missed target.
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const timings = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { timings?: Record<string, number> })
        .timings;
      if (timings) console.error(`    steps (ms): ${JSON.stringify(timings)}`);
    }
    if (!keep) rmSync(dir, { recursive: true, force: true });
    return { ...m, stored };
  };

  // Restore. By hand, the CKA runbook: scp the snapshot up, `etcdutl snapshot restore` on the node into a new
  // dir, stop kube-apiserver and etcd by moving their manifests out, swap the data dir, move them back, wait
  // for etcd to answer. Ours: fetch + decrypt + verify the stored backup, plan, restore, swap, start, check
  // every key against the snapshot, start kube-apiserver (and bump revisions, which the runbook does not).
  const member = sandbox.info.nodes[0]!;
  const peerUrl = `https://${member.ip}:2380`;
  // Each wait fails the run when it times out: a stuck etcd must not be measured as a fast restore.
  const waitUntil = (check: string, tenths: number) =>
    `for i in $(seq 1 ${tenths}); do ${check} >/dev/null 2>&1 && break; [ "$i" = ${tenths} ] && exit 1; sleep 0.1; done`;
  const waitForEtcd = waitUntil(`${etcdctlOnNode} endpoint health`, 600);
  // /readyz answers anyone (system:public-info-viewer), as a load balancer's health check asks it.
  const waitForApiServer = waitUntil(`curl -skf https://${member.ip}:6443/readyz`, 1200);
  const runbookRestore = (snapshotFile: string) => {
    const script = [
      `scp -q ${ssh.join(' ')} ${snapshotFile} root@${node.host}:/var/tmp/restore.db`,
      `ssh ${ssh.join(' ')} root@${node.host} '${[
        'set -e',
        `${etcd.etcdutl ? 'etcdutl' : 'ETCDCTL_API=3 etcdctl'} snapshot restore /var/tmp/restore.db --data-dir /var/lib/etcd-restored --name ${member.name} --initial-cluster ${member.name}=${peerUrl} --initial-advertise-peer-urls ${peerUrl} >/dev/null 2>&1`,
        'rm -f /var/tmp/restore.db',
        'mkdir -p /etc/kubernetes/held',
        'echo down-at $(date +%s%N)',
        'mv /etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/manifests/etcd.yaml /etc/kubernetes/held/',
        'while pgrep -x etcd >/dev/null; do sleep 0.1; done',
        'mv /var/lib/etcd /var/lib/etcd.runbook-old',
        'mv /var/lib/etcd-restored /var/lib/etcd',
        'mv /etc/kubernetes/held/etcd.yaml /etc/kubernetes/held/kube-apiserver.yaml /etc/kubernetes/manifests/',
        waitForEtcd,
        ...(sandbox.info.kubernetes.real ? [waitForApiServer] : []),
        'echo up-at $(date +%s%N)',
      ].join('; ')}'`,
    ].join(' && ');
    const m = timed(['bash', '-c', script]);
    const at = (what: string) => Number(new RegExp(`${what} (\\d+)`).exec(m.stdout)?.[1] ?? Number.NaN);
    return { ...m, downtimeSeconds: (at('up-at') - at('down-at')) / 1e9 };
  };
  const oursRestore = (store: string, extra: string[], build = cli) => {
    const m = timed(
      ourCli('restore', store, ['--identity', identityFile, '--json', ...extra, 'latest'], build),
    );
    const report = JSON.parse(m.stdout) as { timingsMs?: Record<string, number> };
    console.error(`    steps (ms): ${JSON.stringify(report.timingsMs)}`);
    return { ...m, downtimeSeconds: (report.timingsMs?.downtime ?? Number.NaN) / 1000 };
  };
  // Every restore keeps the old data dir (ours names it with the time); the bench drops them between runs.
  const dropOldDataDirs = () =>
    spawnSync(
      'ssh',
      [...ssh, `root@${node.host}`, 'rm -rf /var/lib/etcd.runbook-old /var/lib/etcd.before-restore-*'],
      {
        stdio: 'ignore',
      },
    );
  // The limit: the snapshot stream itself, read on the host straight from the node's etcd (no SSH, no disk).
  const limit = () =>
    timed(
      [
        'bash',
        '-c',
        `${etcd.etcdctl} --endpoints=https://${node.ip}:2379 --cacert=${sandbox.info.stateDir}/pki/etcd/ca.crt --cert=${sandbox.info.stateDir}/pki/apiserver-etcd-client.crt --key=${sandbox.info.stateDir}/pki/apiserver-etcd-client.key snapshot save ${join(work, 'limit.db')} >/dev/null`,
      ],
      { ETCDCTL_API: '3' },
    );

  for (let i = 0; runs('backup') && i < reps; i++) {
    console.error(`bench: repetition ${i + 1} of ${reps}`);
    record('backup: runbook + gzip', runbook('gzip'));
    record('backup: runbook + zstd', runbook('zstd'));
    record(PACKED_RUNBOOK, runbookPackedOnNode());
    const byDefault = ours();
    storedBytes = byDefault.stored;
    record(OURS, byDefault);
    if (compareCli) record(`${OURS}${COMPARED}`, ours(undefined, undefined, compareCli));
    record(OURS_GRPC, ours(['--recipient', recipient, '--method', 'grpc']));
    record(
      OURS_RAW,
      ours(['--method', 'grpc', '--encryption', 'none', '--compression', 'none', '--no-control-plane-files']),
    );
    record('limit: Maintenance.Snapshot stream', limit());
  }
  const snapshot = join(work, 'limit.db');
  if (!existsSync(snapshot)) limit();
  dbBytes = statSync(snapshot).size;
  const restoreStore = join(work, 'restore-store');
  if (runs('restore')) ours(['--recipient', recipient], restoreStore);
  for (let i = 0; runs('restore') && i < reps; i++) {
    record('restore: runbook (scp, etcdutl restore on the node, swap)', runbookRestore(snapshot));
    dropOldDataDirs();
    record('restore: etcd-backup (restore on the node)', oursRestore(restoreStore, ['--restore-on', 'node']));
    dropOldDataDirs();
    if (compareCli) {
      record(
        `restore: etcd-backup (restore on the node)${COMPARED}`,
        oursRestore(restoreStore, ['--restore-on', 'node'], compareCli),
      );
      dropOldDataDirs();
    }
    record(
      'restore: etcd-backup (restore on the runner, data dir shipped)',
      oursRestore(restoreStore, ['--restore-on', 'runner', '--etcd-tools', dirname(statusTool)]),
    );
    dropOldDataDirs();
  }
  const cache = () => {
    if (cold) writeFileSync('/proc/sys/vm/drop_caches', '1');
  };
  if (runs('inspect') && !cold) spawnSync('cat', [snapshot], { stdio: 'ignore' });
  for (let i = 0; runs('inspect') && i < reps; i++) {
    cache();
    record(
      statusName,
      timed([statusTool, 'snapshot', 'status', snapshot, '-w', 'json'], { ETCDCTL_API: '3' }),
    );
    cache();
    record(
      'inspect: etcd-backup inspect',
      timed([nodeBin, '--import', ownRss, cli, 'inspect', snapshot, '--json']),
    );
    // What checking the trailer costs at the least: one SHA-256 of the file, which cannot be split across cores.
    cache();
    record(
      'inspect floor: SHA-256 of the file alone (openssl dgst)',
      timed(['openssl', 'dgst', '-sha256', snapshot]),
    );
  }
} finally {
  await sandbox.stop();
}

const med = (name: string) => median((results[name] ?? []).map((m) => m.seconds));
const rss = (name: string) => Math.max(...(results[name] ?? []).map((m) => m.maxRssKiB)) / 1024;
const mb = dbBytes / 1e6;
const cpu = (name: string) => median((results[name] ?? []).map((m) => m.cpuSeconds));
const down = (name: string) => (downtimes[name] ? median(downtimes[name]) : Number.NaN);
const rows = Object.keys(results).map(
  (name) =>
    `| ${name} | ${med(name).toFixed(2)} | ${downtimes[name] ? down(name).toFixed(2) : ''} | ${(mb / med(name)).toFixed(0)} | ${cpu(name).toFixed(1)} | ${rss(name).toFixed(0)} |`,
);
const packedRatio = med(OURS) / med(PACKED_RUNBOOK);
const backupRatio = med(OURS) / med('backup: runbook + gzip');
const zstdRatio = med(OURS) / med('backup: runbook + zstd');
const streamShare = med('limit: Maintenance.Snapshot stream') / med(OURS);
const envelopeCost = med(OURS_GRPC) / med(OURS_RAW) - 1;
const backupRss = Math.max(rss(OURS), rss(OURS_GRPC));
const inspectRatio = med('inspect: etcd-backup inspect') / med(statusName);
const restoreRunbook = med('restore: runbook (scp, etcdutl restore on the node, swap)');
const restoreOnNode = med('restore: etcd-backup (restore on the node)') / restoreRunbook;
const restoreOnRunner =
  med('restore: etcd-backup (restore on the runner, data dir shipped)') / restoreRunbook;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const restoreRss = Math.max(
  rss('restore: etcd-backup (restore on the node)'),
  rss('restore: etcd-backup (restore on the runner, data dir shipped)'),
);
const inspectRss = rss('inspect: etcd-backup inspect');
const floorRatio = med('inspect floor: SHA-256 of the file alone (openssl dgst)') / med(statusName);
const targets: [section: (typeof SECTIONS)[number], row: string][] = [
  [
    'backup',
    `| backup ≤ 0.5× the runbook's wall time (gzip) | ${backupRatio.toFixed(2)}× | ${verdict(backupRatio <= 0.5)} |`,
  ],
  [
    'backup',
    `| backup ≤ 1.2× the runbook packed on the node${linkText ? ` (link ${linkText})` : ''} | ${packedRatio.toFixed(2)}× | ${verdict(packedRatio <= 1.2)} |`,
  ],
  [
    'backup',
    `| backup ≤ 1.0× the runbook with zstd | ${zstdRatio.toFixed(2)}× | ${verdict(zstdRatio <= 1)} |`,
  ],
  [
    'backup',
    `| backup ≥ 60% of the raw stream rate${linkText ? ' (the raw stream is read from the host, not through the throttled link)' : ''} | ${(streamShare * 100).toFixed(0)}% | ${verdict(streamShare >= 0.6)} |`,
  ],
  [
    'backup',
    `| the envelope adds ≤ 20% to a gRPC backup's wall time over storing the raw snapshot | ${(envelopeCost * 100).toFixed(0)}% | ${verdict(envelopeCost <= 0.2)} |`,
  ],
  [
    'backup',
    `| peak RSS of our backup (default and gRPC) ≤ 256 MiB | ${backupRss.toFixed(0)} MiB | ${verdict(backupRss <= 256)} |`,
  ],
  [
    'inspect',
    `| inspect ≤ 1.0× ${basename(statusTool)} snapshot status | ${inspectRatio.toFixed(2)}× | ${verdict(inspectRatio <= 1)} |`,
  ],
  [
    'inspect',
    `| (the floor: SHA-256 of the file alone, against ${basename(statusTool)} snapshot status) | ${floorRatio.toFixed(2)}× | ${floorRatio > 1 ? 'the target is out of reach while the trailer is checked' : ''} |`,
  ],
  [
    'inspect',
    `| peak RSS of inspect ≤ 256 MiB | ${inspectRss.toFixed(0)} MiB | ${verdict(inspectRss <= 256)} |`,
  ],
  [
    'restore',
    `| restore ≤ the runbook (restore on the node) | ${restoreOnNode.toFixed(2)}× | ${verdict(restoreOnNode <= 1)} |`,
  ],
  [
    'restore',
    `| restore ≤ the runbook (restore on the runner, data dir shipped) | ${restoreOnRunner.toFixed(2)}× | ${verdict(restoreOnRunner <= 1)} |`,
  ],
  [
    'restore',
    `| restore downtime ≤ the runbook's (restore on the node) | ${down('restore: etcd-backup (restore on the node)').toFixed(2)} s against ${down('restore: runbook (scp, etcdutl restore on the node, swap)').toFixed(2)} s | ${verdict(down('restore: etcd-backup (restore on the node)') <= down('restore: runbook (scp, etcdutl restore on the node, swap)'))} |`,
  ],
  [
    'restore',
    `| restore total ≤ 1.3× the runbook (restore on the node) | ${restoreOnNode.toFixed(2)}× | ${verdict(restoreOnNode <= 1.3)} |`,
  ],
  [
    'restore',
    `| peak RSS of our restore ≤ 256 MiB | ${restoreRss.toFixed(0)} MiB | ${verdict(restoreRss <= 256)} |`,
  ],
];
const report = `# Benchmark run ${new Date().toISOString()}

Snapshot ${mb.toFixed(0)} MB (etcd ${etcd.version}, sandbox fill ${(size / 2 ** 30).toFixed(2)} GiB), ${reps} repetitions each, alternating; medians. Link: ${linkText ? `${linkText} (the sandbox forwarder's throttle on the SSH link)` : 'unthrottled (LAN: loopback through the sandbox forwarder)'}. Control plane: ${sandbox.info.kubernetes.real ? `real kube-apiserver ${sandbox.info.kubernetes.version}` : 'stand-in (no real kube-apiserver; restore downtime ends when etcd answers)'}. Sections: ${only.join(', ')}${runs('inspect') ? (cold ? '; inspect with an empty page cache before each run' : '; inspect with a warm page cache') : ''}.

| path | wall s (median) | downtime s (median; kube-apiserver stopped → ready) | MB/s | machine CPU s (median; both ends) | peak RSS MiB |
|---|---|---|---|---|---|
${rows.join('\n')}
${runs('backup') ? `\nCompression: ${mb.toFixed(0)} MB → ${(storedBytes / 1e6).toFixed(0)} MB stored by the default backup (${(dbBytes / Math.max(storedBytes, 1)).toFixed(1)}×; zstd -3 on the node or zstd -1 on the runner, then age).\n` : ''}
| target | measured | |
|---|---|---|
${targets
  .filter(([section]) => runs(section))
  .map(([, row]) => row)
  .join('\n')}
`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', report);
console.log(report);
rmSync(work, { recursive: true, force: true });
