import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { CredentialData } from './domain/credential-data.js';

export const CREDENTIAL_AAD = 'credential-data';
export const credentialNotFound = () => new DomainError('not_found', 'credential_not_found', 'Credential not found.');

/** The one way other modules read a credential's secret data (outbound actions), tenant-scoped. */
@Injectable()
export class CredentialVault {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  /** Null when the credential does not exist for this tenant. */
  async open(tenantId: string, credentialId: string): Promise<CredentialData | null> {
    const [row]: { dataSealed: string }[] = await this.dataSource.query(
      `SELECT data_sealed AS "dataSealed" FROM credentials WHERE id = $1 AND tenant_id = $2`,
      [credentialId, tenantId],
    );
    return row ? this.secretBox.openJson<CredentialData>(tenantId, row.dataSealed, CREDENTIAL_AAD) : null;
  }
}
