import { posix } from 'node:path';
import { isMap, isScalar, isSeq, type Node, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { etcdContainer, hostPathOf, parseStaticPod } from '../controlplane/static-pod';
import { EtcdBackupError } from '../errors';

export class ManifestRewriteError extends EtcdBackupError {}

/** Paths we write into manifests: absolute, no whitespace or YAML-special characters. */
const SAFE_PATH = /^\/[A-Za-z0-9._/-]*$/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? (map as YAMLMap).get(key, true) : undefined;
}

/** The new scalar text, written in the style of the old one so the line still looks like its neighbours. */
function scalarEdit(node: Scalar, value: string): Edit {
  const [start, end] = node.range!;
  let text = value;
  if (node.type === Scalar.QUOTE_DOUBLE) text = JSON.stringify(value);
  else if (node.type === Scalar.QUOTE_SINGLE) text = `'${value.replaceAll("'", "''")}'`;
  return { start, end, text };
}

/**
 * The runbook's restore: point etcd's static pod at a new data dir. Changes only the scalars that name the
 * data dir — `--data-dir` in the etcd container's command/args (or ETCD_DATA_DIR), the `etcd-data` volume's
 * hostPath, and that volume's mountPath when it equals the data dir — and leaves every other byte of the file
 * as it was (comments, order, quoting, other flags). `newDir` is the new path on the host.
 */
export function rewriteEtcdDataDir(text: string, newDir: string, path = 'etcd.yaml'): string {
  if (!SAFE_PATH.test(newDir) || posix.normalize(newDir) !== newDir || newDir === '/') {
    throw new ManifestRewriteError(`'${newDir}' is not a plain absolute path for the new data dir`);
  }
  const pod = parseStaticPod(text, path);
  const container = etcdContainer(pod);
  if (!container) throw new ManifestRewriteError(`${path} does not run etcd`);
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0)
    throw new ManifestRewriteError(`cannot parse ${path}: ${doc.errors[0]!.message}`);

  const containers = get(get(doc.contents, 'spec'), 'containers');
  const yamlContainer = isSeq(containers)
    ? containers.items.find((c) => {
        const name = get(c, 'name');
        return isScalar(name) && name.value === container.name;
      })
    : undefined;
  if (!yamlContainer) throw new ManifestRewriteError(`${path}: cannot find the etcd container`);

  // The data dir as etcd sees it, and which volume holds it.
  const dataDirFlag = findDataDirFlag(yamlContainer);
  const dataDir = dataDirFlag?.value;
  if (!dataDir || !posix.isAbsolute(dataDir)) {
    throw new ManifestRewriteError(`${path}: etcd has no absolute --data-dir to rewrite`);
  }
  const { mount, hostPathNode } = dataDirVolume(doc, yamlContainer, dataDir, path);
  const edits: Edit[] = [scalarEdit(hostPathNode, newDir)];
  const oldHost = String(hostPathNode.value);
  // kubeadm mounts the host dir at the same path: keep that identity, so --data-dir names the new dir too.
  if (posix.normalize(oldHost) === dataDir) {
    edits.push(scalarEdit(dataDirFlag.node, dataDirFlag.render(newDir)));
    edits.push(scalarEdit(get(mount, 'mountPath') as Scalar, newDir));
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);

  checkRewritten(out, newDir, path);
  return out;
}

/** The volume mounted at etcd's data dir, which must be a hostPath volume of its own. */
function dataDirVolume(
  doc: ReturnType<typeof parseDocument>,
  yamlContainer: unknown,
  dataDir: string,
  path: string,
): { mount: unknown; hostPathNode: Scalar } {
  const mounts = get(yamlContainer, 'volumeMounts');
  const mount = isSeq(mounts)
    ? mounts.items.find((m) => {
        const mp = get(m, 'mountPath');
        return isScalar(mp) && posix.normalize(String(mp.value)).replace(/\/+$/, '') === dataDir;
      })
    : undefined;
  const volumeName = mount ? String((get(mount, 'name') as Scalar | undefined)?.value ?? '') : '';
  const volumes = get(get(doc.contents, 'spec'), 'volumes');
  const volume = isSeq(volumes)
    ? volumes.items.find((v) => {
        const n = get(v, 'name');
        return isScalar(n) && n.value === volumeName;
      })
    : undefined;
  const hostPathNode = get(get(volume, 'hostPath'), 'path');
  if (!mount || !isScalar(hostPathNode)) {
    throw new ManifestRewriteError(
      `${path}: etcd's data dir ${dataDir} is not a hostPath volume of its own, so it cannot be moved by editing the manifest`,
      { hint: 'use the swap mode, which restores into the same path' },
    );
  }
  return { mount, hostPathNode };
}

/** Reads the result back the way discovery will, and makes sure it says what we meant. */
function checkRewritten(out: string, newDir: string, path: string): void {
  const check = parseStaticPod(out, path);
  const checkContainer = etcdContainer(check)!;
  const flagAfter = findDataDirFlagValue(checkContainer.argv, checkContainer.env);
  const hostAfter = flagAfter ? hostPathOf(check, checkContainer, flagAfter) : undefined;
  if (hostAfter !== newDir) {
    throw new ManifestRewriteError(`${path}: the rewritten manifest would put etcd's data in ${hostAfter}`);
  }
}

interface DataDirFlag {
  value: string;
  node: Scalar;
  render(newDir: string): string;
}

function findDataDirFlag(container: unknown): DataDirFlag | undefined {
  let found: DataDirFlag | undefined;
  for (const key of ['command', 'args']) {
    const list = get(container, key);
    if (!isSeq(list)) continue;
    const items = list.items as Node[];
    items.forEach((item, i) => {
      if (!isScalar(item)) return;
      const word = String(item.value);
      const eq = /^(--?data-dir=)(.*)$/.exec(word);
      if (eq) {
        found = { value: posix.normalize(eq[2]!), node: item, render: (d) => `${eq[1]}${d}` };
      } else if (/^--?data-dir$/.test(word) && isScalar(items[i + 1])) {
        const next = items[i + 1] as Scalar;
        found = { value: posix.normalize(String(next.value)), node: next, render: (d) => d };
      }
    });
  }
  if (found) return found;
  const env = get(container, 'env');
  if (isSeq(env)) {
    for (const e of env.items) {
      const name = get(e, 'name');
      const value = get(e, 'value');
      if (isScalar(name) && name.value === 'ETCD_DATA_DIR' && isScalar(value)) {
        found = { value: posix.normalize(String(value.value)), node: value, render: (d) => d };
      }
    }
  }
  return found;
}

function findDataDirFlagValue(argv: string[], env: Map<string, string>): string | undefined {
  let value: string | undefined;
  argv.forEach((word, i) => {
    const eq = /^--?data-dir=(.*)$/.exec(word);
    if (eq) value = eq[1];
    else if (/^--?data-dir$/.test(word) && argv[i + 1] !== undefined) value = argv[i + 1];
  });
  return value ?? env.get('ETCD_DATA_DIR');
}
