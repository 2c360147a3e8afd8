import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import type { ApiKeyPageResponse } from '../dto/api-key-page.response.js';
import { ApiKeyResponse } from '../dto/api-key.response.js';
import { ApiKeyEntity } from '../entities/api-key.entity.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListApiKeysQuery): Promise<ApiKeyPageResponse> {
    const keys = new TenantScopedRepository(this.dataSource.getRepository(ApiKeyEntity));
    const { items, total } = await keys.findPage(query.tenantId, {}, query.page, query.limit, {
      createdAt: 'DESC',
      id: 'ASC',
    });
    return { items: items.map((key) => ApiKeyResponse.from(key)), page: query.page, limit: query.limit, total };
  }
}
