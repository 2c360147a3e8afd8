import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_STORED_JSON_DEPTH, servableJson } from '../../../platform/database/postgres-text.js';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../domain/execution-status.js';
import { TRIGGER_TYPES, type TriggerType } from '../domain/trigger-type.js';
import type { ExecutionEntity } from '../entities/execution.entity.js';
import { ErrorInfoDto } from './error-info.dto.js';

export class ExecutionTriggerDto {
  @ApiProperty({ enum: TRIGGER_TYPES, example: 'manual' })
  type!: TriggerType;

  @ApiProperty({
    description:
      "The trigger node's output: `{ body }` for execute, `{ body, headers, query }` for webhooks. A stored input nesting deeper than " +
      `${MAX_STORED_JSON_DEPTH} levels (written before inputs were bounded) is served as \`{ "truncated": true, "reason": "…" }\` instead.`,
    example: { body: { amount: 120 } },
  })
  input!: unknown;
}

export class ExecutionSummaryResponse {
  @ApiProperty({ format: 'uuid', example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  workflowId!: string;

  @ApiProperty({ example: 3 })
  workflowVersion!: number;

  @ApiProperty({ enum: EXECUTION_STATUSES, example: 'succeeded' })
  status!: ExecutionStatus;

  @ApiProperty({ type: ExecutionTriggerDto })
  trigger!: ExecutionTriggerDto;

  @ApiPropertyOptional({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String })
  startedAt!: string | null;

  @ApiPropertyOptional({ example: '2026-11-22T12:00:00.020Z', nullable: true, type: String })
  finishedAt!: string | null;

  @ApiPropertyOptional({ type: ErrorInfoDto })
  error?: ErrorInfoDto;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  createdAt!: string;

  static from(row: ExecutionEntity): ExecutionSummaryResponse {
    return {
      id: row.id,
      workflowId: row.workflowId,
      workflowVersion: row.workflowVersion,
      status: row.status,
      trigger: { type: row.triggerType, input: servableJson(row.triggerInput) },
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      ...(row.error ? { error: row.error } : {}),
      createdAt: row.createdAt.toISOString(),
    };
  }
}
