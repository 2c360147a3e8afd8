import type jsonata from 'jsonata';

import { EvaluationBudget } from './evaluation-budget.js';
import { ExpressionError } from './expression-error.js';

/**
 * Per-evaluation binding that carries the budget to the step hooks and the bounded built-ins. A
 * JSONata variable name cannot contain a space, so no expression can read or rebind it.
 */
export const BUDGET_BINDING = 'flowhook budget';

/** The budget of the evaluation `environment` belongs to. */
export function budgetOf(environment: jsonata.Environment): EvaluationBudget {
  const budget: unknown = environment.lookup(BUDGET_BINDING);
  // Fail closed: an evaluation that somehow runs without its budget is not allowed to continue.
  if (!(budget instanceof EvaluationBudget)) {
    throw new ExpressionError({ reason: 'runtime', detail: 'evaluation guard is missing' });
  }
  return budget;
}
