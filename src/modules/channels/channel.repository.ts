import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TenantScopedRepository } from '../../platform/database/tenant-scoped.repository.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { ChannelEntity } from './entities/channel.entity.js';

export const channelNotFound = () => new DomainError('not_found', 'channel_not_found', 'Channel not found.');

@Injectable()
export class ChannelRepository {
  constructor(private readonly dataSource: DataSource) {}

  scoped(manager: EntityManager = this.dataSource.manager): TenantScopedRepository<ChannelEntity> {
    return new TenantScopedRepository(manager.getRepository(ChannelEntity));
  }

  async get(tenantId: string, id: string, manager?: EntityManager): Promise<ChannelEntity> {
    const channel = await this.scoped(manager).findById(tenantId, id);
    if (!channel) throw channelNotFound();
    return channel;
  }
}
