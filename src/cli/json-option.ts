import { switchOption } from '../options';

/** `--json`: each verb says what it prints. */
export function jsonOption(help: string) {
  return switchOption('json', { flag: 'json', help });
}
