import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WorkflowsModule } from '../workflows/index.js';
import { ExecutionsModule } from './executions.module.js';
import { NodeJobProcessor } from './node-job.processor.js';
import { UnqueuedNodeSweeper } from './unqueued-node.sweeper.js';

/** The node-job worker and the sweeper for lost jobs; imported only when APP_ROLE is `worker` or `all`. */
@Module({
  imports: [CqrsModule, ExecutionsModule, WorkflowsModule],
  providers: [NodeJobProcessor, UnqueuedNodeSweeper],
})
export class ExecutionsWorkerModule {}
