import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of refresh and logout. */
export class RefreshTokenDto {
  @ApiProperty({ example: 'rt_Vn7x0ZkQdE1p9mYc4bq8HcW2sF3uL6tJ' })
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}
