/**
 * A value as an error message quotes it: on one line, control and invisible characters escaped, and cut short,
 * so a hostile or huge input cannot break the one-line error or flood the log.
 */
export function shown(value: string, max = 60): string {
  const escaped = JSON.stringify(value.length > max ? value.slice(0, max) : value)
    .slice(1, -1)
    .replace(
      /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/'/g, "\\'");
  return value.length > max ? `'${escaped}…' (${value.length} characters)` : `'${escaped}'`;
}

/**
 * An error message made fit for one log line: line breaks become spaces and any single token longer than
 * `maxToken` (an oversized input quoted back, say) is cut, keeping the rest of the message and its hint.
 */
export function oneLine(message: string, maxToken = 120): string {
  return message
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(
      new RegExp(`\\S{${maxToken + 1},}`, 'g'),
      (token) => `${token.slice(0, 60)}…(${token.length} characters)`,
    );
}
