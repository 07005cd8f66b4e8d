import type { Command } from './command';
import { backup } from './commands/backup';
import { drill } from './commands/drill';
import { inspect } from './commands/inspect';
import { list } from './commands/list';
import { prune } from './commands/prune';
import { restore } from './commands/restore';

// One line per verb; each verb lives in src/cli/commands/<verb>.ts.
export const commands: Record<string, Command> = {
  backup,
  drill,
  inspect,
  list,
  prune,
  restore,
};
