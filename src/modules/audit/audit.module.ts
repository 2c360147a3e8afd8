import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit.controller.js';
import { ListAuditEventsHandler } from './queries/list-audit-events.handler.js';

/** Read side of the event store: the tenant's audit log. */
@Module({ imports: [CqrsModule], controllers: [AuditController], providers: [ListAuditEventsHandler] })
export class AuditModule {}
