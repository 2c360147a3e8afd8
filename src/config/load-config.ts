import { resolve } from 'node:path';
import { parseMasterKey } from '../platform/crypto/master-key.js';
import { SsrfPolicy } from '../platform/http/ssrf-policy.js';
import { AppConfig, type AppRole, type LogLevel, type NodeEnv, type QueueDashboardConfig } from './app-config.js';
import { ConfigError } from './config-error.js';
import { loadOrCreateDevSecrets } from './dev-secrets.js';
import { readBoolean, readEnum, readInteger, readList, readOptional, readString, readUrl } from './env-schema.js';

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const APP_ROLES: readonly AppRole[] = ['api', 'worker', 'all'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_JWT_SECRET_LENGTH = 32;
const MIN_DASHBOARD_PASSWORD_LENGTH = 16;

/** Reads and validates every variable at once; throws ConfigError naming the first bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVS, 'development');
  const port = readInteger(env, 'PORT', 3000, 1, 65535);
  const dataDir = resolve(readString(env, 'DATA_DIR', '.data'));
  const secrets = resolveSecrets(env, nodeEnv, dataDir);
  const workerLockDurationMs = readInteger(env, 'WORKER_LOCK_DURATION_MS', 30_000, 500, 600_000);

  return Object.assign(new AppConfig(), {
    nodeEnv,
    appRole: readEnum(env, 'APP_ROLE', APP_ROLES, 'all'),
    host: readString(env, 'HOST', '0.0.0.0'),
    port,
    workerMetricsPort: readInteger(env, 'WORKER_METRICS_PORT', 9464, 0, 65535),
    trustProxy: readBoolean(env, 'TRUST_PROXY', false),
    publicBaseUrl: stripTrailingSlash(
      readUrl(env, 'PUBLIC_BASE_URL', `http://localhost:${port}`, ['http:', 'https:'])!,
    ),
    databaseUrl: readUrl(env, 'DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    redisUrl: readUrl(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'])!,
    queuePrefix: readQueuePrefix(env),
    dataDir,
    jwtSecret: secrets.jwtSecret,
    encryptionKey: secrets.encryptionKey,
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    workerConcurrency: readInteger(env, 'WORKER_CONCURRENCY', 200, 1, 1000),
    workerLockDurationMs,
    sweepIntervalMs: readInteger(env, 'SWEEP_INTERVAL_MS', workerLockDurationMs, 100, 600_000),
    bodyLimitBytes: readInteger(env, 'BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    ingressRateLimitPerSecond: readInteger(env, 'INGRESS_RATE_LIMIT', 100, 1, 1_000_000),
    swaggerEnabled: readBoolean(env, 'SWAGGER_ENABLED', true),
    queueDashboard: readQueueDashboard(env, nodeEnv, dataDir),
    outboundAllowedHosts: readOutboundAllowedHosts(env),
  } satisfies AppConfig);
}

function resolveSecrets(env: Record<string, string | undefined>, nodeEnv: NodeEnv, dataDir: string) {
  let jwtSecret = readOptional(env, 'JWT_SECRET');
  let encryptionKey = readOptional(env, 'ENCRYPTION_KEY');
  if (nodeEnv === 'production') {
    if (!jwtSecret) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    if (!encryptionKey) throw new ConfigError('ENCRYPTION_KEY', 'is required when NODE_ENV=production');
  } else if (!jwtSecret || !encryptionKey) {
    const generated = loadOrCreateDevSecrets(dataDir);
    jwtSecret ??= generated.JWT_SECRET;
    encryptionKey ??= generated.ENCRYPTION_KEY;
  }
  if (jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    throw new ConfigError('JWT_SECRET', `must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
  }
  try {
    parseMasterKey(encryptionKey);
  } catch {
    throw new ConfigError('ENCRYPTION_KEY', 'must be 32 bytes as 64 hex characters or base64');
  }
  return { jwtSecret, encryptionKey };
}

/**
 * On by default in development only. Operators see every tenant's jobs there, so it always sits behind
 * its own credentials: required in production, generated into the data dir's secrets file otherwise.
 */
function readQueueDashboard(
  env: Record<string, string | undefined>,
  nodeEnv: NodeEnv,
  dataDir: string,
): QueueDashboardConfig | undefined {
  if (!readBoolean(env, 'QUEUE_DASHBOARD', nodeEnv === 'development')) return undefined;
  const user = readString(env, 'QUEUE_DASHBOARD_USER', 'admin');
  let password = readOptional(env, 'QUEUE_DASHBOARD_PASSWORD');
  if (!password) {
    if (nodeEnv === 'production')
      throw new ConfigError(
        'QUEUE_DASHBOARD_PASSWORD',
        'is required when QUEUE_DASHBOARD is on and NODE_ENV=production',
      );
    password = loadOrCreateDevSecrets(dataDir).QUEUE_DASHBOARD_PASSWORD;
  }
  if (password.length < MIN_DASHBOARD_PASSWORD_LENGTH)
    throw new ConfigError('QUEUE_DASHBOARD_PASSWORD', `must be at least ${MIN_DASHBOARD_PASSWORD_LENGTH} characters`);
  return { user, password };
}

function readQueuePrefix(env: Record<string, string | undefined>): string {
  const prefix = readString(env, 'QUEUE_PREFIX', 'flowhook');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix))
    throw new ConfigError('QUEUE_PREFIX', 'must be 1-64 letters, digits, - or _');
  return prefix;
}

function readOutboundAllowedHosts(env: Record<string, string | undefined>): string[] {
  const entries = readList(env, 'OUTBOUND_ALLOWED_HOSTS');
  try {
    new SsrfPolicy(entries);
  } catch (error) {
    throw new ConfigError(
      'OUTBOUND_ALLOWED_HOSTS',
      `has a bad entry: ${(error as Error).message.replace(/^OUTBOUND_ALLOWED_HOSTS entry /, '')}`,
    );
  }
  return entries;
}

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
