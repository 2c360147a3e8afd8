import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContacts1795386000000 implements MigrationInterface {
  name = 'CreateContacts1795386000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        source text NOT NULL,
        external_id text NOT NULL,
        name text,
        fields jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, source, external_id)
      )`);
    await queryRunner.query(`CREATE INDEX contacts_tenant_updated_idx ON contacts (tenant_id, updated_at DESC)`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX contacts_search_idx ON contacts USING gin (lower(coalesce(name, '') || ' ' || external_id) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE contacts`);
  }
}
