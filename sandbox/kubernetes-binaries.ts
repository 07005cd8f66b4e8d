import { accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { etcdCacheDir } from './etcd-binaries';

/**
 * The real Kubernetes control-plane builds the sandbox runs (scripts/install-kubernetes.sh), cached by version
 * next to the etcd builds. 1.37.2 is what kubeadm 1.37 pairs with etcd 3.7; 1.34.4 (etcd 3.6) is the second
 * minor of the version matrix, built only on request.
 */
export const KUBERNETES_BUILDS = ['1.37.2', '1.34.4'] as const;
export const DEFAULT_KUBERNETES = '1.37.2';

/** The components built; kube-scheduler stays a stand-in (no Pod is ever bound: the sandbox has no kubelet). */
export const REAL_COMPONENTS = ['kube-apiserver', 'kube-controller-manager'] as const;

export interface KubernetesBinaries {
  version: string;
  dir: string;
}

export function kubernetesCacheDir(): string {
  return join(dirname(etcdCacheDir()), 'kubernetes');
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The build of one version (like 1.37.2), or why it is missing (for `up`'s warning and a skipped test's title). */
export function findKubernetes(
  version: string = DEFAULT_KUBERNETES,
): KubernetesBinaries | { missing: string } {
  const dir = join(kubernetesCacheDir(), version);
  const absent = REAL_COMPONENTS.filter((c) => !executable(join(dir, c)));
  if (absent.length) {
    return {
      missing: `Kubernetes ${version} not built (${absent.join(', ')}): run scripts/install-kubernetes.sh ${version}`,
    };
  }
  return { version, dir };
}
