import { servableJson } from '../../platform/database/postgres-text.js';
import type { ContactResponse } from './dto/contact.response.js';
import type { ContactEntity } from './entities/contact.entity.js';

/** A contact as the API serves it; fields nesting past the stored limit (legacy rows) are served as a marker. */
export function toContactResponse(contact: ContactEntity): ContactResponse {
  return {
    id: contact.id,
    source: contact.source,
    externalId: contact.externalId,
    name: contact.name,
    fields: servableJson(contact.fields) as Record<string, unknown>,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
