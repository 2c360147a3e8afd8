import { generateStandardWebhookSecret, parseStandardWebhookSecret } from '../../../platform/crypto/hmac.js';
import { DomainError, type FieldError } from '../../../platform/errors/domain-error.js';
import type { CredentialType } from './credential-type.js';

/** The decrypted data of each credential type (SPEC §11). */
export type CredentialData =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'api_key'; key: string }
  | { type: 'signing'; secret: string };

const FIELDS: Record<CredentialType, readonly string[]> = {
  basic: ['username', 'password'],
  bearer: ['token'],
  api_key: ['key'],
  signing: ['secret'],
};

/**
 * Validates `data` for its type (400 naming each bad field, never echoing a value). A signing
 * credential without a secret gets a generated `whsec_` one (returned once).
 */
export function parseCredentialData(
  type: CredentialType,
  data: Record<string, unknown>,
): { data: CredentialData; generated: boolean } {
  const errors: FieldError[] = [];
  const allowed = FIELDS[type];
  for (const key of Object.keys(data))
    if (!allowed.includes(key))
      errors.push({ field: `data.${key}`, message: `is not allowed for ${type} credentials` });
  const text = (key: string, optional = false): string => {
    const value = data[key];
    if (value === undefined && optional) return '';
    if (typeof value !== 'string' || value.length === 0 || value.length > 4096)
      errors.push({ field: `data.${key}`, message: 'must be a non-empty string of at most 4096 characters' });
    return typeof value === 'string' ? value : '';
  };
  let parsed: CredentialData;
  let generated = false;
  switch (type) {
    case 'basic':
      parsed = { type, username: text('username'), password: text('password') };
      if (parsed.username.includes(':')) errors.push({ field: 'data.username', message: 'must not contain ":"' });
      break;
    case 'bearer':
      parsed = { type, token: text('token') };
      break;
    case 'api_key':
      parsed = { type, key: text('key') };
      break;
    case 'signing': {
      let secret = text('secret', true);
      if (!secret) {
        secret = generateStandardWebhookSecret();
        generated = true;
      } else {
        try {
          if (parseStandardWebhookSecret(secret).length < 24) throw new Error('short');
        } catch {
          errors.push({ field: 'data.secret', message: 'must be a whsec_ base64 secret of at least 24 bytes' });
        }
      }
      parsed = { type, secret };
      break;
    }
  }
  if (errors.length > 0)
    throw new DomainError(
      'invalid_input',
      'invalid_credential_data',
      'The credential data is invalid; see errors for each field.',
      errors,
    );
  return { data: parsed, generated };
}

/** What the API shows instead of secrets: `****` plus the last 4 characters of long values. */
export function maskCredentialData(data: CredentialData): Record<string, string> {
  const mask = (value: string) => (value.length >= 16 ? `****${value.slice(-4)}` : '****');
  switch (data.type) {
    case 'basic':
      return { username: data.username, password: '****' };
    case 'bearer':
      return { token: mask(data.token) };
    case 'api_key':
      return { key: mask(data.key) };
    case 'signing':
      return { secret: mask(data.secret) };
  }
}
