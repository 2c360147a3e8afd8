import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { CredentialResponse, type CredentialPageResponse } from '../dto/credential.response.js';
import { CredentialEntity } from '../entities/credential.entity.js';
import { ListCredentialsQuery } from './list-credentials.query.js';

@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListCredentialsQuery): Promise<CredentialPageResponse> {
    const { items, total } = await new TenantScopedRepository(this.dataSource.getRepository(CredentialEntity)).findPage(
      query.tenantId,
      {},
      query.page,
      query.limit,
      {
        createdAt: 'DESC',
        id: 'ASC',
      },
    );
    return { items: items.map((row) => CredentialResponse.from(row)), page: query.page, limit: query.limit, total };
  }
}
