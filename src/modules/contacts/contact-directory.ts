import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { textWithoutNul, toPostgresJson } from '../../platform/database/postgres-text.js';

export type ContactView = {
  id: string;
  source: string;
  externalId: string;
  name: string | null;
  fields: Record<string, unknown>;
};

/** What other modules may do with contacts: upsert by (source, external id), read, merge fields. */
@Injectable()
export class ContactDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement, safe under concurrent deliveries from the same customer. */
  async upsert(tenantId: string, source: string, externalId: string): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO contacts (tenant_id, source, external_id) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, source, external_id) DO UPDATE SET updated_at = now()
       RETURNING id`,
      [tenantId, source, externalId],
    );
    return row.id;
  }

  async get(tenantId: string, contactId: string): Promise<ContactView | null> {
    const [row]: ContactView[] = await this.dataSource.query(
      `SELECT id, source, external_id AS "externalId", name, fields FROM contacts WHERE id = $1 AND tenant_id = $2`,
      [contactId, tenantId],
    );
    return row ?? null;
  }

  /** Shallow-merges into `fields` (a `name` key also sets the contact's name). */
  async mergeFields(tenantId: string, contactId: string, fields: Record<string, unknown>): Promise<ContactView | null> {
    const [row]: ContactView[] = await this.dataSource.query(
      `UPDATE contacts SET fields = fields || $3::jsonb, name = coalesce($4, name), updated_at = now()
        WHERE id = $1 AND tenant_id = $2
        RETURNING id, source, external_id AS "externalId", name, fields`,
      [
        contactId,
        tenantId,
        toPostgresJson(fields),
        typeof fields.name === 'string' ? textWithoutNul(fields.name) : null,
      ],
    );
    return row ?? null;
  }
}
