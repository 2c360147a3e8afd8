import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import type { ContactPageResponse } from '../dto/contact.response.js';
import { ContactEntity } from '../entities/contact.entity.js';
import { toContactResponse } from '../contact.presenter.js';
import { ListContactsQuery } from './list-contacts.query.js';

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListContactsQuery): Promise<ContactPageResponse> {
    const builder = new TenantScopedRepository(this.dataSource.getRepository(ContactEntity)).queryBuilder(
      query.tenantId,
      'contact',
    );
    if (query.search) {
      builder.andWhere(`lower(coalesce(contact.name, '') || ' ' || contact.externalId) LIKE :search`, {
        search: `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const [items, total] = await builder
      .orderBy('contact.updatedAt', 'DESC')
      .addOrderBy('contact.id', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: items.map(toContactResponse), page: query.page, limit: query.limit, total };
  }
}
