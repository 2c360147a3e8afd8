import type { Matcher } from 're2js';

import { ExpressionError } from './expression-error.js';
import { re2PatternOf, type Re2Pattern } from './re2-pattern.js';

/** What a search may spend: the time left of the evaluation it runs in (EvaluationBudget). */
export interface SearchAllowance {
  allowanceMs(): number;
}

/** A match as JSONata reads it from RegExp#exec: the match, its groups (undefined when not taking part), index. */
export type Re2Match = (string | undefined)[] & { index: number; input: string };

/**
 * Worst case of one re2js search, measured on this project's machines (2 vCPU, Node 20, subjects
 * of 100 KB and 1 MiB): the matcher may step through every instruction for every character,
 * ~10–25 ns per instruction-step plus a fixed per-character cost worth about 8 instructions; with
 * capturing groups the match is searched a second time, carrying every group's position through
 * each step. The model below is 1.5–2× the slowest patterns measured (a 1,800-instruction program,
 * `(.*)` ten times, `(\w+)$`); a literal pattern is a plain string search.
 */
const NS_PER_INSTRUCTION_STEP = 30;
const PER_CHARACTER_INSTRUCTIONS = 8;

function stepsPerCharacter(pattern: Re2Pattern): number {
  if (pattern.literal) return 1;
  const groupFactor = pattern.groupCount === 0 ? 1 : 2 + pattern.groupCount / 4;
  return (pattern.instructions + PER_CHARACTER_INSTRUCTIONS) * groupFactor;
}

/**
 * A RegExp look-alike over re2js (RE2 semantics, time linear in the subject) for JSONata's
 * `RegexEngine` option. JSONata creates one per evaluation of a regex literal and drives it like a
 * global RegExp: it sets `lastIndex`, calls `exec` and reads `index` and the groups, once per match
 * in `$match`, `$replace`, `$split` and `$contains`.
 *
 * Linear is not cheap: one search costs up to (characters × instructions) steps and cannot be
 * interrupted, and a loop over many matches can rescan the rest of the subject for each. So before
 * every search the worst case is checked against the time left of the evaluation, which also stops
 * a long loop of searches at the limit.
 */
export class Re2RegExp {
  lastIndex = 0;
  private readonly pattern: Re2Pattern;
  private matcher: Matcher | undefined;
  private subject: string | undefined;

  constructor(
    regex: RegExp,
    private readonly allowance: SearchAllowance,
  ) {
    this.pattern = re2PatternOf(regex);
  }

  exec(subject: string): Re2Match | null {
    const from = this.lastIndex;
    if (from > subject.length) {
      this.lastIndex = 0;
      return null;
    }
    this.checkWorstCase(subject.length - from);
    const matcher = this.matcherFor(subject);
    if (!matcher.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [matcher.group() ?? ''];
    for (let group = 1; group <= this.pattern.groupCount; group++) groups.push(matcher.group(group) ?? undefined);
    this.lastIndex = matcher.end();
    return Object.assign(groups, { index: matcher.start(), input: subject });
  }

  private checkWorstCase(characters: number): void {
    const steps = stepsPerCharacter(this.pattern);
    const worstMs = (characters * steps * NS_PER_INSTRUCTION_STEP) / 1e6;
    const allowanceMs = this.allowance.allowanceMs();
    if (worstMs <= allowanceMs) return;
    const fitting = Math.floor((allowanceMs * 1e6) / (steps * NS_PER_INSTRUCTION_STEP));
    throw new ExpressionError({
      reason: 'too_costly',
      detail:
        `a regular expression search over ${characters} characters could take ${Math.ceil(worstMs)} ms ` +
        `(${this.pattern.instructions} instructions per character), more than the ${Math.floor(allowanceMs)} ms left ` +
        `of the evaluation limit; about ${fitting} characters fit`,
    });
  }

  private matcherFor(subject: string): Matcher {
    if (this.matcher === undefined || this.subject !== subject) {
      this.matcher = this.pattern.program.matcher(subject);
      this.subject = subject;
    }
    return this.matcher;
  }
}

/** JSONata's `RegexEngine` for one evaluation: every regex literal it meets searches within `allowance`. */
export function re2RegexEngine(allowance: SearchAllowance): RegExpConstructor {
  // JSONata calls `new RegexEngine(regex)`; a function that returns an object makes `new` return that object.
  const engine = function (regex: RegExp): Re2RegExp {
    return new Re2RegExp(regex, allowance);
  };
  return engine as unknown as RegExpConstructor;
}
