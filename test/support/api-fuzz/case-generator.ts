import { type Actor, type CaseKind, type DraftRequest, type FuzzCase } from './fuzz-case.js';
import type { FuzzWorld } from './fuzz-world.js';
import type { FuzzOperation } from './openapi-operations.js';
import { type BindingContext, OPERATION_BINDINGS, type OperationBinding } from './operation-bindings.js';
import type { Prng } from './prng.js';
import {
  type Attack,
  authAttacks,
  bodyAttacks,
  pathAttacks,
  queryAttacks,
  signatureAttacks,
  tokenAttacks,
  transportAttacks,
} from './request-attacks.js';
import { OMIT, SchemaValues, type ValueMode } from './schema-values.js';

export interface GenerationSettings {
  casesPerOperation: number;
  /** Shares of the cases of each operation; the rest are attacks. */
  validShare: number;
  boundaryShare: number;
  bodyLimitBytes: number;
}

/** How often each attack category is drawn (among those an operation has). */
const CATEGORY_WEIGHTS = { body: 5, query: 3, path: 3, auth: 2, transport: 1 } as const;
type Category = keyof typeof CATEGORY_WEIGHTS;

const JSON_TYPE = 'application/json';

/** A case before it has its place in the run (index, client address). */
type UnsentCase = Omit<FuzzCase, 'index' | 'ip'>;

/**
 * Every case of the run, in the order they are sent: the main cases of all operations interleaved
 * (seeded), then the ones that would break the rest. Generation does no I/O.
 */
export function generateCases(
  operations: FuzzOperation[],
  world: FuzzWorld,
  prng: Prng,
  settings: GenerationSettings,
): FuzzCase[] {
  const main: UnsentCase[] = [];
  const last: { rank: number; fuzzCase: UnsentCase }[] = [];
  for (const operation of operations) {
    const binding = OPERATION_BINDINGS[operation.key] ?? {};
    const c: BindingContext = { world, prng: prng.fork() };
    const validCount = Math.round(settings.casesPerOperation * settings.validShare);
    const boundaryCount = Math.round(settings.casesPerOperation * settings.boundaryShare);
    const attacksUsed = new Set<string>();
    for (let n = 0; n < settings.casesPerOperation; n++) {
      if (n < validCount) main.push(conforming(operation, binding, c, 'valid'));
      else if (n < validCount + boundaryCount) main.push(conforming(operation, binding, c, 'boundary'));
      else main.push(attacked(operation, binding, c, settings, attacksUsed));
    }
    for (const request of binding.last?.(c) ?? []) {
      const draft = validDraft(operation, binding, c, 'typical', request.path, request.body);
      last.push({
        rank: request.rank,
        fuzzCase: {
          operation,
          kind: 'valid',
          inputClass: `last: ${request.label}`,
          mustRefuse: false,
          phase: 'last',
          request: { ...draft, actor: 'owner' },
        },
      });
    }
  }
  const ordered = [...prng.shuffle(main), ...last.sort((a, b) => a.rank - b.rank).map(({ fuzzCase }) => fuzzCase)];
  return ordered.map((fuzzCase, index) => ({
    ...fuzzCase,
    index,
    ip: `10.${200 + ((index >> 16) & 31)}.${(index >> 8) & 255}.${index & 255}`,
  }));
}

function conforming(
  operation: FuzzOperation,
  binding: OperationBinding,
  c: BindingContext,
  kind: 'valid' | 'boundary',
): UnsentCase {
  const draft = validDraft(operation, binding, c, kind === 'boundary' ? 'boundary' : 'typical');
  return { operation, kind, inputClass: kind, mustRefuse: false, phase: 'main', request: draft };
}

