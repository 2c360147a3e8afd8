import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookProvider } from '../../webhook-providers/index.js';
import type { WebhookStatus } from '../domain/webhook-status.js';

export interface WebhookConfig {
  headers?: Record<string, string>;
  expectedPayloadSchema?: Record<string, unknown>;
  transformationTemplate?: unknown;
  retryPolicy?: { maxAttempts?: number; backoffMs?: number };
  verifyToken?: string;
}

/** An inbound endpoint bound to a `trigger.webhook` node of a workflow. */
@Entity({ name: 'webhooks' })
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'uuid' })
  workflowId!: string;

  @Column({ type: 'text' })
  nodeId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  provider!: WebhookProvider;

  @Column({ type: 'text' })
  status!: WebhookStatus;

  /** Shown to its tenant (the URL needs it); encrypted with the tenant's key. */
  @Column({ type: 'text' })
  authTokenSealed!: string;

  /** SHA-256 of the token: what ingress compares, in constant time. */
  @Column({ type: 'text' })
  authTokenHash!: string;

  @Column({ type: 'text', nullable: true })
  secretKeySealed!: string | null;

  @Column({ type: 'jsonb' })
  config!: WebhookConfig;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
