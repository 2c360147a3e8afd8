import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_STORED_JSON_DEPTH, servableJson } from '../../../platform/database/postgres-text.js';
import { NODE_STATUSES, type NodeStatus } from '../domain/execution-status.js';
import type { NodeExecutionEntity } from '../entities/node-execution.entity.js';
import { ErrorInfoDto } from './error-info.dto.js';

const TRUNCATION_NOTE =
  ` A stored value nesting deeper than ${MAX_STORED_JSON_DEPTH} levels (written before values were bounded) is served as ` +
  '`{ "truncated": true, "reason": "…" }` instead: serialising it could overflow the stack.';

export class NodeExecutionResponse {
  @ApiProperty({ format: 'uuid', example: '7d9e1c2b-3a4f-4e5d-8c6b-9a0f1e2d3c4b' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  executionId!: string;

  @ApiProperty({ example: 'check' })
  nodeId!: string;

  @ApiProperty({ example: 'condition' })
  type!: string;

  @ApiProperty({ enum: NODE_STATUSES, example: 'succeeded' })
  status!: NodeStatus;

  @ApiPropertyOptional({
    description: `What the node sent or received as input, where it has one.${TRUNCATION_NOTE}`,
    example: null,
    nullable: true,
  })
  input!: unknown;

  @ApiPropertyOptional({
    description: `What the node produced.${TRUNCATION_NOTE}`,
    example: { result: true },
    nullable: true,
  })
  output!: unknown;

  @ApiPropertyOptional({ type: ErrorInfoDto })
  error?: ErrorInfoDto;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiPropertyOptional({ example: '2026-11-22T12:00:00.010Z', nullable: true, type: String })
  startedAt!: string | null;

  @ApiPropertyOptional({ example: '2026-11-22T12:00:00.014Z', nullable: true, type: String })
  finishedAt!: string | null;

  static from(row: NodeExecutionEntity): NodeExecutionResponse {
    return {
      id: row.id,
      executionId: row.executionId,
      nodeId: row.nodeId,
      type: row.type,
      status: row.status,
      input: servableJson(row.input ?? null),
      output: servableJson(row.output ?? null),
      ...(row.error ? { error: row.error } : {}),
      attempts: row.attempts,
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }
}