/** A valid request with one attack applied; attacks not yet used on this operation come first, so the cases spread over them. */
function attacked(
  operation: FuzzOperation,
  binding: OperationBinding,
  c: BindingContext,
  settings: GenerationSettings,
  used: Set<string>,
): UnsentCase {
  const draft = validDraft(operation, binding, c, 'typical');
  const byCategory: Partial<Record<Category, Attack[]>> = {
    body:
      operation.requestBody || binding.payload
        ? [
            ...bodyAttacks(operation.requestBody?.schema, parsedBody(draft), settings.bodyLimitBytes),
            ...(binding.bodyAttacks?.() ?? []),
          ]
        : undefined,
    query: operation.parameters.some((p) => p.in === 'query') ? queryAttacks(operation, c.prng) : undefined,
    path: operation.parameters.some((p) => p.in === 'path') ? pathAttacks(operation, c.prng) : undefined,
    auth: operation.secured
      ? authAttacks(operation)
      : binding.token
        ? tokenAttacks(binding.token(c, draft.pathParams).header)
        : binding.sign
          ? signatureAttacks()
          : undefined,
    transport: transportAttacks(operation),
  };
  const untried = (category: Category) =>
    (byCategory[category] ?? []).filter((candidate) => !used.has(candidate.inputClass));
  const categories = (Object.keys(CATEGORY_WEIGHTS) as Category[]).filter(
    (category) => (byCategory[category]?.length ?? 0) > 0,
  );
  const withUntried = categories.filter((category) => untried(category).length > 0);
  const category = weightedPick(c.prng, withUntried.length > 0 ? withUntried : categories);
  const chosen = c.prng.pick(untried(category).length > 0 ? untried(category) : byCategory[category]!);
  used.add(chosen.inputClass);
  const kind: CaseKind = chosen.mustRefuse ? 'invalid' : 'hostile';
  return {
    operation,
    kind,
    inputClass: chosen.inputClass,
    mustRefuse: chosen.mustRefuse,
    phase: 'main',
    request: chosen.apply(draft),
  };
}

/** A request the document (with the bindings' semantics) accepts. */
function validDraft(
  operation: FuzzOperation,
  binding: OperationBinding,
  c: BindingContext,
  mode: ValueMode,
  pathOverride?: Record<string, string>,
  bodyOverride?: unknown,
): DraftRequest {
  const pathParams = pathOverride ?? binding.path?.(c) ?? {};
  const queryOverrides = binding.query?.(c) ?? {};
  const query: DraftRequest['query'] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    if (!parameter.required && !c.prng.chance(mode === 'boundary' ? 0.9 : 0.5)) continue;
    const override = queryOverrides[parameter.name];
    const useDefault = parameter.schema.default !== undefined && mode === 'typical' && c.prng.chance(0.5);
    const value = override
      ? override()
      : useDefault
        ? parameter.schema.default
        : new SchemaValues(c.prng, mode).value(parameter.schema);
    if (value !== OMIT) query.push([parameter.name, encodeURIComponent(String(value))]);
  }
  const headers: Record<string, string> = {};
  if (binding.token) {
    const token = binding.token(c, pathParams);
    headers[token.header] = token.value;
  }
  const actor: Actor = operation.secured ? (c.prng.chance(0.12) ? 'apiKey' : 'owner') : 'anonymous';
  let bodyValue: unknown = bodyOverride;
  if (bodyValue === undefined && operation.requestBody)
    bodyValue = new SchemaValues(c.prng, mode, binding.body?.(c)).value(operation.requestBody.schema);
  if (bodyValue === undefined && binding.payload) bodyValue = binding.payload(c);
  return {
    pathParams: Object.fromEntries(
      Object.entries(pathParams).map(([name, value]) => [
        name,
        value.startsWith('⟦') ? value : encodeURIComponent(value),
      ]),
    ),
    query,
    headers,
    body:
      bodyValue === undefined || bodyValue === OMIT
        ? undefined
        : { text: JSON.stringify(bodyValue), contentType: JSON_TYPE },
    actor,
    sign: binding.sign?.(c),
  };
}

function parsedBody(draft: DraftRequest): unknown {
  return draft.body ? JSON.parse(draft.body.text) : {};
}

function weightedPick(prng: Prng, categories: Category[]): Category {
  const total = categories.reduce((sum, category) => sum + CATEGORY_WEIGHTS[category], 0);
  let roll = prng.next() * total;
  for (const category of categories) {
    roll -= CATEGORY_WEIGHTS[category];
    if (roll < 0) return category;
  }
  return categories[categories.length - 1];
}
