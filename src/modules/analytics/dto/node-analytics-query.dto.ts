import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DateRangeQueryDto } from '../../../platform/http/date-range-query.dto.js';

export class NodeAnalyticsQueryDto extends DateRangeQueryDto {
  /** The workflow whose nodes are summarised (404 when it is not the caller's). */
  @ApiProperty({ format: 'uuid', example: '0c8f5a7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f' })
  @IsUUID()
  workflowId!: string;
}
