import type { FuzzResponse, SentRequest } from './case-runner.js';
import type { FuzzCase } from './fuzz-case.js';
import type { Invariant, Violation } from './fuzz-checks.js';
import type { FuzzOperation } from './openapi-operations.js';

export interface CaseOutcome {
  fuzzCase: FuzzCase;
  sent: SentRequest;
  response: FuzzResponse;
  violations: Violation[];
}

const EXCERPT = 400;

/** Collects outcomes and says what a developer needs: each distinct failure once, with a request that reproduces it. */
export class FuzzReport {
  readonly outcomes: CaseOutcome[] = [];

  constructor(
    private readonly seed: number,
    /** The app's log line of an unexpected error, found by the errorId of its answer. */
    private readonly logLineFor: (errorId: string) => string | undefined,
  ) {}

  add(outcome: CaseOutcome): void {
    this.outcomes.push(outcome);
  }

  /** Each distinct violation of `invariant`: how often, and the first case that showed it. */
  failures(invariant: Invariant): string {
    const groups = new Map<string, { count: number; first: CaseOutcome; detail: string }>();
    for (const outcome of this.outcomes) {
      for (const violation of outcome.violations.filter((v) => v.invariant === invariant)) {
        const group = groups.get(violation.signature);
        if (group) group.count += 1;
        else groups.set(violation.signature, { count: 1, first: outcome, detail: violation.detail });
      }
    }
    if (groups.size === 0) return '';
    const lines = [
      `${groups.size} distinct ${invariant} failure(s) (seed ${this.seed}; API_FUZZ_SEED=${this.seed} replays the run):`,
    ];
    for (const [signature, { count, first, detail }] of groups)
      lines.push('', `● ${signature} — ${count}×: ${detail}`, this.reproduction(first));
    return lines.join('\n');
  }

  /** Share of the generated cases (the read-back left out) that got a 2xx. */
  successShare(): number {
    const generated = this.outcomes.filter(({ fuzzCase }) => fuzzCase.phase !== 'readback');
    return (
      generated.filter(({ response }) => response.status >= 200 && response.status < 300).length / generated.length
    );
  }

  /** Operations none of whose cases got a 2xx (their seeding or bindings do not reach them). */
  unreached(operations: FuzzOperation[]): string[] {
    const reached = new Set(
      this.outcomes
        .filter(({ response }) => response.status >= 200 && response.status < 300)
        .map(({ fuzzCase }) => fuzzCase.operation.key),
    );
    return operations.map((operation) => operation.key).filter((key) => !reached.has(key));
  }

  /** Counts by kind and status class, and valid cases refused with a 400 (what the document does not say). */
  summary(durationMs: number): string {
    const byKind = new Map<string, Map<string, number>>();
    for (const { fuzzCase, response } of this.outcomes) {
      const kind = fuzzCase.phase === 'readback' ? 'readback' : fuzzCase.kind;
      const statuses = byKind.get(kind) ?? new Map<string, number>();
      const statusClass = response.status === 0 ? 'none' : `${Math.floor(response.status / 100)}xx`;
      statuses.set(statusClass, (statuses.get(statusClass) ?? 0) + 1);
      byKind.set(kind, statuses);
    }
    const refusedValid = new Map<string, string>();
    for (const { fuzzCase, sent, response } of this.outcomes) {
      if ((fuzzCase.kind === 'valid' || fuzzCase.kind === 'boundary') && response.status === 400) {
        refusedValid.set(
          fuzzCase.operation.key,
          `${excerpt(sent.url.split('?')[1] ?? '', 120)} ${excerpt(sent.body ?? '', 160)} → ${excerpt(whyRefused(response.text), 200)}`,
        );
      }
    }
    const undocumented = new Map<string, Set<number>>();
    for (const { fuzzCase, response } of this.outcomes) {
      if (
        response.status >= 400 &&
        !fuzzCase.operation.responses.some((documented) => documented.status === response.status)
      ) {
        undocumented.set(
          fuzzCase.operation.key,
          (undocumented.get(fuzzCase.operation.key) ?? new Set()).add(response.status),
        );
      }
    }
    const classes = new Set(this.outcomes.map(({ fuzzCase }) => `${fuzzCase.operation.key} ${fuzzCase.inputClass}`));
    const last = this.outcomes.filter(({ fuzzCase }) => fuzzCase.phase === 'last');
    return [
      `API fuzz: ${this.outcomes.length} requests (${classes.size} distinct operation × input classes) in ${(durationMs / 1000).toFixed(1)} s (seed ${this.seed}); ${(this.successShare() * 100).toFixed(1)} % answered 2xx`,
      ...[...byKind].map(
        ([kind, statuses]) =>
          `  ${kind.padEnd(8)} ${[...statuses].map(([status, count]) => `${status}: ${count}`).join(', ')}`,
      ),
      `  last (run after the rest): ${last.map(({ fuzzCase, response }) => `${fuzzCase.inputClass.replace(/^last: /, '')} → ${response.status}`).join('; ')}`,
      ...(undocumented.size > 0
        ? [
            '  error statuses the document does not list:',
            ...[...undocumented].map(([key, statuses]) => `    ${key}: ${[...statuses].sort().join(', ')}`),
          ]
        : []),
      ...(refusedValid.size > 0
        ? [
            '  conforming requests refused with 400 (the document does not say why):',
            ...[...refusedValid].map(([key, text]) => `    ${key}: ${text}`),
          ]
        : []),
    ].join('\n');
  }

  /** One line per case (index, operation, input class, status): API_FUZZ_DUMP writes them to a file. */
  lines(): string {
    return this.outcomes
      .map(
        ({ fuzzCase, response }) =>
          `${fuzzCase.index}\t${fuzzCase.kind}\t${response.status}\t${fuzzCase.operation.key}\t${fuzzCase.inputClass}`,
      )
      .join('\n');
  }

  private reproduction({ fuzzCase, sent, response }: CaseOutcome): string {
    const headers = Object.entries(sent.headers)
      .map(
        ([name, value]) =>
          `${name}: ${/^(authorization|x-api-key)$/i.test(name) ? `<${fuzzCase.request.actor}>` : /^x-webhook-token$/i.test(name) ? '<token>' : excerpt(value, 80)}`,
      )
      .join(' | ');
    const errorId = /"errorId":"([^"]+)"/.exec(response.text)?.[1];
    const logged = errorId ? this.logLineFor(errorId) : undefined;
    return [
      `    case #${fuzzCase.index} (${fuzzCase.kind}, ${fuzzCase.phase})`,
      `    → ${sent.method} ${excerpt(sent.url, 300)}`,
      `      ${headers}`,
      ...(sent.body !== undefined ? [`      body (${sent.body.length} chars): ${excerpt(sent.body, EXCERPT)}`] : []),
      `    ← ${response.status} ${String(response.headers['content-type'] ?? '')} ${excerpt(response.text, EXCERPT)}`,
      ...(logged ? [`    log: ${logged}`] : []),
    ].join('\n');
  }
}

/** The field errors (or the detail) of a 400 problem. */
function whyRefused(text: string): string {
  try {
    const problem = JSON.parse(text) as { errors?: unknown; detail?: string };
    return JSON.stringify(problem.errors ?? problem.detail);
  } catch {
    return text;
  }
}

/** `text` cut to `length`, control characters and lone surrogates shown as escapes. */
function excerpt(text: string, length: number): string {
  const printable = text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
    /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return printable.length > length ? `${printable.slice(0, length)}… (${text.length} chars)` : printable;
}
