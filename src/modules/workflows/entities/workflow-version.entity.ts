import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkflowEdge, WorkflowNode } from '../domain/workflow-graph.js';

/** An immutable snapshot of a workflow's graph; executions pin one. */
@Entity({ name: 'workflow_versions' })
export class WorkflowVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  workflowId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  nodes!: WorkflowNode[];

  @Column({ type: 'jsonb' })
  edges!: WorkflowEdge[];

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
