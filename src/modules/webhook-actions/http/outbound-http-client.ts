import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { GuardedAgent } from './guarded-agent.js';
import { OutboundError } from './outbound-error.js';
import { findUnsendableHeader } from './outbound-header-rules.js';
import { redactUrl } from './redact-url.js';
import type { SsrfPolicy } from '../../../platform/http/ssrf-policy.js';

export interface OutboundRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Bounds connect + headers + body + every redirect hop together. */
  timeoutMs: number;
  maxResponseBytes: number;
  maxRedirects?: number;
  /** `error` (default): a body over maxResponseBytes fails with `response_too_large`; `truncate`: its first maxResponseBytes are returned with truncated=true. */
  onTooLarge?: 'error' | 'truncate';
  /** Headers (besides Authorization, Proxy-Authorization, Cookie) dropped when a redirect leaves the origin, e.g. an API-key header. */
  sensitiveHeaders?: readonly string[];
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  durationMs: number;
  /** Every redirect target followed, redacted (no userinfo, query values replaced). */
  redirects: string[];
}

const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** A redirect's own body is read up to this much (so the connection can be reused), then dropped. */
const REDIRECT_BODY_LIMIT = 64 * 1024;
const ALWAYS_SENSITIVE = ['authorization', 'proxy-authorization', 'cookie'];
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
  'transfer-encoding',
];

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA', 'EAI_ADDRFAMILY']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'UND_ERR_ABORTED',
  'ABORT_ERR',
]);
/** Socket-level failures with no class of their own in SPEC §7: reported as connection_refused (retried). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;

/**
 * The one way Flowhook calls out (SPEC §7): http/https only, every destination (and every redirect
 * target) vetted by the SsrfPolicy before a connection is made, one deadline for the whole call, and
 * the response body never buffered beyond maxResponseBytes. Status codes are not judged here (see
 * classifyStatus); transport failures throw OutboundError with a SPEC error class, and a header undici
 * would refuse throws `invalid_header` before anything is sent.
 */
export class OutboundHttpClient {
  private readonly agent: GuardedAgent;

  constructor(
    private readonly policy: SsrfPolicy,
    agent?: GuardedAgent,
  ) {
    this.agent = agent ?? new GuardedAgent(policy);
  }

  async send(request: OutboundRequest): Promise<OutboundResponse> {
    const started = performance.now();
    const unsendable = findUnsendableHeader(request.headers ?? {});
    if (unsendable !== undefined)
      throw new OutboundError('invalid_header', `header "${unsendable.name}" ${unsendable.problem}`, false);
    const signal = AbortSignal.timeout(request.timeoutMs);
    const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const sensitive = new Set([
      ...ALWAYS_SENSITIVE,
      ...(request.sensitiveHeaders ?? []).map((name) => name.toLowerCase()),
    ]);
    const redirects: string[] = [];
    let url = this.vet(parseUrl(request.url));
    let method = request.method.toUpperCase();
    let headers: Record<string, string> = { ...request.headers };
    let body = request.body;

    for (;;) {
      const response = await this.dispatch(url, method, headers, body, signal);
      const location = headerText(response.headers['location']);
      if (!REDIRECT_STATUSES.has(response.statusCode) || location === undefined || redirects.length >= maxRedirects) {
        const read = await this.readBody(response, url, request, signal);
        return {
          status: response.statusCode,
          headers: flattenHeaders(response.headers),
          body: read.body,
          truncated: read.truncated,
          durationMs: Math.round(performance.now() - started),
          redirects,
        };
      }

      await response.body.dump({ limit: REDIRECT_BODY_LIMIT }).catch(() => undefined);
      const next = this.vet(parseUrl(location, url));
      // Fetch semantics: 303 turns anything but HEAD into a body-less GET, 301/302 do so for POST.
      const toGet =
        (response.statusCode === 303 && method !== 'HEAD') ||
        ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST');
      if (toGet) {
        method = 'GET';
        body = undefined;
        headers = withoutHeaders(headers, new Set(BODY_HEADERS));
      }
      if (next.origin !== url.origin) headers = withoutHeaders(headers, sensitive);
      redirects.push(redactUrl(next));
      url = next;
    }
  }

