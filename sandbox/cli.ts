/**
 * npm run sandbox -- up [--members 1|3] [--etcd 3.4|3.5|3.6|3.7] [--fill SIZE] [--name NAME] [--no-seed] [--json]
 *                       [--control-plane auto|real|stand-in] [--kubernetes 1.37.2]
 * npm run sandbox -- down [--name NAME | --all]
 * npm run sandbox -- status [--json]
 */
import { describeError } from '../src/errors';
import { SandboxError } from './errors';
import { ETCD_VERSIONS, type EtcdMinor } from './etcd-binaries';
import { listSandboxes, Sandbox, startSandbox, stopSandbox } from './index';
import { parseSize } from './size';
import { isSameProcess, readProcesses, sandboxDir } from './state';

const USAGE = `usage:
  npm run sandbox -- up [--members 1|3] [--etcd 3.4|3.5|3.6|3.7] [--fill SIZE] [--name NAME] [--no-seed] [--json]
                        [--control-plane auto|real|stand-in] [--kubernetes 1.37.2]
  npm run sandbox -- down [--name NAME | --all]
  npm run sandbox -- status [--json]`;

function parseArgs(argv: string[]) {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [key, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(key, inline);
    else if (['json', 'all', 'no-seed'].includes(key)) flags.set(key, true);
    else {
      const value = argv[++i];
      if (value === undefined) throw new SandboxError(`--${key}: expected a value`);
      flags.set(key, value);
    }
  }
  return { flags, positional };
}

function str(flags: Map<string, string | true>, key: string): string | undefined {
  const v = flags.get(key);
  return v === true ? undefined : v;
}

async function main(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv);
  const known = ['members', 'etcd', 'fill', 'name', 'json', 'all', 'no-seed', 'control-plane', 'kubernetes'];
  for (const key of flags.keys())
    if (!known.includes(key)) throw new SandboxError(`unknown option --${key}\n${USAGE}`);
  const verb = positional[0];
  const json = flags.has('json');
  if (process.getuid?.() !== 0) {
    throw new SandboxError('the sandbox needs root (network and mount namespaces, overlayfs, sshd)', {
      hint: 'run it as root',
    });
  }
  if (verb === 'up') {
    const members = Number(str(flags, 'members') ?? '1');
    if (members !== 1 && members !== 3) throw new SandboxError(`--members '${members}': expected 1 or 3`);
    const etcd = (str(flags, 'etcd') ?? '3.5') as EtcdMinor;
    if (!(etcd in ETCD_VERSIONS))
      throw new SandboxError(`--etcd '${etcd}': expected one of ${Object.keys(ETCD_VERSIONS).join(', ')}`);
    const fillText = str(flags, 'fill');
    const controlPlane = str(flags, 'control-plane') ?? 'auto';
    if (controlPlane !== 'auto' && controlPlane !== 'real' && controlPlane !== 'stand-in')
      throw new SandboxError(`--control-plane '${controlPlane}': expected auto, real or stand-in`);
    const kubernetesVersion = str(flags, 'kubernetes');
    if (kubernetesVersion !== undefined && !/^1\.\d+\.\d+$/.test(kubernetesVersion))
      throw new SandboxError(`--kubernetes '${kubernetesVersion}': expected a version like 1.37.2`);
    // Ctrl-C during up: stop at the next step and tear down, rather than leave half a sandbox running.
    const abort = new AbortController();
    const interrupt = () =>
      abort.abort(new SandboxError('interrupted', { hint: 'nothing was left running' }));
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    const sandbox = await startSandbox({
      signal: abort.signal,
      members,
      etcd,
      name: str(flags, 'name') ?? 'sandbox',
      seed: !flags.has('no-seed'),
      controlPlane,
      ...(kubernetesVersion ? { kubernetesVersion } : {}),
      ...(fillText ? { fill: parseSize(fillText) } : {}),
      log: (line) => process.stderr.write(`sandbox: ${line}\n`),
    });
    const info = sandbox.info;
    if (json) {
      process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    } else {
      const k = info.kubernetes;
      process.stdout.write(
        `sandbox '${info.name}' is up: etcd ${info.etcdVersion}, ${info.members} member(s), ${
          k.real ? `real kube-apiserver and kube-controller-manager ${k.version}` : 'STAND-IN control plane'
        }\n`,
      );
      if (k.fallbackReason) {
        process.stdout.write(
          `  WARNING: kube-apiserver and kube-controller-manager are sleepers, not Kubernetes: ${k.fallbackReason}\n`,
        );
      }
      for (const n of info.nodes) {
        process.stdout.write(
          `  ${n.name}: ssh -i ${n.users.root.privateKeyPath} -o UserKnownHostsFile=${info.stateDir}/known_hosts root@${n.host}  (node IP ${n.ip})\n`,
        );
      }
      if (k.adminKubeconfig) {
        process.stdout.write(
          `  API: ${info.nodes.map((n) => n.apiServerUrl).join(' ')}; admin.conf for the host: ${k.adminKubeconfig}\n`,
        );
      }
      process.stdout.write(
        `  sudo users: ${info.nodes[0]!.users.sudo.username} (NOPASSWD), ${info.nodes[0]!.users.sudoPassword.username} (password in --json)\n`,
      );
      process.stdout.write(
        `  details: npm run sandbox -- status --json; stop: npm run sandbox -- down --name ${info.name}\n`,
      );
    }
    return 0;
  }
  if (verb === 'down') {
    const names = flags.has('all') ? listSandboxes() : [str(flags, 'name') ?? 'sandbox'];
    for (const name of names) {
      await stopSandbox(name);
      process.stderr.write(`sandbox: '${name}' is down\n`);
    }
    return 0;
  }
  if (verb === 'status') {
    const rows = listSandboxes().map((name) => {
      const records = readProcesses(sandboxDir(name));
      const running = records.filter(isSameProcess).length;
      try {
        return { name, running, expected: records.length, info: Sandbox.open(name).info };
      } catch {
        return { name, running, expected: records.length, info: undefined };
      }
    });
    if (json) {
      process.stdout.write(
        `${JSON.stringify(
          rows.map((r) => ({
            ...r.info,
            name: r.name,
            processesRunning: r.running,
            processesStarted: r.expected,
          })),
          null,
          2,
        )}\n`,
      );
    } else if (rows.length === 0) {
      process.stdout.write('no sandboxes\n');
    } else {
      for (const r of rows) {
        const what = r.info
          ? `etcd ${r.info.etcdVersion}, ${r.info.members} member(s), ${r.info.nodes.map((n) => n.host).join(' ')}`
          : 'incomplete';
        process.stdout.write(`${r.name}: ${what}; ${r.running}/${r.expected} processes running\n`);
      }
    }
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`sandbox: ${describeError(e)}\n`);
    process.exit(e instanceof SandboxError ? e.exitCode : 1);
  },
);
