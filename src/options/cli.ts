import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../errors';
import { type CommandExit, exitCodesHelp } from '../exit-codes';
import { nameOn } from './naming';
import type { Option } from './option';
import type { OptionValues } from './values';

/** A group of options in a command's help, under a title (or none), with an optional note after it. */
export interface HelpSection {
  title?: string;
  options: readonly Option<unknown>[];
  note?: string;
}

/** A CLI verb's whole interface: its parser and its help come from this, so they cannot drift apart. */
export interface CliCommandSpec {
  name: string;
  /** What follows `usage: etcd-backup <name> `, one entry per usage line. */
  usage: readonly string[];
  about: string;
  sections: readonly HelpSection[];
  /** How many positional arguments it takes (0 when none). */
  positionals: number;
  /** The exit codes it can return (from the one table in src/exit-codes.ts), listed at the end of its help. */
  exitCodes: readonly CommandExit[];
}

const COLUMN = 24;

function optionLabel(option: Option<unknown>): string {
  if (!option.flag) return `$${option.env ?? ''}`;
  if (option.kind === 'switch') return option.defaultOn ? `--no-${option.flag}` : `--${option.flag}`;
  return `--${option.flag} ${option.arg ?? 'V'}`;
}

function helpLine(option: Option<unknown>): string {
  const label = `  ${optionLabel(option)}`;
  const help = option.flag && option.env ? `${option.help} (or ${option.env})` : option.help;
  const [first = '', ...rest] = help.split('\n');
  const lines =
    label.length + 2 <= COLUMN
      ? [`${label.padEnd(COLUMN)}${first}`]
      : [label, `${' '.repeat(COLUMN)}${first}`];
  return [...lines, ...rest.map((l) => `${' '.repeat(COLUMN)}${l}`)].join('\n');
}

export function helpText(spec: CliCommandSpec): string {
  // A usage line that starts with spaces continues the one before it.
  const indent = ' '.repeat(`usage: etcd-backup ${spec.name} `.length);
  const usage = spec.usage.map((line, i) =>
    line.startsWith(' ')
      ? `${indent}${line.trim()}`
      : `${i === 0 ? 'usage:' : '      '} etcd-backup ${spec.name} ${line}`,
  );
  const sections = spec.sections.map((section) =>
    [
      ...(section.title ? [section.title] : []),
      ...section.options.map(helpLine),
      ...(section.note ? section.note.split('\n').map((l) => `  ${l}`) : []),
    ].join('\n'),
  );
  return [
    usage.join('\n'),
    '',
    spec.about,
    '',
    sections.join('\n\n'),
    '',
    '  -h, --help            this help',
    '',
    exitCodesHelp(spec.exitCodes),
  ].join('\n');
}

function cliOptions(spec: CliCommandSpec): Map<string, Option<unknown>> {
  const byFlag = new Map<string, Option<unknown>>();
  for (const section of spec.sections)
    for (const option of section.options) if (option.flag) byFlag.set(option.flag, option);
  return byFlag;
}

function readOptionFile(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      name,
      `a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}: ${path})`,
    );
  }
}

export interface ParsedCommandLine {
  values: OptionValues;
  positionals: string[];
  help: boolean;
}

/** The command line (and the environment variables its options read) as OptionValues. */
export function parseCommandLine(
  argv: string[],
  spec: CliCommandSpec,
  env: NodeJS.ProcessEnv = process.env,
): ParsedCommandLine {
  const byFlag = cliOptions(spec);
  const config: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [flag, option] of byFlag) {
    config[flag] =
      option.kind === 'switch'
        ? { type: 'boolean' }
        : { type: 'string', ...(option.kind === 'list' ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: config,
      allowPositionals: spec.positionals > 0,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    throw new InputError('command line', commandLineProblem(error, spec), {
      hint: `etcd-backup ${spec.name} --help lists them`,
    });
  }
  if (parsed.positionals.length > spec.positionals) {
    throw new InputError(
      parsed.positionals[spec.positionals]!,
      spec.positionals === 0 ? 'no arguments, only options' : `at most ${spec.positionals} argument(s)`,
      { hint: `usage: etcd-backup ${spec.name} ${spec.usage[0]}` },
    );
  }
  const given = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const fromEnv = (option: Option<unknown>) => {
    const value = option.env ? env[option.env] : undefined;
    return value === undefined || value === '' ? undefined : value;
  };
  const values: OptionValues = {
    surface: 'cli',
    nameOf(option) {
      if (option.flag && given[option.flag] !== undefined)
        return given[option.flag] === false ? `--no-${option.flag}` : `--${option.flag}`;
      if (fromEnv(option) !== undefined) return option.env!;
      return nameOn(option, 'cli');
    },
    texts(option) {
      const raw = option.flag && byFlag.has(option.flag) ? given[option.flag] : undefined;
      const texts: string[] =
        raw === undefined ? [] : typeof raw === 'boolean' ? [String(raw)] : ([] as string[]).concat(raw);
      const name = `--${option.flag}`;
      const contents = option.fileOnCli ? texts.map((path) => readOptionFile(name, path)) : texts;
      const envText = fromEnv(option);
      if (envText !== undefined && (contents.length === 0 || option.kind === 'list')) contents.push(envText);
      return contents;
    },
  };
  return { values, positionals: parsed.positionals, help: given.help === true };
}

/** Node's parseArgs message, said in our words: which option, and what is wrong with it. */
function commandLineProblem(error: unknown, spec: CliCommandSpec): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `an option etcd-backup ${spec.name} knows (got '${unknown[1]}')`;
  const needsValue = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (needsValue) return `a value after ${needsValue[1]}`;
  const noValue = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) return `no value after ${noValue[1]} (it is a switch)`;
  return message;
}
