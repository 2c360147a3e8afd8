import { ApiProperty } from '@nestjs/swagger';

export class WorkflowAnalyticsItem {
  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  workflowId!: string;

  @ApiProperty({ example: 'Order confirmations' })
  name!: string;

  /** Executions created in the range, whatever their status. */
  @ApiProperty({ example: 120 })
  executions!: number;

  @ApiProperty({ example: 114 })
  succeeded!: number;

  @ApiProperty({ example: 4 })
  failed!: number;

  /** Mean of finishedAt − startedAt over the finished executions in the range; null when none finished. */
  @ApiProperty({ nullable: true, type: Number, example: 38.412 })
  avgDurationMs!: number | null;

  /** 95th percentile (PostgreSQL percentile_cont, interpolated) of the same durations. */
  @ApiProperty({ nullable: true, type: Number, example: 91.5 })
  p95DurationMs!: number | null;

  /** When the latest execution in the range started (created, if it has not started). */
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T12:00:00.000Z' })
  lastExecutedAt!: string | null;
}

export class WorkflowAnalyticsResponse {
  /** One item per workflow of the tenant (archived ones only when they ran in the range), busiest first. */
  @ApiProperty({ type: [WorkflowAnalyticsItem] })
  items!: WorkflowAnalyticsItem[];
}
