import { backup as runBackup } from '../../backup/backup';
import { BACKUP_REFUSED, EXIT } from '../../exit-codes';
import type { BackupMetadata } from '../../format';
import {
  BACKUP,
  DISCOVERY,
  discoveryFrom,
  ENVELOPE,
  encryptionFrom,
  isOn,
  moreNodesFrom,
  read,
  readAll,
  retentionFrom,
  S3_WRITE,
  SSH,
  STORE,
  sshFrom,
  storeFrom,
  written,
} from '../../options';
import { prune } from '../../store/retention';
import { stderrLogger } from '../../util/log';
import { formatBytes } from '../../util/progress';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';

const OUTPUT_JSON = jsonOption("print the stored backup's metadata as JSON on stdout");

/** The backup's last line on stderr: what was checked and how it is sealed, in so many words. */
function storedSummary(metadata: BackupMetadata, location: string): string {
  const { etcd, envelope } = metadata;
  const encryption = envelope.encryption;
  const sealed =
    encryption.kind === 'age-recipients'
      ? `encrypted to ${encryption.recipients.length} age recipient${encryption.recipients.length === 1 ? '' : 's'}`
      : encryption.kind === 'age-passphrase'
        ? 'encrypted with the age passphrase'
        : 'NOT encrypted (as asked)';
  const keys = etcd.totalKey === undefined ? '' : `, total keys ${etcd.totalKey} as etcdutl counts them`;
  return `backup ${metadata.name}: verified (revision ${etcd.revision}${keys}, SHA-256 trailer and every page checked), ${sealed}${envelope.compression === 'zstd' ? ', zstd-compressed' : ''}, ${formatBytes(envelope.blob.size)} stored in ${location}`;
}

export const backup = defineCommand(
  {
    name: 'backup',
    usage: [
      '--host H --key FILE (--fingerprint SHA256:… | --known-hosts FILE) --store S',
      '  (--recipient age1… | ETCD_BACKUP_PASSPHRASE | --encryption none) [options]',
    ],
    about: `Snapshots the etcd of a kubeadm- or kind-style control plane over SSH, verifies it, encrypts it and stores it.
Nothing is needed on the node but sshd: etcd is found from the kubelet config and the static pod manifests.`,
    exitCodes: [
      EXIT.done,
      EXIT.failed,
      EXIT.badInput,
      EXIT.verificationFailed,
      BACKUP_REFUSED,
      EXIT.ssh,
      EXIT.discovery,
    ],
    positionals: 0,
    sections: [
      {
        title: 'SSH',
        options: [
          SSH.host,
          SSH.port,
          SSH.user,
          SSH.key,
          SSH.fingerprint,
          SSH.knownHosts,
          SSH.insecureIgnoreHostKey,
          SSH.jump,
          SSH.jumpKey,
          SSH.jumpFingerprint,
          SSH.jumpKnownHosts,
          SSH.connectTimeout,
          SSH.commandTimeout,
          SSH.passphrase,
          SSH.password,
          SSH.sudoPassword,
          SSH.jumpPassphrase,
          SSH.jumpPassword,
        ],
        note: 'a non-root user needs sudo',
      },
      {
        title: 'etcd on the node (each overrides discovery; paths are on the node)',
        options: Object.values(DISCOVERY),
      },
      { title: 'Snapshot', options: [BACKUP.member, BACKUP.method, BACKUP.nodeCompression, BACKUP.force] },
      { title: 'Control-plane files', options: [BACKUP.controlPlaneFiles, BACKUP.filesFrom] },
      {
        title: 'Store',
        options: [
          BACKUP.cluster,
          STORE.store,
          STORE.repository,
          STORE.githubToken,
          ...S3_WRITE,
          STORE.retentionDays,
          STORE.keepLast,
          STORE.maxAge,
        ],
        note: 'retention (--keep-last, --max-age) applies after the new backup is stored and verified',
      },
      {
        title: 'Encryption',
        options: [
          ENVELOPE.recipient,
          ENVELOPE.recipientsFile,
          ENVELOPE.passphrase,
          ENVELOPE.encryption,
          ENVELOPE.compression,
        ],
      },
      { title: 'Output', options: [OUTPUT_JSON] },
    ],
  },
  async ({ values }) => {
    const cluster = read(values, BACKUP.cluster) ?? 'kubernetes';
    const policy = retentionFrom(values);
    const encryption = encryptionFrom(values);
    const ssh = sshFrom(values);
    const etcd = discoveryFrom(values);
    const method = read(values, BACKUP.method);
    const nodeCompression = read(values, BACKUP.nodeCompression);
    const compression = read(values, ENVELOPE.compression) ?? 'zstd';
    const member = read(values, BACKUP.member);
    const store = storeFrom(values, { writes: true });
    const controlPlaneNodes = moreNodesFrom(values, readAll(values, BACKUP.filesFrom));
    const result = await runBackup({
      ssh,
      etcd,
      ...(member ? { member } : {}),
      ...(method ? { method } : {}),
      ...(nodeCompression ? { nodeCompression } : {}),
      cluster,
      force: isOn(values, BACKUP.force),
      store,
      encryption,
      compression,
      log: stderrLogger,
      controlPlaneFiles: isOn(values, BACKUP.controlPlaneFiles, true),
      controlPlaneNodes,
      inputNames: {
        noControlPlaneFiles: written(values, BACKUP.controlPlaneFiles, 'false'),
        encryption: values.nameOf(ENVELOPE.encryption),
      },
    });
    if (policy.keepLast !== undefined || policy.maxAgeMs !== undefined) {
      const pruned = await prune(store, policy, {
        verified: [result.metadata.name],
        onDelete: (b) => stderrLogger.info(`retention: deleted ${b.name}`),
        onLocked: (l) => stderrLogger.info(`retention: kept ${l.backup.name}: ${l.reason}`),
      });
      stderrLogger.info(`retention: kept ${pruned.keep.length}, deleted ${pruned.delete.length}`);
    }
    stderrLogger.info(storedSummary(result.metadata, result.location));
    if (isOn(values, OUTPUT_JSON)) console.log(JSON.stringify(result.metadata, null, 2));
    else console.log(result.metadata.name);
    return 0;
  },
);
