import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A provider fixture from test/fixtures, as the exact bytes a provider would send. */
export function fixture(name: string): Buffer {
  return readFileSync(join(process.cwd(), 'test', 'fixtures', name));
}

/** `sha256=<hex HMAC-SHA256(secret, body)>`, as Meta (X-Hub-Signature-256) and generic senders sign. */
export function hexSignature(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
