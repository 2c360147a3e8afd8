import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { constantTimeEquals } from '../../platform/crypto/constant-time.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { workflowNotFound } from './domain/workflow-errors.js';
import { TRIGGER_TOKEN_AAD } from './trigger-token.js';

/**
 * Authenticates the public trigger route (`POST /webhook/workflow/trigger/:workflowId`): the
 * presented token must equal the workflow's trigger token. Answers the workflow's tenant.
 */
@Injectable()
export class TriggerTokenVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  /** 404 for an unknown workflow, 401 for a missing or wrong token. */
  async verify(workflowId: string, presented: string | undefined): Promise<{ tenantId: string }> {
    const rows: { tenantId: string; sealed: string }[] = await this.dataSource.query(
      `SELECT tenant_id AS "tenantId", trigger_token_sealed AS sealed FROM workflows WHERE id = $1`,
      [workflowId],
    );
    if (!rows[0]) throw workflowNotFound();
    const expected = this.secretBox.openText(rows[0].tenantId, rows[0].sealed, TRIGGER_TOKEN_AAD);
    if (presented === undefined || !constantTimeEquals(presented, expected)) {
      throw new DomainError(
        'unauthenticated',
        'trigger_unauthorized',
        'Missing or invalid trigger token: send X-Webhook-Token, Authorization: Bearer or ?token=.',
      );
    }
    return { tenantId: rows[0].tenantId };
  }
}
