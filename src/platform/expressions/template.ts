import jsonata from 'jsonata';

import { analyzeExpression } from './expression-analysis.js';
import { ExpressionError } from './expression-error.js';
import { re2PatternOf } from './re2-pattern.js';

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `source` is the JSONata text between `{{` and `}}`; `offset` is where it starts in the template. */
  | { readonly kind: 'expression'; readonly source: string; readonly offset: number };

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  /** The template is one `{{ expr }}` with nothing but whitespace around it: it yields the value itself. */
  readonly single: boolean;
}

const OPEN = '{{';

/** Whether the string contains a `{{` at all; strings without one are never evaluated. */
export function hasTemplate(value: string): boolean {
  return value.includes(OPEN);
}

/**
 * Splits a template into literal text and `{{ expr }}` parts. The closing `}}` of an expression is
 * found with JSONata's string literals, backtick names, comments and `{ }` object constructors
 * skipped, so `{{ {"a": {"b": 1}} }}` and `{{ "}}" }}` work. Throws ExpressionError (syntax) for a
 * `{{` that is never closed or an empty `{{ }}`; JSONata syntax inside is not checked here.
 */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let textStart = 0;
  let open = template.indexOf(OPEN);
  while (open !== -1) {
    const sourceStart = open + OPEN.length;
    const close = findClose(template, sourceStart);
    if (close === -1) {
      throw new ExpressionError({
        reason: 'syntax',
        detail: `"{{" at position ${open} of the template is never closed with "}}"`,
      });
    }
    const source = template.slice(sourceStart, close);
    if (source.trim() === '') {
      throw new ExpressionError({ reason: 'syntax', detail: `empty "{{ }}" at position ${open} of the template` });
    }
    if (open > textStart) parts.push({ kind: 'text', text: template.slice(textStart, open) });
    parts.push({ kind: 'expression', source, offset: sourceStart });
    textStart = close + 2;
    open = template.indexOf(OPEN, textStart);
  }
  if (textStart < template.length) parts.push({ kind: 'text', text: template.slice(textStart) });

  let expressions = 0;
  let onlyWhitespaceText = true;
  for (const part of parts) {
    if (part.kind === 'expression') expressions++;
    else if (part.text.trim() !== '') onlyWhitespaceText = false;
  }
  return { parts, single: expressions === 1 && onlyWhitespaceText };
}

/**
 * Save-time check: the first problem in the template (an unclosed `{{`, an empty one, a JSONata
 * syntax error in any expression, or a regular expression RE2 cannot run) as a message, or null
 * when every expression compiles.
 */
export function findTemplateErrors(template: string): string | null {
  if (!hasTemplate(template)) return null;
  let parsed: ParsedTemplate;
  try {
    parsed = parseTemplate(template);
  } catch (error) {
    return error instanceof ExpressionError ? error.message : String(error);
  }
  for (const part of parsed.parts) {
    if (part.kind !== 'expression') continue;
    try {
      const program = jsonata(part.source);
      for (const regex of analyzeExpression(program.ast()).regexes) re2PatternOf(regex);
    } catch (error) {
      return ExpressionError.from(error, part.source).message;
    }
  }
  return null;
}

/**
 * findTemplateErrors over every string inside a JSON value (an action body, `transform.set`, …),
 * prefixed with where it was found, e.g. `body.items[0].name: Syntax error in {{ … }} …`.
 */
export function findTemplateErrorsDeep(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    const error = findTemplateErrors(value);
    return error === null ? null : `${path === '' ? '' : `${path}: `}${error}`;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const error = findTemplateErrorsDeep(value[index], `${path}[${index}]`);
      if (error !== null) return error;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const error = findTemplateErrorsDeep(item, path === '' ? key : `${path}.${key}`);
      if (error !== null) return error;
    }
  }
  return null;
}

/** Index of the `}}` that closes an expression starting at `from`, or -1. */
function findClose(template: string, from: number): number {
  let depth = 0;
  let index = from;
  while (index < template.length) {
    const char = template[index];
    if (char === '"' || char === "'" || char === '`') {
      index = skipQuoted(template, index, char);
      continue;
    }
    if (char === '/' && template[index + 1] === '*') {
      const end = template.indexOf('*/', index + 2);
      if (end === -1) return -1;
      index = end + 2;
      continue;
    }
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      if (depth === 0 && template[index + 1] === '}') return index;
      if (depth > 0) depth--;
    }
    index++;
  }
  return -1;
}

/** Index just after the quote that closes the literal opening at `start` (end of input if none). */
function skipQuoted(template: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < template.length) {
    const char = template[index];
    // JSONata backtick names have no escapes; string literals use backslash escapes.
    if (char === '\\' && quote !== '`') {
      index += 2;
      continue;
    }
    if (char === quote) return index + 1;
    index++;
  }
  return template.length;
}
