import { posix } from 'node:path';
import { DiscoveryError } from './errors';
import { containerArgv, programName } from './flags';
import { isRecord, parseYamlFile, stringList } from './yaml';

export interface VolumeMount {
  name: string;
  mountPath: string;
}

export interface Container {
  name: string;
  image: string | undefined;
  /** command followed by args, as the container starts. */
  argv: string[];
  env: Map<string, string>;
  volumeMounts: VolumeMount[];
}

export interface StaticPod {
  path: string;
  name: string | undefined;
  labels: Record<string, string>;
  containers: Container[];
  /** Volume name → host path, for hostPath volumes. */
  hostPaths: Map<string, string>;
}

export function parseStaticPod(text: string, path: string): StaticPod {
  const doc = parseYamlFile(text, path);
  if (!isRecord(doc) || (doc.kind !== undefined && doc.kind !== 'Pod')) {
    throw new DiscoveryError(`${path} is not a Pod manifest`);
  }
  const metadata = isRecord(doc.metadata) ? doc.metadata : {};
  const spec = isRecord(doc.spec) ? doc.spec : {};
  const labels: Record<string, string> = {};
  if (isRecord(metadata.labels)) {
    for (const [k, v] of Object.entries(metadata.labels)) labels[k] = String(v);
  }
  const containers: Container[] = (Array.isArray(spec.containers) ? spec.containers : [])
    .filter(isRecord)
    .map((c) => ({
      name: typeof c.name === 'string' ? c.name : '',
      image: typeof c.image === 'string' ? c.image : undefined,
      argv: containerArgv(stringList(c.command), stringList(c.args)),
      env: new Map(
        (Array.isArray(c.env) ? c.env : [])
          .filter(isRecord)
          .filter((e) => typeof e.name === 'string' && e.value !== undefined)
          .map((e) => [String(e.name), String(e.value)]),
      ),
      volumeMounts: (Array.isArray(c.volumeMounts) ? c.volumeMounts : [])
        .filter(isRecord)
        .filter((m) => typeof m.name === 'string' && typeof m.mountPath === 'string')
        .map((m) => ({ name: String(m.name), mountPath: String(m.mountPath) })),
    }));
  const hostPaths = new Map<string, string>();
  for (const volume of (Array.isArray(spec.volumes) ? spec.volumes : []).filter(isRecord)) {
    if (
      typeof volume.name === 'string' &&
      isRecord(volume.hostPath) &&
      typeof volume.hostPath.path === 'string'
    ) {
      hostPaths.set(volume.name, volume.hostPath.path);
    }
  }
  return {
    path,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    labels,
    containers,
    hostPaths,
  };
}

function componentContainer(pod: StaticPod, component: string): Container | undefined {
  return (
    pod.containers.find((c) => c.name === component) ??
    pod.containers.find((c) => programName(c.argv[0]) === component) ??
    (pod.labels.component === component ? pod.containers[0] : undefined)
  );
}

/** The etcd container, when this pod runs etcd (by container, program or component label; not by file name). */
export function etcdContainer(pod: StaticPod): Container | undefined {
  return componentContainer(pod, 'etcd');
}

export function apiServerContainer(pod: StaticPod): Container | undefined {
  return componentContainer(pod, 'kube-apiserver');
}

/**
 * Where a path inside the container lives on the host: through the hostPath volume mounted deepest above it.
 * undefined when no hostPath volume covers it (the file would exist only in the container image).
 */
export function hostPathOf(pod: StaticPod, container: Container, containerPath: string): string | undefined {
  const normalized = posix.normalize(containerPath);
  let best: { mount: VolumeMount; host: string } | undefined;
  for (const mount of container.volumeMounts) {
    const host = pod.hostPaths.get(mount.name);
    if (host === undefined) continue;
    const base = posix.normalize(mount.mountPath).replace(/\/+$/, '') || '/';
    const covers = normalized === base || normalized.startsWith(base === '/' ? '/' : `${base}/`);
    if (covers && (!best || base.length > best.mount.mountPath.length)) {
      best = { mount: { ...mount, mountPath: base }, host };
    }
  }
  if (!best) return undefined;
  const rest = normalized.slice(best.mount.mountPath.length).replace(/^\/+/, '');
  return rest ? posix.join(best.host, rest) : posix.normalize(best.host);
}

/** `registry.k8s.io/etcd:3.5.21-0` → `3.5.21`; digests and registry ports are ignored. */
export function versionFromImage(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const tagAt = withoutDigest.indexOf(':', lastSlash + 1);
  if (tagAt < 0) return undefined;
  const match = /^v?(\d+\.\d+\.\d+)/.exec(withoutDigest.slice(tagAt + 1));
  return match?.[1];
}
