import { RE2JS } from 're2js';

import { ExpressionError } from './expression-error.js';

/** A template's regular expression literal, compiled for re2js (RE2 semantics, linear-time matching). */
export interface Re2Pattern {
  readonly program: RE2JS;
  /** Capturing groups, not counting the whole match. */
  readonly groupCount: number;
  /** Instructions of the compiled program: what one step of the matcher may visit per character. */
  readonly instructions: number;
  /** The whole pattern is literal text without groups: re2js finds it by plain string search. */
  readonly literal: boolean;
}

const MAX_QUOTED_PATTERN_CHARS = 60;
// `\k<name>` is a backreference in JavaScript; re2js would read it as the letters `k<name>`.
const NAMED_BACKREFERENCE = /(?:^|[^\\])(?:\\\\)*\\k</;

// JSONata parses each literal once into the (cached) syntax tree, so the RegExp object is the key.
const compiled = new WeakMap<RegExp, Re2Pattern>();

/**
 * The re2js program of a JSONata regex literal (`/…/i`, `/…/m`; JSONata adds `g`), compiled once.
 * Throws ExpressionError (syntax) for what RE2 cannot run: lookahead, lookbehind, backreferences
 * and the few other constructs that need backtracking.
 */
export function re2PatternOf(regex: RegExp): Re2Pattern {
  const cached = compiled.get(regex);
  if (cached !== undefined) return cached;
  const pattern = compile(regex);
  compiled.set(regex, pattern);
  return pattern;
}

function compile(regex: RegExp): Re2Pattern {
  if (NAMED_BACKREFERENCE.test(regex.source)) throw unsupported(regex, 'backreferences (\\k<name>) are not supported');
  let flags = 0;
  if (regex.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
  if (regex.multiline) flags |= RE2JS.MULTILINE;
  try {
    const program = RE2JS.compile(RE2JS.translateRegExp(regex.source), flags);
    const groupCount = program.groupCount();
    return {
      program,
      groupCount,
      instructions: program.programSize(),
      literal: program.re2().prefixComplete && groupCount === 0,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw unsupported(regex, reason);
  }
}

function unsupported(regex: RegExp, reason: string): ExpressionError {
  const source =
    regex.source.length > MAX_QUOTED_PATTERN_CHARS
      ? `${regex.source.slice(0, MAX_QUOTED_PATTERN_CHARS)}…`
      : regex.source;
  return new ExpressionError({
    reason: 'syntax',
    detail:
      `the regular expression /${source}/ cannot run on the linear-time RE2 engine (${reason}); ` +
      'lookahead, lookbehind and backreferences are not supported',
  });
}
