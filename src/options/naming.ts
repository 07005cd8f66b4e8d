/**
 * How an option is named to the user: the CLI's flag (`--key`) or environment variable, or the action's input
 * (`private_key`-style, as action.yml spells it). Core modules name options in their hints through
 * `optionName(id)`, so a message reads in the words of the surface the user is on. This module imports nothing:
 * any module may use it without pulling in the option definitions.
 */
export type Surface = 'cli' | 'action';

export interface OptionNames {
  /** The CLI flag without its dashes; absent for an action-only option. */
  flag?: string;
  /** The action input as action.yml spells it; absent for a CLI-only option. */
  input?: string;
  /** The environment variable the CLI reads it from (secrets come only from there, never from argv). */
  env?: string;
}

let surface: Surface = 'cli';
const registry = new Map<string, OptionNames>();

/** Said once by the entry point: the CLI's main or an action's run. */
export function useSurface(next: Surface): void {
  surface = next;
}

export function currentSurface(): Surface {
  return surface;
}

export function registerOptionNames(id: string, names: OptionNames): void {
  registry.set(id, names);
}

/** The option as the user gives it on `on` (default: the current surface). */
export function nameOn(names: OptionNames, on: Surface = surface): string {
  if (on === 'action') return names.input ?? (names.flag ? `--${names.flag}` : (names.env ?? '?'));
  if (names.flag) return `--${names.flag}`;
  return names.env ?? names.input ?? '?';
}

/** `optionName('sudoPassword')` → `ETCD_BACKUP_SUDO_PASSWORD` on the CLI, `sudo_password` in an action. */
export function optionName(id: string): string {
  const names = registry.get(id);
  return names ? nameOn(names) : id;
}
