import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of the append-only event store (the tenant's audit log). */
@Entity({ name: 'event_store' })
export class StoredEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  sequenceNumber!: string;

  @Column({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  aggregateType!: string;

  @Column({ type: 'uuid', nullable: true })
  aggregateId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
