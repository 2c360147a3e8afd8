import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const secrets = {
  JWT_SECRET: 'x'.repeat(40),
  ENCRYPTION_KEY: 'ab'.repeat(32),
  QUEUE_DASHBOARD_PASSWORD: 'p'.repeat(20),
};

describe('loadConfig', () => {
  it('has working defaults for everything but the database (embedded when unset)', () => {
    const config = loadConfig({ ...secrets });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      appRole: 'all',
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      redisUrl: 'redis://127.0.0.1:6379',
      bodyLimitBytes: 1_048_576,
      outboundAllowedHosts: [],
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_ROLE: 'both' }, 'APP_ROLE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BODY_LIMIT: '-1' }, 'BODY_LIMIT'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ENCRYPTION_KEY: 'not-a-key' }, 'ENCRYPTION_KEY'],
    [{ QUEUE_PREFIX: 'a b' }, 'QUEUE_PREFIX'],
    [{ SWAGGER_ENABLED: 'maybe' }, 'SWAGGER_ENABLED'],
    [{ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1:99999' }, 'OUTBOUND_ALLOWED_HOSTS'],
    [{ QUEUE_DASHBOARD: 'yes please' }, 'QUEUE_DASHBOARD'],
    [{ QUEUE_DASHBOARD_PASSWORD: 'short' }, 'QUEUE_DASHBOARD_PASSWORD'],
    [{ SWEEP_INTERVAL_MS: '50' }, 'SWEEP_INTERVAL_MS'],
    [{ SWEEP_INTERVAL_MS: 'often' }, 'SWEEP_INTERVAL_MS'],
  ])('rejects %j with one line naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig({ ...secrets, ...env });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('never echoes a secret value in its error', () => {
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), ENCRYPTION_KEY: 'super-secret-value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('super-secret-value') }),
    );
  });

  it('requires the secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: secrets.ENCRYPTION_KEY })).toThrow(
      /JWT_SECRET is required/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secrets.JWT_SECRET })).toThrow(
      /ENCRYPTION_KEY is required/,
    );
  });

  it('generates development secrets once, keeps them in DATA_DIR with mode 600', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowhook-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret).toBe(second.jwtSecret);
    expect(first.encryptionKey).toBe(second.encryptionKey);
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      JWT_SECRET: first.jwtSecret,
      ENCRYPTION_KEY: first.encryptionKey,
      QUEUE_DASHBOARD_PASSWORD: first.queueDashboard?.password,
    });
    expect(second.queueDashboard).toEqual({ user: 'admin', password: first.queueDashboard?.password });
  });

  it('adds a secret missing from an older secrets file without replacing the others', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowhook-config-'));
    writeFileSync(
      join(dataDir, 'secrets.json'),
      JSON.stringify({ JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: 'cd'.repeat(32) }),
    );
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.jwtSecret).toBe('j'.repeat(40));
    expect(config.queueDashboard?.password).toMatch(/^[\w-]{24}$/);
  });

  it('serves the queue dashboard by default in development only, always behind a password', () => {
    expect(loadConfig({ ...secrets }).queueDashboard).toEqual({
      user: 'admin',
      password: secrets.QUEUE_DASHBOARD_PASSWORD,
    });
    expect(loadConfig({ ...secrets, NODE_ENV: 'production' }).queueDashboard).toBeUndefined();
    expect(loadConfig({ ...secrets, NODE_ENV: 'test' }).queueDashboard).toBeUndefined();
    expect(loadConfig({ ...secrets, QUEUE_DASHBOARD: 'false' }).queueDashboard).toBeUndefined();
    const { QUEUE_DASHBOARD_PASSWORD: _unused, ...withoutPassword } = secrets;
    expect(() => loadConfig({ ...withoutPassword, NODE_ENV: 'production', QUEUE_DASHBOARD: 'true' })).toThrow(
      /^Invalid configuration: QUEUE_DASHBOARD_PASSWORD is required/,
    );
  });

  it('sweeps every lock duration unless SWEEP_INTERVAL_MS says otherwise', () => {
    expect(loadConfig({ ...secrets })).toMatchObject({ workerLockDurationMs: 30_000, sweepIntervalMs: 30_000 });
    expect(loadConfig({ ...secrets, WORKER_LOCK_DURATION_MS: '5000' }).sweepIntervalMs).toBe(5000);
    expect(loadConfig({ ...secrets, WORKER_LOCK_DURATION_MS: '5000', SWEEP_INTERVAL_MS: '250' })).toMatchObject({
      workerLockDurationMs: 5000,
      sweepIntervalMs: 250,
    });
  });

  it('parses OUTBOUND_ALLOWED_HOSTS as a trimmed list', () => {
    expect(
      loadConfig({ ...secrets, OUTBOUND_ALLOWED_HOSTS: ' 127.0.0.1:4599, example.com ,' }).outboundAllowedHosts,
    ).toEqual(['127.0.0.1:4599', 'example.com']);
  });
});
