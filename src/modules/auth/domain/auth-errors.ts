import { DomainError } from '../../../platform/errors/domain-error.js';

export const invalidCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'Email or password is wrong.');
export const invalidRefreshToken = () =>
  new DomainError('unauthenticated', 'invalid_refresh_token', 'The refresh token is invalid, expired or revoked.');
export const refreshTokenReused = () =>
  new DomainError(
    'unauthenticated',
    'refresh_token_reused',
    'This refresh token was already used; every session of its family is now revoked.',
  );
export const emailTaken = () => new DomainError('conflict', 'email_taken', 'A user with this email already exists.');
export const userNotFound = () => new DomainError('not_found', 'user_not_found', 'User not found.');
export const apiKeyNotFound = () => new DomainError('not_found', 'api_key_not_found', 'API key not found.');
export const roleAboveOwn = () =>
  new DomainError('forbidden', 'role_above_own', 'You cannot grant a role higher than your own.');
export const ownerProtected = () =>
  new DomainError('forbidden', 'owner_protected', 'Only an owner can change or remove an owner.');
export const lastOwner = () => new DomainError('conflict', 'last_owner', 'A tenant must keep at least one owner.');
