import type { ContactResponse } from './dto/contact.response.js';
import type { ContactEntity } from './entities/contact.entity.js';

export function toContactResponse(contact: ContactEntity): ContactResponse {
  return {
    id: contact.id,
    source: contact.source,
    externalId: contact.externalId,
    name: contact.name,
    fields: contact.fields,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
