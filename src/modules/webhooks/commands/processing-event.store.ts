import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '../../../platform/batching/micro-batcher.js';
import { pgPool } from '../../../platform/database/pg-pool.js';
import { unnestColumns } from '../../../platform/database/unnest-columns.js';
import { EVENT_STORE_INSERT } from '../../../platform/outbox/unit-of-work.js';
import type { WebhookConfig } from '../entities/webhook.entity.js';
import type { WebhookReceivedEvent } from '../events/webhook-received.event.js';

/** A stored event with what processing it needs of its webhook. */
export interface ProcessingEvent {
  id: string;
  tenantId: string;
  status: string;
  webhookId: string;
  provider: string;
  rawBody: Buffer;
  contentType: string | null;
  headers: Record<string, string>;
  query: Record<string, string>;
  customerId: string | null;
  workflowId: string;
  nodeId: string;
  config: WebhookConfig;
}

/** How processing ended, and the `webhook.received` event that records it. */
export interface EventOutcome {
  tenantId: string;
  eventId: string;
  status: 'processed' | 'failed';
  error: string | null;
  executionId: string | null;
  received: WebhookReceivedEvent;
  correlationId: string | null;
}

const BATCHING = { maxBatchSize: 200, maxInFlight: 4, maxPending: 10_000 };

/**
 * The reads and writes of webhook-event processing. Event jobs run many at a time; the events they
 * load at once are read with one query, and the outcomes they record at once are written with one
 * statement (each event's status and its `webhook.received`), like ingress stores them.
 */
@Injectable()
export class ProcessingEventStore {
  private readonly loads = new MicroBatcher<{ tenantId: string; eventId: string }, ProcessingEvent | undefined>(
    (keys) => this.loadBatch(keys),
    BATCHING,
  );
  private readonly finishes = new MicroBatcher<EventOutcome, number | undefined>(
    (outcomes) => this.finishBatch(outcomes),
    BATCHING,
  );

  constructor(private readonly dataSource: DataSource) {}

  load(tenantId: string, eventId: string): Promise<ProcessingEvent | undefined> {
    return this.loads.submit({ tenantId, eventId });
  }

  /** Records the outcome; returns the processing time it measured (undefined: the event is gone). */
  finish(outcome: EventOutcome): Promise<number | undefined> {
    return this.finishes.submit(outcome);
  }

  private async loadBatch(keys: { tenantId: string; eventId: string }[]): Promise<(ProcessingEvent | undefined)[]> {
    const { rows } = await pgPool(this.dataSource).query<ProcessingEvent>({
      text: `SELECT e.id, e.tenant_id AS "tenantId", e.status, e.webhook_id AS "webhookId", e.provider, e.raw_body AS "rawBody", e.content_type AS "contentType",
                    e.headers, e.query, e.customer_id AS "customerId", w.workflow_id AS "workflowId", w.node_id AS "nodeId", w.config
               FROM webhook_events e JOIN webhooks w ON w.id = e.webhook_id
              WHERE e.id = ANY($1::uuid[])`,
      values: [[...new Set(keys.map((key) => key.eventId))]],
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return keys.map(({ tenantId, eventId }) => {
      const event = byId.get(eventId);
      return event?.tenantId === tenantId ? event : undefined;
    });
  }

  private async finishBatch(outcomes: EventOutcome[]): Promise<(number | undefined)[]> {
    const { rows } = await pgPool(this.dataSource).query<{ id: string; processingMs: number }>({
      text: `WITH outcome AS (
               SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[])
                        AS o(event_id, tenant_id, status, error, execution_id, event_type, correlation_id, payload, occurred_at)
             ), finished AS (
               UPDATE webhook_events e SET status = o.status, error = o.error, workflow_execution_id = coalesce(o.execution_id, e.workflow_execution_id), processed_at = now(),
                      processing_time_ms = (extract(epoch FROM (now() - e.received_at)) * 1000)::int
                 FROM outcome o
                WHERE e.id = o.event_id AND e.tenant_id = o.tenant_id
                RETURNING e.id, e.tenant_id, e.webhook_id, e.processing_time_ms, o.event_type, o.correlation_id, o.payload, o.occurred_at
             ), event AS (
               ${EVENT_STORE_INSERT}
               SELECT tenant_id, event_type, 'webhook', webhook_id, NULL, correlation_id, payload || jsonb_build_object('processingMs', processing_time_ms), occurred_at FROM finished
             )
             SELECT id, processing_time_ms AS "processingMs" FROM finished`,
      values: unnestColumns(
        outcomes,
        (o) => o.eventId,
        (o) => o.tenantId,
        (o) => o.status,
        (o) => o.error,
        (o) => o.executionId,
        (o) => o.received.type,
        (o) => o.correlationId,
        (o) => JSON.stringify(o.received.payload),
        (o) => o.received.occurredAt,
      ),
    });
    const processingMs = new Map(rows.map((row) => [row.id, row.processingMs]));
    return outcomes.map((outcome) => processingMs.get(outcome.eventId));
  }
}
