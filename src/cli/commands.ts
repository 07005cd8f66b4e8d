import type { Command } from './command';
import { inspect } from './commands/inspect';

// One line per verb; each verb lives in src/cli/commands/<verb>.ts.
export const commands: Record<string, Command> = {
  inspect,
};
