import type jsonata from 'jsonata';

// JSONata 2.x looks up its per-step hooks under these symbols (see `evaluate` in jsonata.js).
const EVALUATE_ENTRY = Symbol.for('jsonata.__evaluate_entry');
const EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit');

/** Called before every step of an evaluation; a promise it returns is awaited before the step runs. */
export type StepEntryHook = (
  step: unknown,
  input: unknown,
  environment: jsonata.Environment,
) => Promise<void> | undefined;

/** Called with every step's result. */
export type StepExitHook = (step: unknown, input: unknown, environment: jsonata.Environment, result: unknown) => void;

/**
 * Installs hooks JSONata calls around every step it evaluates (not its public API; the evaluation
 * budget relies on them). Canary: jsonata-internals.spec.ts.
 */
export function assignStepHooks(program: jsonata.Expression, entry: StepEntryHook, exit: StepExitHook): void {
  // The typings only allow string names; JSONata's bind accepts symbols, which expressions cannot name.
  program.assign(EVALUATE_ENTRY as unknown as string, entry);
  program.assign(EVALUATE_EXIT as unknown as string, exit);
}
