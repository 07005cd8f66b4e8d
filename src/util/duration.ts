import { InputError } from '../errors';
import { shown } from './shown';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `30d`, `12h`, `2w`… */
export function parseDuration(text: string, input = 'max-age'): number {
  const match = /^(\d+)([smhdw])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0)
    throw new InputError(input, `a duration like 30d, 12h or 2w (got ${shown(text)})`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
