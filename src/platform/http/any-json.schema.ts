/**
 * For `@ApiProperty`: a property that holds any JSON value (a provider's payload, a response body).
 * Without it the Swagger plugin documents an `unknown` property as an object, and generated clients
 * and validators refuse the arrays, strings and numbers it really carries.
 */
export function anyJson() {
  return {
    anyOf: [
      { type: 'object', additionalProperties: true, nullable: true },
      { type: 'array', items: {} },
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
    ],
  };
}
