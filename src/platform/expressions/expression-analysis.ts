import type jsonata from 'jsonata';

/** What the evaluator needs to know about a compiled expression, read once from its syntax tree. */
export interface ExpressionAnalysis {
  /** The regex literals (`/…/`): the only way a JSONata expression can make a regular expression. */
  readonly regexes: readonly RegExp[];
  /**
   * Steps whose value JSONata writes as JSON or compares deeply with no step in between: operands
   * of `&`, `=`, `!=`, `in` and unary `-` (quoted in its error), object-constructor keys (quoted
   * when not strings), transform clauses (quoted when of the wrong type).
   */
  readonly serializedSteps: ReadonlySet<object>;
}

const SERIALIZING_BINARY_OPERATORS = new Set(['&', '=', '!=', 'in']);

interface AstNode {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly lhs?: unknown;
  readonly rhs?: unknown;
  readonly expression?: unknown;
  readonly group?: { readonly lhs?: unknown };
  readonly update?: unknown;
  readonly delete?: unknown;
}

/** Walks the syntax tree (iteratively: its size is bounded by the expression text, not its shape). */
export function analyzeExpression(ast: jsonata.ExprNode): ExpressionAnalysis {
  const regexes: RegExp[] = [];
  const serializedSteps = new Set<object>();
  const seen = new Set<object>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null || item instanceof RegExp || seen.has(item)) continue;
    seen.add(item);
    if (Array.isArray(item)) {
      for (const child of item) pending.push(child);
      continue;
    }
    const node = item as AstNode;
    if (node.type === 'regex' && node.value instanceof RegExp) regexes.push(node.value);
    for (const step of serializedOperands(node)) serializedSteps.add(step);
    for (const child of Object.values(node)) pending.push(child);
  }
  return { regexes, serializedSteps };
}

function serializedOperands(node: AstNode): object[] {
  const steps: unknown[] = [];
  if (node.type === 'binary' && typeof node.value === 'string' && SERIALIZING_BINARY_OPERATORS.has(node.value)) {
    steps.push(node.lhs, node.rhs);
  } else if (node.type === 'unary' && node.value === '-') {
    steps.push(node.expression);
  } else if (node.type === 'unary' && node.value === '{') {
    steps.push(...objectKeys(node.lhs));
  } else if (node.type === 'transform') {
    steps.push(node.update, node.delete);
  }
  if (node.group !== undefined) steps.push(...objectKeys(node.group.lhs));
  return steps.filter((step): step is object => typeof step === 'object' && step !== null);
}

/** `{ key: value, … }` is held as `[[key, value], …]`. */
function objectKeys(pairs: unknown): unknown[] {
  return Array.isArray(pairs) ? pairs.map((pair: unknown) => (Array.isArray(pair) ? pair[0] : undefined)) : [];
}
