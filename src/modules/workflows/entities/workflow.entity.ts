import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WorkflowEdge, WorkflowNode } from '../domain/workflow-graph.js';
import type { WorkflowStatus } from '../domain/workflow-status.js';

/** The current definition of a workflow; every definition ever saved is also in workflow_versions. */
@Entity({ name: 'workflows' })
export class WorkflowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'text' })
  status!: WorkflowStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer', nullable: true })
  publishedVersion!: number | null;

  @Column({ type: 'jsonb' })
  nodes!: WorkflowNode[];

  @Column({ type: 'jsonb' })
  edges!: WorkflowEdge[];

  /** The trigger token, encrypted with the tenant's key (it is shown again on request). */
  @Column({ type: 'text', select: false })
  triggerTokenSealed!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
