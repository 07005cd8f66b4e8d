import * as core from '@actions/core';
import { InputError } from '../errors';
import { parseDuration } from '../util/duration';
import { shown } from '../util/shown';

export { shown };

/**
 * Reading action inputs: every value is checked here, and every failure names the input (as it is spelt in
 * action.yml) and what was expected, in one line. Secrets are masked the moment they are read.
 */

/** The trimmed value, or undefined when the input is empty or absent. */
export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/** Masks the whole value and each of its lines, so no line of a multi-line key leaks into the log. */
export function maskSecret(value: string): void {
  core.setSecret(value);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed !== '' && trimmed !== value) core.setSecret(trimmed);
  }
}

/**
 * A secret (key, passphrase, password, identity): masked before anything else can print it. Passwords
 * keep their whitespace; only a trailing newline (as secrets pasted from files often have) is dropped.
 */
export function secretInput(name: string, options: { keepWhitespace?: boolean } = {}): string | undefined {
  const raw = core.getInput(name, { trimWhitespace: false });
  if (raw.trim() === '') return undefined;
  maskSecret(raw);
  const value = options.keepWhitespace ? raw.replace(/\r?\n$/, '') : raw.trim();
  if (value !== raw) maskSecret(value);
  return value;
}

/** A list given one per line or separated by commas; blank entries and `#` comments are dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new InputError(name, `'true' or 'false' (got ${shown(value)})`);
}

export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(name, `${choices.map((c) => `'${c}'`).join(' or ')} (got ${shown(value)})`);
}

export function integerInput(
  name: string,
  range: { min: number; max: number; what: string },
): number | undefined {
  const value = optionalInput(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range.min || n > range.max) {
    throw new InputError(name, `${range.what} from ${range.min} to ${range.max} (got ${shown(value)})`);
  }
  return n;
}

export function portInput(name: string, fallback: number): number {
  return integerInput(name, { min: 1, max: 65535, what: 'a port number' }) ?? fallback;
}

/** `30s`, `10m`, `2h`, `30d`, `2w`; returns milliseconds. */
export function durationInput(name: string): number | undefined {
  const value = optionalInput(name);
  return value === undefined ? undefined : parseDuration(value, name);
}
