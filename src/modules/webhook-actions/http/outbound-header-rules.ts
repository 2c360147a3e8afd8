/**
 * Which request headers the outbound HTTP client (undici 7) can send. undici throws on these, so a
 * config carrying one is refused at save time and a request carrying one fails `invalid_header`
 * before anything is sent.
 */

/** RFC 9110 token characters: what a header name may be made of (undici's `isValidHTTPToken`). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** undici's `headerCharRegex`: a value may hold tab, printable ASCII and Latin-1 (0x80–0xFF), nothing else. */
const UNSENDABLE_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Headers the client sets itself (from the URL, the body, its connection pool), with why. undici
 * refuses Transfer-Encoding, Keep-Alive, Upgrade and Expect outright, checks Connection and
 * Content-Length against its own idea of the request (a short Content-Length leaves the request
 * hanging), and would send a Host other than the URL's (reaching a virtual host the URL does not
 * name, past the SSRF allow list's host names).
 */
const CLIENT_MANAGED: Readonly<Record<string, string>> = {
  host: 'the HTTP client takes it from the URL',
  'content-length': 'the HTTP client computes it from the body',
  'transfer-encoding': 'the HTTP client computes it from the body',
  connection: 'the HTTP client manages its connections',
  'keep-alive': 'the HTTP client manages its connections',
  upgrade: 'the HTTP client does not switch protocols',
  expect: 'the HTTP client does not support Expect: 100-continue',
};

/** Why a header name cannot be sent, or undefined when it can. */
export function headerNameProblem(name: string): string | undefined {
  if (!TOKEN.test(name)) return "is not a valid HTTP header name (letters, digits and !#$%&'*+.^_`|~- only)";
  const managed = CLIENT_MANAGED[name.toLowerCase()];
  return managed === undefined ? undefined : `cannot be set: ${managed}`;
}

/** Why a header value cannot be sent, or undefined when it can. Never quotes the value (it may be a secret). */
export function headerValueProblem(value: string): string | undefined {
  const match = UNSENDABLE_VALUE_CHAR.exec(value);
  if (match === null) return undefined;
  const char = match[0];
  if (char === '\r' || char === '\n') return 'contains CR or LF, which cannot be sent in a header';
  return char.charCodeAt(0) < 0x20 || char === '\x7f'
    ? 'contains a control character, which cannot be sent in a header'
    : 'contains a character outside Latin-1 (like an emoji), which cannot be sent in a header; put it in the body or encode it';
}

export interface HeaderProblem {
  name: string;
  problem: string;
}

/** The first header of a request that cannot be sent, or undefined. */
export function findUnsendableHeader(headers: Readonly<Record<string, string>>): HeaderProblem | undefined {
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerNameProblem(name) ?? headerValueProblem(value);
    if (problem !== undefined) return { name, problem };
  }
  return undefined;
}
