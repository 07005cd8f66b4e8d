import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../actions/runner';

/** `uses:` of our three actions as the examples write them, and the action.yml each one is. */
const OURS: Record<string, string> = {
  'etcd-backup-action/etcd-backup-action': 'action.yml',
  'etcd-backup-action/etcd-backup-action/restore': 'restore/action.yml',
  'etcd-backup-action/etcd-backup-action/drill': 'drill/action.yml',
};

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

function declaredInputs(file: string): Set<string> {
  const action = parse(readFileSync(join(ROOT, file), 'utf8')) as { inputs?: Record<string, unknown> };
  return new Set(Object.keys(action.inputs ?? {}));
}

describe('the example workflows', () => {
  const files = readdirSync(join(ROOT, 'docs/workflows')).filter((f) => f.endsWith('.yml'));

  it.each(files)('%s gives our actions only inputs their action.yml declares', (file) => {
    const workflow = parse(readFileSync(join(ROOT, 'docs/workflows', file), 'utf8')) as {
      jobs: Record<string, { steps?: Step[] }>;
    };
    const unknown: string[] = [];
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        const action = step.uses && OURS[step.uses.replace(/@.*$/, '')];
        if (!action) continue;
        const inputs = declaredInputs(action);
        for (const name of Object.keys(step.with ?? {}))
          if (!inputs.has(name)) unknown.push(`${step.uses}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
