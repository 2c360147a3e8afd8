import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class NodePositionDto {
  @ApiProperty({ example: 120 })
  @IsNumber()
  x!: number;

  @ApiProperty({ example: 80 })
  @IsNumber()
  y!: number;
}

export class WorkflowNodeDto {
  /** Unique within the workflow; referenced by edges and templates (`nodes.<id>.output`). */
  @ApiProperty({ example: 'check_amount' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
    message: 'id must start with a letter and use letters, digits, _ or - (at most 64)',
  })
  id!: string;

  @ApiProperty({
    example: 'condition',
    description:
      'trigger.webhook, trigger.manual, trigger.channel, action.http, wait, condition, transform, contact.update',
  })
  @IsString()
  @Length(1, 100)
  type!: string;

  @ApiPropertyOptional({ example: 'Big order?' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  /** Validated against the node type's JSON Schema. */
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { expression: '{{ trigger.body.amount > 100 }}' },
  })
  @IsObject()
  config!: Record<string, unknown>;

  @ApiPropertyOptional({ type: NodePositionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NodePositionDto)
  position?: NodePositionDto;
}
