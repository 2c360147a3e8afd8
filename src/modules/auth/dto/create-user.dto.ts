import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../domain/role.js';

export class CreateUserDto {
  @ApiProperty({ example: 'bruno@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  /** The first password, set by the admin; 10 to 200 characters. */
  @ApiProperty({ example: 'a long first password', minLength: 10 })
  @IsString()
  @Length(10, 200)
  password!: string;

  @ApiProperty({ enum: ROLES, example: 'editor' })
  @IsIn(ROLES)
  role!: Role;
}
