import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { LruCache } from '../../platform/caching/lru-cache.js';
import { WorkflowVersionReader } from '../workflows/index.js';
import { webhookWaitNodeIds } from './domain/wait-config.js';
import { type ExecutionPin, ResumeRegistrationStore } from './resume-registration.store.js';

interface ExecutionWaits {
  pin: ExecutionPin;
  nodeIds: string[];
}

const MAX_CACHED_EXECUTIONS = 10_000;

/**
 * Resume registrations of an execution and their URLs (`$execution.<nodeId>.resume_url`). They are
 * created by whichever comes first, the execution-started handler or the first template that needs
 * them; both insert idempotently. Which webhook waits an execution has never changes (its version is
 * pinned), so that is cached: executions without one cost no query per node.
 */
@Injectable()
export class ResumeUrls {
  private readonly waits = new LruCache<string, ExecutionWaits>(MAX_CACHED_EXECUTIONS);

  constructor(
    private readonly store: ResumeRegistrationStore,
    private readonly workflows: WorkflowVersionReader,
    private readonly config: AppConfig,
  ) {}

  url(resumeId: string): string {
    return `${this.config.publicBaseUrl}/webhook/workflow/resume/${resumeId}`;
  }

  /** Creates the pending registrations of a newly started execution. */
  async register(pin: ExecutionPin): Promise<void> {
    const waits = await this.waitsOf(pin);
    await this.store.ensure(pin, waits.nodeIds);
  }

  /** Whether the execution's pinned version has a webhook wait (else it has no registration). */
  async hasWebhookWaits(pin: ExecutionPin): Promise<boolean> {
    return (await this.waitsOf(pin)).nodeIds.length > 0;
  }

  /**
   * The `$execution` binding contributor: `{ <waitNodeId>: { resume_url } }`. Which waits there are
   * comes from the pinned version's graph (cached), so an execution without a webhook wait costs no
   * query, in whichever worker process its node runs.
   */
  async bindings(pin: ExecutionPin): Promise<Record<string, unknown>> {
    const waits = await this.waitsOf(pin);
    if (waits.nodeIds.length === 0) return {};
    let rows = await this.store.listIds(pin.tenantId, pin.executionId);
    if (rows.length === 0) {
      await this.store.ensure(pin, waits.nodeIds);
      rows = await this.store.listIds(pin.tenantId, pin.executionId);
    }
    return Object.fromEntries(rows.map((row) => [row.nodeId, { resume_url: this.url(row.resumeId) }]));
  }

  private async waitsOf(pin: ExecutionPin): Promise<ExecutionWaits> {
    const key = cacheKey(pin.tenantId, pin.executionId);
    const cached = this.waits.get(key);
    if (cached) return cached;
    const graph = await this.workflows.graph(pin.tenantId, pin.workflowId, pin.workflowVersion);
    const waits = { pin, nodeIds: webhookWaitNodeIds(graph.nodes) };
    this.waits.set(key, waits);
    return waits;
  }
}

function cacheKey(tenantId: string, executionId: string): string {
  return `${tenantId}:${executionId}`;
}
