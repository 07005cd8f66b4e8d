import { type EtcdClient, prefixRangeEnd } from '../etcd/client';
import { connectThroughNode } from '../node/members';
import { classifyKey, REGISTRY_PREFIX } from '../snapshot/kubernetes';
import type { SwapContext } from './swap-context';

/** An object whose namespace does not exist: nothing lists it by namespace, and nothing will clean it up. */
export interface LeftoverObject {
  resource: string;
  namespace: string;
  name: string;
}

const SHOWN = 10;

/**
 * The last step, once the controllers run again: objects stored in namespaces that no longer exist. A
 * controller that acted on its cache of the old data writes them (measured: a ConfigMap created in a
 * namespace the restore had removed, still there minutes later); the snapshot itself can hold some too. Read
 * from etcd's keys only, at one revision, so no value is decoded.
 */
export async function findLeftovers(context: SwapContext): Promise<LeftoverObject[]> {
  const first = context.plan.members[0]!;
  const connection = await connectThroughNode(await context.links[0]!.live(), first.clientUrl, first.tls);
  const leftovers: LeftoverObject[] = [];
  try {
    // Two passes at one revision: the namespaces first, so only the leftovers are kept of the second.
    const namespaces = new Set<string>();
    const revision = await eachKey(connection.client, `${REGISTRY_PREFIX}/namespaces/`, undefined, (key) => {
      if (key.resource === 'namespaces' && key.namespace === undefined) namespaces.add(key.name);
    });
    await eachKey(connection.client, `${REGISTRY_PREFIX}/`, revision, (key) => {
      if (key.namespace !== undefined && !namespaces.has(key.namespace))
        leftovers.push({ resource: key.resource, namespace: key.namespace, name: key.name });
    });
  } finally {
    await connection.close();
  }
  if (leftovers.length > 0) {
    const shown = leftovers.slice(0, SHOWN).map((o) => `${o.resource} ${o.namespace}/${o.name}`);
    context.log.warn(
      `${leftovers.length} object(s) in namespaces that no longer exist: ${shown.join(', ')}${leftovers.length > SHOWN ? ', …' : ''}; nothing deletes them: remove them through etcd, or create the namespace and delete it`,
    );
  }
  return leftovers;
}

/** Every Kubernetes object key under `prefix`, keys only, at one revision (the first page's, unless given). */
async function eachKey(
  client: EtcdClient,
  prefix: string,
  atRevision: bigint | undefined,
  each: (key: { resource: string; namespace?: string | undefined; name: string }) => void,
): Promise<bigint | undefined> {
  const start = Buffer.from(prefix);
  let revision = atRevision;
  const pages = client.scanKeys(start, {
    rangeEnd: prefixRangeEnd(start),
    pageSize: 5000,
    ...(atRevision ? { revision: atRevision } : {}),
  });
  for await (const page of pages) {
    revision = page.revision;
    for (const { key: bytes } of page.kvs) {
      const key = classifyKey(bytes.toString('utf8'));
      if (key?.name) each({ resource: key.resource, namespace: key.namespace, name: key.name });
    }
  }
  return revision;
}
