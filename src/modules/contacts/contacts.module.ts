import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeTypeCatalog } from '../workflows/domain/node-type-catalog.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { contactUpdateNodeType } from './domain/contact-update.node-type.js';

@Module({ imports: [WorkflowsModule] })
export class ContactsModule implements OnModuleInit {
  constructor(private readonly catalog: NodeTypeCatalog) {}

  onModuleInit(): void {
    this.catalog.register(contactUpdateNodeType);
  }
}
