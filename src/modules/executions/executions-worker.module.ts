import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExecutionsModule } from './executions.module.js';
import { NodeJobProcessor } from './node-job.processor.js';

/** The node-job worker; imported only when APP_ROLE is `worker` or `all`. */
@Module({ imports: [CqrsModule, ExecutionsModule], providers: [NodeJobProcessor] })
export class ExecutionsWorkerModule {}
