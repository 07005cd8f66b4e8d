import { readFileSync } from 'node:fs';
import { checkClusterName, backup as runBackup } from '../../backup/backup';
import { chooseEncryption } from '../../envelope/encryption';
import { InputError } from '../../errors';
import {
  RETENTION_OPTIONS,
  retentionPolicyFrom,
  STORE_HELP,
  STORE_OPTIONS,
  STORE_WRITE_HELP,
  STORE_WRITE_OPTIONS,
  storeFromOptions,
} from '../../store/cli-options';
import { prune } from '../../store/retention';
import { stderrLogger } from '../../util/log';
import { type Command, parseCommandArgs } from '../command';
import { DISCOVERY_HELP, discoveryOptionSpec, discoveryOverridesFrom } from '../discovery-options';
import { SSH_ENV, sshConnectOptions, sshOptionSpec } from '../ssh-options';

const HELP = `usage: etcd-backup backup --host H --key FILE (--fingerprint SHA256:… | --known-hosts FILE) --store S
                           (--recipient age1… | ETCD_BACKUP_PASSPHRASE | --encryption none) [options]

Snapshots the etcd of a kubeadm- or kind-style control plane over SSH, verifies it, encrypts it and stores it.
Nothing is needed on the node but sshd: etcd is found from the kubelet config and the static pod manifests.

SSH
  --host H, --port P (22), --user U (root)
  --key FILE            private key (passphrase in ${SSH_ENV.passphrase}; password login: ${SSH_ENV.password})
  --fingerprint FP      pin the host key (SHA256:…, as ssh-keygen -lf prints it); repeatable
  --known-hosts FILE    or pin it with known_hosts lines
  --insecure-ignore-host-key   accept any host key (throw-away test hosts only)
  --jump [U@]H[:P]      through a bastion (--jump-key, --jump-fingerprint, --jump-known-hosts)
  sudo: a non-root user needs sudo; its password, if it asks for one, in ${SSH_ENV.sudoPassword}
  --connect-timeout D (20s), --command-timeout D (30m)
${DISCOVERY_HELP}
  --member NAME         snapshot this member (default: the node's own)
  --method grpc|etcdctl grpc (default) streams over an SSH tunnel; etcdctl runs the runbook on the node
  --force               snapshot even with no quorum, no leader or an active alarm
  --no-control-plane-files   leave out the node's PKI, static pod manifests, kubelet config and kubeconfigs
                        (kept by default, sealed with the snapshot; a node rebuild needs them; they hold
                        private keys, so --encryption none refuses them)
  --files-from H[:P]    also keep the control-plane files of this other control-plane node (repeat for each), so
                        every node can be rebuilt from this one backup; same user, key and host key pins
Store
  --cluster NAME        names the backup: <cluster>-<UTC time>-r<revision> (default: kubernetes)
${STORE_HELP}
${STORE_WRITE_HELP}
  --recipient age1…     encrypt to this age public key; repeatable; or --recipients-file FILE
                        or a passphrase in ETCD_BACKUP_PASSPHRASE; or --encryption none (plaintext, on purpose)
  --compression zstd|none   zstd (the default) before encryption
  --keep-last N, --max-age D   retention, applied after the new backup is stored and verified
  --json                print the stored backup's metadata as JSON on stdout`;

function recipientsFrom(values: { recipient?: string[]; 'recipients-file'?: string }): string[] {
  const recipients = [...(values.recipient ?? [])];
  const file = values['recipients-file'];
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new InputError('--recipients-file', `a readable file of age recipients (${file})`);
    }
    for (const line of text.split('\n')) {
      const r = line.trim();
      if (r && !r.startsWith('#')) recipients.push(r);
    }
  }
  return recipients;
}

/** Another control-plane node, reached like the one the backup logs in to. */
function otherNode(values: Parameters<typeof sshConnectOptions>[0], spec: string) {
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(spec);
  if (!match) throw new InputError('--files-from', 'host or host:port');
  const host = match[1]!.replace(/^\[|\]$/g, '');
  return sshConnectOptions({ ...values, host, ...(match[2] ? { port: match[2] } : {}) });
}

export const backup: Command = {
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        ...sshOptionSpec,
        ...STORE_OPTIONS,
        ...STORE_WRITE_OPTIONS,
        ...discoveryOptionSpec,
        member: { type: 'string' },
        method: { type: 'string' },
        force: { type: 'boolean' },
        'no-control-plane-files': { type: 'boolean' },
        'files-from': { type: 'string', multiple: true },
        cluster: { type: 'string' },
        recipient: { type: 'string', multiple: true },
        'recipients-file': { type: 'string' },
        encryption: { type: 'string' },
        compression: { type: 'string' },
        ...RETENTION_OPTIONS,
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      false,
    );
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const method = values.method ?? 'grpc';
    if (method !== 'grpc' && method !== 'etcdctl') throw new InputError('--method', "'grpc' or 'etcdctl'");
    const encryptionMode = values.encryption;
    const compression = values.compression ?? 'zstd';
    if (compression !== 'zstd' && compression !== 'none')
      throw new InputError('--compression', "'zstd' (the default) or 'none'");
    if (encryptionMode !== undefined && encryptionMode !== 'age' && encryptionMode !== 'none') {
      throw new InputError('--encryption', "'age' (the default) or 'none'");
    }
    const cluster = values.cluster ?? 'kubernetes';
    checkClusterName(cluster, '--cluster');
    const policy = retentionPolicyFrom(values);

    const encryption = chooseEncryption({
      recipients: recipientsFrom(values),
      ...(process.env.ETCD_BACKUP_PASSPHRASE ? { passphrase: process.env.ETCD_BACKUP_PASSPHRASE } : {}),
      ...(encryptionMode ? { encryption: encryptionMode } : {}),
    });
    const store = storeFromOptions(values);
    const result = await runBackup({
      ssh: sshConnectOptions(values),
      etcd: discoveryOverridesFrom(values),
      ...(values.member ? { member: values.member } : {}),
      method,
      cluster,
      force: values.force ?? false,
      store,
      encryption,
      compression,
      log: stderrLogger,
      controlPlaneFiles: !values['no-control-plane-files'],
      controlPlaneNodes: (values['files-from'] ?? []).map((spec) => otherNode(values, spec)),
    });
    if (policy.keepLast !== undefined || policy.maxAgeMs !== undefined) {
      const pruned = await prune(store, policy, {
        verified: [result.metadata.name],
        onDelete: (b) => stderrLogger.info(`retention: deleted ${b.name}`),
        onLocked: (l) => stderrLogger.info(`retention: kept ${l.backup.name}: ${l.reason}`),
      });
      stderrLogger.info(`retention: kept ${pruned.keep.length}, deleted ${pruned.delete.length}`);
    }
    if (values.json) console.log(JSON.stringify(result.metadata, null, 2));
    else console.log(result.metadata.name);
    return 0;
  },
};
