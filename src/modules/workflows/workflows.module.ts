import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArchiveWorkflowHandler } from './commands/archive-workflow.handler.js';
import { CreateWorkflowHandler } from './commands/create-workflow.handler.js';
import { PublishWorkflowHandler } from './commands/publish-workflow.handler.js';
import { RegenerateTriggerTokenHandler } from './commands/regenerate-trigger-token.handler.js';
import { RevertWorkflowHandler } from './commands/revert-workflow.handler.js';
import { UpdateWorkflowHandler } from './commands/update-workflow.handler.js';
import { coreNodeTypes } from './domain/core-node-types.js';
import { NodeTypeCatalog } from './domain/node-type-catalog.js';
import { WorkflowVersionEntity } from './entities/workflow-version.entity.js';
import { WorkflowEntity } from './entities/workflow.entity.js';
import { GetTriggerTokenHandler } from './queries/get-trigger-token.handler.js';
import { GetWorkflowVersionHandler } from './queries/get-workflow-version.handler.js';
import { GetWorkflowHandler } from './queries/get-workflow.handler.js';
import { ListWorkflowVersionsHandler } from './queries/list-workflow-versions.handler.js';
import { ListWorkflowsHandler } from './queries/list-workflows.handler.js';
import { TriggerTokenVerifier } from './trigger-token.verifier.js';
import { WorkflowDefinitionValidator } from './workflow-definition.validator.js';
import { WorkflowRepository } from './workflow.repository.js';
import { WorkflowVersionReader } from './workflow-version.reader.js';
import { WorkflowsController } from './workflows.controller.js';

/**
 * Workflow definitions, versions and publishing. Exports the NodeTypeCatalog (modules that bring a
 * node type register its definition there on start) and the WorkflowVersionReader (what executions run).
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([WorkflowEntity, WorkflowVersionEntity])],
  controllers: [WorkflowsController],
  providers: [
    {
      provide: NodeTypeCatalog,
      useFactory: () => {
        const catalog = new NodeTypeCatalog();
        for (const definition of coreNodeTypes) catalog.register(definition);
        return catalog;
      },
    },
    WorkflowDefinitionValidator,
    WorkflowRepository,
    WorkflowVersionReader,
    TriggerTokenVerifier,
    CreateWorkflowHandler,
    UpdateWorkflowHandler,
    ArchiveWorkflowHandler,
    PublishWorkflowHandler,
    RevertWorkflowHandler,
    RegenerateTriggerTokenHandler,
    ListWorkflowsHandler,
    GetWorkflowHandler,
    ListWorkflowVersionsHandler,
    GetWorkflowVersionHandler,
    GetTriggerTokenHandler,
  ],
  exports: [NodeTypeCatalog, WorkflowVersionReader, TriggerTokenVerifier],
})
export class WorkflowsModule {}
