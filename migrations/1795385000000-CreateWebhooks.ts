import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1795385000000 implements MigrationInterface {
  name = 'CreateWebhooks1795385000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        workflow_id uuid NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        name text NOT NULL,
        provider text NOT NULL CHECK (provider IN ('whatsapp', 'instagram', 'mercadolibre', 'zapier', 'generic')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
        auth_token_sealed text NOT NULL,
        auth_token_hash text NOT NULL,
        secret_key_sealed text,
        config jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX webhooks_tenant_workflow_idx ON webhooks (tenant_id, workflow_id, node_id)`);
    await queryRunner.query(`CREATE INDEX webhooks_tenant_created_idx ON webhooks (tenant_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        provider text NOT NULL,
        status text NOT NULL CHECK (status IN ('received', 'processed', 'failed')),
        provider_event_id text,
        customer_id text,
        raw_body bytea NOT NULL,
        content_type text,
        headers jsonb NOT NULL,
        query jsonb NOT NULL,
        source_ip text,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        processing_time_ms integer,
        error text,
        workflow_execution_id uuid,
        correlation_id text
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_events_webhook_received_idx ON webhook_events (webhook_id, received_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_events_tenant_received_idx ON webhook_events (tenant_id, received_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_events_unprocessed_idx ON webhook_events (received_at) WHERE status = 'received'`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_event_keys (
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        dedup_key text NOT NULL,
        event_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (webhook_id, dedup_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_event_keys`);
    await queryRunner.query(`DROP TABLE webhook_events`);
    await queryRunner.query(`DROP TABLE webhooks`);
  }
}
