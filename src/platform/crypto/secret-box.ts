import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { LruCache } from '../caching/lru-cache.js';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_MASTER_KEY_BYTES = 32;
const DEFAULT_PURPOSE = 'tenant-secrets';
const DEFAULT_MAX_CACHED_KEYS = 10_000;
const PURPOSE = /^[a-z0-9][a-z0-9-]*$/;

/** Raised for anything that cannot be sealed or opened. Messages never carry keys, plaintext or the sealed value. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBoxOptions {
  /** Part of the HKDF `info`: boxes with different purposes cannot open each other's values. */
  purpose?: string;
  /** Upper bound of the per-tenant derived-key cache. */
  maxCachedKeys?: number;
}

/**
 * AES-256-GCM envelope for secrets at rest, with one key per tenant derived from the master key by
 * HKDF-SHA256: a value copied into another tenant's row cannot be opened there. `aad` binds a value
 * to its context (e.g. the credential id), so it cannot be moved between columns or rows either.
 * Output: `v1.<iv>.<ciphertext>.<tag>`, base64url parts, a fresh random 96-bit IV each time.
 */
export class SecretBox {
  private readonly masterKey: Buffer;
  private readonly purpose: string;
  private readonly keys: LruCache<string, Buffer>;

  constructor(masterKey: Buffer, options: SecretBoxOptions = {}) {
    if (!Buffer.isBuffer(masterKey) || masterKey.length < MIN_MASTER_KEY_BYTES) {
      throw new SecretBoxError(`the master key must be at least ${MIN_MASTER_KEY_BYTES} bytes`);
    }
    this.masterKey = Buffer.from(masterKey);
    this.purpose = options.purpose ?? DEFAULT_PURPOSE;
    const maxCachedKeys = options.maxCachedKeys ?? DEFAULT_MAX_CACHED_KEYS;
    if (!PURPOSE.test(this.purpose))
      throw new SecretBoxError('the purpose must be lowercase letters, digits and dashes');
    if (!Number.isSafeInteger(maxCachedKeys) || maxCachedKeys < 1) {
      throw new SecretBoxError('maxCachedKeys must be a positive integer');
    }
    this.keys = new LruCache(maxCachedKeys);
  }

  seal(tenantId: string, plaintext: string | Buffer, aad = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(tenantId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      ciphertext.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
    ].join('.');
  }

  open(tenantId: string, sealed: string, aad = ''): Buffer {
    const { iv, ciphertext, tag } = parseSealed(sealed);
    const key = this.key(tenantId);
    try {
      // authTagLength pins the tag at 16 bytes: GCM would otherwise accept a truncated, forgeable tag.
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new SecretBoxError(
        'the sealed value cannot be opened: tampered, sealed for another tenant or another context',
      );
    }
  }

  openText(tenantId: string, sealed: string, aad = ''): string {
    return this.open(tenantId, sealed, aad).toString('utf8');
  }

  sealJson(tenantId: string, value: unknown, aad = ''): string {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    if (json === undefined) throw new SecretBoxError('the value cannot be serialised as JSON');
    return this.seal(tenantId, json, aad);
  }

  /** The caller vouches for `T`: the value was sealed by `sealJson` with the same type. */
  openJson<T>(tenantId: string, sealed: string, aad = ''): T {
    const text = this.openText(tenantId, sealed, aad);
    try {
      return JSON.parse(text) as T;
    } catch {
      // JSON.parse quotes the offending input in its message: never let that reach a log.
      throw new SecretBoxError('the opened value is not valid JSON');
    }
  }

  private key(tenantId: string): Buffer {
    if (typeof tenantId !== 'string' || tenantId.length === 0) throw new SecretBoxError('a tenant id is required');
    const cached = this.keys.get(tenantId);
    if (cached) return cached;
    const info = `flowhook:${this.purpose}:${tenantId}`;
    const key = Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), info, KEY_BYTES));
    this.keys.set(tenantId, key);
    return key;
  }
}

function parseSealed(sealed: string): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  if (parts[0] !== VERSION) throw new SecretBoxError('unsupported sealed value version');
  if (parts.length !== 4) throw new SecretBoxError('malformed sealed value');
  const [iv, ciphertext, tag] = parts.slice(1).map(decodeCanonicalBase64url);
  if (!iv || !ciphertext || !tag || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretBoxError('malformed sealed value');
  }
  return { iv, ciphertext, tag };
}

/** Node's decoder skips stray characters and trailing bits; only the canonical spelling of the bytes is accepted. */
function decodeCanonicalBase64url(part: string): Buffer | undefined {
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}
