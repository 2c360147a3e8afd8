import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '../errors/domain-error.js';

const MAX_NAMED_FIELDS = 5;

/**
 * Nest's pipe validates a `null` body as if none was sent (`{}`), so a JSON `null` passed for a
 * DTO whose fields are all optional; a body that was sent must be what the DTO describes.
 */
class DtoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value === null && metadata.metatype !== undefined && metadata.metatype !== Object) {
      throw new DomainError(
        'invalid_input',
        'validation_failed',
        'The request is invalid (body must be a JSON object, not null).',
        [{ field: 'body', message: 'must be a JSON object' }],
      );
    }
    return super.transform(value, metadata);
  }
}

/** Body/query validation: unknown properties rejected, every failing field listed (and named in the detail). */
export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new DomainError(
        'invalid_input',
        'validation_failed',
        `The request is invalid (${namedFields(fieldErrors)}); see errors for each field.`,
        fieldErrors,
      );
    },
  });
}

function namedFields(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((error) => error.field))];
  return fields.slice(0, MAX_NAMED_FIELDS).join(', ') + (fields.length > MAX_NAMED_FIELDS ? ', …' : '');
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property /, ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
