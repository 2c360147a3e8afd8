import type jsonata from 'jsonata';

/** What JSONata passes as `this` to a built-in. */
export type Focus = jsonata.Focus;

/** A new JSONata sequence (an array JSONata unwraps when it holds one item), from the focus JSONata passes as `this`. */
export function newSequence(focus: Focus): unknown[] {
  return (focus as Focus & { createSequence(): unknown[] }).createSequence();
}

/** A JSONata error: a plain object with a code, completed with JSONata's message when the evaluation fails. */
export function jsonataError(code: string, fields: Record<string, unknown> = {}): object {
  return { code, stack: new Error().stack, ...fields };
}
