import { checkClusterName } from '../backup/backup';
import { oneOf, switchOption, textOption } from './option';

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
