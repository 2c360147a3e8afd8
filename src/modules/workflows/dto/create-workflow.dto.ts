import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { WorkflowEdgeDto } from './workflow-edge.dto.js';
import { WorkflowNodeDto } from './workflow-node.dto.js';

export const MAX_NODES = 500;

export class CreateWorkflowDto {
  @ApiProperty({ example: 'Route big orders' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'Sends orders over 100 to the sales team' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['sales', 'mercadolibre'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiProperty({
    type: [WorkflowNodeDto],
    example: [
      { id: 'start', type: 'trigger.manual', config: {} },
      { id: 'check', type: 'condition', config: { expression: '{{ trigger.body.amount > 100 }}' } },
      { id: 'big', type: 'transform', config: { set: { 'order.size': 'big' } } },
    ],
  })
  @IsArray()
  @ArrayMaxSize(MAX_NODES)
  @ValidateNested({ each: true })
  @Type(() => WorkflowNodeDto)
  nodes!: WorkflowNodeDto[];

  @ApiProperty({
    type: [WorkflowEdgeDto],
    example: [
      { source: 'start', target: 'check' },
      { source: 'check', target: 'big', branch: 'true' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(MAX_NODES * 4)
  @ValidateNested({ each: true })
  @Type(() => WorkflowEdgeDto)
  edges!: WorkflowEdgeDto[];
}
