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
    arg: 'grpc|etcdctl|auto',
    help: "auto (default) takes etcdctl when the node has etcdctl and zstd and the member is the\nnode's own (about 5x fewer bytes cross the link), else grpc; grpc streams over an SSH tunnel,\nneeding nothing on the node; etcdctl runs the runbook on the node and packs the snapshot\nthere (--node-compression)",
    parse: oneOf(['grpc', 'etcdctl', 'auto'] as const),
  }),
  nodeCompression: textOption('nodeCompression', {
    flag: 'node-compression',
    input: 'node_compression',
    arg: 'auto|zstd|gzip|none',
    help: 'when etcdctl takes the snapshot (--method etcdctl, or auto choosing it): how it is packed on\nthe node before it crosses the link (auto: zstd when the node has it; the runner unpacks it as\nit verifies)',
    parse: oneOf(['auto', 'zstd', 'gzip', 'none'] as const),
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
    input: 'control_plane_hosts',
    arg: 'H[:P]',
    help: 'also keep the control-plane files of this other control-plane node (repeatable), so every\nnode can be rebuilt from this one backup; same user and key; host keys pinned by --known-hosts,\nor one --fingerprint per node in order (--host first)',
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
