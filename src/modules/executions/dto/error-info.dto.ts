import { ApiProperty } from '@nestjs/swagger';

export class ErrorInfoDto {
  /**
   * Stable classification: timeout, http_5xx, expression_error, output_too_large, output_too_deep …;
   * a node whose run failed in the engine itself: too_deep, too_large, invalid_json, internal_error.
   */
  @ApiProperty({ example: 'expression_error' })
  class!: string;

  @ApiProperty({ example: 'Evaluation error in {{ trigger.body.amount * "x" }}: …' })
  message!: string;
}
