import { DomainError, type FieldError } from '../../platform/errors/domain-error.js';

export const CHANNEL_CREDENTIALS_AAD = 'channel-credentials';

/** Credentials are a flat object of strings (e.g. `{ appSecret, accessToken }`); `appSecret` verifies ingress signatures. */
export function validateChannelCredentials(credentials: Record<string, unknown>): Record<string, string> {
  const errors: FieldError[] = [];
  const entries = Object.entries(credentials);
  if (entries.length === 0)
    errors.push({ field: 'credentials', message: 'must hold at least one value (e.g. appSecret)' });
  if (entries.length > 20) errors.push({ field: 'credentials', message: 'must hold at most 20 values' });
  for (const [key, value] of entries) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 4096)
      errors.push({ field: `credentials.${key}`, message: 'must be a non-empty string' });
  }
  if (errors.length > 0)
    throw new DomainError(
      'invalid_input',
      'invalid_channel_credentials',
      'The channel credentials are invalid; see errors for each field.',
      errors,
    );
  return credentials as Record<string, string>;
}

/** Never returned in clear: `****` plus the last 4 characters of long values. */
export function maskChannelCredentials(credentials: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(credentials).map(([key, value]) => [key, value.length >= 16 ? `****${value.slice(-4)}` : '****']),
  );
}
