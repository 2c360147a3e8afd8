import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const main = join(process.cwd(), 'dist', 'src', 'main.js');

describe('Process start-up (the built dist/src/main.js)', () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error('dist/src/main.js is missing: npm test builds it first');
  });

  it('exits 1 with one line naming the variable when a value is invalid', () => {
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT must be an integer/);
  });

  it('exits 1 with a clear line when Redis cannot be reached', () => {
    const result = spawnSync(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: process.env.FLOWHOOK_TEST_DATABASE_URL,
        REDIS_URL: 'redis://127.0.0.1:1',
        JWT_SECRET: 'x'.repeat(40),
        ENCRYPTION_KEY: 'ab'.repeat(32),
      },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Redis is not reachable at REDIS_URL \(redis:\/\/127\.0\.0\.1:1\)\. Start one/);
  });
});
