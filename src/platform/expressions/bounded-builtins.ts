import type jsonata from 'jsonata';

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
  program.registerFunction('distinct', boundedDistinct, '<x:x>');
  program.registerFunction('sort', synchronousSort, '<af?:a>');
  program.registerFunction('spread', linearSpread, '<x-:a<o>>');
  program.registerFunction('string', boundedString, '<x-b?:s>');
  program.registerFunction('clone', boundedClone, '<(oa)-:o>');
  program.registerFunction('replace', nativeStringReplace, '<s-(sf)(sf)n?:s>');
  program.registerFunction('pad', boundedPad(maxStringLength), '<s-ns?:s>');
  program.registerFunction('length', fastLength, '<s-:n>');
  program.registerFunction('substring', fastSubstring, '<s-nn?:s>');
  for (const [name, signature] of PICTURE_FUNCTIONS) program.registerFunction(name, withBoundedPicture(name), signature);
  program.registerFunction('eval', evalDisabled);
}

/** `$eval` would turn data (a webhook body, say) into code; templates are written by workflow authors only. */
function evalDisabled(): never {
  throw new ExpressionError({ reason: 'runtime', detail: '$eval is not available in templates' });
}
