// The demo's view of the cluster through the real kube-apiserver (when the sandbox runs it): what a namespace
// holds, read the way kubectl would, over HTTPS with the node's admin credentials.
import type { KubeApi } from '../sandbox/kube-api';
import { paths, until } from '../sandbox/seed-api';

const RESOURCES = [
  ['deployments', (ns: string) => paths.apps(ns, 'deployments')],
  ['replicasets', (ns: string) => paths.apps(ns, 'replicasets')],
  ['pods', (ns: string) => paths.core(ns, 'pods')],
  ['services', (ns: string) => paths.core(ns, 'services')],
  ['configmaps', (ns: string) => paths.core(ns, 'configmaps')],
  ['secrets', (ns: string) => paths.core(ns, 'secrets')],
  ['serviceaccounts', (ns: string) => paths.core(ns, 'serviceaccounts')],
  ['roles', (ns: string) => paths.rbac(ns, 'roles')],
  ['widgets.example.com', paths.widgets],
] as const;

/** The namespace's objects by resource, names sorted; an empty map when the namespace is gone. */
export async function namespaceObjects(api: KubeApi, ns: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (!(await api.find(`${paths.namespaces}/${ns}`))) return found;
  for (const [resource, path] of RESOURCES) {
    const names = (await api.list(path(ns))).items.map((i) => i.metadata.name).sort();
    if (names.length) found.set(resource, names);
  }
  return found;
}

export function printObjects(ns: string, objects: Map<string, string[]>): void {
  if (objects.size === 0) {
    console.log(`  namespace ${ns}: not found`);
    return;
  }
  console.log(`  namespace ${ns}:`);
  for (const [resource, names] of objects) console.log(`    ${resource.padEnd(20)} ${names.join(' ')}`);
}

/** Deletes the namespace through the API and waits until the namespace controller has removed everything. */
export async function deleteNamespace(api: KubeApi, ns: string): Promise<void> {
  await api.delete(`${paths.namespaces}/${ns}`);
  await until(
    `namespace ${ns} to be gone`,
    async () => ((await api.find(`${paths.namespaces}/${ns}`)) ? undefined : true),
    120_000,
  );
}

/** The resources whose names are the same before and after (Pods may be replaced by their ReplicaSets). */
export function sameObjects(before: Map<string, string[]>, after: Map<string, string[]>): boolean {
  for (const [resource, names] of before) {
    if (resource === 'pods') continue;
    if (JSON.stringify(after.get(resource) ?? []) !== JSON.stringify(names)) return false;
  }
  return true;
}
