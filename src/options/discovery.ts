import type { DiscoveryOverrides } from '../controlplane';
import { validateOverrides } from '../controlplane/discover';
import type { Option } from './option';
import { textOption } from './option';
import { type OptionValues, read } from './values';

type OverrideKey = keyof DiscoveryOverrides;

/** Each fact discovery finds on the node can be given instead; paths are on the node. */
export const DISCOVERY: Record<OverrideKey, Option<string>> = {
  kubeletConfigPath: textOption('kubeletConfigPath', {
    flag: 'kubelet-config',
    arg: 'PATH',
    help: "the kubelet's config file (default: from the kubelet's flags)",
  }),
  staticPodPath: textOption('staticPodPath', {
    flag: 'static-pod-path',
    arg: 'DIR',
    help: 'the static pod folder (default: staticPodPath in the kubelet config)',
  }),
  etcdManifestPath: textOption('etcdManifestPath', {
    flag: 'etcd-manifest',
    arg: 'PATH',
    help: "etcd's static pod manifest (default: the one running etcd)",
  }),
  clientUrl: textOption('clientUrl', {
    flag: 'etcd-endpoint',
    input: 'etcd_endpoint',
    arg: 'URL',
    help: "etcd's client URL, e.g. https://127.0.0.1:2379",
  }),
  caFile: textOption('caFile', {
    flag: 'etcd-ca-file',
    input: 'etcd_ca_file',
    arg: 'PATH',
    help: "etcd's CA",
  }),
  certFile: textOption('certFile', {
    flag: 'etcd-cert-file',
    input: 'etcd_cert_file',
    arg: 'PATH',
    help: 'client certificate for etcd',
  }),
  keyFile: textOption('keyFile', {
    flag: 'etcd-key-file',
    input: 'etcd_key_file',
    arg: 'PATH',
    help: "that certificate's key",
  }),
  dataDir: textOption('dataDir', { flag: 'etcd-data-dir', arg: 'PATH', help: "etcd's data dir" }),
  memberName: textOption('memberName', { flag: 'etcd-member-name', arg: 'NAME', help: "etcd's member name" }),
};

/** The overrides given, checked before connecting and named as the user gave them. */
export function discoveryFrom(values: OptionValues): DiscoveryOverrides {
  const overrides: DiscoveryOverrides = {};
  for (const [key, option] of Object.entries(DISCOVERY) as Array<[OverrideKey, Option<string>]>) {
    const value = read(values, option);
    if (value !== undefined && value !== '') overrides[key] = value;
  }
  validateOverrides(overrides, (key) => values.nameOf(DISCOVERY[key]));
  return overrides;
}
