import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkflows1795383000000 implements MigrationInterface {
  name = 'CreateWorkflows1795383000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workflows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        version integer NOT NULL DEFAULT 1,
        published_version integer,
        nodes jsonb NOT NULL,
        edges jsonb NOT NULL,
        trigger_token_sealed text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX workflows_tenant_updated_idx ON workflows (tenant_id, updated_at DESC, id)`);
    await queryRunner.query(
      `CREATE INDEX workflows_tenant_status_idx ON workflows (tenant_id, status, updated_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX workflows_tags_idx ON workflows USING gin (tags)`);
    await queryRunner.query(
      `CREATE INDEX workflows_tenant_name_idx ON workflows (tenant_id, lower(name) text_pattern_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE workflow_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        workflow_id uuid NOT NULL REFERENCES workflows(id) ON DELETE CASCADE,
        version integer NOT NULL,
        nodes jsonb NOT NULL,
        edges jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workflow_id, version)
      )`);
    await queryRunner.query(
      `CREATE INDEX workflow_versions_tenant_idx ON workflow_versions (tenant_id, workflow_id, version DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE workflow_versions`);
    await queryRunner.query(`DROP TABLE workflows`);
  }
}
