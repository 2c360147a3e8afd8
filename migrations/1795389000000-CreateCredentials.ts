import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCredentials1795389000000 implements MigrationInterface {
  name = 'CreateCredentials1795389000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('basic', 'bearer', 'api_key', 'signing')),
        data_sealed text NOT NULL,
        masked jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX credentials_tenant_created_idx ON credentials (tenant_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE credentials`);
  }
}
