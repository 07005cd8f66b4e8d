// The demo, step by step, the way a user would do it: a sandbox control plane, then the etcd-backup CLI from
// dist/ against it over SSH. Each step prints the command it runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableEtcdMinors, findEtcd } from '../sandbox/etcd-binaries';
import { startSandbox } from '../sandbox/index';
import type { EtcdClient } from '../src/etcd/client';
import { deleteNamespace, namespaceObjects, printObjects, sameObjects } from './demo-kubernetes';

const cli = join(process.cwd(), 'dist/cli/index.js');
const work = mkdtempSync(join(tmpdir(), 'etcd-backup-demo-'));
const keep = process.argv.includes('--keep');

// Bold titles on a terminal only: a demo piped to a file or a CI log gets no escape codes.
const bold =
  process.stdout.isTTY && !process.env.NO_COLOR ? (t: string) => `\x1b[1m${t}\x1b[0m` : (t: string) => t;

function step(title: string): void {
  console.log(`\n${bold(`== ${title}`)}`);
}

function show(argv: string[], options: { allowFail?: boolean; env?: NodeJS.ProcessEnv } = {}): number {
  console.log(`$ ${argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ')}`);
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (r.status !== 0 && !options.allowFail) throw new Error(`step failed (exit ${r.status})`);
  return r.status ?? 1;
}

