import { EtcdBackupError } from '../errors';
import { EXIT } from '../exit-codes';

/** Discovery could not find or read something on the node; the hint names the input that bypasses it. */
export class DiscoveryError extends EtcdBackupError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(`discovery: ${message}`, { ...options, exitCode: EXIT.discovery });
  }
}

/**
 * The inputs that override each discovered fact, named once so every hint points at the same spelling.
 * The CLI option is `--<name>`; the action input is the same name with underscores (etcd_ca_file).
 */
export const OVERRIDE_INPUTS = {
  kubeletConfigPath: 'kubelet-config',
  staticPodPath: 'static-pod-path',
  etcdManifestPath: 'etcd-manifest',
  clientUrl: 'etcd-endpoint',
  caFile: 'etcd-ca-file',
  certFile: 'etcd-cert-file',
  keyFile: 'etcd-key-file',
  dataDir: 'etcd-data-dir',
  memberName: 'etcd-member-name',
} as const;
