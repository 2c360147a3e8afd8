import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1795381176212 implements MigrationInterface {
  name = 'CreateEventStore1795381176212';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_store (
        sequence_number bigserial PRIMARY KEY,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        tenant_id uuid NOT NULL,
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid,
        actor_id uuid,
        correlation_id text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX event_store_tenant_sequence_idx ON event_store (tenant_id, sequence_number)`);
    await queryRunner.query(
      `CREATE INDEX event_store_tenant_type_sequence_idx ON event_store (tenant_id, type, sequence_number)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE event_store`);
  }
}
