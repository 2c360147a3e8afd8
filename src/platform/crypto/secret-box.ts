import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const MAX_CACHED_KEYS = 10_000;

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * AES-256-GCM envelope for secrets at rest, with one key per tenant derived from the master key by
 * HKDF-SHA256: a row copied into another tenant cannot be opened there. Output:
 * `v1.<iv>.<ciphertext>.<tag>` (base64url parts, fresh random IV each time).
 */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length < 32) throw new SecretBoxError('the master key must be at least 32 bytes');
  }

  seal(tenantId: string, plaintext: string | Buffer, aad = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(tenantId), iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  open(tenantId: string, sealed: string, aad = ''): Buffer {
    const [version, iv, ciphertext, tag] = sealed.split('.');
    if (version !== VERSION || iv === undefined || ciphertext === undefined || tag === undefined) {
      throw new SecretBoxError('unsupported or malformed sealed value');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(tenantId), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    } catch {
      throw new SecretBoxError('the sealed value cannot be opened (tampered, or sealed for another tenant)');
    }
  }

  openText(tenantId: string, sealed: string, aad = ''): string {
    return this.open(tenantId, sealed, aad).toString('utf8');
  }

  sealJson(tenantId: string, value: unknown, aad = ''): string {
    return this.seal(tenantId, JSON.stringify(value), aad);
  }

  openJson<T>(tenantId: string, sealed: string, aad = ''): T {
    return JSON.parse(this.openText(tenantId, sealed, aad)) as T;
  }

  private key(tenantId: string): Buffer {
    let key = this.keys.get(tenantId);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), `flowhook:tenant-secrets:${tenantId}`, 32));
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
      this.keys.set(tenantId, key);
    }
    return key;
  }
}
