import { InputError } from '../errors';
import { shown } from '../util/shown';
import { type OptionNames, registerOptionNames } from './naming';

/**
 * One option, defined once: its CLI flag, action input and environment variable, its help, and how a value
 * is checked. The CLI's parser and help, the actions' input reading and every error naming it come from here.
 */
export interface Option<T> extends OptionNames {
  readonly id: string;
  /** text: one value; list: repeatable flag / one per line in an action; switch: a flag / 'true'|'false'. */
  readonly kind: 'text' | 'list' | 'switch';
  /** The value's placeholder in help: FILE, N, D… */
  readonly arg?: string;
  readonly help: string;
  /** Masked in action logs; on the CLI it comes from its environment variable or a file, never argv. */
  readonly secret?: boolean;
  /** A password: whitespace is kept, only a trailing newline dropped. */
  readonly keepWhitespace?: boolean;
  /** The CLI names a file holding the text (`--key FILE`); an action gives the text itself (`key:`). */
  readonly fileOnCli?: boolean;
  /** A switch that is on unless turned off: the CLI says `--no-<flag>`, the action `<input>: false`. */
  readonly defaultOn?: boolean;
  /** Checks one value and converts it; `name` is the option as the user gave it. */
  parse(text: string, name: string): T;
}

type Spec<T> = Omit<Option<T>, 'id' | 'kind' | 'parse'> & { parse?: (text: string, name: string) => T };

const defined: Option<unknown>[] = [];

/** Every option defined so far (all of them once src/options and the CLI's verbs are loaded). */
export function definedOptions(): readonly Option<unknown>[] {
  return defined;
}

function define<T>(id: string, kind: Option<T>['kind'], spec: Spec<T>): Option<T> {
  registerOptionNames(id, spec);
  const parse = spec.parse ?? ((text: string) => text as unknown as T);
  const option = { ...spec, id, kind, parse };
  defined.push(option as Option<unknown>);
  return option;
}

/** An option with one value. */
export function textOption<T = string>(id: string, spec: Spec<T>): Option<T> {
  return define(id, 'text', spec);
}

/** A repeatable option (CLI) / one value per line or comma (action). */
export function listOption<T = string>(id: string, spec: Spec<T>): Option<T> {
  return define(id, 'list', spec);
}

/** A yes/no option: a bare flag on the CLI, 'true' or 'false' in an action. */
export function switchOption(id: string, spec: Omit<Spec<boolean>, 'parse' | 'arg'>): Option<boolean> {
  return define(id, 'switch', { ...spec, parse: parseBoolean });
}

export function parseBoolean(text: string, name: string): boolean {
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  throw new InputError(name, `'true' or 'false' (got ${shown(text)})`);
}

// Parsers shared by many options; each names the option as the user gave it.

export function oneOf<const C extends readonly string[]>(choices: C) {
  return (text: string, name: string): C[number] => {
    if ((choices as readonly string[]).includes(text)) return text as C[number];
    throw new InputError(name, `${choices.map((c) => `'${c}'`).join(' or ')} (got ${shown(text)})`);
  };
}

export function wholeNumber(min: number, max: number, what: string) {
  return (text: string, name: string): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max)
      throw new InputError(name, `${what} from ${min} to ${max} (got ${shown(text)})`);
    return n;
  };
}

export const port = wholeNumber(1, 65535, 'a port number');
