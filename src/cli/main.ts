import { describeError } from '../errors';
import { useSurface } from '../options/naming';
import { oneLine } from '../util/shown';
import { VERSION } from '../version';
import { commands } from './commands';

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return [
    'usage: etcd-backup <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'etcd-backup <command> --help for its options; etcd-backup --version',
  ].join('\n');
}

/** Runs one CLI invocation and returns the exit code. Errors are printed as one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  useSurface('cli');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    console.log(`etcd-backup ${VERSION}`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    console.error(`etcd-backup: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await entry.load()).run(rest);
  } catch (error) {
    console.error(`etcd-backup ${name}: ${oneLine(describeError(error))}`);
    if (process.env.ETCD_BACKUP_DEBUG && error instanceof Error) console.error(error.stack);
    return typeof (error as { exitCode?: unknown }).exitCode === 'number'
      ? (error as { exitCode: number }).exitCode
      : 1;
  }
}
