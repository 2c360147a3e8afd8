import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name' })
  field!: string;

  @ApiProperty({ example: 'name must be a string' })
  message!: string;
}

/** OpenAPI description of the RFC 9457 body every error response carries. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:flowhook:problem:validation_failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request is invalid; see errors for each field.' })
  detail!: string;

  @ApiProperty({ example: '/api/workflows' })
  instance!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    description: 'Only on 500s: the id the error was logged under.',
    example: '0b5f6a52-2f1c-4a8e-9d8b-1c1f2f0e6d3a',
  })
  errorId?: string;
}
