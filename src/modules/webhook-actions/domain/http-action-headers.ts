import type { FieldError } from '../../../platform/errors/domain-error.js';
import { hasTemplate, parseTemplate } from '../../../platform/expressions/template.js';
import { headerNameProblem, headerValueProblem } from '../http/outbound-header-rules.js';

/**
 * Save-time check of the headers an `action.http` config names: every configured header and the
 * api_key `auth.headerName` must be one the HTTP client can send, and the literal text of a value
 * (what is outside `{{ }}`) must be sendable as it stands. Values a template inserts are checked when
 * the request is built, since only then are they known.
 */
export function httpActionHeaderProblems(config: Readonly<Record<string, unknown>>): FieldError[] {
  const problems: FieldError[] = [];
  const headers = config.headers;
  if (isRecord(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      const problem = headerNameProblem(name) ?? (typeof value === 'string' ? literalValueProblem(value) : undefined);
      if (problem !== undefined) problems.push({ field: `config.headers.${name}`, message: problem });
    }
  }
  const auth = config.auth;
  if (isRecord(auth) && typeof auth.headerName === 'string') {
    const problem = headerNameProblem(auth.headerName);
    if (problem !== undefined) problems.push({ field: 'config.auth.headerName', message: problem });
  }
  return problems;
}

/** Whether a field error is about a header the config names (as httpActionHeaderProblems and the schema report them). */
export function isHeaderField(field: string): boolean {
  return field === 'config.headers' || field.startsWith('config.headers.') || field === 'config.auth.headerName';
}

function literalValueProblem(template: string): string | undefined {
  if (!hasTemplate(template)) return headerValueProblem(template);
  let parts;
  try {
    parts = parseTemplate(template).parts;
  } catch {
    return undefined; // A template that does not parse is reported by the template check.
  }
  for (const part of parts) {
    const problem = part.kind === 'text' ? headerValueProblem(part.text) : undefined;
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
