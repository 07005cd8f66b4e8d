import type { Command } from './command';

// One line per verb; each verb lives in src/cli/commands/<verb>.ts.
export const commands: Record<string, Command> = {};
