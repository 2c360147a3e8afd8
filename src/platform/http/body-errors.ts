import { DomainError } from '../errors/domain-error.js';
import { MAX_JSON_DEPTH } from '../json/json-depth.js';

export function jsonTooDeep(): DomainError {
  return new DomainError(
    'invalid_input',
    'json_too_deep',
    `The request body nests deeper than ${MAX_JSON_DEPTH} levels, the JSON nesting limit of every entry.`,
  );
}

export function forbiddenPropertyName(path: string): DomainError {
  return new DomainError(
    'invalid_input',
    'forbidden_property_name',
    `The request body contains a forbidden property name (__proto__ or constructor.prototype) at ${path}.`,
    [{ field: path, message: 'is a forbidden property name' }],
  );
}
