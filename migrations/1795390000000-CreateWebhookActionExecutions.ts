import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhookActionExecutions1795390000000 implements MigrationInterface {
  name = 'CreateWebhookActionExecutions1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_action_executions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        workflow_id uuid,
        execution_id uuid,
        node_id text,
        attempt integer NOT NULL,
        method text NOT NULL,
        url text NOT NULL,
        origin text NOT NULL,
        request_headers jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
        http_status integer,
        duration_ms integer NOT NULL,
        response_excerpt text,
        error_class text,
        error_message text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_action_executions_tenant_created_idx ON webhook_action_executions (tenant_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_action_executions_tenant_workflow_idx ON webhook_action_executions (tenant_id, workflow_id, node_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_action_executions_tenant_origin_idx ON webhook_action_executions (tenant_id, origin, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_action_executions`);
  }
}
