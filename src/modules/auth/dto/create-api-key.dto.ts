import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../domain/role.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM sync' })
  @IsString()
  @Length(1, 200)
  name!: string;

  /** At most the creator's own role. */
  @ApiProperty({ enum: ROLES, example: 'editor' })
  @IsIn(ROLES)
  role!: Role;
}
