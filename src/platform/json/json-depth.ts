/**
 * The one JSON nesting limit of every entry (API bodies, ingress payloads, execute input, test
 * context): deeper data is refused before it is stored, so nothing downstream (JSON.stringify,
 * template evaluation, deep copies) recurses further than this.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of `value` as JSON sees it (a scalar is 0, `[]` and `{}` are 1), counted without
 * recursion and stopping as soon as `limit` is passed: returns `limit + 1` for anything deeper, so
 * the cost is bounded by the part of the value within the limit.
 */
export function jsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    const inner = depth + 1;
    if (inner > limit) return limit + 1;
    if (inner > deepest) deepest = inner;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: inner });
    }
  }
  return deepest;
}

/** Whether `value` nests deeper than `limit` levels. */
export function exceedsJsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  return jsonDepth(value, limit) > limit;
}
