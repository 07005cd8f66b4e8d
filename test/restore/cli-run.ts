import { etcdToolsFor } from '../support/etcd-tools';
import type { Context } from './sandbox-context';

/** The restore command for a sandbox's nodes and this backup, with the etcd 3.5 tools of this machine. */
export async function cliArgs(ctx: Context, name: string): Promise<string[]> {
  return [
    ...(await ctx.cliRestoreArgs()),
    '--etcd-tools',
    etcdToolsFor('3.5')!.etcd.replace(/\/etcd$/, ''),
    name,
  ];
}
