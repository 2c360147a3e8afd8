import type jsonata from 'jsonata';

import { budgetOf } from './budget-binding.js';
import { type Focus } from './builtin-focus.js';
import { originalBuiltin, type BuiltinImplementation } from './builtin-originals.js';
import { boundedDistinct, linearSpread, synchronousSort } from './collection-builtins.js';
import { ExpressionError } from './expression-error.js';
import {
  boundedClone,
  boundedPad,
  boundedString,
  fastLength,
  fastSubstring,
  nativeStringReplace,
  PICTURE_FUNCTIONS,
  withBoundedPicture,
} from './text-builtins.js';

/**
 * Built-ins replaced in every compiled template. JSONata's step hooks (and so the evaluation
 * budget) only run between steps: a built-in runs to its end. The ones below could run far past
 * the budget in one call, so they are replaced by versions with the same results that are linear
 * in their input, or that refuse an input too large to be handled in time, or that cannot run.
 * The other built-ins are linear in their input, which the sequence and size limits bound.
 */
export function registerBoundedBuiltins(program: jsonata.Expression, maxStringLength: number): void {
  program.registerFunction('distinct', inFreeTurn(boundedDistinct), '<x:x>');
  program.registerFunction('sort', inFreeTurn(synchronousSort), '<af?:a>');
  program.registerFunction('spread', inFreeTurn(linearSpread), '<x-:a<o>>');
  program.registerFunction('string', inFreeTurn(boundedString), '<x-b?:s>');
  program.registerFunction('clone', inFreeTurn(boundedClone), '<(oa)-:o>');
  program.registerFunction('replace', inFreeTurn(nativeStringReplace), '<s-(sf)(sf)n?:s>');
  for (const [name, signature] of REGEX_FUNCTIONS) program.registerFunction(name, originalInFreeTurn(name), signature);
  program.registerFunction('pad', boundedPad(maxStringLength), '<s-ns?:s>');
  program.registerFunction('length', fastLength, '<s-:n>');
  program.registerFunction('substring', fastSubstring, '<s-nn?:s>');
  for (const [name, signature] of PICTURE_FUNCTIONS)
    program.registerFunction(name, withBoundedPicture(name), signature);
  program.registerFunction('eval', evalDisabled);
}

/** `$eval` would turn data (a webhook body, say) into code; templates are written by workflow authors only. */
function evalDisabled(): never {
  throw new ExpressionError({ reason: 'runtime', detail: '$eval is not available in templates' });
}

/** The built-ins that search with a regex (`$replace` is above), with JSONata's signatures. */
const REGEX_FUNCTIONS: readonly (readonly [string, string])[] = [
  ['match', '<s-f<s:o>n?:a<o>>'],
  ['contains', '<s-(sf):b>'],
  ['split', '<s-(sf)n?:a<s>>'],
];

/**
 * `implementation`, started over a large argument only while this turn's slice of the event loop
 * is not used up (see EvaluationBudget.checkpointBeforeHeavyWork), with nothing in between the
 * check and the start: such calls, which cannot be interrupted, run at most about once per turn
 * however many evaluations make one at once.
 */
function inFreeTurn<A extends unknown[]>(
  implementation: (this: Focus, ...args: A) => unknown,
): (this: Focus, ...args: A) => Promise<unknown> {
  return async function (this: Focus, ...args: A): Promise<unknown> {
    if (args.some(isLarge)) {
      const budget = budgetOf(this.environment);
      for (
        let parked = budget.checkpointBeforeHeavyWork();
        parked !== undefined;
        parked = budget.checkpointBeforeHeavyWork()
      )
        await parked;
    }
    return implementation.apply(this, args);
  };
}

/** An argument a built-in may spend milliseconds on: a long string or array, or any object (its size is not known). */
function isLarge(argument: unknown): boolean {
  if (typeof argument === 'string') return argument.length > 10_000;
  if (Array.isArray(argument)) return argument.length > 1_000;
  return typeof argument === 'object' && argument !== null;
}

/** JSONata's own `$name`, started in a free turn like inFreeTurn. */
function originalInFreeTurn(name: string): (this: Focus, ...args: unknown[]) => Promise<unknown> {
  return async function (this: Focus, ...args: unknown[]): Promise<unknown> {
    const original: BuiltinImplementation = await originalBuiltin(name);
    return inFreeTurn(original).apply(this, args);
  };
}
