import { checkClusterName } from '../backup/backup';
import { listOption, oneOf, switchOption, textOption } from './option';
import { parseHostEntry } from './ssh';

/** What backup snapshots, and how. */
export const BACKUP = {
  member: textOption('member', {
    flag: 'member',
    input: 'member',
    arg: 'NAME',
    help: "snapshot this member (default: the node's own)",
  }),
  method: textOption('method', {
    flag: 'method',
    input: 'method',
    arg: 'grpc|etcdctl',
    help: 'grpc (default) streams over an SSH tunnel; etcdctl runs the runbook on the node',
    parse: oneOf(['grpc', 'etcdctl'] as const),
  }),
  force: switchOption('force', {
    flag: 'force',
    input: 'force',
    help: 'snapshot even with no quorum, no leader or an active alarm',
  }),
  controlPlaneFiles: switchOption('controlPlaneFiles', {
    flag: 'control-plane-files',
    input: 'control_plane_files',
    defaultOn: true,
    help: "leave out the node's PKI, static pod manifests, kubelet config and kubeconfigs (kept by\ndefault, sealed with the snapshot; a node rebuild needs them; they hold private keys, so\nplaintext backups refuse them)",
  }),
  filesFrom: listOption('filesFrom', {
    flag: 'files-from',
    arg: 'H[:P]',
    help: 'also keep the control-plane files of this other control-plane node (repeatable), so every\nnode can be rebuilt from this one backup; same user, key and host key pins',
    parse: parseHostEntry,
  }),
  cluster: textOption('clusterName', {
    flag: 'cluster',
    input: 'cluster',
    arg: 'NAME',
    help: 'names the backup: <cluster>-<UTC time>-r<revision> (default: kubernetes)',
    parse: (text, name) => {
      checkClusterName(text, name);
      return text;
    },
  }),
};
