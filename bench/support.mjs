// Helpers for `npm run bench`: processes, databases, load generation. Loopback only.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = join(import.meta.dirname, '..');
export const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createDatabase(name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** A connection for repeated queries (polls): one per poll would fork a PostgreSQL backend each time, load on what is measured. */
export async function connect(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

export async function query(databaseUrl, sql, params = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * `node dist/src/main.js` as production runs it (`npm run start:prod`); BENCH_NODE_ARGS, e.g. --cpu-prof, go to every process.
 * Its log lines (stdout) go to `logFile` when given, else nowhere.
 */
function spawnFlowhook(env, logFile) {
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []),
      join(ROOT, 'dist', 'src', 'main.js'),
    ],
    {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-0123456789',
        ENCRYPTION_KEY: 'ab'.repeat(32),
        ...env,
      },
      stdio: ['ignore', logFile ? 'pipe' : 'ignore', 'inherit'],
    },
  );
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    child.stdout.pipe(createWriteStream(logFile, { flags: 'a' }));
  }
  return child;
}

/** Starts an API (or `all`) process and resolves once /health answers 200 (logs to `logFile` when given). */
export async function startFlowhook(env, logFile) {
  const child = spawnFlowhook(env, logFile);
  const base = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).status === 200) return { child, base };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('Flowhook did not become healthy');
}

/** Starts an `APP_ROLE=worker` process (no port to wait for: it starts taking jobs once it is up). */
export function startWorker(env) {
  return spawnFlowhook({ APP_ROLE: 'worker', WORKER_METRICS_PORT: '0', ...env });
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** The baseline every ratio is measured against: a bare node:http server answering 202. */
export async function startBaseline() {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end('{"status":"accepted"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** A local receiver for outbound actions (answers 200 JSON); notes when each request path arrived. */
export async function startReceiver() {
  let count = 0;
  const arrivals = new Map();
  const server = createServer((request, response) => {
    arrivals.set(request.url, Date.now());
    request.resume();
    request.on('end', () => {
      count++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: server.address().port, count: () => count, arrivedAt: (path) => arrivals.get(path) };
}

/**
 * autocannon with 100 connections for 10 s by default; `amount` (a fixed request count) replaces the
 * duration. `seconds` is from the start to the last response (autocannon's own duration only ticks
 * once a second, which a fixed-count run would count as sending time).
 */
export function load(options) {
  const merged = { connections: 100, duration: 10, ...options };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  if (options.amount) delete merged.duration;
  const started = performance.now();
  let lastResponse = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(merged, (error, result) =>
      error ? reject(error) : resolve({ ...result, seconds: (lastResponse - started) / 1000 }),
    );
    instance.on('response', () => (lastResponse = performance.now()));
  });
}

export async function json(base, method, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Deletes every Redis key of the run's prefix. */
export async function deleteRedisKeys(prefix, redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}
