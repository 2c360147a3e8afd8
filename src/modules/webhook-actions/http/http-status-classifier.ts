export type StatusClassification =
  | { ok: true }
  | { ok: false; errorClass: 'http_4xx' | 'http_5xx' | 'rate_limited'; retryable: boolean; retryAfterMs?: number };

type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * SPEC §7 retry rules for an answer that arrived: 408, 429 and 5xx are retried, other 4xx fail at
 * once. Anything below 400 (including a 3xx left after the redirect budget) counts as delivered.
 */
export function classifyStatus(
  status: number,
  headers: HeaderBag = {},
  now: () => number = Date.now,
): StatusClassification {
  if (status < 400) return { ok: true };
  const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'), now());
  const withRetryAfter = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429) return { ok: false, errorClass: 'rate_limited', retryable: true, ...withRetryAfter };
  if (status >= 500) return { ok: false, errorClass: 'http_5xx', retryable: true, ...withRetryAfter };
  if (status === 408) return { ok: false, errorClass: 'http_4xx', retryable: true, ...withRetryAfter };
  return { ok: false, errorClass: 'http_4xx', retryable: false };
}

/** `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); unparseable values are ignored. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse alone would also take "1.5" or "2024" as dates.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

function headerValue(headers: HeaderBag, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}
