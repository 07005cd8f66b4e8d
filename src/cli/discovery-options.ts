import type { DiscoveryOverrides } from '../controlplane';
import { validateOverrides } from '../controlplane/discover';
import { OVERRIDE_INPUTS } from '../controlplane/errors';

type OverrideKey = keyof typeof OVERRIDE_INPUTS;

/** One CLI option per discovery override, spelled as discovery's hints spell them (e.g. --etcd-ca-file). */
export const discoveryOptionSpec = Object.fromEntries(
  Object.values(OVERRIDE_INPUTS).map((name) => [name, { type: 'string' as const }]),
) as Record<(typeof OVERRIDE_INPUTS)[OverrideKey], { type: 'string' }>;

export const DISCOVERY_HELP = `etcd on the node (each option overrides discovery; paths are on the node)
  --kubelet-config PATH, --static-pod-path DIR, --etcd-manifest PATH
  --etcd-endpoint URL, --etcd-ca-file PATH, --etcd-cert-file PATH, --etcd-key-file PATH
  --etcd-data-dir PATH, --etcd-member-name NAME`;

export function discoveryOverridesFrom(
  values: Partial<Record<string, string | boolean | string[]>>,
): DiscoveryOverrides {
  const overrides: DiscoveryOverrides = {};
  for (const [key, option] of Object.entries(OVERRIDE_INPUTS) as Array<[OverrideKey, string]>) {
    const value = values[option];
    if (typeof value === 'string' && value !== '') overrides[key] = value;
  }
  // Checked before connecting, and named as the user typed them.
  validateOverrides(overrides, (key) => `--${OVERRIDE_INPUTS[key]}`);
  return overrides;
}
