import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeTypeCatalog } from '../workflows/domain/node-type-catalog.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { waitNodeType } from './domain/wait.node-type.js';

@Module({ imports: [WorkflowsModule] })
export class WaitsModule implements OnModuleInit {
  constructor(private readonly catalog: NodeTypeCatalog) {}

  onModuleInit(): void {
    this.catalog.register(waitNodeType);
  }
}
