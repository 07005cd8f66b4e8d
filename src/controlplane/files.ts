import { posix } from 'node:path';
import type { ControlPlaneFileKind } from '../format/control-plane-files';
import type { ControlPlane, NodeFiles } from './discover';
import { parseFlags } from './flags';
import { hostPathOf, parseStaticPod, type StaticPod } from './static-pod';

export interface ControlPlaneFileSet {
  /** Folders whose regular files are all kept, sub-folders included (the PKI: ca.key, sa.key, etcd/…). */
  pkiDirs: string[];
  /** Single files, each with its kind. */
  files: Array<{ path: string; kind: Exclude<ControlPlaneFileKind, 'pki'> }>;
  warnings: string[];
}

/**
 * A flag naming a certificate, key or kubeconfig a component reads: --client-ca-file, --etcd-certfile,
 * --tls-private-key-file, --kubelet-client-key, --kubeconfig… Not any *-file: --log-file names no secret.
 */
const FILE_FLAG = /(ca|cert|key|crt)-?file$|certificate$|client-key$|kubeconfig$/;
const KUBECONFIG_FLAG = /kubeconfig$/;

/**
 * Which files make this node a control-plane node, found the way the node itself finds them: the static pod
 * manifests in staticPodPath, and every certificate, key and kubeconfig their flags name (mapped through the
 * pods' hostPath volumes to where they are on the node). The folders of the certificates and keys are kept
 * whole, and the folder of the kubeconfigs is searched for the others (admin.conf, kubelet.conf), since no
 * pod names those.
 */
export async function locateControlPlaneFiles(
  node: NodeFiles,
  plane: Pick<ControlPlane, 'staticPodPath' | 'staticPods' | 'kubeletConfigPath'>,
): Promise<ControlPlaneFileSet> {
  const warnings: string[] = [];
  const files = new Map<string, Exclude<ControlPlaneFileKind, 'pki'>>();
  const keyDirs = new Set<string>();
  const kubeconfigDirs = new Set<string>();

  if (plane.kubeletConfigPath) files.set(plane.kubeletConfigPath, 'kubelet-config');
  for (const summary of plane.staticPods) {
    files.set(summary.path, 'manifest');
    const text = await node.readText(summary.path);
    if (text === undefined) continue;
    let pod: StaticPod;
    try {
      pod = parseStaticPod(text, summary.path);
    } catch {
      continue; // discovery has warned about it already
    }
    for (const { path, kubeconfig } of referencedHostFiles(pod)) {
      if (kubeconfig) {
        files.set(path, 'kubeconfig');
        kubeconfigDirs.add(posix.dirname(path));
      } else {
        keyDirs.add(posix.dirname(path));
      }
    }
  }
  for (const dir of kubeconfigDirs) {
    for (const name of (await node.listFiles(dir)) ?? []) {
      if (name.endsWith('.conf') && !name.startsWith('.')) files.set(posix.join(dir, name), 'kubeconfig');
    }
  }
  if (keyDirs.size === 0) warnings.push('no static pod names a certificate or key file; no PKI folder kept');
  return {
    pkiDirs: outermost([...keyDirs]),
    files: [...files].map(([path, kind]) => ({ path, kind })),
    warnings,
  };
}

function referencedHostFiles(pod: StaticPod): Array<{ path: string; kubeconfig: boolean }> {
  const found: Array<{ path: string; kubeconfig: boolean }> = [];
  for (const container of pod.containers) {
    const { values } = parseFlags(container.argv.slice(1));
    for (const [flag, value] of values) {
      if (!FILE_FLAG.test(flag) || !posix.isAbsolute(value)) continue;
      const host = hostPathOf(pod, container, value);
      if (host) found.push({ path: host, kubeconfig: KUBECONFIG_FLAG.test(flag) });
    }
  }
  return found;
}

/** Drops every folder that lies inside another one of the list (pki/etcd is inside pki). */
function outermost(dirs: string[]): string[] {
  const sorted = [...new Set(dirs.map((d) => posix.normalize(d)))].sort();
  return sorted.filter((d) => !sorted.some((o) => o !== d && (o === '/' || d.startsWith(`${o}/`))));
}
