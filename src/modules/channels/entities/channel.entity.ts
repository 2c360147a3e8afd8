import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookProvider } from '../../webhook-providers/index.js';

/** A tenant's connected provider account; its credentials are sealed with the tenant's key. */
@Entity({ name: 'channels' })
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  provider!: WebhookProvider;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', select: false })
  credentialsSealed!: string;

  @Column({ type: 'jsonb' })
  masked!: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
