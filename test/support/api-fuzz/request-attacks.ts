import type { CaseBody, DraftRequest } from './fuzz-case.js';
import {
  deepJsonText,
  ENCODED_QUERY_HOSTILES,
  HOSTILE_DEPTHS,
  MALFORMED_PATH_SEGMENTS,
  OVERLONG_PATH_SEGMENT,
  OVERSIZED_HEADER_VALUE,
  PROTOTYPE_POISON_BODIES,
} from './hostile-values.js';
import type { FuzzOperation, JsonSchema, OperationParameter } from './openapi-operations.js';
import type { Prng } from './prng.js';
import { mutationsOf, setAt } from './schema-mutations.js';
import { isPlainObject, kindOf } from './schema-values.js';

/** One change to a valid request, and whether the document (or SPEC) says the result must be refused. */
export interface Attack {
  inputClass: string;
  mustRefuse: boolean;
  apply(draft: DraftRequest): DraftRequest;
}

const JSON_TYPE = 'application/json';
const UUID_PARAMS = new Set(['id', 'webhookId', 'channelId', 'workflowId', 'eventId']);
const DEEP_MARKER = '⟦deep⟧';

const withBody = (draft: DraftRequest, body: CaseBody | undefined): DraftRequest => ({ ...draft, body });
const attack = (inputClass: string, mustRefuse: boolean, apply: Attack['apply']): Attack => ({
  inputClass,
  mustRefuse,
  apply,
});

/** Unknown-but-well-formed and malformed values of each path parameter. */
export function pathAttacks(operation: FuzzOperation, prng: Prng): Attack[] {
  const attacks: Attack[] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
    const name = parameter.name;
    const set = (value: string) => (draft: DraftRequest) => ({
      ...draft,
      pathParams: { ...draft.pathParams, [name]: value },
    });
    const identifying = UUID_PARAMS.has(name) || name === 'version' || name === 'resumeId' || name === 'provider';
    const unknown = unknownValue(parameter, prng);
    attacks.push(attack(`path ${name}: unknown`, unknown.certain, set(unknown.value)));
    const malformed =
      name === 'version' ? ['abc', '1.5', '0', '-1', '2147483648', '99999999999999999999'] : MALFORMED_PATH_SEGMENTS;
    for (const value of malformed) attacks.push(attack(`path ${name}: malformed (${value})`, identifying, set(value)));
    attacks.push(attack(`path ${name}: ${OVERLONG_PATH_SEGMENT.length} characters`, true, set(OVERLONG_PATH_SEGMENT)));
  }
  return attacks;
}

function unknownValue(parameter: OperationParameter, prng: Prng): { value: string; certain: boolean } {
  if (UUID_PARAMS.has(parameter.name)) return { value: prng.uuid(), certain: true };
  if (parameter.name === 'version') return { value: '999999', certain: true };
  if (parameter.name === 'resumeId')
    return { value: `webhook_${prng.uuid()}_pause_${prng.uuid().replace(/-/g, '')}`, certain: true };
  if (parameter.name === 'provider') return { value: 'zapier', certain: true };
  return { value: `no_such_${parameter.name}`, certain: false };
}

