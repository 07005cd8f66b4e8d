import * as core from '@actions/core';
import { nameOn, useSurface } from './naming';
import type { Option } from './option';
import type { OptionValues } from './values';

/** Masks the whole value and each of its lines, so no line of a multi-line key leaks into the log. */
export function maskSecret(value: string): void {
  core.setSecret(value);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed !== '' && trimmed !== value) core.setSecret(trimmed);
  }
}

/**
 * A secret (key, passphrase, password, identity) is masked before anything else can print it. Passwords keep
 * their whitespace; only a trailing newline (as secrets pasted from files often have) is dropped.
 */
function secretText(input: string, keepWhitespace: boolean): string | undefined {
  const raw = core.getInput(input, { trimWhitespace: false });
  if (raw.trim() === '') return undefined;
  maskSecret(raw);
  const value = keepWhitespace ? raw.replace(/\r?\n$/, '') : raw.trim();
  if (value !== raw) maskSecret(value);
  return value;
}

function inputTexts(option: Option<unknown>): string[] {
  if (!option.input) return [];
  if (option.secret) {
    const text = secretText(option.input, option.keepWhitespace ?? false);
    return text === undefined ? [] : [text];
  }
  const text = core.getInput(option.input);
  if (text === '') return [];
  // A list comes one per line or separated by commas; blank entries and `#` comments are dropped.
  if (option.kind === 'list' && !option.fileOnCli) {
    return text
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '' && !item.startsWith('#'));
  }
  return [text];
}

/** The running action's inputs (INPUT_* as the runner sets them) as OptionValues. */
export function actionInputs(): OptionValues {
  useSurface('action');
  return {
    surface: 'action',
    texts: inputTexts,
    nameOf: (option) => nameOn(option, 'action'),
  };
}
