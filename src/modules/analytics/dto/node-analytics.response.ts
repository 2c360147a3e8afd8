import { ApiProperty } from '@nestjs/swagger';

export class NodeAnalyticsItem {
  @ApiProperty({ example: 'notify' })
  nodeId!: string;

  @ApiProperty({ example: 'action.http' })
  type!: string;

  /** Node executions a worker started (skipped and never-reached nodes are not runs). */
  @ApiProperty({ example: 118 })
  runs!: number;

  /** Mean of finishedAt − startedAt over the runs that succeeded or failed; null when none did. */
  @ApiProperty({ nullable: true, type: Number, example: 12.37 })
  avgDurationMs!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 240.112 })
  maxDurationMs!: number | null;

  /** Runs that ended failed. */
  @ApiProperty({ example: 2 })
  errors!: number;
}

export class NodeAnalyticsResponse {
  /** One item per (node id, type) that ran, ordered by node id. */
  @ApiProperty({ type: [NodeAnalyticsItem] })
  items!: NodeAnalyticsItem[];
}
