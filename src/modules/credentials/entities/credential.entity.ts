import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CredentialType } from '../domain/credential-type.js';

/** A secret for outbound calls: the data is sealed with the tenant's key; only a masked view is kept in clear. */
@Entity({ name: 'credentials' })
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: CredentialType;

  @Column({ type: 'text', select: false })
  dataSealed!: string;

  @Column({ type: 'jsonb' })
  masked!: Record<string, string>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
