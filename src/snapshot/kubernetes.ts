import { forEachField } from './protobuf';

export const REGISTRY_PREFIX = '/registry';

/** Key prefixes kube-apiserver uses instead of the resource name (SpecialDefaultResourcePrefixes), reversed. */
const PREFIX_TO_RESOURCE = new Map([
  ['controllers', 'replicationcontrollers'],
  ['services/endpoints', 'endpoints'],
  ['minions', 'nodes'],
  ['services/specs', 'services'],
  ['ingress', 'ingresses'],
  ['podsecuritypolicy', 'podsecuritypolicies'],
]);

/** The resource a key's type part stands for: its own name but for a few legacy storage prefixes. */
export function resourceName(keyPart: string): string {
  return PREFIX_TO_RESOURCE.get(keyPart) ?? keyPart;
}

export interface KubernetesKey {
  /** Resource type: `pods`, `deployments`, or `<group>/<plural>` for CRDs, custom resources, APIServices. */
  resource: string;
  /** Undefined for cluster-scoped objects. */
  namespace: string | undefined;
  name: string | undefined;
}

/**
 * Reads a key under the registry prefix the way kube-apiserver builds it: `<prefix>/<resource>/[<ns>/]<name>`,
 * where resource is one segment, `services/<x>`, or `<group.with.dots>/<plural>`. Returns undefined for keys
 * outside the prefix; keys of another shape get `name` undefined.
 */
export function classifyKey(key: string, prefix = REGISTRY_PREFIX): KubernetesKey | undefined {
  if (!key.startsWith(`${prefix}/`)) return undefined;
  const parts = key.slice(prefix.length + 1).split('/');
  let resource: string;
  let rest: string[];
  if ((parts[0]!.includes('.') || parts[0] === 'services') && parts.length >= 2) {
    resource = `${parts[0]}/${parts[1]}`;
    rest = parts.slice(2);
  } else {
    resource = parts[0]!;
    rest = parts.slice(1);
  }
  resource = resourceName(resource);
  if (rest.length === 1) return { resource, namespace: undefined, name: rest[0] };
  if (rest.length === 2) return { resource, namespace: rest[0], name: rest[1] };
  return { resource, namespace: undefined, name: undefined };
}

export type ValueEncoding = 'protobuf' | 'json' | 'cbor' | 'encrypted' | 'other';

export interface KubernetesValue {
  encoding: ValueEncoding;
  apiVersion: string | undefined;
  kind: string | undefined;
  /** For encrypted values: the provider, e.g. `aescbc`, `aesgcm`, `secretbox`, `kms`. */
  provider: string | undefined;
}

const PROTOBUF_MAGIC = Buffer.from('k8s\0', 'latin1');
const ENCRYPTED_PREFIX = Buffer.from('k8s:enc:', 'latin1');
const CBOR_MAGIC = Buffer.from([0xd9, 0xd9, 0xf7]);
const JSON_PEEK_BYTES = 4096;
const JSON_PARSE_LIMIT = 256 << 10;

/** Tells how a stored object is encoded and, where readable without decrypting, its apiVersion and kind. */
export function readKubernetesValue(value: Buffer): KubernetesValue {
  const result: KubernetesValue = {
    encoding: 'other',
    apiVersion: undefined,
    kind: undefined,
    provider: undefined,
  };
  if (startsWith(value, ENCRYPTED_PREFIX)) {
    result.encoding = 'encrypted';
    const rest = value.subarray(ENCRYPTED_PREFIX.length, ENCRYPTED_PREFIX.length + 32).toString('latin1');
    const provider = rest.split(':')[0];
    result.provider = provider && /^[a-z0-9]+$/.test(provider) ? provider : 'unknown';
    return result;
  }
  if (startsWith(value, PROTOBUF_MAGIC)) {
    result.encoding = 'protobuf';
    forEachField(value.subarray(PROTOBUF_MAGIC.length), (f) => {
      if (f.field !== 1 || f.wireType !== 2) return true;
      forEachField(f.bytes!, (t) => {
        if (t.wireType !== 2) return true;
        if (t.field === 1) result.apiVersion = t.bytes!.toString('utf8');
        else if (t.field === 2) result.kind = t.bytes!.toString('utf8');
        return true;
      });
      return false;
    });
    return result;
  }
  if (startsWith(value, CBOR_MAGIC)) {
    result.encoding = 'cbor';
    return result;
  }
  if (value.length > 0 && value[0] === 0x7b) {
    result.encoding = 'json';
    if (value.length <= JSON_PARSE_LIMIT) {
      try {
        const parsed = JSON.parse(value.toString('utf8')) as { apiVersion?: unknown; kind?: unknown };
        if (typeof parsed.apiVersion === 'string') result.apiVersion = parsed.apiVersion;
        if (typeof parsed.kind === 'string') result.kind = parsed.kind;
        return result;
      } catch {
        result.encoding = 'other';
        return result;
      }
    }
    // Both fields normally sit near the top; a scan of the head avoids parsing a very large object.
    const head = value.subarray(0, JSON_PEEK_BYTES).toString('utf8');
    result.apiVersion = /"apiVersion"\s*:\s*"([^"]*)"/.exec(head)?.[1];
    result.kind = /"kind"\s*:\s*"([^"]*)"/.exec(head)?.[1];
    return result;
  }
  return result;
}

function startsWith(value: Buffer, prefix: Buffer): boolean {
  return value.length >= prefix.length && value.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
