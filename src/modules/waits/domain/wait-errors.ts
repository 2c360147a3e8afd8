import { DomainError } from '../../../platform/errors/domain-error.js';

export const resumeNotFound = () => new DomainError('not_found', 'resume_not_found', 'Resume URL not found.');
export const resumeNotReached = () =>
  new DomainError('conflict', 'resume_pending', 'The execution has not reached this node yet.');
export const resumeConsumed = () => new DomainError('conflict', 'resume_consumed', 'This resume URL was already used.');
export const resumeExpired = () =>
  new DomainError('gone', 'resume_expired', 'This resume URL has expired (the wait timed out or the execution ended).');
