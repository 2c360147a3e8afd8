import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WorkflowVersionEntity } from '../entities/workflow-version.entity.js';
import { WorkflowEdgeDto } from './workflow-edge.dto.js';
import { WorkflowNodeDto } from './workflow-node.dto.js';

export class WorkflowVersionResponse {
  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  workflowId!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ type: [WorkflowNodeDto] })
  nodes!: WorkflowNodeDto[];

  @ApiProperty({ type: [WorkflowEdgeDto] })
  edges!: WorkflowEdgeDto[];

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10',
  })
  createdBy!: string | null;

  static from(version: WorkflowVersionEntity): WorkflowVersionResponse {
    return {
      workflowId: version.workflowId,
      version: version.version,
      nodes: version.nodes,
      edges: version.edges,
      createdAt: version.createdAt.toISOString(),
      createdBy: version.createdBy,
    };
  }
}
