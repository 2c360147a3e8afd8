import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEventStatus } from '../domain/webhook-status.js';

/** One delivery as received: stored (committed) before it is acknowledged. */
@Entity({ name: 'webhook_events' })
export class WebhookEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  webhookId!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'text' })
  status!: WebhookEventStatus;

  @Column({ type: 'text', nullable: true })
  providerEventId!: string | null;

  @Column({ type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ type: 'bytea' })
  rawBody!: Buffer;

  @Column({ type: 'text', nullable: true })
  contentType!: string | null;

  /** Without secret headers (tokens, signatures, cookies). */
  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  /** Without `token`. */
  @Column({ type: 'jsonb' })
  query!: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  sourceIp!: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  processingTimeMs!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'uuid', nullable: true })
  workflowExecutionId!: string | null;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;
}
