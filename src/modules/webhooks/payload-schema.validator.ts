import { Injectable } from '@nestjs/common';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const MAX_CACHED = 500;

/** Checks payloads against a webhook's `expectedPayloadSchema`; compiled schemas are cached. */
@Injectable()
export class PayloadSchemaValidator {
  private readonly ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Null when valid, else a readable list of what is wrong. */
  check(schema: Record<string, unknown>, payload: unknown): string | null {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      try {
        validate = this.ajv.compile(schema);
      } catch (error) {
        return `expectedPayloadSchema is not a valid JSON Schema: ${(error as Error).message}`;
      }
      if (this.compiled.size >= MAX_CACHED) this.compiled.clear();
      this.compiled.set(key, validate);
    }
    if (validate(payload)) return null;
    return (validate.errors ?? [])
      .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
      .join('; ');
  }
}
