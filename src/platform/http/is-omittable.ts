import { ValidateIf } from 'class-validator';

/**
 * Like `@IsOptional()`, but only for a property left out: an explicit `null` is validated (and
 * refused by the property's other rules) instead of being stored as "no value" in a field that is
 * documented without null.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
