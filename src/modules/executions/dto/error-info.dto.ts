import { ApiProperty } from '@nestjs/swagger';

export class ErrorInfoDto {
  /** Stable classification: timeout, http_5xx, expression_error, output_too_large … */
  @ApiProperty({ example: 'expression_error' })
  class!: string;

  @ApiProperty({ example: 'Evaluation error in {{ trigger.body.amount * "x" }}: …' })
  message!: string;
}
