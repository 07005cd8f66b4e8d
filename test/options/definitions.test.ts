import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Command } from '../../src/cli/command';
import { commands } from '../../src/cli/commands';
import { type CliCommandSpec, definedOptions } from '../../src/options';

const ACTIONS = ['action.yml', 'restore/action.yml', 'drill/action.yml'];

function actionInputNames(file: string): string[] {
  const action = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, unknown> };
  return Object.keys(action.inputs ?? {});
}

async function specs(): Promise<CliCommandSpec[]> {
  const loaded = await Promise.all(Object.values(commands).map((entry) => entry.load()));
  return loaded.map((command) => (command as Command & { spec: CliCommandSpec }).spec);
}

describe('one definition per option', () => {
  it('defines every input of every action.yml, under the name action.yml gives it', async () => {
    await specs();
    const inputs = new Set(definedOptions().flatMap((o) => (o.input ? [o.input] : [])));
    for (const file of ACTIONS) {
      const missing = actionInputNames(file).filter((name) => !inputs.has(name));
      expect(missing, `${file} inputs without an option definition`).toEqual([]);
    }
  });

  it('reads no action input that no action.yml declares', async () => {
    await specs();
    const declared = new Set(ACTIONS.flatMap(actionInputNames));
    const undeclared = definedOptions().flatMap((o) => (o.input && !declared.has(o.input) ? [o.input] : []));
    expect(undeclared).toEqual([]);
  });

  it('gives each flag of a command one meaning, and help for each', async () => {
    for (const spec of await specs()) {
      const flags = spec.sections.flatMap((s) => s.options.flatMap((o) => (o.flag ? [o.flag] : [])));
      expect(new Set(flags).size, `${spec.name}: ${flags.join(' ')}`).toBe(flags.length);
      for (const option of spec.sections.flatMap((s) => s.options)) expect(option.help).not.toBe('');
    }
  });

  it('takes secrets on the command line only from the environment or a file, never as a value in argv', () => {
    for (const option of definedOptions().filter((o) => o.secret)) {
      expect(option.flag === undefined || option.fileOnCli, option.id).toBe(true);
    }
  });
});
