import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { requireTestEnv, TEST_ENV } from './test-environment.js';

/** A real `APP_ROLE=worker` process (the built dist/src/main.js) on the run's database. */
export function startWorkerProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      APP_ROLE: 'worker',
      DATABASE_URL: requireTestEnv(TEST_ENV.databaseUrl),
      REDIS_URL: requireTestEnv(TEST_ENV.redisUrl),
      JWT_SECRET: 'test-jwt-secret-that-is-long-enough-for-hs256-0123456789',
      ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      LOG_LEVEL: 'warn',
      // Several workers run on this host at once; a spec that scrapes one gives it a port.
      WORKER_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
