import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error.js';
import { MAX_WORKFLOW_VERSION } from './domain/workflow-version.js';

const MESSAGE = `must be an integer from 1 to ${MAX_WORKFLOW_VERSION}`;

/** The `:version` path parameter: a version number PostgreSQL can compare, else 400 naming it. */
@Injectable()
export class WorkflowVersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const version = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(version >= 1 && version <= MAX_WORKFLOW_VERSION)) {
      throw new DomainError('invalid_input', 'validation_failed', `The request is invalid (version ${MESSAGE}).`, [
        { field: 'version', message: MESSAGE },
      ]);
    }
    return version;
  }
}
