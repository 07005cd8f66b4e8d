import type { Command } from './command';

export interface CommandEntry {
  summary: string;
  /** Each verb's modules load only when it runs: `inspect` does not pay for ssh2, gRPC or the stores. */
  load(): Promise<Command>;
}

// One entry per verb; each verb lives in src/cli/commands/<verb>.ts.
export const commands: Record<string, CommandEntry> = {
  backup: {
    summary: 'snapshot a cluster over SSH, verify, encrypt and store it',
    load: async () => (await import('./commands/backup')).backup,
  },
  drill: {
    summary: 'prove a stored backup restores, in a throw-away etcd, without touching the cluster',
    load: async () => (await import('./commands/drill')).drill,
  },
  inspect: {
    summary: 'verify a snapshot file or a stored backup (in memory); status, Kubernetes inventory, diff',
    load: async () => (await import('./commands/inspect')).inspect,
  },
  keygen: {
    summary: 'make an age key pair: the identity file (0600) for restores, the recipient for backups',
    load: async () => (await import('./commands/keygen')).keygen,
  },
  list: {
    summary: 'list the backups in a store, newest first',
    load: async () => (await import('./commands/list')).list,
  },
  prune: {
    summary: 'delete old backups by keep-last and/or max age, never the newest good one',
    load: async () => (await import('./commands/prune')).prune,
  },
  restore: {
    summary: 'put a stored backup back into every etcd member of a control plane, with rollback',
    load: async () => (await import('./commands/restore')).restore,
  },
};
