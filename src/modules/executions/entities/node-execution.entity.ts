import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ErrorInfo, NodeStatus } from '../domain/execution-status.js';

/** One node of one execution: created `pending` for every node when the execution starts. */
@Entity({ name: 'node_executions' })
export class NodeExecutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  executionId!: string;

  @Column({ type: 'uuid' })
  workflowId!: string;

  @Column({ type: 'text' })
  nodeId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  status!: NodeStatus;

  /** A job for this node was queued (set once, so a join is queued once). */
  @Column({ type: 'boolean' })
  scheduled!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  input!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  output!: unknown;

  @Column({ type: 'text', nullable: true })
  branch!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  error!: ErrorInfo | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
