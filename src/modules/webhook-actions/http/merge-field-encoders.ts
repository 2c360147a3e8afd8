/**
 * SPEC §7 merge-field safety: how a rendered value is encoded for where it lands. JSON bodies are
 * not here: values are placed structurally and serialised with JSON.stringify, never concatenated.
 */

/**
 * For a value inserted into a URL path segment or query component: every reserved character
 * (`/ ? # & = + :` …) is percent-encoded, so a value cannot add segments, parameters or a fragment.
 * Also encodes `!'()*`, which encodeURIComponent leaves alone (RFC 3986 sub-delims).
 */
export function encodeUrlComponent(value: string): string {
  return encodeURIComponent(toWellFormed(value)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * For a value inserted into a header: CR, LF and NUL removed (no header or response splitting) and
 * other control characters except tab dropped, since undici rejects them outright.
 */
export function stripCrLf(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** For a value inserted into an HTML or other text body. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Lone surrogates make encodeURIComponent throw; they become U+FFFD instead. */
function toWellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
