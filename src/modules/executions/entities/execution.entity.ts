import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ErrorInfo, ExecutionStatus } from '../domain/execution-status.js';
import type { TriggerType } from '../domain/trigger-type.js';

/** One run of a pinned workflow version. */
@Entity({ name: 'executions' })
export class ExecutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  workflowId!: string;

  @Column({ type: 'integer' })
  workflowVersion!: number;

  @Column({ type: 'text' })
  status!: ExecutionStatus;

  @Column({ type: 'text' })
  triggerType!: TriggerType;

  @Column({ type: 'jsonb' })
  triggerInput!: unknown;

  @Column({ type: 'uuid', nullable: true })
  contactId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  error!: ErrorInfo | null;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;

  /** How many times `retry` re-ran it; part of node job ids so a re-run is a new job. */
  @Column({ type: 'integer' })
  retryCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
