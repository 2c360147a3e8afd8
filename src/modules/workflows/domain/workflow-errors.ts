import { DomainError } from '../../../platform/errors/domain-error.js';

export const workflowNotFound = () => new DomainError('not_found', 'workflow_not_found', 'Workflow not found.');
export const workflowVersionNotFound = (version: number) =>
  new DomainError('not_found', 'workflow_version_not_found', `Workflow version ${version} not found.`);
export const workflowArchived = () =>
  new DomainError('conflict', 'workflow_archived', 'The workflow is archived and read-only.');
export const versionMismatch = (expected: number, current: number) =>
  new DomainError(
    'conflict',
    'version_mismatch',
    `The workflow changed: you edited version ${expected}, the current version is ${current}. Reload and retry.`,
  );
