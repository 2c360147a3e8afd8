import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class WorkflowEdgeDto {
  @ApiPropertyOptional({ example: 'e1' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  id?: string;

  @ApiProperty({ example: 'check_amount' })
  @IsString()
  @Length(1, 64)
  source!: string;

  @ApiProperty({ example: 'notify_sales' })
  @IsString()
  @Length(1, 64)
  target!: string;

  /** The output of a branching source node (`true`/`false` for condition, `timeout` for wait). */
  @ApiPropertyOptional({ example: 'true' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  branch?: string;
}
