import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExecutions1795384000000 implements MigrationInterface {
  name = 'CreateExecutions1795384000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE executions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        workflow_id uuid NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
        workflow_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled')),
        trigger_type text NOT NULL,
        trigger_input jsonb NOT NULL DEFAULT '{}'::jsonb,
        contact_id uuid,
        error jsonb,
        correlation_id text,
        source_key text,
        retry_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX executions_tenant_workflow_created_idx ON executions (tenant_id, workflow_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX executions_source_key_idx ON executions (tenant_id, source_key) WHERE source_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX executions_tenant_status_idx ON executions (tenant_id, status, created_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE node_executions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        execution_id uuid NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
        workflow_id uuid NOT NULL,
        node_id text NOT NULL,
        type text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled')),
        scheduled boolean NOT NULL DEFAULT false,
        scheduled_at timestamptz,
        input jsonb,
        output jsonb,
        branch text,
        error jsonb,
        attempts integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        finished_at timestamptz,
        UNIQUE (execution_id, node_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX node_executions_unqueued_idx ON node_executions (scheduled_at) WHERE scheduled AND status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX node_executions_tenant_workflow_node_idx ON node_executions (tenant_id, workflow_id, node_id, started_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE node_executions`);
    await queryRunner.query(`DROP TABLE executions`);
  }
}
