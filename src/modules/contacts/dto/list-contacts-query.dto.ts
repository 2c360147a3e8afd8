import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/page-query.dto.js';

export class ListContactsQueryDto extends PageQueryDto {
  /** Case-insensitive substring of the name or external id. */
  @ApiPropertyOptional({ example: 'sheena' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  search?: string;
}
