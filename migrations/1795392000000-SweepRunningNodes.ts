import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unqueued-node sweeper also looks for running nodes whose job is gone: its index covers both. */
export class SweepRunningNodes1795392000000 implements MigrationInterface {
  name = 'SweepRunningNodes1795392000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX node_executions_unqueued_idx`);
    await queryRunner.query(
      `CREATE INDEX node_executions_unqueued_idx ON node_executions (scheduled_at) WHERE scheduled AND status IN ('pending', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX node_executions_unqueued_idx`);
    await queryRunner.query(
      `CREATE INDEX node_executions_unqueued_idx ON node_executions (scheduled_at) WHERE scheduled AND status = 'pending'`,
    );
  }
}
