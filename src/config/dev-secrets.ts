import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  JWT_SECRET: string;
  ENCRYPTION_KEY: string;
  QUEUE_DASHBOARD_PASSWORD: string;
}

const GENERATORS: Record<keyof DevSecrets, () => string> = {
  JWT_SECRET: () => randomBytes(48).toString('base64url'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('hex'),
  QUEUE_DASHBOARD_PASSWORD: () => randomBytes(18).toString('base64url'),
};

/**
 * Secrets for development: generated once and kept in `<dataDir>/secrets.json` (mode 600),
 * so tokens and encrypted credentials survive restarts. A secret missing from an older file is
 * added; existing ones are never replaced. Never used when NODE_ENV=production.
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<DevSecrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>)
    : {};
  const missing = (Object.keys(GENERATORS) as (keyof DevSecrets)[]).filter((name) => !stored[name]);
  if (missing.length === 0) return stored as DevSecrets;
  for (const name of missing) stored[name] = GENERATORS[name]();
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return stored as DevSecrets;
}
