import { posix } from 'node:path';
import { DiscoveryError } from './errors';
import { parseFlags, programName } from './flags';
import { isRecord, parseYamlFile } from './yaml';

export const DEFAULT_KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';
export const DEFAULT_STATIC_POD_PATH = '/etc/kubernetes/manifests';

export interface KubeletConfigFacts {
  /** Absolute (relative values are resolved against the config file's folder, as the kubelet does). */
  staticPodPath: string | undefined;
  warnings: string[];
}

export function parseKubeletConfig(text: string, path: string): KubeletConfigFacts {
  const doc = parseYamlFile(text, path);
  const warnings: string[] = [];
  if (doc === null || doc === undefined) return { staticPodPath: undefined, warnings: [`${path} is empty`] };
  if (!isRecord(doc)) {
    throw new DiscoveryError(`${path} is not a KubeletConfiguration (not a YAML mapping)`, {
      hint: 'give the kubelet config path explicitly, or the static pod path',
    });
  }
  if (doc.kind !== undefined && doc.kind !== 'KubeletConfiguration') {
    warnings.push(`${path} has kind ${String(doc.kind)}, not KubeletConfiguration`);
  }
  const value = doc.staticPodPath;
  if (value === undefined || value === null || value === '') return { staticPodPath: undefined, warnings };
  if (typeof value !== 'string') {
    throw new DiscoveryError(`${path}: staticPodPath is not a string`);
  }
  const staticPodPath = posix.isAbsolute(value) ? value : posix.join(posix.dirname(path), value);
  return { staticPodPath: posix.normalize(staticPodPath), warnings };
}

/** One running process: its argv as /proc/<pid>/cmdline (or a ps listing) shows it. */
export type ProcessArgv = string[];

/**
 * Records separated by newlines, arguments by NUL (what `cat /proc/<pid>/cmdline; echo` prints per process).
 * A process that rewrote its title shows one argument with spaces in it; that one is split on whitespace.
 */
export function parseProcCmdlines(text: string): ProcessArgv[] {
  return text
    .split('\n')
    .map((record) => record.split('\0').filter((arg) => arg.length > 0))
    .filter((argv) => argv.length > 0)
    .map((argv) => (argv.length === 1 && /\s/.test(argv[0]!) ? argv[0]!.trim().split(/\s+/) : argv));
}

/** A `ps -eo args` / `ps auxww` style listing: one process per line, arguments split on whitespace. */
export function parsePsListing(text: string): ProcessArgv[] {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  const header = lines[0]?.trim() ?? '';
  const withoutHeader = /^(USER|UID|PID|COMMAND|ARGS|CMD)\b/.test(header) ? lines.slice(1) : lines;
  const argsColumn = /^USER\s+PID\s+%CPU/.test(header) ? 10 : /^\s*PID\s+/.test(header) ? 1 : 0;
  return withoutHeader
    .map((line) => line.trim().split(/\s+/).slice(argsColumn))
    .filter((argv) => argv.length > 0);
}

export interface KubeletProcessFacts {
  argv: string[];
  configPath: string | undefined;
  podManifestPath: string | undefined;
}

/** The kubelet's own flags (`kubelet …` or `hyperkube kubelet …`), when it is running. */
export function findKubeletProcess(processes: readonly ProcessArgv[]): KubeletProcessFacts | undefined {
  for (const argv of processes) {
    let rest: string[];
    if (programName(argv[0]) === 'kubelet') rest = argv.slice(1);
    else if (programName(argv[0]) === 'hyperkube' && argv[1] === 'kubelet') rest = argv.slice(2);
    else continue;
    const { values } = parseFlags(rest);
    return {
      argv,
      configPath: values.get('config') || undefined,
      podManifestPath: values.get('pod-manifest-path') || undefined,
    };
  }
  return undefined;
}

/** An etcd running outside Kubernetes (systemd unit, or by hand). */
export function findEtcdProcess(processes: readonly ProcessArgv[]): ProcessArgv | undefined {
  return processes.find((argv) => programName(argv[0]) === 'etcd');
}
