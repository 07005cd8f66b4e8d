import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_MEANINGS } from '../../src/exit-codes';

/** The rows of the README's exit-code table: code → meaning. */
function readmeTable(): Record<string, string> {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  const start = lines.indexOf('| exit code | meaning |');
  expect(start, 'the README has an exit-code table').toBeGreaterThan(0);
  const rows: Record<string, string> = {};
  for (const line of lines.slice(start + 2)) {
    const match = /^\| (\d+) \| (.*) \|$/.exec(line);
    if (!match) break;
    rows[match[1]!] = match[2]!;
  }
  return rows;
}

describe('exit codes', () => {
  it("are the README's table, row for row", () => {
    const code = Object.fromEntries(Object.entries(EXIT_MEANINGS).map(([c, m]) => [c, m]));
    expect(readmeTable()).toEqual(code);
  });

  it('give SSH failures, discovery and bad input codes of their own', () => {
    const codes = [EXIT.ssh, EXIT.discovery, EXIT.badInput, EXIT.verificationFailed, EXIT.refused];
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(EXIT_MEANINGS).map(Number)).toEqual(Object.values(EXIT));
  });
});
