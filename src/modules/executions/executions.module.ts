import { BullModule } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TemplateEvaluator } from '../../platform/expressions/template-evaluator.js';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { WorkflowsModule } from '../workflows/index.js';
import { CancelExecutionHandler } from './commands/cancel-execution.handler.js';
import { FailNodeRunHandler } from './commands/fail-node-run.handler.js';
import { RetryExecutionHandler } from './commands/retry-execution.handler.js';
import { RunNodeHandler } from './commands/run-node.handler.js';
import { StartExecutionHandler } from './commands/start-execution.handler.js';
import { ExecutionEntity } from './entities/execution.entity.js';
import { NodeExecutionEntity } from './entities/node-execution.entity.js';
import { ExecutionBindings } from './execution-bindings.js';
import { ExecutionContextLoader } from './execution-context.loader.js';
import { ExecutionsController } from './executions.controller.js';
import { NodeHandlerRegistry } from './node-handler.registry.js';
import { NodeJobScheduler } from './node-job.scheduler.js';
import { NodeOutcomeRecorder } from './node-outcome.recorder.js';
import { NodeSettlements } from './node-settlements.js';
import { ConditionNode } from './nodes/condition.node.js';
import { TransformNode } from './nodes/transform.node.js';
import { TriggerNode } from './nodes/trigger.node.js';
import { ExecutionStarts } from './persistence/execution-starts.js';
import { ExecutionStateStore } from './persistence/execution-state.store.js';
import { NodeRunStore } from './persistence/node-run.store.js';
import { SettlementStore } from './persistence/settlement.store.js';
import { GetExecutionHandler } from './queries/get-execution.handler.js';
import { ListNodeExecutionsHandler } from './queries/list-node-executions.handler.js';
import { ListWorkflowExecutionsHandler } from './queries/list-workflow-executions.handler.js';
import { TenantFairness } from './tenant-fairness.js';
import { WaitingNodes } from './waiting-nodes.js';
import { WorkflowExecutionsController } from './workflow-executions.controller.js';

/**
 * The execution engine: executions and node executions, node jobs on BullMQ, and the registry
 * through which modules bring node types. Processing happens in ExecutionsWorkerModule.
 */
@Module({
  imports: [
    CqrsModule,
    WorkflowsModule,
    TypeOrmModule.forFeature([ExecutionEntity, NodeExecutionEntity]),
    BullModule.registerQueue({ name: QueueNames.nodes }),
  ],
  controllers: [WorkflowExecutionsController, ExecutionsController],
  providers: [
    NodeHandlerRegistry,
    ExecutionBindings,
    ExecutionContextLoader,
    ExecutionStarts,
    ExecutionStateStore,
    NodeJobScheduler,
    NodeOutcomeRecorder,
    TenantFairness,
    StartExecutionHandler,
    RunNodeHandler,
    FailNodeRunHandler,
    NodeRunStore,
    NodeSettlements,
    SettlementStore,
    WaitingNodes,
    CancelExecutionHandler,
    RetryExecutionHandler,
    GetExecutionHandler,
    ListWorkflowExecutionsHandler,
    ListNodeExecutionsHandler,
  ],
  exports: [NodeHandlerRegistry, ExecutionBindings, TenantFairness, NodeJobScheduler, WaitingNodes, BullModule],
})
export class ExecutionsModule implements OnModuleInit {
  constructor(
    private readonly registry: NodeHandlerRegistry,
    private readonly templates: TemplateEvaluator,
  ) {}

  onModuleInit(): void {
    for (const type of ['trigger.manual', 'trigger.webhook', 'trigger.channel'] as const)
      this.registry.register(new TriggerNode(type));
    this.registry.register(new ConditionNode(this.templates));
    this.registry.register(new TransformNode(this.templates));
  }
}
