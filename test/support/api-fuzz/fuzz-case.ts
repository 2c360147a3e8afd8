import type { FuzzOperation } from './openapi-operations.js';

/** Who a case acts as; the runner turns it into credentials. */
export type Actor =
  'owner' | 'apiKey' | 'viewer' | 'foreign' | 'anonymous' | 'garbageToken' | 'forgedJwt' | 'unknownApiKey';

/**
 * `valid` and `boundary` follow the document (and the bindings) and should mostly succeed;
 * `invalid` inputs the document forbids; `hostile` inputs the document leaves open (only the
 * invariants apply: no 5xx, errors as problem details).
 */
export type CaseKind = 'valid' | 'boundary' | 'invalid' | 'hostile';

export interface CaseBody {
  text: string;
  contentType: string;
}

/** A request being built: everything already encoded as it goes on the wire. */
export interface DraftRequest {
  pathParams: Record<string, string>;
  query: [name: string, value: string][];
  headers: Record<string, string>;
  body?: CaseBody;
  actor: Actor;
  /** Headers computed over the final body (provider signatures); dropped by the signature attacks. */
  sign?: (rawBody: string) => Record<string, string>;
}

export interface FuzzCase {
  /** Position in the run; with the seed, what a developer needs to replay it. */
  index: number;
  operation: FuzzOperation;
  kind: CaseKind;
  /** What was varied, e.g. `body: name: NUL character` or `path id: unknown`. */
  inputClass: string;
  /** The document forbids this input: a 2xx answer is a failure. */
  mustRefuse: boolean;
  /**
   * `main`: the generated cases; `readback`: every stored record listed and fetched again after them;
   * `last`: would break what the others rely on, so it runs after all of them.
   */
  phase: 'main' | 'readback' | 'last';
  request: DraftRequest;
  /** The simulated client address (X-Forwarded-For): per-IP throttles never couple cases. */
  ip: string;
}

/** The path with its parameters filled in (still holding late-value placeholders). */
export function concretePath(operation: FuzzOperation, params: Record<string, string>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation.key}: no value for path parameter ${name}`);
    return value;
  });
}

export function queryString(query: DraftRequest['query']): string {
  return query.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');
}
