import { parse as parseQueryString } from 'node:querystring';

/** The stored raw body back as data: JSON, or a form's fields. */
export function parsePayload(rawBody: Buffer, contentType: string | null): unknown {
  const text = rawBody.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return { ...parseQueryString(text) };
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
