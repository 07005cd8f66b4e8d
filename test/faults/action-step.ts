import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run as backupMain } from '../../src/actions/backup/main';
import { run as drillMain } from '../../src/actions/drill/main';
import { run as restoreMain } from '../../src/actions/restore/main';
import { runAction } from '../../src/actions/run';
import {
  type ActionName,
  actionDefaults,
  type GitHubContext,
  parseFileCommands,
  ROOT,
} from '../actions/runner';

/**
 * One step of an action from its sources, in this process, with the runner's contract: every input as
 * INPUT_<NAME> (action.yml defaults filled in), RUNNER_TEMP, and the GITHUB_OUTPUT / GITHUB_STATE /
 * GITHUB_STEP_SUMMARY files; stdout (where the workflow commands go) is captured. Hundreds of input cases
 * run in seconds this way; test/actions runs the bundles in a real Node 24 child for the rest.
 */
const mains: Record<ActionName, () => Promise<void>> = {
  backup: backupMain,
  restore: restoreMain,
  drill: drillMain,
};

export interface InputDoc {
  name: string;
  description: string;
  default: string | undefined;
  required: boolean;
}

/** The inputs an action.yml declares. */
export function declaredInputs(action: ActionName): InputDoc[] {
  const file = action === 'backup' ? join(ROOT, 'action.yml') : join(ROOT, action, 'action.yml');
  const doc = parse(readFileSync(file, 'utf8')) as {
    inputs: Record<string, { description?: string; default?: unknown; required?: boolean }>;
  };
  return Object.entries(doc.inputs).map(([name, input]) => ({
    name,
    description: input.description ?? '',
    default: input.default === undefined ? undefined : String(input.default),
    required: input.required === true,
  }));
}

export interface InProcessStep {
  failed: boolean;
  /** `::error::` lines, as the runner turns them into annotations. */
  errors: string[];
  stdout: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
}

const GITHUB: GitHubContext = { token: 'ghs_local_test_token', repository: 'octo/cluster', env: {} };

let counter = 0;

export async function runStepInProcess(
  action: ActionName,
  jobDir: string,
  inputs: Record<string, string>,
  /** What else the runner injects (the results service's URL and runtime token, say). */
  env: Record<string, string> = {},
): Promise<InProcessStep> {
  const step = `${++counter}-${action}`;
  const files = join(jobDir, '_runner_file_commands');
  const runnerTemp = join(jobDir, '_temp');
  for (const dir of [files, runnerTemp]) mkdirSync(dir, { recursive: true });
  const paths = {
    GITHUB_OUTPUT: join(files, `set_output_${step}`),
    GITHUB_STATE: join(files, `save_state_${step}`),
    GITHUB_STEP_SUMMARY: join(files, `step_summary_${step}`),
  };
  for (const file of Object.values(paths)) writeFileSync(file, '');

  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('STATE_') || key.startsWith('GITHUB_'))
      delete process.env[key];
  }
  Object.assign(process.env, env, paths, { RUNNER_TEMP: runnerTemp, GITHUB_ACTIONS: 'true' });
  for (const [name, value] of Object.entries({ ...actionDefaults(action, GITHUB), ...inputs })) {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  }
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  let failed = false;
  try {
    await runAction(mains[action]);
  } finally {
    process.stdout.write = write;
    failed = process.exitCode === 1;
    process.exitCode = savedExitCode;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  const lines = stdout.split('\n');
  return {
    failed,
    errors: lines.filter((l) => l.startsWith('::error::')).map((l) => l.slice('::error::'.length)),
    stdout,
    outputs: parseFileCommands(readFileSync(paths.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(paths.GITHUB_STATE, 'utf8')),
  };
}
