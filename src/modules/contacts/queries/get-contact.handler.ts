import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { TenantScopedRepository } from '../../../platform/database/tenant-scoped.repository.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import type { ContactResponse } from '../dto/contact.response.js';
import { ContactEntity } from '../entities/contact.entity.js';
import { toContactResponse } from '../contact.presenter.js';
import { GetContactQuery } from './get-contact.query.js';

@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: GetContactQuery): Promise<ContactResponse> {
    const contact = await new TenantScopedRepository(this.dataSource.getRepository(ContactEntity)).findById(
      query.tenantId,
      query.contactId,
    );
    if (!contact) throw new DomainError('not_found', 'contact_not_found', 'Contact not found.');
    return toContactResponse(contact);
  }
}
