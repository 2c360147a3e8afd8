import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditEventResponse {
  @ApiProperty({ example: 42 })
  sequence!: number;

  @ApiProperty({ example: 'workflow.published' })
  type!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '3f0c1f0e-7a52-4a0e-a0a5-6d1c1b8f2a10',
  })
  actorId!: string | null;

  @ApiProperty({ example: 'workflow' })
  aggregateType!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f',
  })
  aggregateId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { version: 2 } })
  payload!: Record<string, unknown>;

  @ApiProperty({ example: '2026-11-22T12:00:00.000Z' })
  timestamp!: string;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] })
  items!: AuditEventResponse[];

  /** Pass as `afterSequence` to read on; null when this page is the end for now. */
  @ApiPropertyOptional({ example: 42, nullable: true, type: Number })
  nextAfterSequence!: number | null;
}
