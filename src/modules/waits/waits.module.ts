import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { ExecutionBindings, ExecutionsModule, NodeHandlerRegistry } from '../executions/index.js';
import { NodeTypeCatalog, WorkflowsModule } from '../workflows/index.js';
import { ProcessWaitJobHandler } from './commands/process-wait-job.handler.js';
import { ResumeWaitHandler } from './commands/resume-wait.handler.js';
import { TriggerWorkflowHandler } from './commands/trigger-workflow.handler.js';
import { waitNodeType } from './domain/wait.node-type.js';
import { ExpireResumeUrlsOnEnd } from './events/expire-resume-urls.handler.js';
import { RegisterResumeUrlsOnStart } from './events/register-resume-urls.handler.js';
import { ResumeRegistrationStore } from './resume-registration.store.js';
import { ResumeUrls } from './resume-urls.js';
import { WaitIngressController } from './wait-ingress.controller.js';
import { WaitNode } from './wait.node.js';
import { WaitOutcomes } from './wait-outcomes.js';
import { WaitTimerScheduler } from './wait-timer.scheduler.js';

/**
 * Wait and resume (SPEC §8): the `wait` node, resume registrations with their public URLs, the
 * public trigger route, and the timers and expiries on the `waits` queue (processed in WaitsWorkerModule).
 */
@Module({
  imports: [
    CqrsModule,
    WorkflowsModule,
    ExecutionsModule,
    // A timer can fire just before its node's `waiting` commits: the job is retried until it has.
    BullModule.registerQueue({
      name: QueueNames.waits,
      defaultJobOptions: { attempts: 12, backoff: { type: 'exponential', delay: 200 } },
    }),
  ],
  controllers: [WaitIngressController],
  providers: [
    ResumeRegistrationStore,
    ResumeUrls,
    WaitTimerScheduler,
    WaitOutcomes,
    ResumeWaitHandler,
    ProcessWaitJobHandler,
    TriggerWorkflowHandler,
    RegisterResumeUrlsOnStart,
    ExpireResumeUrlsOnEnd,
  ],
  exports: [BullModule],
})
export class WaitsModule implements OnModuleInit {
  constructor(
    private readonly catalog: NodeTypeCatalog,
    private readonly handlers: NodeHandlerRegistry,
    private readonly bindings: ExecutionBindings,
    private readonly registrations: ResumeRegistrationStore,
    private readonly resumeUrls: ResumeUrls,
    private readonly timers: WaitTimerScheduler,
  ) {}

  onModuleInit(): void {
    this.catalog.register(waitNodeType);
    this.handlers.register(new WaitNode(this.registrations, this.resumeUrls, this.timers));
    this.bindings.addContributor((execution) => this.resumeUrls.bindings(execution));
  }
}