const minors = availableEtcdMinors();
// The newest etcd built here (3.7 once scripts/install-etcd.sh has run).
const minor = minors.at(-1) ?? '3.5';
step(
  `a sandbox control plane: one kubeadm-shaped node with etcd ${minor} and the real kube-apiserver, reachable over SSH`,
);
const sandbox = await startSandbox({
  etcd: minor,
  name: `demo-${process.pid}`,
  controlPlane: 'auto',
  log: (l) => console.log(`  ${l}`),
});
// With the real API server the disaster and the check go through it; with the stand-ins, straight to etcd.
const kube = sandbox.info.kubernetes;
const api = kube.real ? sandbox.kubeApi(sandbox.node(0)) : undefined;
try {
  const node = sandbox.node(0);
  if (kube.real)
    console.log(
      `  kube-apiserver ${kube.version} at ${node.apiServerUrl}; admin.conf: ${kube.adminKubeconfig}`,
    );
  const knownHosts = join(work, 'known_hosts');
  writeFileSync(knownHosts, `${node.knownHostsLine}\n`);
  const ssh = [
    '--host',
    node.host,
    '--user',
    node.users.sudo.username,
    '--key',
    node.users.sudo.privateKeyPath,
    '--known-hosts',
    knownHosts,
  ];
  console.log(
    `  node ${node.name} at ${node.host} (host key ${node.hostKeyFingerprint}), etcd ${node.etcdVersion}`,
  );

  step('an age key pair for the backups (the private half stays off the backup job)');
  const identityFile = join(work, 'backup.agekey');
  console.log(`$ node ${cli} keygen ${identityFile}`);
  const keygen = spawnSync('node', [cli, 'keygen', identityFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (keygen.status !== 0) throw new Error(`step failed (exit ${keygen.status})`);
  const recipient = keygen.stdout.toString().trim();
  console.log(`  recipient ${recipient}`);

  step(
    'backup: discover etcd, check the cluster, stream the snapshot through the SSH tunnel, verify, encrypt, store',
  );
  const store = `dir:${join(work, 'backups')}`;
  show(['node', cli, 'backup', ...ssh, '--cluster', 'demo', '--store', store, '--recipient', recipient]);
  show(['node', cli, 'list', '--store', store]);
  // The stored backup, decrypted in memory only, through the same verifier.
  show(['node', cli, 'inspect', '--store', store, 'latest', '--identity', identityFile]);

  step("the runbook's snapshot, and what our verifier says that `etcdutl snapshot status` does not");
  const runbook = join(work, 'runbook.db');
  const etcd = findEtcd(minor);
  if ('missing' in etcd) throw new Error(etcd.missing);
  // Taken with etcdctl straight from the sandbox's own client certificate, as the runbook does on the node.
  const tls = sandbox.etcdTls();
  for (const [name, data] of Object.entries({
    'ca.crt': tls.ca,
    'client.crt': tls.cert,
    'client.key': tls.key,
  })) {
    writeFileSync(join(work, name), data, { mode: 0o600 });
  }
  execFileSync(
    etcd.etcdctl,
    [
      `--endpoints=https://${node.ip}:2379`,
      `--cacert=${join(work, 'ca.crt')}`,
      `--cert=${join(work, 'client.crt')}`,
      `--key=${join(work, 'client.key')}`,
      'snapshot',
      'save',
      runbook,
    ],
    { stdio: 'ignore', env: { ...process.env, ETCDCTL_API: '3' } },
  );
  show(['node', cli, 'inspect', runbook, '--inventory']);

  step('damage: flip one byte of a free page (the status tool does not look there; the trailer proves it)');
  const damaged = join(work, 'damaged.db');
  const bytes = readFileSync(runbook);
  const target = bytes.length - 32 - 100;
  bytes[target] = bytes[target]! ^ 0xff;
  writeFileSync(damaged, bytes);
  const statusTool = etcd.etcdutl ?? etcd.etcdctl;
  show([statusTool, 'snapshot', 'status', damaged, '-w', 'json'], {
    allowFail: true,
    env: { ETCDCTL_API: '3' },
  });
  const code = show(['node', cli, 'inspect', damaged], { allowFail: true });
  console.log(`  inspect exit code ${code}: the damaged copy is refused`);

  step('drill: prove the stored backup restores, in a throw-away etcd, without touching the cluster');
  show(['node', cli, 'drill', '--store', store, '--identity', identityFile, '--etcd-tools', etcd.dir]);
  let lost = 0;
  let shopBefore = new Map<string, string[]>();
  if (api) {
    step('the cluster through its API: namespace shop, as kubectl would list it');
    shopBefore = await namespaceObjects(api, 'shop');
    printObjects('shop', shopBefore);
    lost = [...shopBefore.values()].reduce((n, names) => n + names.length, 0);
    step('disaster: namespace shop is deleted through the API after the backup; the controllers empty it');
    await deleteNamespace(api, 'shop');
    printObjects('shop', await namespaceObjects(api, 'shop'));
  } else {
    step('disaster: a namespace is deleted from the cluster after the backup');
    lost = await deleteFromEtcd(sandbox.etcdClientFor(node), 'team-a');
  }

  step('restore: the backup back onto the node, revision bumped, old data kept, every key checked');
  show([
    'node',
    cli,
    'restore',
    ...ssh,
    '--store',
    store,
    '--identity',
    identityFile,
    '--etcd-tools',
    etcd.dir,
  ]);

  if (api) {
    step('check: namespace shop is back, through the API');
    const ms = await sandbox.waitForApiServer(node, 120_000);
    console.log(`  kube-apiserver /readyz ok (${(ms / 1000).toFixed(1)}s after the restore finished)`);
    const shopAfter = await namespaceObjects(api, 'shop');
    printObjects('shop', shopAfter);
    if (!sameObjects(shopBefore, shopAfter)) throw new Error('the restore did not bring namespace shop back');
  } else {
    step('check: what the namespace held is back');
    await sandbox.waitForEtcd(node, 60_000);
    await checkBackInEtcd(sandbox.etcdClientFor(node), 'team-a', lost);
  }
  console.log(
    `\ndemo done: backup → verify → damage caught → drill passed → disaster → restore → all ${lost} lost objects back`,
  );
} finally {
  api?.close();
  if (keep)
    console.log(
      `\nkept: sandbox ${sandbox.info.name} ('npm run sandbox -- down --name ${sandbox.info.name}'), files in ${work}`,
    );
  else {
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function deleteFromEtcd(client: EtcdClient, ns: string): Promise<number> {
  let lost = 0;
  try {
    const before = await client.range('/registry/', { prefix: true, countOnly: true });
    for (const kv of (await client.range('/registry/', { prefix: true, keysOnly: true })).kvs) {
      if (new RegExp(`/${ns}(/|$)`).test(kv.key.toString())) {
        await client.deleteRange(kv.key);
        lost++;
      }
    }
    const after = await client.range('/registry/', { prefix: true, countOnly: true });
    console.log(
      `  deleted ${lost} objects of namespace ${ns} (${before.count} → ${after.count} objects under /registry)`,
    );
  } finally {
    client.close();
  }
  return lost;
}

async function checkBackInEtcd(client: EtcdClient, ns: string, lost: number): Promise<void> {
  try {
    const back = (await client.range('/registry/', { prefix: true, keysOnly: true })).kvs.filter((kv) =>
      new RegExp(`/${ns}(/|$)`).test(kv.key.toString()),
    ).length;
    const status = await client.status();
    if (back !== lost) throw new Error(`the restore brought back ${back} of the ${lost} ${ns} objects`);
    console.log(
      `  all ${lost} ${ns} objects deleted after the backup are back; revision now ${status.revision} (bumped past the backup's)`,
    );
  } finally {
    client.close();
  }
}
