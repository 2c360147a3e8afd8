import { generateToken, sha256Hex } from '../../platform/crypto/tokens.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';

export const WEBHOOK_TOKEN_AAD = 'webhook-auth-token';
export const WEBHOOK_SECRET_AAD = 'webhook-secret-key';

/** A fresh ingress token: sealed for display, hashed for the constant-time check at ingress. */
export function newWebhookToken(
  secretBox: SecretBox,
  tenantId: string,
): { token: string; sealed: string; hash: string } {
  const token = generateToken('whk');
  return { token, sealed: secretBox.seal(tenantId, token, WEBHOOK_TOKEN_AAD), hash: sha256Hex(token) };
}
