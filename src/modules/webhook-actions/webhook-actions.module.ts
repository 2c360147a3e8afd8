import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeTypeCatalog } from '../workflows/domain/node-type-catalog.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { httpActionNodeType } from './domain/http-action.node-type.js';

@Module({ imports: [WorkflowsModule] })
export class WebhookActionsModule implements OnModuleInit {
  constructor(private readonly catalog: NodeTypeCatalog) {}

  onModuleInit(): void {
    this.catalog.register(httpActionNodeType);
  }
}
