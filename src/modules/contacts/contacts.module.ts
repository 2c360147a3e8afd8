import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TemplateEvaluator } from '../../platform/expressions/template-evaluator.js';
import { ExecutionBindings, ExecutionsModule, NodeHandlerRegistry } from '../executions/index.js';
import { NodeTypeCatalog, WorkflowsModule } from '../workflows/index.js';
import { ContactDirectory } from './contact-directory.js';
import { ContactUpdateNode } from './contact-update.node.js';
import { ContactsController } from './contacts.controller.js';
import { contactUpdateNodeType } from './domain/contact-update.node-type.js';
import { ContactEntity } from './entities/contact.entity.js';
import { GetContactHandler } from './queries/get-contact.handler.js';
import { ListContactsHandler } from './queries/list-contacts.handler.js';

/** Contacts upserted by inbound events; brings the `contact.update` node and `{{ contact }}` in templates. */
@Module({
  imports: [CqrsModule, ExecutionsModule, WorkflowsModule, TypeOrmModule.forFeature([ContactEntity])],
  controllers: [ContactsController],
  providers: [ContactDirectory, ListContactsHandler, GetContactHandler],
  exports: [ContactDirectory],
})
export class ContactsModule implements OnModuleInit {
  constructor(
    private readonly catalog: NodeTypeCatalog,
    private readonly handlers: NodeHandlerRegistry,
    private readonly bindings: ExecutionBindings,
    private readonly templates: TemplateEvaluator,
    private readonly contacts: ContactDirectory,
  ) {}

  onModuleInit(): void {
    this.catalog.register(contactUpdateNodeType);
    this.handlers.register(new ContactUpdateNode(this.templates, this.contacts));
    this.bindings.setContactLoader((tenantId, contactId) => this.contacts.get(tenantId, contactId));
  }
}
