import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChannels1795391000000 implements MigrationInterface {
  name = 'CreateChannels1795391000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider IN ('whatsapp', 'instagram', 'mercadolibre', 'zapier', 'generic')),
        name text NOT NULL,
        credentials_sealed text NOT NULL,
        masked jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX channels_tenant_created_idx ON channels (tenant_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE channel_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        event text NOT NULL,
        status text NOT NULL CHECK (status IN ('received', 'processed', 'failed')),
        provider_event_id text,
        customer_id text,
        raw_body bytea NOT NULL,
        content_type text,
        headers jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        error text,
        execution_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX channel_events_dedup_idx ON channel_events (channel_id, event, provider_event_id) WHERE provider_event_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX channel_events_unprocessed_idx ON channel_events (received_at) WHERE status = 'received'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE channel_events`);
    await queryRunner.query(`DROP TABLE channels`);
  }
}