/** Out-of-range, wrong-type, missing, unknown, repeated and hostile query values. */
export function queryAttacks(operation: FuzzOperation, prng: Prng): Attack[] {
  const attacks: Attack[] = [];
  const parameters = operation.parameters.filter((p) => p.in === 'query');
  for (const parameter of parameters) {
    const name = parameter.name;
    const set = (value: string) => (draft: DraftRequest) => ({
      ...draft,
      query: [...draft.query.filter(([n]) => n !== name), [name, value] as [string, string]],
    });
    const add = (label: string, mustRefuse: boolean, value: string) =>
      attacks.push(attack(`query ${name}: ${label}`, mustRefuse, set(value)));
    const schema = parameter.schema;
    if (parameter.required)
      attacks.push(
        attack(`query ${name}: required, missing`, true, (draft) => ({
          ...draft,
          query: draft.query.filter(([n]) => n !== name),
        })),
      );
    if (schema.type === 'number' || schema.type === 'integer') {
      if (schema.minimum !== undefined) add(`below minimum ${schema.minimum}`, true, String(schema.minimum - 1));
      if (schema.maximum !== undefined) add(`above maximum ${schema.maximum}`, true, String(schema.maximum + 1));
      add('not a number', true, 'abc');
      add('NaN', true, ENCODED_QUERY_HOSTILES.notANumber);
      add('NUL', true, ENCODED_QUERY_HOSTILES.nul);
      add('fraction', false, ENCODED_QUERY_HOSTILES.fraction);
      add('20 digits', schema.maximum !== undefined, ENCODED_QUERY_HOSTILES.hugeInteger);
      add('2^63', schema.maximum !== undefined, ENCODED_QUERY_HOSTILES.beyondBigint);
      add('1e400', schema.maximum !== undefined, ENCODED_QUERY_HOSTILES.exponent);
      add('empty', false, '');
    } else {
      if (schema.enum) add('outside the enum', true, 'not-in-enum');
      if (schema.format === 'uuid') add('not a uuid', true, 'not-a-uuid');
      if (schema.maxLength !== undefined)
        add(`longer than maxLength ${schema.maxLength}`, true, 'L'.repeat(schema.maxLength + 1));
      // §12: NUL in a typed filter answers 400; untyped values (Meta's hub.challenge) may be echoed.
      add('NUL', schema.type === 'string', ENCODED_QUERY_HOSTILES.nul);
      add('lone surrogate (UTF-8 of U+D800)', false, ENCODED_QUERY_HOSTILES.loneSurrogate);
      add('truncated percent-encoding', false, ENCODED_QUERY_HOSTILES.invalidPercent);
      add('5000 characters', schema.maxLength !== undefined && schema.maxLength < 5000, 'q'.repeat(5000));
      if (/date/i.test(name)) add('not a date', false, 'yesterday');
    }
  }
  if (parameters.length > 0) {
    const first = parameters[0].name;
    attacks.push(
      attack(`query ${first}: repeated`, false, (draft) => ({
        ...draft,
        query: [...draft.query, [first, '1'], [first, '2']],
      })),
    );
  }
  attacks.push(
    attack('query: unknown parameter', false, (draft) => ({
      ...draft,
      query: [...draft.query, ['fuzzUnknown', prng.pick(['1', ENCODED_QUERY_HOSTILES.nul])]],
    })),
  );
  return attacks;
}

/**
 * Body attacks. `schema` is the documented body (undefined for provider payloads the document leaves
 * open); `valid` the valid value the case started from.
 */
export function bodyAttacks(schema: JsonSchema | undefined, valid: unknown, bodyLimitBytes: number): Attack[] {
  const documentedObject =
    schema !== undefined && kindOf(schema) === 'object' && Object.keys(schema.properties ?? {}).length > 0;
  const json =
    (text: string, contentType = JSON_TYPE) =>
    (draft: DraftRequest) =>
      withBody(draft, { text, contentType });
  const attacks: Attack[] = [
    attack('body: malformed JSON', true, json('{"name": ')),
    attack('body: text/plain', true, json(JSON.stringify(valid), 'text/plain')),
    attack('body: empty with a JSON content type', true, json('')),
    attack('body: an array', documentedObject, json(JSON.stringify([valid]))),
    attack('body: a string', documentedObject, json('"just a string"')),
    attack('body: null', documentedObject, json('null')),
    attack(
      `body: over the ${bodyLimitBytes}-byte limit`,
      true,
      json(JSON.stringify({ padding: 'p'.repeat(bodyLimitBytes) })),
    ),
    ...PROTOTYPE_POISON_BODIES.map((text) =>
      attack(`body: prototype key ${Object.keys(JSON.parse(text))[0]}`, false, json(mergeKeys(valid, text))),
    ),
  ];
  for (const depth of HOSTILE_DEPTHS) {
    attacks.push(attack(`body: nested ${depth} deep`, true, json(deepJsonText(depth))));
    const inner = freeFormPaths(schema, valid)[0];
    if (inner) {
      const marked = JSON.stringify(setAt(valid, inner, DEEP_MARKER));
      attacks.push(
        attack(
          `body: ${inner.join('.')} nested ${depth} deep`,
          true,
          json(marked.replace(`"${DEEP_MARKER}"`, deepJsonText(depth))),
        ),
      );
    }
  }
  if (schema !== undefined) {
    for (const mutation of mutationsOf(schema, valid)) {
      attacks.push(
        attack(
          `body: ${mutation.label.replace(/^body: /, '')}`,
          mutation.mustRefuse,
          json(JSON.stringify(mutation.apply(valid))),
        ),
      );
    }
  }
  return attacks;
}

