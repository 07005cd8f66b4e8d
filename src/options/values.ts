import type { Surface } from './naming';
import type { Option } from './option';

/**
 * The options a user gave, on either surface. Readers (SSH, store, encryption…) take this and work the same
 * for the CLI and the actions; only where the texts come from differs.
 */
export interface OptionValues {
  readonly surface: Surface;
  /** The texts given: none, one for a text option, any number for a list (file contents for fileOnCli). */
  texts(option: Option<unknown>): string[];
  /** The option as the user gave it (flag, environment variable or input), for error messages. */
  nameOf(option: Option<unknown>): string;
}

/** The checked value of a one-value option, or undefined when it was not given. */
export function read<T>(values: OptionValues, option: Option<T>): T | undefined {
  const [text] = values.texts(option);
  return text === undefined ? undefined : option.parse(text, values.nameOf(option));
}

/** Every checked value of a list option ([] when none was given). */
export function readAll<T>(values: OptionValues, option: Option<T>): T[] {
  const name = values.nameOf(option);
  return values.texts(option).map((text) => option.parse(text, name));
}

export function isOn(values: OptionValues, option: Option<boolean>, fallback = false): boolean {
  return read(values, option) ?? fallback;
}

export function given(values: OptionValues, option: Option<unknown>): boolean {
  return values.texts(option).length > 0;
}

/** An option with a value, as the user would write it: `--store artifact` or `store: artifact`. */
export function written(values: OptionValues, option: Option<unknown>, value: string): string {
  if (values.surface === 'action') return `${option.input ?? values.nameOf(option)}: ${value}`;
  if (option.kind === 'switch') return value === 'false' ? `--no-${option.flag}` : `--${option.flag}`;
  return `${values.nameOf(option)} ${value}`;
}
