import { Global, Module } from '@nestjs/common';
import { TemplateEvaluator } from './template-evaluator.js';

/** One shared TemplateEvaluator (it caches compiled templates) for every module. */
@Global()
@Module({
  providers: [{ provide: TemplateEvaluator, useFactory: () => new TemplateEvaluator() }],
  exports: [TemplateEvaluator],
})
export class ExpressionsModule {}
