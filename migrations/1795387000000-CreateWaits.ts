import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWaits1795387000000 implements MigrationInterface {
  name = 'CreateWaits1795387000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE resume_registrations (
        resume_id text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        execution_id uuid NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
        workflow_id uuid NOT NULL,
        workflow_version integer NOT NULL,
        node_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'consumed', 'expired')),
        resume_payload jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        consumed_at timestamptz,
        UNIQUE (execution_id, node_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX resume_registrations_active_expiry_idx ON resume_registrations (expires_at) WHERE status = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE resume_registrations`);
  }
}
