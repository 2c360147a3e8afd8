import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TenantScopedRepository } from '../../platform/database/tenant-scoped.repository.js';
import { WorkflowVersionReader } from '../workflows/index.js';
import { notAWebhookTrigger, webhookNotFound } from './domain/webhook-errors.js';
import { WebhookEntity } from './entities/webhook.entity.js';

@Injectable()
export class WebhookRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowVersionReader,
  ) {}

  scoped(manager: EntityManager = this.dataSource.manager): TenantScopedRepository<WebhookEntity> {
    return new TenantScopedRepository(manager.getRepository(WebhookEntity));
  }

  async get(tenantId: string, id: string, manager?: EntityManager): Promise<WebhookEntity> {
    const webhook = await this.scoped(manager).findById(tenantId, id);
    if (!webhook) throw webhookNotFound();
    return webhook;
  }

  /** The node must be a `trigger.webhook` node of the workflow's current version. */
  async assertWebhookTrigger(tenantId: string, workflowId: string, nodeId: string): Promise<void> {
    const graph = await this.workflows.currentGraph(tenantId, workflowId);
    if (graph.node(nodeId)?.type !== 'trigger.webhook') throw notAWebhookTrigger(nodeId);
  }
}
