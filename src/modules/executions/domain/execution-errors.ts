import { DomainError } from '../../../platform/errors/domain-error.js';

export const executionNotFound = () => new DomainError('not_found', 'execution_not_found', 'Execution not found.');
export const executionFinished = (status: string) =>
  new DomainError('conflict', 'execution_finished', `The execution is already ${status}.`);
export const executionNotFailed = (status: string) =>
  new DomainError('conflict', 'execution_not_failed', `Only a failed execution can be retried; this one is ${status}.`);
export const noTriggerNode = (type: string) =>
  new DomainError('conflict', 'no_trigger_node', `The workflow has no ${type} node to start from.`);
