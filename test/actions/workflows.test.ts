import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './runner';

const ACTIONLINT = join(
  process.env.ETCD_BACKUP_CACHE ?? join(homedir(), '.cache/etcd-backup-action'),
  'bin/actionlint',
);
const missing = existsSync(ACTIONLINT)
  ? undefined
  : `actionlint is not built (scripts/install-actionlint.sh builds it from its Go module into ${ACTIONLINT})`;

const WORKFLOWS = [
  '.github/workflows/e2e-kind.yml',
  ...readdirSync(join(ROOT, 'docs/workflows'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `docs/workflows/${f}`),
];
const ACTIONS = ['action.yml', 'restore/action.yml', 'drill/action.yml'];

interface Finding {
  message: string;
  filepath: string;
  line: number;
  kind: string;
}

function actionlint(args: string[], cwd = ROOT): Finding[] {
  const result = spawnSync(ACTIONLINT, ['-format', '{{json .}}', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`actionlint failed: ${result.stderr}`);
  return JSON.parse(result.stdout || '[]') as Finding[];
}

describe.skipIf(missing !== undefined)(
  `workflows under actionlint${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('is a version that knows node24 actions (1.7.8 or newer)', () => {
      const version = execFileSync(ACTIONLINT, ['-version'], { encoding: 'utf8' }).split('\n')[0]!;
      const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number) as [
        number,
        number,
        number,
      ];
      expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(1_007_008);
    });

    it('finds nothing wrong in the example workflows and the kind end-to-end workflow, including the local actions they use', () => {
      const findings = actionlint(WORKFLOWS);
      expect(findings.map((f) => `${f.filepath}:${f.line}: ${f.message}`)).toEqual([]);
    });

    it('would catch a misspelt input or a missing required one on our local actions', () => {
      // actionlint resolves `uses: ./x` from the project root (the folder with .git): a scratch project
      // whose restore/ and dist/ are this checkout's.
      const project = mkdtempSync(join(tmpdir(), 'actionlint-probe-'));
      try {
        mkdirSync(join(project, '.git'));
        mkdirSync(join(project, '.github/workflows'), { recursive: true });
        symlinkSync(join(ROOT, 'restore'), join(project, 'restore'));
        symlinkSync(join(ROOT, 'dist'), join(project, 'dist'));
        writeFileSync(
          join(project, '.github/workflows/probe.yml'),
          `on: push
jobs:
  x:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v6
      - uses: ./restore
        with:
          hots: node-1
`,
        );
        const messages = actionlint(['.github/workflows/probe.yml'], project)
          .map((f) => f.message)
          .join('\n');
        expect(messages).toMatch(/input "hots" is not defined/);
        expect(messages).toMatch(/missing input "host"/);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    });
  },
);

describe('action.yml files', () => {
  for (const file of ACTIONS) {
    const doc = parse(readFileSync(join(ROOT, file), 'utf8')) as {
      inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
      outputs: Record<string, { description?: string }>;
      runs: Record<string, string>;
    };

    it(`${file} runs on node24 with the post step that cleans up always`, () => {
      expect(doc.runs.using).toBe('node24');
      expect(doc.runs.post).toMatch(/dist\/post\/index\.js$/);
      expect(doc.runs['post-if']).toBe('always()');
    });

    it(`${file} describes every input with its default (or says it is required)`, () => {
      const undescribed = Object.entries(doc.inputs)
        .filter(
          ([, input]) =>
            !(
              input.required ||
              /\bDefault\b/.test(input.description ?? '') ||
              /\bMasked\b/.test(input.description ?? '')
            ),
        )
        .map(([name]) => name);
      expect(undescribed).toEqual([]);
      for (const [name, input] of Object.entries(doc.inputs)) {
        expect(name, 'input names use underscores like the SSH actions').toMatch(/^[a-z][a-z0-9_]*$/);
        if (input.default !== undefined && !String(input.default).includes('${{')) {
          expect(input.description, `${name}'s description names its default`).toContain(
            String(input.default),
          );
        }
      }
    });

    it(`${file}: every input is read by the action's code`, () => {
      // The actions' glue and the option definitions they read inputs through (src/options).
      const code = ['src/actions', 'src/options']
        .flatMap((dir) =>
          readdirSync(join(ROOT, dir), { recursive: true })
            .filter((f) => String(f).endsWith('.ts'))
            .map((f) => readFileSync(join(ROOT, dir, String(f)), 'utf8')),
        )
        .join('\n');
      const unread = Object.keys(doc.inputs).filter((name) => !code.includes(`'${name}'`));
      expect(unread).toEqual([]);
    });
  }
});