/** Paths (within `valid`) of the schemaless parts of a body: payloads, inputs, configs, contexts. */
function freeFormPaths(schema: JsonSchema | undefined, valid: unknown): string[][] {
  if (schema === undefined || !isPlainObject(valid)) return [];
  const paths: string[][] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!(name in valid)) continue;
    const open =
      kindOf(property) === undefined ||
      (kindOf(property) === 'object' && !property.properties && typeof property.additionalProperties !== 'object');
    if (open) paths.push([name]);
  }
  return paths;
}

/** The valid body with the poisoning keys added as raw JSON text (JSON.stringify would drop `__proto__`). */
function mergeKeys(valid: unknown, poisonText: string): string {
  if (!isPlainObject(valid) || Object.keys(valid).length === 0) return poisonText;
  return `${poisonText.slice(0, -1)},${JSON.stringify(valid).slice(1)}`;
}

/** Credentials that must not get in, and callers that may not see or do this. */
export function authAttacks(operation: FuzzOperation): Attack[] {
  const as = (actor: DraftRequest['actor']) => (draft: DraftRequest) => ({ ...draft, actor });
  const attacks = [
    attack('auth: none', true, as('anonymous')),
    attack('auth: garbage bearer token', true, as('garbageToken')),
    attack('auth: JWT signed with another secret', true, as('forgedJwt')),
    attack('auth: unknown API key', true, as('unknownApiKey')),
  ];
  const namesResource = operation.parameters.some((p) => p.in === 'path' && UUID_PARAMS.has(p.name));
  attacks.push(attack("auth: another tenant's owner", namesResource, as('foreign')));
  const writes = operation.method !== 'get' && operation.key !== 'POST /api/auth/logout';
  attacks.push(attack('auth: a viewer', writes, as('viewer')));
  return attacks;
}

/** A public route's token (ingress, trigger) missing or wrong. */
export function tokenAttacks(header: string): Attack[] {
  const without = (draft: DraftRequest) => {
    const headers = { ...draft.headers };
    delete headers[header];
    return headers;
  };
  return [
    attack('token: none', true, (draft) => ({ ...draft, headers: without(draft) })),
    attack('token: wrong', true, (draft) => ({
      ...draft,
      headers: { ...without(draft), [header]: 'whk_wrong-token-0123456789' },
    })),
  ];
}

/** A provider signature missing or computed with the wrong secret. */
export function signatureAttacks(): Attack[] {
  return [
    attack('signature: none', true, (draft) => ({ ...draft, sign: undefined })),
    attack('signature: wrong secret', true, (draft) => ({
      ...draft,
      sign: () => ({
        'X-Signature-256': `sha256=${'0'.repeat(64)}`,
        'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}`,
      }),
    })),
  ];
}

/** Framework limits every route shares: oversized headers and URLs. */
export function transportAttacks(operation: FuzzOperation): Attack[] {
  const attacks = [
    attack('header: 20 KiB value', true, (draft) => ({
      ...draft,
      headers: { ...draft.headers, 'X-Fuzz-Padding': OVERSIZED_HEADER_VALUE },
    })),
    attack('query: 20 KiB URL', true, (draft) => ({
      ...draft,
      query: [...draft.query, ['fuzzPadding', 'u'.repeat(20 * 1024)]],
    })),
  ];
  if (!operation.requestBody && operation.method !== 'get') {
    attacks.push(
      attack('body: JSON where none is documented', false, (draft) =>
        withBody(draft, draft.body ?? { text: '{"unexpected":true}', contentType: JSON_TYPE }),
      ),
    );
  }
  return attacks;
}
