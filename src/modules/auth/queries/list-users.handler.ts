import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import type { UserPageResponse } from '../dto/user-page.response.js';
import { UserResponse } from '../dto/user.response.js';
import { UserEntity } from '../entities/user.entity.js';
import { ListUsersQuery } from './list-users.query.js';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListUsersQuery): Promise<UserPageResponse> {
    const users = new TenantScopedRepository(this.dataSource.getRepository(UserEntity));
    const { items, total } = await users.findPage(query.tenantId, {}, query.page, query.limit, {
      createdAt: 'ASC',
      id: 'ASC',
    });
    return { items: items.map((user) => UserResponse.from(user)), page: query.page, limit: query.limit, total };
  }
}
