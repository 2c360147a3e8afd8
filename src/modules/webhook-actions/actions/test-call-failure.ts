import type { FieldError } from '../../../platform/errors/domain-error.js';
import { ExpressionError } from '../../../platform/expressions/expression-error.js';
import { findTemplateErrorsDeep } from '../../../platform/expressions/template.js';
import { NodeError } from '../../executions/index.js';
import { isHeaderField } from '../domain/http-action-headers.js';

/** Why a tried call failed, in the engine's words: the class a node with this config would fail with. */
export interface TestCallFailure {
  errorClass: string;
  error: string;
}

const MAX_LISTED_ERRORS = 10;

/**
 * A config the node type refuses (it could not be saved in a workflow). Only headers wrong →
 * `invalid_header`; only a template that does not compile → `expression_error` (the class the
 * engine gives every template failure); anything else → `invalid_config`. The message lists the
 * fields; field messages never quote a header value or context data.
 */
export function configFailure(errors: readonly FieldError[], config: unknown): TestCallFailure {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((error) => `${error.field} ${error.message}`);
  if (errors.length > MAX_LISTED_ERRORS) listed.push(`and ${errors.length - MAX_LISTED_ERRORS} more`);
  const error = `The action config is invalid: ${listed.join('; ')}.`;
  if (errors.length > 0 && errors.every((fieldError) => isHeaderField(fieldError.field)))
    return { errorClass: 'invalid_header', error };
  const onlyTemplates = errors.length === 1 && errors[0].field === 'config' && findTemplateErrorsDeep(config) !== null;
  return { errorClass: onlyTemplates ? 'expression_error' : 'invalid_config', error };
}

/**
 * A failure thrown while the request was built, classified as the engine classifies it for the node
 * (see RunNodeHandler): a NodeError keeps its class, an ExpressionError is `expression_error`.
 * Anything else is a fault of Flowhook, not of the call: undefined, and the caller lets it surface.
 */
export function thrownFailure(error: unknown): TestCallFailure | undefined {
  if (error instanceof NodeError) return { errorClass: error.errorClass, error: error.message };
  if (error instanceof ExpressionError) return { errorClass: 'expression_error', error: error.message };
  return undefined;
}
