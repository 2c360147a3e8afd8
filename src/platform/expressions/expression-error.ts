/** Why an expression failed; the node error class is always `expression_error`. */
export type ExpressionErrorReason = 'syntax' | 'runtime' | 'timeout' | 'too_large' | 'too_deep' | 'too_costly';

export interface ExpressionErrorInit {
  reason: ExpressionErrorReason;
  /** What went wrong, without any context value. */
  detail: string;
  /** The expression text (between `{{` and `}}`); shown truncated. */
  expression?: string;
  /** JSONata error code (`S0201`, `D1012`, …) when JSONata raised it. */
  jsonataCode?: string;
  /** Character offset inside the expression, when known. */
  position?: number;
}

const MAX_EXPRESSION_CHARS = 200;
const MAX_DETAIL_CHARS = 300;

const REASON_LABELS: Record<ExpressionErrorReason, string> = {
  syntax: 'Syntax error',
  runtime: 'Evaluation error',
  timeout: 'Evaluation timed out',
  too_large: 'Result too large',
  too_deep: 'Evaluation too deep',
  too_costly: 'Evaluation too costly',
};

/** JSONata codes that mean a guard limit was hit rather than a mistake in the expression. */
const LIMIT_CODES: Readonly<Record<string, ExpressionErrorReason>> = {
  D1011: 'too_deep', // stack option
  D1012: 'timeout', // timeout option
  D2014: 'too_large', // range operator over 1e7
  D2015: 'too_large', // sequence option
};

/** A JSONata error is a plain object (not an Error) with these optional members. */
interface JsonataErrorShape {
  code: string;
  message?: unknown;
  position?: unknown;
  value?: unknown;
  value2?: unknown;
  exp?: unknown;
}

/**
 * A template expression failed to compile or evaluate, or went over its time/size/depth bound.
 * The message names the expression (truncated) and what JSONata said, never a context value.
 */
export class ExpressionError extends Error {
  readonly errorClass = 'expression_error';
  readonly code = 'expression_error';
  readonly reason: ExpressionErrorReason;
  readonly detail: string;
  readonly expression?: string;
  readonly jsonataCode?: string;
  readonly position?: number;

  constructor(init: ExpressionErrorInit) {
    const detail = truncate(init.detail, MAX_DETAIL_CHARS);
    const expression =
      init.expression === undefined ? undefined : truncate(init.expression.trim(), MAX_EXPRESSION_CHARS);
    super(formatMessage(init.reason, detail, expression, init.jsonataCode, init.position));
    this.name = 'ExpressionError';
    this.reason = init.reason;
    this.detail = detail;
    this.expression = expression;
    this.jsonataCode = init.jsonataCode;
    this.position = init.position;
  }

  /** Maps anything thrown while compiling or evaluating `expression` to an ExpressionError. */
  static from(error: unknown, expression: string): ExpressionError {
    if (error instanceof ExpressionError) {
      if (error.expression !== undefined) return error;
      // Raised by a guard or a replaced function, which do not know the expression; JSONata has
      // since stamped the position of the failing step onto the thrown object.
      return new ExpressionError({
        reason: error.reason,
        detail: error.detail,
        expression,
        position: error.position ?? positionOf(error),
      });
    }
    if (isJsonataError(error)) {
      const reason = LIMIT_CODES[error.code] ?? (error.code.startsWith('S') ? 'syntax' : 'runtime');
      return new ExpressionError({
        reason,
        detail: safeJsonataMessage(error),
        expression,
        jsonataCode: error.code,
        position: positionOf(error),
      });
    }
    if (error instanceof RangeError && /invalid (string|array) length/i.test(error.message)) {
      return new ExpressionError({ reason: 'too_large', detail: 'a value grew beyond the allowed size', expression });
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return new ExpressionError({
        reason: 'too_deep',
        detail: 'the value or expression is nested too deeply',
        expression,
      });
    }
    // Engine-internal errors can quote data in their messages; only their type is reported.
    const kind = error instanceof Error ? error.name : typeof error;
    return new ExpressionError({ reason: 'runtime', detail: `internal evaluation failure (${kind})`, expression });
  }
}

function formatMessage(
  reason: ExpressionErrorReason,
  detail: string,
  expression: string | undefined,
  jsonataCode: string | undefined,
  position: number | undefined,
): string {
  const where = expression === undefined ? 'template' : `{{ ${expression} }}`;
  const at = position === undefined ? '' : ` at position ${position}`;
  const code = jsonataCode === undefined ? '' : ` [${jsonataCode}]`;
  return `${REASON_LABELS[reason]} in ${where}${at}: ${detail}${code}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function isJsonataError(error: unknown): error is JsonataErrorShape {
  return (
    typeof error === 'object' &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

function positionOf(error: unknown): number | undefined {
  const position = typeof error === 'object' && error !== null ? (error as { position?: unknown }).position : undefined;
  return typeof position === 'number' && Number.isFinite(position) ? position : undefined;
}

/**
 * JSONata fills `{{value}}` placeholders of runtime messages with the offending data (for example
 * "Unable to cast value to a number: <the string>"). Those values are cut back out.
 */
function safeJsonataMessage(error: JsonataErrorShape): string {
  let message =
    typeof error.message === 'string' && error.message !== '' ? error.message : `JSONata error ${error.code}`;
  // Syntax errors quote the expression; limit errors quote a size or depth, never data.
  if (error.code.startsWith('S') || LIMIT_CODES[error.code] !== undefined) return message;
  for (const value of [error.value, error.value2, error.exp]) {
    if (value === undefined) continue;
    for (const rendered of renderings(value)) {
      if (rendered !== '') message = message.split(rendered).join('<value>');
    }
  }
  return message;
}

function renderings(value: unknown): string[] {
  const out: string[] = [];
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) out.push(json);
  } catch {
    // circular or otherwise unserializable: JSONata could not have printed it either
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  return out;
}
