import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * Runs a step of one of our actions the way the GitHub runner does: the bundled dist/<entry>/index.js on
 * Node 24, every input as INPUT_<NAME> (action.yml defaults filled in, `github.*` expressions evaluated),
 * and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files read back afterwards. The post step gets
 * the main step's state as STATE_<name>, as the runner passes it.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE24 = join(ROOT, 'node_modules/.bin/node');

export type ActionName = 'backup' | 'restore' | 'drill';

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  /** `::error::…` lines, the one-line failures. */
  errors: string[];
  /** Values the step asked the runner to mask. */
  masked: string[];
}

export interface GitHubContext {
  token: string;
  repository: string;
  /** What the runner injects into a JavaScript action (runtime token, results URL, run id, API URL…). */
  env: Record<string, string>;
}

function actionYmlPath(action: ActionName): string {
  return action === 'backup' ? join(ROOT, 'action.yml') : join(ROOT, action, 'action.yml');
}

/** Every input with a default, the defaults' `${{ github.* }}` expressions evaluated like the runner does. */
export function actionDefaults(action: ActionName, github: GitHubContext): Record<string, string> {
  const doc = parse(readFileSync(actionYmlPath(action), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(doc.inputs)) {
    if (input.default === undefined) continue;
    defaults[name] = String(input.default)
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, github.token)
      .replace(/\$\{\{\s*github\.repository\s*\}\}/g, github.repository);
    if (defaults[name]!.includes('${{')) throw new Error(`test runner cannot evaluate ${input.default}`);
  }
  return defaults;
}

/** The outputs an action.yml declares. */
export function declaredOutputs(action: ActionName): string[] {
  const doc = parse(readFileSync(actionYmlPath(action), 'utf8')) as { outputs: Record<string, unknown> };
  return Object.keys(doc.outputs).sort();
}

/** The runner's key<<delimiter file-command format, as written to GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, key, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    values[key] = value.join('\n');
  }
  return values;
}

export interface StepOptions {
  /** The job's folder: RUNNER_TEMP, the workspace and the command files live under it. */
  jobDir: string;
  github: GitHubContext;
  inputs?: Record<string, string>;
  /** For a post step: the main step's state. */
  state?: Record<string, string>;
  /** Called once the step is running; may kill it (a cancelled job). */
  whileRunning?: (child: { pid: number; kill(signal: NodeJS.Signals): void }) => Promise<void>;
  /** A step that runs longer is killed (and its output returned for the assertion messages). Default 120 s. */
  timeoutMs?: number;
}

let stepCounter = 0;

export async function runStep(
  action: ActionName,
  entry: 'main' | 'post',
  options: StepOptions,
): Promise<StepResult> {
  const step = `${++stepCounter}-${action}-${entry}`;
  const files = join(options.jobDir, '_runner_file_commands');
  const runnerTemp = join(options.jobDir, '_temp');
  const workspace = join(options.jobDir, 'workspace');
  for (const dir of [files, runnerTemp, workspace]) mkdirSync(dir, { recursive: true });
  const output = join(files, `set_output_${step}`);
  const summary = join(files, `step_summary_${step}`);
  const stateFile = join(files, `save_state_${step}`);
  for (const file of [output, summary, stateFile]) writeFileSync(file, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: step,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_STATE: stateFile,
    ...options.github.env,
  };
  if (entry === 'main') {
    const inputs = { ...actionDefaults(action, options.github), ...options.inputs };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const script = join(ROOT, 'dist', entry === 'post' ? 'post' : action, 'index.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run bundle`);
  const child = spawn(NODE24, [script], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, signal) => done([code, signal])),
  );
  const timer = setTimeout(() => {
    stderr += `\n[test runner: killed after ${options.timeoutMs ?? 120_000} ms]\n`;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 120_000);
  exited.finally(() => clearTimeout(timer));
  if (options.whileRunning) {
    await options.whileRunning({ pid: child.pid!, kill: (signal) => child.kill(signal) });
  }
  const [exitCode, signal] = await exited;
  const lines = stdout.split('\n');
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    state: parseFileCommands(readFileSync(stateFile, 'utf8')),
    errors: lines.filter((l) => l.startsWith('::error::')).map((l) => l.slice('::error::'.length)),
    masked: lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length)),
  };
}

export function newJobDir(parent: string, name: string): string {
  return mkdtempSync(join(parent, `${name}-`));
}