  /** Closes pooled connections (graceful shutdown, tests). */
  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Checks what can be checked without DNS; the agent checks resolved addresses at connect time. */
  private vet(url: URL): URL {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw blocked(`scheme ${url.protocol} is not allowed, only http: and https:`);
    }
    if (url.username !== '' || url.password !== '')
      throw blocked(`credentials in the URL are not allowed (${originOf(url)})`);
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const port = portOf(url);
    if (isIP(host) !== 0 && !this.policy.isAddressAllowed(host, port))
      throw blocked(`destination ${originOf(url)} is not allowed`);
    return url;
  }

  private async dispatch(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    signal: AbortSignal,
  ): Promise<Dispatcher.ResponseData> {
    try {
      return await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal,
      });
    } catch (error: unknown) {
      throw toOutboundError(error, url, signal);
    }
  }

  private async readBody(
    response: Dispatcher.ResponseData,
    url: URL,
    request: OutboundRequest,
    signal: AbortSignal,
  ): Promise<{ body: Buffer; truncated: boolean }> {
    const limit = request.maxResponseBytes;
    const truncate = request.onTooLarge === 'truncate';
    const tooLarge = () =>
      new OutboundError('response_too_large', `response from ${originOf(url)} is larger than ${limit} bytes`, false);
    const declared = Number(headerText(response.headers['content-length']));
    if (!truncate && Number.isFinite(declared) && declared > limit) {
      abandon(response.body);
      throw tooLarge();
    }

    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        const buffer = chunk as Buffer;
        if (size + buffer.length > limit) {
          // Stop here and drop the connection: nothing past the limit is read or kept.
          abandon(response.body);
          if (!truncate) throw tooLarge();
          chunks.push(buffer.subarray(0, limit - size));
          return { body: Buffer.concat(chunks, limit), truncated: true };
        }
        chunks.push(buffer);
        size += buffer.length;
      }
    } catch (error: unknown) {
      abandon(response.body);
      throw toOutboundError(error, url, signal);
    }
    return { body: Buffer.concat(chunks, size), truncated: false };
  }
}

/** Closes a body we will not read (its connection is dropped, not reused); the abort it reports is expected. */
function abandon(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function blocked(message: string): OutboundError {
  return new OutboundError('ssrf_blocked', message, false);
}

function parseUrl(value: string, base?: URL): URL {
  try {
    return new URL(value, base);
  } catch {
    // The value itself may hold secrets, so it is not repeated.
    throw blocked(
      base === undefined
        ? 'the URL is not a valid absolute URL'
        : `the redirect from ${originOf(base)} points to an invalid URL`,
    );
  }
}

function portOf(url: URL): number {
  return url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function originOf(url: URL): string {
  return url.origin;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function withoutHeaders(headers: Record<string, string>, names: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.has(name.toLowerCase())));
}

/** The error codes on an error, its causes and (for happy-eyeballs failures) its aggregated errors. */
function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const codes: string[] = [];
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string') codes.push(code);
  if (name === 'AbortError' || name === 'TimeoutError') codes.push('ABORT_ERR');
  if (error instanceof AggregateError) for (const inner of error.errors) codes.push(...errorCodes(inner, depth + 1));
  codes.push(...errorCodes(cause, depth + 1));
  return codes;
}

function toOutboundError(error: unknown, url: URL, signal: AbortSignal): unknown {
  if (error instanceof OutboundError) return error;
  const origin = originOf(url);
  const codes = errorCodes(error);
  if (codes.includes('ERR_SSRF_BLOCKED')) return blocked((error as Error).message);
  if (signal.aborted || codes.some((code) => TIMEOUT_CODES.has(code)))
    return new OutboundError('timeout', `request to ${origin} timed out`, true);
  const dns = codes.find((code) => DNS_CODES.has(code));
  if (dns !== undefined) return new OutboundError('dns_failure', `could not resolve ${url.hostname} (${dns})`, true);
  const tls = codes.find((code) => TLS_CODE.test(code));
  if (tls !== undefined) return new OutboundError('tls_error', `TLS with ${origin} failed (${tls})`, false);
  const connection = codes.find((code) => CONNECTION_CODES.has(code));
  if (connection !== undefined)
    return new OutboundError('connection_refused', `connection to ${origin} failed (${connection})`, true);
  // Not a transport failure (e.g. an invalid header from the caller): let it surface as is.
  return error;
}
