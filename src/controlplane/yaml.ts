import { parse } from 'yaml';
import { errorLine } from '../errors';
import { DiscoveryError } from './errors';

/** Parses one YAML (or JSON) document; any syntax problem becomes one line naming the file. */
export function parseYamlFile(text: string, path: string): unknown {
  try {
    return parse(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    const reason = errorLine(error);
    throw new DiscoveryError(`cannot parse ${path}: ${reason}`, {
      hint: `fix the file, or point discovery past it with an explicit input`,
      cause: error,
    });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String(v))) : [];
}
