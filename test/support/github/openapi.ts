import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Checks the local servers' JSON against GitHub's published OpenAPI description (@octokit/openapi, the
 * api.github.com document), so the fakes cannot drift into answering what GitHub never would.
 */
export interface Violation {
  operation: string;
  status: number;
  errors: string;
}

type Spec = {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseObject | { $ref: string }> }>>;
  components: { responses: Record<string, ResponseObject> };
};
type ResponseObject = { content?: Record<string, { schema?: unknown }> };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let loading: Promise<OpenApiChecker> | undefined;

export function openApiChecker(): Promise<OpenApiChecker> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    return new OpenApiChecker(JSON.parse(await readFile(file, 'utf8')) as Spec);
  })();
  return loading;
}

export class OpenApiChecker {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(private readonly spec: Spec) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(spec as object, 'github');
  }

  /** Undefined if `body` is a valid `status` response of `method path` (path as in the spec). */
  check(method: string, path: string, status: number, body: unknown): string | undefined {
    const key = `${method} ${path} ${status}`;
    if (!this.compiled.has(key)) this.compiled.set(key, this.compile(method.toLowerCase(), path, status));
    const validate = this.compiled.get(key);
    if (validate === undefined) return undefined;
    if (validate === null) return `${key} is not in the OpenAPI description`;
    if (validate(body)) return undefined;
    return this.ajv.errorsText(validate.errors, { dataVar: 'response' });
  }

  private compile(method: string, path: string, status: number): ValidateFunction | null {
    const operation = this.spec.paths[path]?.[method];
    let response = operation?.responses?.[String(status)];
    if (!response) return null;
    if ('$ref' in response) {
      response = this.spec.components.responses[response.$ref.split('/').pop()!] ?? {};
    }
    const media = (response as ResponseObject).content?.['application/json'];
    if (!media?.schema) return this.ajv.compile({});
    const pointer = `/paths/${escapePointer(path)}/${method}/responses/${status}`;
    const ref =
      '$ref' in (operation?.responses?.[String(status)] ?? {})
        ? (operation!.responses![String(status)] as { $ref: string }).$ref.replace(/^#/, '') +
          '/content/application~1json/schema'
        : `${pointer}/content/application~1json/schema`;
    return this.ajv.compile({ $ref: `github#${ref}` });
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}
