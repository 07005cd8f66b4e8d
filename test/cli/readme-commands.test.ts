import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = [
  'README.md',
  'sandbox/README.md',
  'DEVELOPERS.md',
  'CONTRIBUTING.md',
  'docs/workflows/README.md',
];

describe("the docs' commands", () => {
  it('run npm scripts with -s, so npm prints no banner into their output', () => {
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      expect(text.match(/npm run (?!-s )[\w:-]+ --/g) ?? [], doc).toEqual([]);
    }
  });

  it('get pure JSON from npm run -s sandbox -- status --json', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'sandbox', '--', 'status', '--json'], { cwd: ROOT });
    expect(() => JSON.parse(stdout)).not.toThrow();
  });

  it('install with npm ci, which never rewrites the lock file', () => {
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      expect(text.match(/^\s*npm install(?! -g)/gm) ?? [], doc).toEqual([]);
    }
    for (const script of [
      'scripts/setup.sh',
      '.github/workflows/check-dist.yml',
      '.github/workflows/ci.yml',
    ]) {
      const text = readFileSync(join(ROOT, script), 'utf8');
      expect(text.match(/\bnpm install\b/g) ?? [], script).toEqual([]);
    }
  });
});
