import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runMigrations } from '../../src/platform/database/migration-runner.js';
import { requireTestEnv, TEST_ENV } from '../support/test-environment.js';

const SNAPSHOTS = fileURLToPath(new URL('../../src/modules/executions/persistence/sql-snapshots/', import.meta.url));

/**
 * The engine's SQL snapshots (checked against the code by sql-snapshots.spec.ts) are valid SQL for the
 * real schema: PostgreSQL plans every statement of each, with its parameters.
 */
describe('The engine’s SQL snapshots', () => {
  let client: pg.Client;

  beforeAll(async () => {
    const url = requireTestEnv(TEST_ENV.databaseUrl);
    await runMigrations(url);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it.each(readdirSync(SNAPSHOTS))('%s: PostgreSQL plans each of its statements', async (file) => {
    const { values, statements } = statementsOf(readFileSync(`${SNAPSHOTS}${file}`, 'utf8'));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const { rows } = await client.query(`EXPLAIN ${statement}`, values);
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});

/**
 * A snapshot holds one statement with its parameters (a `-- values:` line first), or a round trip of
 * statements without parameters (their fixed inputs end no line with `;`). BEGIN and COMMIT have no plan.
 */
function statementsOf(snapshot: string): { values?: unknown[]; statements: string[] } {
  const [first, ...rest] = snapshot.split('\n');
  const prefix = '-- values: ';
  if (first.startsWith(prefix))
    return { values: JSON.parse(first.slice(prefix.length)), statements: [rest.join('\n')] };
  return {
    statements: snapshot
      .trim()
      .split(';\n')
      .filter((statement) => statement !== 'BEGIN' && statement !== 'COMMIT'),
  };
}
