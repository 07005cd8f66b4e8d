import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../errors';

export interface Command {
  /** Returns the process exit code; throws EtcdBackupError for failures the user can act on. */
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with errors turned into one-line InputErrors that name the option. */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError('command line', `known options (${message.split('\n')[0]})`);
  }
}
