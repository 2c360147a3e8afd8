import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '../domain/workflow-status.js';
import type { WorkflowEntity } from '../entities/workflow.entity.js';
import { WorkflowEdgeDto } from './workflow-edge.dto.js';
import { WorkflowNodeDto } from './workflow-node.dto.js';

export class WorkflowResponse {
  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  id!: string;

  @ApiProperty({ example: 'Route big orders' })
  name!: string;

  @ApiPropertyOptional({ example: 'Sends orders over 100 to the sales team', nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ type: [String], example: ['sales'] })
  tags!: string[];

  @ApiProperty({ enum: WORKFLOW_STATUSES, example: 'draft' })
  status!: WorkflowStatus;

  /** Current version of the graph (also the ETag). */
  @ApiProperty({ example: 2 })
  version!: number;

  @ApiPropertyOptional({ example: 1, nullable: true, type: Number })
  publishedVersion!: number | null;

  @ApiProperty({ type: [WorkflowNodeDto] })
  nodes!: WorkflowNodeDto[];

  @ApiProperty({ type: [WorkflowEdgeDto] })
  edges!: WorkflowEdgeDto[];

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-22T12:05:00.000Z' })
  updatedAt!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10',
  })
  createdBy!: string | null;

  static from(workflow: WorkflowEntity): WorkflowResponse {
    return {
      id: workflow.id,
      name: workflow.name,
      description: workflow.description,
      tags: workflow.tags,
      status: workflow.status,
      version: workflow.version,
      publishedVersion: workflow.publishedVersion,
      nodes: workflow.nodes,
      edges: workflow.edges,
      createdAt: workflow.createdAt.toISOString(),
      updatedAt: workflow.updatedAt.toISOString(),
      createdBy: workflow.createdBy,
    };
  }
}
