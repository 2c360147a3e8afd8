import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FuzzResponse } from './case-runner.js';
import type { FuzzOperation, JsonSchema } from './openapi-operations.js';

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Checks a 2xx answer against what the document says of it: a documented status, its media type,
 * and a body matching its schema. Documented objects are closed here: a property the document does
 * not name is a mismatch too (clients cannot know it; secrets could leak through it).
 */
export class ResponseValidator {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  private readonly compiled = new Map<JsonSchema, ValidateFunction>();

  problems(operation: FuzzOperation, response: FuzzResponse): string[] {
    const documented = operation.responses.find((candidate) => candidate.status === response.status);
    if (!documented)
      return [
        `status ${response.status} is not documented (documented: ${operation.responses.map((r) => r.status).join(', ')})`,
      ];
    const contentType = String(response.headers['content-type'] ?? '');
    if (!documented.contentType)
      return response.text.length === 0 ? [] : [`documented without a body, answered ${response.text.length} bytes`];
    if (!contentType.startsWith(documented.contentType))
      return [`content type ${contentType || '(none)'}, documented ${documented.contentType}`];
    if (!documented.schema) return [];
    let body: unknown = response.text;
    if (documented.contentType.includes('json')) {
      try {
        body = JSON.parse(response.text);
      } catch {
        return ['body is not JSON'];
      }
    }
    let validate: ValidateFunction;
    try {
      validate = this.validatorFor(documented.schema);
    } catch (error) {
      return [`the documented schema does not compile: ${(error as Error).message}`];
    }
    if (validate(body)) return [];
    // Item indices left out (`/items/*/payload`): the same mismatch in any item is one failure.
    return (validate.errors ?? []).map(
      (error) =>
        `${error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '/'} ${error.message}${'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`,
    );
  }

  private validatorFor(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(closed(schema));
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

/** A copy of `schema` where every object that lists its properties admits no others. */
function closed(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...schema };
  if (copy.properties) {
    copy.properties = Object.fromEntries(
      Object.entries(copy.properties).map(([name, property]) => [name, closed(property)]),
    );
    if (copy.additionalProperties === undefined) copy.additionalProperties = false;
  }
  if (typeof copy.additionalProperties === 'object') copy.additionalProperties = closed(copy.additionalProperties);
  if (copy.items) copy.items = closed(copy.items);
  return copy;
}
