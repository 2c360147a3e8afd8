import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class RegisterDto {
  @ApiProperty({ example: 'Acme Store' })
  @IsString()
  @Length(1, 200)
  tenantName!: string;

  @ApiProperty({ example: 'ana@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  /** 10 to 200 characters. */
  @ApiProperty({ example: 'correct horse battery staple', minLength: 10 })
  @IsString()
  @Length(10, 200)
  password!: string;
}
