import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { userNotFound } from '../domain/auth-errors.js';
import type { MeResponse } from '../dto/me.response.js';
import { TenantResponse } from '../dto/tenant.response.js';
import { UserResponse } from '../dto/user.response.js';
import { TenantEntity } from '../entities/tenant.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { GetMeQuery } from './get-me.query.js';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetMeQuery): Promise<MeResponse> {
    const user = query.actorId
      ? await new TenantScopedRepository(this.dataSource.getRepository(UserEntity)).findById(
          query.tenantId,
          query.actorId,
        )
      : null;
    if (!user) throw userNotFound();
    const tenant = await this.dataSource.getRepository(TenantEntity).findOneByOrFail({ id: query.tenantId });
    return { user: UserResponse.from(user), tenant: TenantResponse.from(tenant) };
  }
}
