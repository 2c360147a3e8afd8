import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WaitJobProcessor } from './wait-job.processor.js';
import { WaitsModule } from './waits.module.js';

/** Processes wait timers and resume-URL expiries; imported only when APP_ROLE is `worker` or `all`. */
@Module({ imports: [CqrsModule, WaitsModule], providers: [WaitJobProcessor] })
export class WaitsWorkerModule {}
