import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AuditEventPageResponse } from '../dto/audit-event.response.js';
import { ListAuditEventsQuery } from './list-audit-events.query.js';

interface EventRow {
  sequence: string;
  type: string;
  actorId: string | null;
  aggregateType: string;
  aggregateId: string | null;
  payload: Record<string, unknown>;
  timestamp: Date;
}

/** The tenant's slice of the event store, in sequence order (index: tenant_id, sequence_number). */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListAuditEventsQuery): Promise<AuditEventPageResponse> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT sequence_number AS sequence, type, actor_id AS "actorId", aggregate_type AS "aggregateType",
              aggregate_id AS "aggregateId", payload, occurred_at AS timestamp
         FROM event_store
        WHERE tenant_id = $1 AND sequence_number > $2 AND ($3::text IS NULL OR type = $3)
        ORDER BY sequence_number
        LIMIT $4`,
      [query.tenantId, query.afterSequence, query.type ?? null, query.limit],
    );
    const items = rows.map((row) => ({
      ...row,
      sequence: Number(row.sequence),
      timestamp: row.timestamp.toISOString(),
    }));
    return { items, nextAfterSequence: items.length === query.limit ? items[items.length - 1].sequence : null };
  }
}
