import { DomainError } from '../errors/domain-error.js';

/**
 * Reads the version out of an `If-Match` header (`"3"`, `W/"3"`, `3`); `*` or no header means
 * "whatever is current" (undefined).
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*' || header.trim() === '') return undefined;
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!match)
    throw new DomainError('invalid_input', 'invalid_if_match', 'If-Match must be the ETag of the resource, e.g. "3".');
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
